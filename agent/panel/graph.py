"""The panel as one LangGraph StateGraph.

    evidence -> calculators -> deliberate -> stewardship -> checklist -> consensus
    consensus -(route)-> act | human_review | finish ;  human_review -> act ;  act -> evidence ;  finish -> END

Every node is built from its dependencies (tools, config, the encounter) and routes in one
way only: static edges everywhere except the consensus's conditional edge. Each node's
inputs (the state keys it reads) and outputs (its update) are written to the ledger.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from langgraph.graph import END, START, StateGraph

from dxkit.agent.panel.acting import make_act_node, make_finish_node, make_review_node
from dxkit.agent.panel.checklist import make_checklist_node
from dxkit.agent.panel.config import PanelConfig
from dxkit.agent.panel.consensus import make_consensus_node, make_route
from dxkit.agent.panel.deliberation import make_deliberation_node
from dxkit.agent.panel.information import make_calculator_node, make_evidence_node
from dxkit.agent.panel.state import PanelState
from dxkit.agent.panel.stewardship import make_stewardship_node
from dxkit.agent.panel.tools import PanelTools

NODE_KIND = "panel_node"
# The state keys each node reads (what the ledger records as its inputs).
NODE_READS: dict[str, tuple[str, ...]] = {
    "evidence": ("round", "differential"),
    "calculators": ("round", "differential"),
    "deliberate": ("round", "spent_usd", "differential", "calculators", "suggestions", "declined"),
    "stewardship": ("round", "proposal", "spent_usd", "declined"),
    "checklist": ("round", "proposal", "priced"),
    "consensus": ("round", "proposal", "proposal_fallback", "differential", "priced", "spent_usd", "suggestions"),
    "human_review": ("round", "pending"),
    "act": ("round", "pending", "spent_usd"),
    "finish": ("round", "pending", "differential"),
}
EDGES = {("__start__", "evidence"), ("evidence", "calculators"), ("calculators", "deliberate"),
         ("deliberate", "stewardship"), ("stewardship", "checklist"), ("checklist", "consensus"),
         ("consensus", "act"), ("consensus", "human_review"), ("consensus", "finish"),
         ("human_review", "act"), ("act", "evidence"), ("finish", "__end__")}


def logged(name: str, node: Callable[[PanelState], dict[str, Any]], ledger: Any) -> Callable[[PanelState], dict]:
    """Wrap a node so its inputs and outputs go to the ledger (nothing is recorded without one)."""
    if ledger is None:
        return node

    def run(state: PanelState) -> dict[str, Any]:
        started = time.perf_counter()
        update = node(state)
        inputs = {key: state[key] for key in NODE_READS[name]}  # type: ignore[literal-required]
        ledger.record(NODE_KIND, {"node": name, "inputs": inputs, "outputs": update,
                                  "duration_s": round(time.perf_counter() - started, 4)})
        return update

    run.__name__ = name
    return run


def build_graph(tools: PanelTools, config: PanelConfig, encounter: Any) -> StateGraph:
    """The uncompiled graph; compile it with a checkpointer (see checkpoint.py)."""
    nodes: dict[str, Callable[[PanelState], dict[str, Any]]] = {
        "evidence": make_evidence_node(tools, config),
        "calculators": make_calculator_node(tools, config),
        "deliberate": make_deliberation_node(tools, config),
        "stewardship": make_stewardship_node(tools, config),
        "checklist": make_checklist_node(tools),
        "consensus": make_consensus_node(tools, config),
        "human_review": make_review_node(config),
        "act": make_act_node(encounter),
        "finish": make_finish_node(tools, config, encounter),
    }
    graph = StateGraph(PanelState)
    for name, node in nodes.items():
        graph.add_node(name, logged(name, node, tools.ledger))
    graph.add_edge(START, "evidence")
    graph.add_edge("evidence", "calculators")
    graph.add_edge("calculators", "deliberate")
    graph.add_edge("deliberate", "stewardship")
    graph.add_edge("stewardship", "checklist")
    graph.add_edge("checklist", "consensus")
    graph.add_conditional_edges("consensus", make_route(config), ["act", "human_review", "finish"])
    graph.add_edge("human_review", "act")
    graph.add_edge("act", "evidence")
    graph.add_edge("finish", END)
    return graph


def recursion_limit(config: PanelConfig) -> int:
    """Enough supersteps for max_rounds rounds of 8 nodes, plus the final one."""
    return 10 * (config.max_rounds + 2)
