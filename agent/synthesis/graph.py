"""The synthesis pipeline as a LangGraph graph.

START -> (pico | search) -> screen -> extract -> analyse -> recommend -> END. The router at START
skips the model when the user gave the PICO. Dependencies (model, index, ledger, config) are
bound into the nodes when the graph is built; the state holds only the run's data.
"""

from __future__ import annotations

from typing import Any, Literal, TypedDict

from dxkit.agent.synthesis import analysis as analysis_stage
from dxkit.agent.synthesis import extraction as extraction_stage
from dxkit.agent.synthesis import pico as pico_stage
from dxkit.agent.synthesis import recommendation as recommendation_stage
from dxkit.agent.synthesis import screening as screening_stage
from dxkit.agent.synthesis import search as search_stage
from dxkit.agent.synthesis.schemas import (
    PICO,
    Criterion,
    OutcomeAnalysis,
    Recommendation,
    ScreeningDecision,
    SearchLog,
    Study,
    SynthesisConfig,
)
from dxkit.errors import InputError
from dxkit.tools.rct_extraction.schemas import ExtractionResult, ExtractionTarget


class SynthesisState(TypedDict, total=False):
    question: str
    pico: PICO
    criteria: list[Criterion]
    supplied_studies: list[Study] | None
    studies: list[Study]
    search: SearchLog
    screening: list[ScreeningDecision]
    extractions: list[ExtractionResult]
    analyses: list[OutcomeAnalysis]
    recommendation: Recommendation


def build_graph(config: SynthesisConfig, model: Any = None, index: Any = None, ledger: Any = None):
    """Compile the graph with its dependencies bound."""
    from langgraph.graph import END, START, StateGraph

    def pico_node(state: SynthesisState) -> dict[str, Any]:
        if model is None:
            raise InputError("pico", None, "was not given and no model is available to derive it",
                             accepted="a PICO mapping, or a chat model")
        return {"pico": pico_stage.question_to_pico(state["question"], model, ledger)}

    def search_node(state: SynthesisState) -> dict[str, Any]:
        supplied = state.get("supplied_studies")
        if supplied is not None:
            studies, log = search_stage.user_studies(supplied, ledger)
        elif index is not None:
            studies, log = search_stage.search_index(state["pico"], index, config.search_k, config.max_studies, ledger)
        else:
            raise InputError("index", None, "is missing and no studies were supplied",
                             accepted="an index folder or a list of studies")
        criteria = state.get("criteria") or screening_stage.default_criteria(state["pico"])
        return {"studies": studies, "search": log, "criteria": criteria}

    def screen_node(state: SynthesisState) -> dict[str, Any]:
        return {"screening": screening_stage.screen(state["studies"], state["criteria"], config.screening,
                                                    model, config.screening_votes, ledger)}

    def extract_node(state: SynthesisState) -> dict[str, Any]:
        included = {d.study_id for d in state["screening"] if d.decision == "include"}
        pico = state["pico"]
        results = []
        for study in state["studies"]:
            if study.id not in included:
                continue
            for outcome in pico.outcomes:
                target = ExtractionTarget(intervention=pico.intervention, comparator=pico.comparator,
                                          outcome=outcome.name, outcome_type=outcome.type)
                results.append(extraction_stage.extract_with_synonyms(study.text, target, config.extraction,
                                                                      model, study.id, ledger))
        return {"extractions": results}

    def analyse_node(state: SynthesisState) -> dict[str, Any]:
        return {"analyses": [analysis_stage.analyse_outcome(o, state["extractions"], state["studies"], config, ledger)
                             for o in state["pico"].outcomes]}

    def recommend_node(state: SynthesisState) -> dict[str, Any]:
        return {"recommendation": recommendation_stage.recommend(state["pico"], state["analyses"], ledger)}

    def start_router(state: SynthesisState) -> Literal["pico", "search"]:
        return "search" if state.get("pico") is not None else "pico"

    graph = StateGraph(SynthesisState)
    for name, node in (("pico", pico_node), ("search", search_node), ("screen", screen_node),
                       ("extract", extract_node), ("analyse", analyse_node), ("recommend", recommend_node)):
        graph.add_node(name, node)
    graph.add_conditional_edges(START, start_router, ["pico", "search"])
    graph.add_edge("pico", "search")
    graph.add_edge("search", "screen")
    graph.add_edge("screen", "extract")
    graph.add_edge("extract", "analyse")
    graph.add_edge("analyse", "recommend")
    graph.add_edge("recommend", END)
    return graph.compile()
