"""Stage 1: a clinical question to PICO, by the model through `structured` (or given)."""

from __future__ import annotations

from typing import Any

from dxkit.agent.synthesis.audit import log_step
from dxkit.agent.synthesis.schemas import PICO

PICO_SYSTEM = (
    "You turn a clinical question into PICO for a systematic review of randomised trials. "
    "Name the population, the intervention, the comparator (placebo or usual care if not stated) "
    "and the outcomes, each with type 'binary' (events) or 'continuous' (mean and SD). "
    "Use the question's own words; do not answer it."
)


def question_to_pico(question: str, model: Any, ledger: Any | None = None) -> PICO:
    """PICO of `question` from the model (validated; raises ModelOutputError after retries)."""
    from dxkit.models import structured

    pico = structured(model, PICO, [("system", PICO_SYSTEM), ("human", f"Question: {question}")], ledger=ledger)
    log_step(ledger, "pico", {"question": question, "pico": pico.model_dump()})
    return pico
