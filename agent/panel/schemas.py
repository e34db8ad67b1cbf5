"""Typed records of the diagnostic panel: what the model returns, what the tools add, what comes out.

`Deliberation` is the only thing the model writes (one structured call per round covers Dr
Hypothesis, Dr Test-Chooser and Dr Challenger). Everything else is filled by deterministic
code: prices (Dr Stewardship), validation (Dr Checklist), calculators and evidence.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

ActionKind = Literal["ask", "order", "diagnose"]
YieldLevel = Literal["low", "medium", "high"]
TestStatus = Literal["approved", "substituted", "vetoed", "invalid", "declined"]


# -- what the model writes -------------------------------------------------------------------
# Lengths are clipped after parsing instead of declared as maxLength: length-bounded strings
# make constrained decoding's automaton, and so its compile time, much larger.
def _clipper(limit: int):
    def clip(value: str) -> str:
        value = " ".join(value.split())
        return value if len(value) <= limit else value[:limit].rstrip()

    return AfterValidator(clip)


Name = Annotated[str, _clipper(80)]
Text = Annotated[str, _clipper(300)]

class ProposedHypothesis(BaseModel):
    """Dr Hypothesis: one diagnosis of the differential."""

    diagnosis: Name = Field(description="A specific disease name.")
    probability: float = Field(ge=0, le=1, description="Probability this is the final diagnosis.")
    citations: list[str] = Field(default_factory=list, max_length=2,
                                 description="Citation ids of passages (e.g. [file:x#c0]) that support it.")


class ProposedTest(BaseModel):
    """Dr Test-Chooser: one test that separates the leading hypotheses."""

    name: Name = Field(description="Test name, e.g. 'chest X-ray', 'CBC'.")
    expected_yield: YieldLevel = Field("medium", description="How much the result would change the differential.")


class Deliberation(BaseModel):
    """One round of the virtual panel, written by the model."""

    differential: list[ProposedHypothesis] = Field(max_length=5, description="Ranked, most likely first.")
    action: ActionKind = Field(description="ask questions, order tests, or diagnose (commit to the leader).")
    questions: list[Name] = Field(default_factory=list, max_length=3, description="Questions to ask (action ask).")
    tests: list[ProposedTest] = Field(default_factory=list, max_length=3, description="Tests (action order).")
    challenger_test: Name | None = Field(None, description="Dr Challenger: the test that could falsify the leader.")
    rationale: Text = Field("", description="Short reasoning; cite passages as [id].")


# -- what the panel keeps --------------------------------------------------------------------
class Hypothesis(BaseModel):
    """A differential item after the checklist: a probability and citations that resolve."""

    diagnosis: str
    probability: float = Field(ge=0, le=1)
    citations: list[str] = Field(default_factory=list)


class RevealedFinding(BaseModel):
    """What the gatekeeper said in reply to one question or test."""

    round: int
    kind: Literal["question", "test", "note"]
    request: str
    text: str
    status: str
    price_usd: float = 0.0


class EvidenceSnippet(BaseModel):
    """A retrieved passage as the panel holds it: untrusted text under a citation id."""

    citation_id: str
    title: str = ""
    text: str
    query: str = Field(description="The search that found it (usually a hypothesis).")


class CalculatorRun(BaseModel):
    """One calculator run on the findings so far."""

    calculator_id: str
    name: str
    inputs: dict[str, object] = Field(default_factory=dict)
    value: float | int | str | None = None
    unit: str = ""
    band: str | None = None
    interpretation: str = ""
    missing: list[str] = Field(default_factory=list)
    possible_low: float | None = None
    possible_high: float | None = None
    possible_bands: list[str] = Field(default_factory=list)
    category_could_change: bool = False
    reference: str = ""


class SuggestedRequest(BaseModel):
    """A question or test that would fill a calculator input whose value could change the band."""

    kind: Literal["ask", "order"]
    text: str
    reason: str


class PricedTest(BaseModel):
    """Dr Stewardship's and Dr Checklist's view of one proposed test."""

    requested: str
    name: str = Field(description="The test to order (a cheaper equivalent when substituted).")
    codes: list[str] = Field(default_factory=list)
    price_usd: float = Field(0.0, ge=0)
    matched: bool = True
    expected_yield: YieldLevel = "medium"
    status: TestStatus = "approved"
    reason: str = ""


class PanelAction(BaseModel):
    """The consensus: exactly one action for this round."""

    model_config = ConfigDict(extra="forbid")

    kind: ActionKind
    questions: list[str] = Field(default_factory=list)
    tests: list[PricedTest] = Field(default_factory=list)
    diagnosis: str = ""
    reason: str = Field("", description="Why the consensus chose this (model choice, fallback, limit ...).")
    fallback: bool = Field(False, description="True when the model's proposal could not be used.")


class RoundLog(BaseModel):
    """What happened in one round (for printing, the result and the ledger)."""

    round: int
    differential: list[Hypothesis] = Field(default_factory=list)
    action: PanelAction
    findings: list[RevealedFinding] = Field(default_factory=list)
    calculators: list[CalculatorRun] = Field(default_factory=list)
    vetoes: list[PricedTest] = Field(default_factory=list)
    issues: list[str] = Field(default_factory=list)
    citations: list[str] = Field(default_factory=list)
    spent_usd: float = 0.0


class FinalDiagnosis(BaseModel):
    diagnosis: str
    icd10: str | None = None
    icd10_name: str | None = None
    reason: str = ""


# -- human in the loop -----------------------------------------------------------------------
class ReviewRequest(BaseModel):
    """Sent to the person (LangGraph interrupt) before tests above the price threshold are ordered."""

    round: int
    tests: list[PricedTest]
    threshold_usd: float
    spent_usd: float
    leader: str = ""


class ReviewDecision(BaseModel):
    """The person's reply: approve all, or name the tests to keep."""

    model_config = ConfigDict(extra="forbid")

    approve: bool = True
    keep: list[str] | None = Field(None, description="Requested names to keep; None keeps all when approve.")
    note: str = ""

    def kept(self, tests: list[PricedTest]) -> list[PricedTest]:
        if not self.approve:
            return []
        if self.keep is None:
            return tests
        wanted = {k.strip().lower() for k in self.keep}
        return [t for t in tests if t.requested.lower() in wanted or t.name.lower() in wanted]
