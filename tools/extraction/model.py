"""Types of the note extractor: every extracted value keeps the span of text it came from."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, Field, PrivateAttr

Source = Literal["rules", "llm", "user"]


class Span(BaseModel):
    """Character offsets [start, end) into the note, and the text found there."""

    start: int
    end: int
    text: str


class Finding(BaseModel):
    """One extracted fact: a quantity (value + unit), a yes/no finding, or a category."""

    concept: str
    value: Any
    unit: str | None = None
    span: Span
    negated: bool = False
    uncertain: bool = False
    historical: bool = False
    family: bool = False  # about a relative, not the patient
    source: Source = "rules"
    note: str | None = None  # e.g. "unit corrected from mg/dL (implausible for albumin)"

    @property
    def affirmed(self) -> bool:
        """A present, certain finding about the patient."""
        return not (self.negated or self.uncertain or self.family)


class NoteFacts(BaseModel):
    """Everything extracted from one note, in order of appearance."""

    text: str
    findings: list[Finding] = Field(default_factory=list)
    question: str | None = None  # what the user asked: names targets such as the steroid to convert to
    # memo of per-calculator results (see to_inputs.fill_inputs): ranking fills every calculator,
    # and the chosen ones are filled again; findings are not changed after extraction
    _memo: dict[Any, Any] = PrivateAttr(default_factory=dict)

    def for_concept(self, concept: str) -> list[Finding]:
        return [f for f in self.findings if f.concept == concept]

    def first(self, concept: str, *, affirmed_only: bool = False) -> Finding | None:
        for finding in self.for_concept(concept):
            if not affirmed_only or finding.affirmed:
                return finding
        return None

    def concepts(self) -> set[str]:
        return {f.concept for f in self.findings}
