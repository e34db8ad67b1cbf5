"""What a judgement returns, and the scale it uses."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from dxkit.tools.ontology import Concept

LEVELS = ("concept", "category", "block", "chapter")
CORRECT_AT = 4  # SDBench: a score of 4 or 5 counts as a correct diagnosis
# Deterministic scale: the finest level at which the two diagnoses agree.
SCORE_BY_LEVEL = {"concept": 5, "category": 4, "block": 3, "chapter": 2}


class JudgeResult(BaseModel):
    """A predicted diagnosis scored against the truth on SDBench's 1-5 scale."""

    predicted: str
    truth: str
    score: int = Field(ge=1, le=5)
    correct: bool = Field(description="score >= 4")
    levels: dict[str, bool] = Field(description="Agreement at concept / ICD category / block / chapter.")
    predicted_concept: Concept | None = None
    truth_concept: Concept | None = None
    method: Literal["deterministic", "llm"]
    rationale: str


class LlmVerdict(BaseModel):
    """What the LLM judge must return."""

    score: int = Field(ge=1, le=5, description="1-5 per the rubric.")
    rationale: str = Field(description="One or two sentences explaining the score.")
