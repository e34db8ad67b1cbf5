"""`DiagnosisResult`: what `dxkit.diagnose` returns, assembled from the final graph state."""

from __future__ import annotations

import re
from typing import Any

from pydantic import BaseModel, Field

from dxkit.agent.panel.checklist import citation_resolves
from dxkit.agent.panel.config import PanelConfig
from dxkit.agent.panel.schemas import CalculatorRun, Hypothesis, PricedTest, RoundLog
from dxkit.agent.panel.state import PanelState

_CITATION = re.compile(r"\[([^\[\]\s]+)\]")


class EvidenceClaim(BaseModel):
    """A statement in the rationale and the passages it rests on (ids that resolve in the index)."""

    statement: str
    citations: list[str] = Field(default_factory=list)
    quotes: list[str] = Field(default_factory=list, description="The cited passages' text, as stored.")


class DiagnosisResult(BaseModel):
    """The panel's costed, cited answer for one case."""

    diagnosis: str
    icd10: str | None = Field(None, description="ICD-10-CM code from the ontology normaliser, when it matched.")
    icd10_name: str | None = None
    differential: list[Hypothesis] = Field(default_factory=list, description="Ranked, with probabilities.")
    rationale: list[EvidenceClaim] = Field(default_factory=list)
    calculators: list[CalculatorRun] = Field(default_factory=list)
    questions: list[str] = Field(default_factory=list)
    tests: list[PricedTest] = Field(default_factory=list, description="Tests ordered, with their prices.")
    vetoes: list[PricedTest] = Field(default_factory=list, description="Tests proposed but not ordered, and why.")
    checklist_issues: list[str] = Field(default_factory=list)
    clinical_cost_usd: float = 0.0
    llm_cost_usd: float = 0.0
    llm_prompt_tokens: int = 0
    llm_completion_tokens: int = 0
    llm_calls: int = 0
    rounds: int = Field(0, description="Information-gathering rounds carried out.")
    fallbacks: int = Field(0, description="Rounds where the model's output could not be used as written.")
    variant: str = "budgeted"
    budget_usd: float | None = None
    round_log: list[RoundLog] = Field(default_factory=list)
    members: list[str] = Field(default_factory=list, description="Ensemble: each member's diagnosis.")
    run_id: str | None = None
    ledger_path: str | None = None
    thread_id: str | None = None


def build_rationale(differential: list[Hypothesis], model_rationale: str, index: Any) -> list[EvidenceClaim]:
    claims: list[EvidenceClaim] = []

    def quotes(ids: list[str]) -> list[str]:
        return [index.resolve(cid).text for cid in ids] if index is not None else []

    for rank, item in enumerate(differential, start=1):
        cited = [c for c in item.citations if citation_resolves(index, c)]
        if cited:
            claims.append(EvidenceClaim(
                statement=f"#{rank} {item.diagnosis} (probability {item.probability:.2f}): evidence retrieved "
                          "for this hypothesis", citations=cited, quotes=quotes(cited)))
    if model_rationale.strip():
        ids = [c for c in _CITATION.findall(model_rationale) if citation_resolves(index, c)]
        text = _CITATION.sub(lambda m: m.group(0) if m.group(1) in ids else "", model_rationale).strip()
        claims.append(EvidenceClaim(statement=f"Panel: {text}", citations=ids, quotes=quotes(ids)))
    return claims


def llm_usage(ledger: Any) -> dict[str, Any]:
    if ledger is None:
        return {}
    summary = ledger.summary()
    return {"llm_cost_usd": summary.llm_usd, "llm_prompt_tokens": summary.prompt_tokens,
            "llm_completion_tokens": summary.completion_tokens,
            "llm_calls": summary.count_by_kind.get("llm_call", 0),
            "run_id": ledger.run_id, "ledger_path": str(ledger.path)}


def result_from_state(state: PanelState, config: PanelConfig, index: Any, ledger: Any,
                      thread_id: str | None) -> DiagnosisResult:
    final = state["final"]
    assert final is not None, "the graph has not finished"
    proposal = state["proposal"]
    issues = [issue for log in state["rounds"] for issue in log.issues]
    return DiagnosisResult(
        diagnosis=final.diagnosis, icd10=final.icd10, icd10_name=final.icd10_name,
        differential=state["differential"],
        rationale=build_rationale(state["differential"], proposal.rationale if proposal else "", index),
        calculators=state["calculators"], questions=state["asked"], tests=state["ordered"],
        vetoes=state["vetoes"], checklist_issues=issues, clinical_cost_usd=state["spent_usd"],
        rounds=state["round"], fallbacks=state["fallbacks"], variant=config.variant,
        budget_usd=config.budget_usd, round_log=state["rounds"], thread_id=thread_id, **llm_usage(ledger))
