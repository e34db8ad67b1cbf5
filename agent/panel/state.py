"""The panel graph's state: small, typed, every key declared. Ground truth never enters it.

Lists that grow over the run (findings, rounds, vetoes, issues) use the `add` reducer; the
rest is replaced by whichever node writes it. Runtime configuration and tools are not state:
they are bound into the nodes when the graph is built.
"""

from __future__ import annotations

import operator
from typing import Annotated, TypedDict

from dxkit.agent.panel.schemas import (
    CalculatorRun,
    Deliberation,
    EvidenceSnippet,
    FinalDiagnosis,
    Hypothesis,
    PanelAction,
    PricedTest,
    ProposedHypothesis,
    ProposedTest,
    RevealedFinding,
    RoundLog,
    SuggestedRequest,
)


class PanelState(TypedDict):
    abstract: str                      # what the solver sees first (demographics + complaint)
    options: list[str]                 # answer options for multiple-choice sources (else empty)
    round: int                         # rounds completed (asks/orders carried out)
    spent_usd: float                   # clinical dollars charged so far
    differential: list[Hypothesis]     # Dr Hypothesis, after the checklist
    evidence: list[EvidenceSnippet]    # passages retrieved for the current differential
    calculators: list[CalculatorRun]   # calculators run on the findings so far
    suggestions: list[SuggestedRequest]  # requests that would fill calculator inputs
    proposal: Deliberation | None      # this round's model output (or the fallback)
    proposal_fallback: bool            # True when `proposal` is the safe fallback
    priced: list[PricedTest]           # this round's proposed tests, priced and checked
    pending: PanelAction | None        # the consensus action for this round
    final: FinalDiagnosis | None       # set by the finish node
    findings: Annotated[list[RevealedFinding], operator.add]
    asked: Annotated[list[str], operator.add]          # questions asked so far
    ordered: Annotated[list[PricedTest], operator.add]  # tests carried out so far
    declined: Annotated[list[str], operator.add]       # tests a reviewer declined
    vetoes: Annotated[list[PricedTest], operator.add]
    issues: list[str]                  # this round's checklist findings (kept per round in `rounds`)
    rounds: Annotated[list[RoundLog], operator.add]
    fallbacks: int                     # rounds where the model's output could not be used


def initial_state(abstract: str, options: list[str] | None = None) -> PanelState:
    return PanelState(abstract=abstract, options=list(options or []), round=0, spent_usd=0.0, differential=[],
                      evidence=[], calculators=[], suggestions=[], proposal=None, proposal_fallback=False,
                      priced=[], pending=None, final=None, findings=[], asked=[], ordered=[], declined=[],
                      vetoes=[], issues=[], rounds=[], fallbacks=0)


# Classes the checkpointer may rebuild from a checkpoint (LangGraph's msgpack allowlist).
STATE_MODELS = (CalculatorRun, Deliberation, EvidenceSnippet, FinalDiagnosis, Hypothesis, PanelAction,
                PricedTest, ProposedHypothesis, ProposedTest, RevealedFinding, RoundLog, SuggestedRequest)
