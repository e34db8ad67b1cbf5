"""What `dxkit.assess` returns."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field

from dxkit.calculators.base import CalculatorResult, Reference
from dxkit.tools.calculator_selection import Candidate
from dxkit.tools.extraction.to_inputs import InputSource


class AssessedCalculator(BaseModel):
    """One calculator applied to the note: its result, where each input came from, what is missing."""

    calculator_id: str
    name: str
    selection: Candidate
    result: CalculatorResult  # computed from what the note says; missing inputs reported with ranges
    inputs_from_note: dict[str, InputSource] = Field(default_factory=dict)
    missing: list[str] = Field(default_factory=list)
    value_if_unmentioned_absent: Any = None  # the score if every unmentioned finding is absent
    interpretation: str | None = None
    reference: Reference


class RiskAssessment(BaseModel):
    note_sha256: str
    question: str | None = None
    candidates: list[Candidate]
    assessments: list[AssessedCalculator]
    extraction_method: str = "rules"
    ledger_run_id: str | None = None

    @property
    def best(self) -> AssessedCalculator | None:
        return self.assessments[0] if self.assessments else None
