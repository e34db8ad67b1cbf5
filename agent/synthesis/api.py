"""`synthesize(question_or_pico, ...)`: the public entry point of evidence synthesis."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from dxkit.agent.synthesis.schemas import PICO, Criterion, Study, SynthesisConfig, SynthesisResult
from dxkit.errors import InputError


def _as_pico(value: Any) -> PICO | None:
    if isinstance(value, PICO):
        return value
    if isinstance(value, dict):
        return PICO.model_validate(value)
    return None


def synthesize(question_or_pico: str | PICO | dict, *, index: Any = None, model: Any = None,
               studies: list[Study | dict] | None = None, criteria: list[Criterion | dict] | None = None,
               config: SynthesisConfig | dict | None = None, ledger: Any = None,
               question: str | None = None) -> SynthesisResult:
    """Run the whole pipeline.

    `question_or_pico`: a question (needs `model` for PICO) or a PICO (object or mapping).
    `index`: an EvidenceIndex or its folder; or `studies`: user-supplied studies (no search).
    `model`: a chat model or spec string, used only by the stages configured as 'llm'.
    """
    config = SynthesisConfig.model_validate(config or {}) if not isinstance(config, SynthesisConfig) else config
    pico = _as_pico(question_or_pico)
    if pico is None and not isinstance(question_or_pico, str):
        raise InputError("question_or_pico", type(question_or_pico).__name__, "is neither a question nor a PICO",
                         accepted="a string, a PICO, or a mapping with population/intervention/comparator/outcomes")
    question = question or (question_or_pico if isinstance(question_or_pico, str) else
                            f"{pico.intervention} versus {pico.comparator} in {pico.population}")  # type: ignore[union-attr]
    if isinstance(index, (str, Path)):
        from dxkit.corpora import EvidenceIndex

        index = EvidenceIndex.load(index)
    needs_model = pico is None or config.screening == "llm" or config.extraction != "rule"
    if isinstance(model, str) or (model is None and needs_model):
        from dxkit.models import get_chat_model

        model = get_chat_model(model)
    supplied = [s if isinstance(s, Study) else Study.model_validate(s) for s in studies] if studies is not None else None
    parsed_criteria = [c if isinstance(c, Criterion) else Criterion.model_validate(c) for c in criteria or []]
    from dxkit.agent.synthesis.graph import build_graph

    graph = build_graph(config, model=model, index=index, ledger=ledger)
    state: dict[str, Any] = {"question": question, "supplied_studies": supplied, "criteria": parsed_criteria}
    if pico is not None:
        state["pico"] = pico
    final = graph.invoke(state)
    cost = ledger.summary().total_usd if ledger is not None else 0.0
    return SynthesisResult(
        question=question, pico=final["pico"], criteria=final["criteria"], search=final["search"],
        studies=final["studies"], screening=final["screening"], extractions=final["extractions"],
        analyses=final["analyses"], recommendation=final["recommendation"],
        run_id=getattr(ledger, "run_id", None), cost_usd=cost,
    )
