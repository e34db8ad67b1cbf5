"""What extraction takes and returns. A number without a span is not a number: it is absent."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

BINARY_FIELDS = ("intervention_events", "intervention_group_size", "comparator_events", "comparator_group_size")
CONTINUOUS_FIELDS = ("intervention_mean", "intervention_standard_deviation", "intervention_group_size",
                     "comparator_mean", "comparator_standard_deviation", "comparator_group_size")
NOT_REPORTED = "not reported"


class ExtractionTarget(BaseModel):
    """One intervention / comparator / outcome triple to extract numbers for."""

    model_config = ConfigDict(extra="forbid")
    intervention: str = Field(min_length=1, description="Intervention arm as named in the report.")
    comparator: str = Field(min_length=1, description="Comparator arm as named in the report.")
    outcome: str = Field(min_length=1, description="Outcome as named in the report.")
    outcome_type: Literal["binary", "continuous"]


class SourceSpan(BaseModel):
    """Character offsets into the source document, and the text there."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str


class ExtractedNumber(BaseModel):
    """A value with the span it was read from; `value=None` means not reported."""

    value: float | None = None
    span: SourceSpan | None = None
    method: Literal["rule", "llm", "none"] = "none"

    @property
    def reported(self) -> bool:
        return self.value is not None

    def shown(self) -> str:
        return NOT_REPORTED if self.value is None else f"{self.value:g}"


class ExtractionResult(BaseModel):
    """Numbers for one target; fields depend on the outcome type."""

    target: ExtractionTarget
    source_id: str
    fields: dict[str, ExtractedNumber]
    notes: list[str] = Field(default_factory=list)

    def value(self, name: str) -> float | None:
        number = self.fields.get(name)
        return None if number is None else number.value

    @property
    def complete(self) -> bool:
        names = BINARY_FIELDS if self.target.outcome_type == "binary" else CONTINUOUS_FIELDS
        return all(self.value(n) is not None for n in names)


def field_names(outcome_type: str) -> tuple[str, ...]:
    return BINARY_FIELDS if outcome_type == "binary" else CONTINUOUS_FIELDS
