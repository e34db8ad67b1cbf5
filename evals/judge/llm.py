"""LLM diagnosis judge with SDBench's 5-point rubric, through dxkit.models.structured."""

from __future__ import annotations

from typing import Any

from dxkit.evals.judge.result import CORRECT_AT, LEVELS, JudgeResult, LlmVerdict

# The rubric's scale (SDBench, Nori et al. 2025), in our words.
RUBRIC = """You grade a predicted diagnosis against the correct one.
Score on this 5-point scale:
5 = perfect: the same diagnosis (synonyms and spelling differences are fine).
4 = mostly correct: the right diagnosis, with minor incompleteness (e.g. missing a subtype or cause).
3 = partially correct: close, but with one major error (e.g. right organ and process, wrong disease).
2 = largely incorrect: only loosely related (e.g. same organ system).
1 = completely incorrect: unrelated.
Judge the medical meaning, not the wording."""


def judge_with_model(predicted: str, truth: str, model: Any, *, ledger: Any = None,
                     reference: JudgeResult | None = None) -> JudgeResult:
    """Score from the model; levels and concepts from `reference` (the deterministic judgement)."""
    from dxkit.models import structured  # the model layer is imported only when a model is used

    messages = [("system", RUBRIC), ("human", f"Correct diagnosis: {truth}\nPredicted diagnosis: {predicted}")]
    verdict = structured(model, LlmVerdict, messages, ledger=ledger)
    return JudgeResult(predicted=predicted, truth=truth, score=verdict.score,
                       correct=verdict.score >= CORRECT_AT,
                       levels=dict(reference.levels) if reference else dict.fromkeys(LEVELS, False),
                       predicted_concept=reference.predicted_concept if reference else None,
                       truth_concept=reference.truth_concept if reference else None,
                       method="llm", rationale=verdict.rationale)
