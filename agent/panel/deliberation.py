"""The one model call per round: Dr Hypothesis, Dr Test-Chooser and Dr Challenger together.

The call goes through `structured()` (validation, bounded repair and retry). When it still
fails, the panel does not crash: it keeps its differential and takes the safe fallback (the
consensus then asks the next standard question or commits to the leader).
"""

from __future__ import annotations

from typing import Any

from dxkit.agent.panel.config import PanelConfig
from dxkit.agent.panel.prompts import round_prompt, system_prompt
from dxkit.agent.panel.schemas import Deliberation, ProposedHypothesis
from dxkit.agent.panel.state import PanelState
from dxkit.agent.panel.tools import PanelTools
from dxkit.errors import ModelOutputError


def fallback_deliberation(state: PanelState, reason: str) -> Deliberation:
    kept = [ProposedHypothesis(diagnosis=h.diagnosis[:80], probability=h.probability)
            for h in state["differential"]]
    return Deliberation(differential=kept, action="ask", rationale=f"fallback: {reason}"[:300])


def make_deliberation_node(tools: PanelTools, config: PanelConfig):
    from dxkit.models import structured

    visit_usd = tools.visit_usd()

    def deliberate(state: PanelState) -> dict[str, Any]:
        messages = [("system", system_prompt(config)), ("human", round_prompt(state, config, visit_usd))]
        try:
            proposal = structured(tools.model, Deliberation, messages, retries=tools.retries, ledger=tools.ledger)
            fallback = False
        except (ModelOutputError, ValueError) as exc:
            proposal, fallback = fallback_deliberation(state, type(exc).__name__), True
        return {"proposal": proposal, "proposal_fallback": fallback,
                "fallbacks": state["fallbacks"] + int(fallback)}

    return deliberate
