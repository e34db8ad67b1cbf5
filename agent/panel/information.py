"""Deterministic information nodes: evidence retrieval and calculators (no model calls)."""

from __future__ import annotations

import time
from typing import Any

from dxkit.agent.panel.calculators import assess_calculators
from dxkit.agent.panel.config import PanelConfig
from dxkit.agent.panel.schemas import EvidenceSnippet, Hypothesis
from dxkit.agent.panel.state import PanelState
from dxkit.agent.panel.tools import PanelTools

MAX_QUERIES = 3


def retrieve(tools: PanelTools, queries: list[str], k: int) -> list[EvidenceSnippet]:
    """Passages for each query (deduplicated by citation id, query order kept)."""
    if tools.index is None or k <= 0:
        return []
    started = time.perf_counter()
    found: dict[str, EvidenceSnippet] = {}
    for query in queries:
        for passage in tools.index.search(query, k=k, mode="hybrid"):
            found.setdefault(passage.citation.id, EvidenceSnippet(
                citation_id=passage.citation.id, title=passage.citation.title, text=passage.text, query=query))
    if tools.ledger is not None:
        tools.ledger.tool_call("evidence_search", {"queries": queries, "k": k},
                               {"citations": list(found)}, time.perf_counter() - started)
    return list(found.values())


def attach_citations(differential: list[Hypothesis], evidence: list[EvidenceSnippet]) -> list[Hypothesis]:
    """Give each hypothesis without citations the passages retrieved for it (its own search)."""
    out = []
    for item in differential:
        if item.citations:
            out.append(item)
            continue
        own = [e.citation_id for e in evidence if e.query == item.diagnosis][:2]
        out.append(item.model_copy(update={"citations": own}))
    return out


def make_evidence_node(tools: PanelTools, config: PanelConfig):
    def evidence(state: PanelState) -> dict[str, Any]:
        queries = [h.diagnosis for h in state["differential"][:MAX_QUERIES]] or [state["abstract"]]
        snippets = retrieve(tools, queries, config.evidence_k)
        return {"evidence": snippets, "differential": attach_citations(state["differential"], snippets)}

    return evidence


def seen_text(state: PanelState) -> str:
    """Everything the panel has been told about the patient, plus its differential (for triggers).

    Only the gatekeeper's answers count: the panel's own questions ("is there any confusion?")
    are not findings.
    """
    lines = [state["abstract"], *(f.text for f in state["findings"] if f.status in ("answered", "policy"))]
    lines += [h.diagnosis for h in state["differential"]]
    return "\n".join(lines)


def make_calculator_node(tools: PanelTools, config: PanelConfig):
    def calculators(state: PanelState) -> dict[str, Any]:
        if tools.registry is None:
            return {"calculators": [], "suggestions": []}
        started = time.perf_counter()
        runs, suggestions = assess_calculators(tools.registry, seen_text(state), config.max_calculators)
        if tools.ledger is not None:
            for run in runs:
                tools.ledger.tool_call(f"calculator:{run.calculator_id}", run.inputs,
                                       run.model_dump(mode="json"), time.perf_counter() - started)
        return {"calculators": runs, "suggestions": suggestions}

    return calculators
