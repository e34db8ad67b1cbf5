"""Dr Checklist: deterministic validation of the round before anything is done.

- test names must map to the price table (an unmatched name is marked invalid, never ordered);
- the differential has at most 5 distinct items with probabilities summing to at most 1;
- every cited passage id must resolve in the evidence index; one that does not is removed
  and reported (the model may not invent sources);
- the chosen action must be consistent with the proposal (e.g. no diagnosis without a leader).
"""

from __future__ import annotations

import re
from typing import Any

from dxkit.agent.panel.schemas import Deliberation, Hypothesis, PricedTest
from dxkit.agent.panel.state import PanelState
from dxkit.agent.panel.tools import PanelTools

_CITATION = re.compile(r"\[([^\[\]\s]+)\]")


def citation_resolves(index: Any, citation_id: str) -> bool:
    if index is None:
        return False
    try:
        index.resolve(citation_id)
    except Exception:  # noqa: BLE001 - UnknownCitation, IntegrityError: either way it is not usable
        return False
    return True


def clean_id(raw: str) -> str:
    return raw.strip().strip("[]").strip()


def check_differential(proposal: Deliberation, index: Any) -> tuple[list[Hypothesis], list[str]]:
    issues: list[str] = []
    seen: set[str] = set()
    items: list[Hypothesis] = []
    for item in sorted(proposal.differential, key=lambda h: -h.probability):
        name = " ".join(item.diagnosis.split())
        if not name or name.lower() in seen:
            continue
        seen.add(name.lower())
        citations = []
        for raw in item.citations:
            cid = clean_id(raw)
            if citation_resolves(index, cid):
                citations.append(cid)
            else:
                issues.append(f"citation {cid!r} for {name!r} does not resolve in the evidence index; removed")
        items.append(Hypothesis(diagnosis=name, probability=item.probability, citations=citations))
    items = items[:5]
    total = sum(h.probability for h in items)
    if total > 1.0 + 1e-9:
        issues.append(f"differential probabilities summed to {total:.2f}; rescaled to 1")
        items = [h.model_copy(update={"probability": h.probability / total}) for h in items]
    for cid in _CITATION.findall(proposal.rationale):
        if ":" in cid and not citation_resolves(index, cid):
            issues.append(f"citation {cid!r} in the rationale does not resolve in the evidence index")
    return items, issues


def check_tests(priced: list[PricedTest]) -> tuple[list[PricedTest], list[str]]:
    issues: list[str] = []
    out: list[PricedTest] = []
    for test in priced:
        if test.status in ("approved", "substituted") and not test.matched:
            issues.append(f"test {test.requested!r} does not map to the price table; not ordered")
            test = test.model_copy(update={"status": "invalid", "reason": "not in the price table"})
        out.append(test)
    return out, issues


def make_checklist_node(tools: PanelTools):
    def checklist(state: PanelState) -> dict[str, Any]:
        proposal = state["proposal"]
        assert proposal is not None  # deliberate always writes one (the fallback included)
        differential, issues = check_differential(proposal, tools.index)
        if not differential and state["differential"]:
            differential = state["differential"]  # an empty answer keeps the last differential
            issues.append("the proposal had no differential; kept the previous one")
        priced, test_issues = check_tests(state["priced"])
        issues += test_issues
        if proposal.action == "diagnose" and not differential:
            issues.append("diagnose was chosen without any hypothesis")
        if proposal.action == "order" and not any(t.status in ("approved", "substituted") for t in priced):
            issues.append("order was chosen but no proposed test can be ordered")
        return {"differential": differential, "priced": priced, "issues": issues}

    return checklist
