"""Diagnosis judge: deterministic (DOID + ICD-10-CM levels) by default, SDBench LLM rubric on request."""

from __future__ import annotations

from typing import Any

from dxkit.errors import InputError
from dxkit.evals.judge.deterministic import judge_deterministic
from dxkit.evals.judge.llm import RUBRIC, judge_with_model
from dxkit.evals.judge.result import CORRECT_AT, LEVELS, JudgeResult, LlmVerdict

__all__ = ["CORRECT_AT", "LEVELS", "RUBRIC", "JudgeResult", "LlmVerdict", "judge_deterministic",
           "judge_diagnosis", "judge_with_model"]


def judge_diagnosis(predicted: str, truth: str, model: Any = None, *, ledger: Any = None) -> JudgeResult:
    """Score `predicted` against `truth` (1-5, correct at >= 4).

    Without a model the judgement is deterministic. With a chat model the score is the
    model's, on SDBench's rubric, while the ICD levels and concepts stay deterministic.
    """
    for field, value in (("predicted", predicted), ("truth", truth)):
        if not isinstance(value, str) or not value.strip():
            raise InputError(field, value, "is empty or not text", accepted="a diagnosis name")
    reference = judge_deterministic(predicted, truth)
    if model is None:
        return reference
    return judge_with_model(predicted, truth, model, ledger=ledger, reference=reference)
