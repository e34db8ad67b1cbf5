"""The consensus: exactly one action per round, chosen by rules over the checked proposal.

The model proposes; these rules decide. They enforce the variant (no tests in question-only,
no rounds in instant), the round limit, the budget (a visit is not booked without the money
for it) and never repeat a question or test. When the model's proposal is unusable the panel
falls back safely: the questions a calculator needs, then the standard history and exam
questions, then commitment to the current leader.
"""

from __future__ import annotations

from typing import Any, Literal

from dxkit.agent.panel.config import PanelConfig
from dxkit.agent.panel.schemas import PanelAction
from dxkit.agent.panel.state import PanelState
from dxkit.agent.panel.tools import PanelTools

# Asked in this order when the panel has nothing better; the gatekeeper answers by topic.
STANDARD_QUESTIONS = (
    "Tell me about the history of the present illness.",
    "What are the vital signs?",
    "What does the physical examination show?",
    "What is your past medical history?",
    "What medications do you take?",
    "What is your social history (smoking, alcohol, work, travel)?",
    "Is there any family history of illness?",
    "Any other symptoms (review of systems)?",
)
UNDETERMINED = "undetermined"


def _key(text: str) -> str:
    return " ".join(text.lower().split())


def _questions(state: PanelState, config: PanelConfig, *, from_model: bool) -> list[str]:
    asked = {_key(q) for q in state["asked"]}
    chosen: list[str] = []

    def take(question: str) -> None:
        if question.strip() and _key(question) not in asked and len(chosen) < config.questions_per_round:
            asked.add(_key(question))
            chosen.append(question.strip())

    proposal = state["proposal"]
    if from_model and proposal is not None:
        for question in proposal.questions:
            take(question)
    # one calculator question per visit, so the standard history and exam questions still get asked
    for suggestion in [s for s in state["suggestions"] if s.kind == "ask" and _key(s.text) not in asked][:1]:
        take(suggestion.text)
    for question in STANDARD_QUESTIONS:
        take(question)
    return chosen


def decide(state: PanelState, config: PanelConfig, visit_usd: float) -> PanelAction:
    proposal = state["proposal"]
    assert proposal is not None
    leader = state["differential"][0].diagnosis if state["differential"] else ""
    used_fallback = state["proposal_fallback"]

    def commit(reason: str) -> PanelAction:
        return PanelAction(kind="diagnose", diagnosis=leader or UNDETERMINED, reason=reason, fallback=used_fallback)

    if state["round"] >= config.max_rounds:
        return commit("round limit reached" if config.max_rounds else "instant: diagnose from the abstract")
    remaining = None if config.budget_usd is None else config.budget_usd - state["spent_usd"]
    can_ask = remaining is None or remaining + 1e-9 >= visit_usd
    orderable = [t for t in state["priced"] if t.status in ("approved", "substituted")][: config.tests_per_round]

    if proposal.action == "diagnose" and leader and state["round"] >= config.min_rounds:
        return commit("the panel committed to its leading diagnosis")
    if proposal.action == "order" and orderable and config.allow_tests:
        return PanelAction(kind="order", tests=orderable, reason="tests proposed by the panel", fallback=used_fallback)
    model_questions = [q for q in proposal.questions if _key(q) not in {_key(a) for a in state["asked"]}]
    if proposal.action == "ask" and model_questions and can_ask:
        return PanelAction(kind="ask", questions=_questions(state, config, from_model=True),
                           reason="questions proposed by the panel", fallback=used_fallback)
    # The proposal cannot be carried out as written: the safe fallback.
    if orderable and config.allow_tests:
        return PanelAction(kind="order", tests=orderable, reason="fallback: proposed tests", fallback=True)
    questions = _questions(state, config, from_model=True)
    if can_ask and questions:
        return PanelAction(kind="ask", questions=questions, reason="fallback: next standard questions", fallback=True)
    if not can_ask:
        return commit("the budget does not cover another visit")
    return commit("nothing left to ask")


Route = Literal["act", "human_review", "finish"]


def make_consensus_node(tools: PanelTools, config: PanelConfig):
    visit_usd = tools.visit_usd()

    def consensus(state: PanelState) -> dict[str, Any]:
        return {"pending": decide(state, config, visit_usd)}

    return consensus


def make_route(config: PanelConfig):
    def route(state: PanelState) -> Route:
        action = state["pending"]
        assert action is not None
        if action.kind == "diagnose":
            return "finish"
        threshold = config.hitl_threshold_usd
        if action.kind == "order" and threshold is not None and any(t.price_usd > threshold for t in action.tests):
            return "human_review"
        return "act"

    return route
