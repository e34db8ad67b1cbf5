"""Nodes that touch the world: the human review, carrying out an action, and the final diagnosis.

Each is its own graph step, so a checkpoint separates the model's deliberation from the
charges it leads to: a run killed after deliberating resumes without asking the model again,
and one killed after acting resumes without charging again.
"""

from __future__ import annotations

from typing import Any

from langgraph.types import interrupt

from dxkit.agent.panel.config import PanelConfig
from dxkit.agent.panel.information import attach_citations, retrieve
from dxkit.agent.panel.schemas import (
    FinalDiagnosis,
    PanelAction,
    PricedTest,
    RevealedFinding,
    ReviewDecision,
    ReviewRequest,
    RoundLog,
)
from dxkit.agent.panel.state import PanelState
from dxkit.agent.panel.tools import PanelTools
from dxkit.cases import Ask, Diagnose, Order


def make_review_node(config: PanelConfig):
    def human_review(state: PanelState) -> dict[str, Any]:
        action = state["pending"]
        assert action is not None and config.hitl_threshold_usd is not None
        costly = [t for t in action.tests if t.price_usd > config.hitl_threshold_usd]
        leader = state["differential"][0].diagnosis if state["differential"] else ""
        request = ReviewRequest(round=state["round"] + 1, tests=costly, threshold_usd=config.hitl_threshold_usd,
                                spent_usd=state["spent_usd"], leader=leader)
        reply = interrupt(request.model_dump(mode="json"))
        decision = ReviewDecision(approve=reply) if isinstance(reply, bool) else ReviewDecision.model_validate(reply)
        kept = decision.kept(costly)
        refused = [t for t in costly if t not in kept]
        tests = [t for t in action.tests if t not in refused]
        note = f"reviewer declined: {', '.join(t.requested for t in refused)}" if refused else "reviewer approved"
        return {"pending": action.model_copy(update={"tests": tests, "reason": f"{action.reason}; {note}"}),
                "declined": [t.requested for t in refused]}

    return human_review


def _charge(observation: Any) -> float:
    return float(observation.charge.price_usd) if observation.charge is not None else 0.0


def _round_log(state: PanelState, action: PanelAction, findings: list[RevealedFinding], spent: float) -> RoundLog:
    return RoundLog(round=state["round"] + 1, differential=state["differential"], action=action, findings=findings,
                    calculators=state["calculators"],
                    vetoes=[t for t in state["priced"] if t.status in ("vetoed", "declined", "invalid")],
                    issues=state["issues"], citations=[e.citation_id for e in state["evidence"]], spent_usd=spent)


def make_act_node(encounter: Any):
    def act(state: PanelState) -> dict[str, Any]:
        action = state["pending"]
        assert action is not None and action.kind in ("ask", "order")
        number = state["round"] + 1
        findings: list[RevealedFinding] = []
        ordered: list[PricedTest] = []
        asked: list[str] = []
        if action.kind == "ask":
            observations = encounter.act(Ask(questions=action.questions))
            asked = list(action.questions)
            for obs in observations:
                findings.append(RevealedFinding(round=number, kind="question", request=obs.request, text=obs.text,
                                                status=obs.status, price_usd=_charge(obs)))
        elif action.tests:
            observations = encounter.act(Order(tests=[t.name for t in action.tests]))
            by_name = {t.name: t for t in action.tests}
            for obs in observations:
                findings.append(RevealedFinding(round=number, kind="test", request=obs.request, text=obs.text,
                                                status=obs.status, price_usd=_charge(obs)))
                test = by_name.get(obs.request)
                if test is not None and obs.status not in ("refused", "redirected"):
                    ordered.append(test.model_copy(update={"price_usd": _charge(obs)}))
        else:
            findings.append(RevealedFinding(round=number, kind="note", request="order",
                                            text="All proposed tests were declined by the reviewer.",
                                            status="declined"))
        spent = round(state["spent_usd"] + sum(f.price_usd for f in findings), 2)
        return {"findings": findings, "asked": asked, "ordered": ordered, "spent_usd": spent, "round": number,
                "rounds": [_round_log(state, action, findings, spent)], "pending": None}

    return act


def make_finish_node(tools: PanelTools, config: PanelConfig, encounter: Any):
    def finish(state: PanelState) -> dict[str, Any]:
        action = state["pending"]
        assert action is not None and action.kind == "diagnose"
        diagnosis = action.diagnosis
        icd10 = icd10_name = None
        if tools.normalise is not None and diagnosis:
            concept = tools.normalise(diagnosis)
            if concept is not None and concept.icd10:
                icd10, icd10_name = concept.icd10[0], concept.name
        encounter.act(Diagnose(diagnosis=diagnosis, icd10=icd10))
        missing = [h.diagnosis for h in state["differential"] if not h.citations]
        evidence = retrieve(tools, missing[:5], config.evidence_k) if missing else []
        differential = attach_citations(state["differential"], evidence)
        final = FinalDiagnosis(diagnosis=diagnosis, icd10=icd10, icd10_name=icd10_name, reason=action.reason)
        log = _round_log(state, action, [], state["spent_usd"])
        return {"final": final, "differential": differential, "evidence": state["evidence"] + evidence,
                "rounds": [log], "pending": None}

    return finish
