"""The synthesis pipeline without any model, with fake models, and its graph."""

from __future__ import annotations

import json

import pytest
from langchain_core.language_models.fake_chat_models import FakeListChatModel

from dxkit.agent.synthesis import PICO, SynthesisConfig, synthesize
from dxkit.agent.synthesis.extraction import extract_llm
from dxkit.agent.synthesis.graph import build_graph
from dxkit.agent.synthesis.pico import question_to_pico
from dxkit.agent.synthesis.schemas import Criterion, Study
from dxkit.agent.synthesis.screening import screen_llm, screen_rule
from dxkit.errors import InputError
from dxkit.tools.rct_extraction import ExtractionTarget

# Hand-made reports (numbers chosen for the test, prose written here).
TRIALS = {
    "alpha2019": (60, 300, 80, 300),
    "beta2020": (25, 150, 30, 150),
    "gamma2021": (40, 200, 52, 210),
}


def trial_text(sid: str) -> str:
    a, n1, c, n2 = TRIALS[sid]
    return (f"# Trial {sid}\nAdults were randomly allocated to drug Z or placebo. "
            f"Death by day 30 occurred in {a}/{n1} patients given drug Z and {c}/{n2} patients given placebo.")


STUDIES = [{"id": sid, "text": trial_text(sid)} for sid in TRIALS] + [
    {"id": "cohort2018", "text": "A retrospective cohort of drug Z users compared with non-users; death 5/90 vs 9/95."},
]
PICO_INPUT = {"population": "adults", "intervention": "drug Z", "comparator": "placebo",
              "outcomes": [{"name": "death", "type": "binary"}]}
CRITERIA = [
    {"id": "I1", "kind": "include", "description": "drug Z", "keywords": ["drug z"]},
    {"id": "I2", "kind": "include", "description": "randomised", "keywords": ["random"]},
    {"id": "E1", "kind": "exclude", "description": "observational design", "keywords": ["cohort"]},
]


def test_pipeline_runs_without_any_model_and_cites_only_included_studies():
    result = synthesize(PICO_INPUT, studies=STUDIES, criteria=CRITERIA, config={"pooling": "FE"})
    decisions = {d.study_id: d for d in result.screening}
    assert decisions["cohort2018"].decision == "exclude" and decisions["cohort2018"].criterion == "E1"
    assert "cohort" in decisions["cohort2018"].passage
    assert set(result.included_ids) == set(TRIALS)
    analysis = result.analyses[0]
    assert analysis.result is not None and analysis.result.k == 3
    # Fixed-effect IV weights by hand: w = 1/(1/a - 1/n1 + 1/c - 1/n2)
    weights = {sid: 1 / (1 / a - 1 / n1 + 1 / c - 1 / n2) for sid, (a, n1, c, n2) in TRIALS.items()}
    total = sum(weights.values())
    for row in analysis.result.studies:
        assert row.weight_percent == pytest.approx(100 * weights[row.study_id] / total)
    included = set(result.included_ids)
    assert result.recommendation.sentences
    for sentence in result.recommendation.sentences:
        assert sentence.citations
        assert set(sentence.citations) <= included
    for extraction in result.extractions:
        for number in extraction.fields.values():
            text = next(s.text for s in result.studies if s.id == extraction.source_id)
            assert text[number.span.start:number.span.end] == number.span.text


def test_missing_pico_without_model_and_missing_sources_are_clear_errors():
    with pytest.raises(InputError, match="index"):
        synthesize(PICO_INPUT, config={"pooling": "FE"})


def test_graph_edges():
    graph = build_graph(SynthesisConfig()).get_graph()
    edges = {(e.source, e.target) for e in graph.edges}
    assert edges == {("__start__", "pico"), ("__start__", "search"), ("pico", "search"), ("search", "screen"),
                     ("screen", "extract"), ("extract", "analyse"), ("analyse", "recommend"),
                     ("recommend", "__end__")}


def test_question_to_pico_through_structured_with_a_fake_model():
    model = FakeListChatModel(responses=[json.dumps(PICO_INPUT)])
    assert question_to_pico("Does drug Z reduce death in adults?", model) == PICO.model_validate(PICO_INPUT)


def test_llm_numbers_outside_their_quote_are_not_reported():
    document = trial_text("alpha2019")
    answer = {"intervention_events": {"value": 60, "quote": "60/300 patients given drug Z"},
              "intervention_group_size": {"value": 300, "quote": "60/300 patients given drug Z"},
              "comparator_events": {"value": 81, "quote": "80/300 patients given placebo"},
              "comparator_group_size": {"value": 300, "quote": "made-up quote 300"}}
    model = FakeListChatModel(responses=[json.dumps(answer)])
    target = ExtractionTarget(intervention="drug Z", comparator="placebo", outcome="death", outcome_type="binary")
    result = extract_llm(document, target, model, "alpha2019")
    assert result.value("intervention_events") == 60 and result.value("intervention_group_size") == 300
    assert result.value("comparator_events") is None  # 81 is not in its quote
    assert result.value("comparator_group_size") is None  # the quote is not in the document


def test_llm_screening_majority_of_votes():
    study = Study(id="alpha2019", text=trial_text("alpha2019"))
    criteria = [Criterion.model_validate(c) for c in CRITERIA]
    quote = "Adults were randomly allocated to drug Z or placebo."
    votes = [{"decision": "include", "criterion": "I2", "quote": quote},
             {"decision": "exclude", "criterion": "E1", "quote": quote},
             {"decision": "include", "criterion": "I2", "quote": quote}]
    model = FakeListChatModel(responses=[json.dumps(v) for v in votes])
    decision = screen_llm(study, criteria, model, votes=3)
    assert decision.decision == "include" and decision.votes == ["include", "exclude", "include"]
    assert decision.passage == quote


def test_rule_screening_unsure_when_only_some_inclusion_criteria_met():
    criteria = [Criterion.model_validate(c) for c in CRITERIA]
    study = Study(id="x", text="Drug Z was given to all patients in an open-label single-arm study.")
    decision = screen_rule(study, criteria)
    assert decision.decision == "unsure" and decision.criterion == "I2 not found"
