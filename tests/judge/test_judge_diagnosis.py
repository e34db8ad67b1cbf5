"""The diagnosis judge: deterministic scale, pair lists, agreement report, LLM rubric."""

from __future__ import annotations

import json

import pytest
from langchain_core.language_models.fake_chat_models import FakeListChatModel

from dxkit.errors import InputError
from dxkit.evals.judge import judge_diagnosis
from dxkit.evals.judge.agreement import agreement_report, rate_pairs
from dxkit.evals.judge.pairs import DIFFERENT_PAIRS, SYNONYM_PAIRS


def test_pair_lists_are_big_enough_and_distinct():
    assert len(SYNONYM_PAIRS) >= 30 and len(DIFFERENT_PAIRS) >= 30
    assert not set(SYNONYM_PAIRS) & set(DIFFERENT_PAIRS)


def test_identical_strings_score_five():
    result = judge_diagnosis("Myasthenia gravis", "myasthenia gravis")
    assert result.score == 5 and result.correct and all(result.levels.values())


def test_same_concept_scores_five():
    result = judge_diagnosis("heart attack", "myocardial infarction")
    assert result.score == 5 and result.levels["concept"]
    assert result.predicted_concept.doid == result.truth_concept.doid == "DOID:5844"


def test_same_block_scores_three():
    # DOID xrefs: type 1 diabetes -> E10, type 2 -> E11; both in block E08-E13.
    result = judge_diagnosis("type 1 diabetes mellitus", "type 2 diabetes mellitus")
    assert result.levels == {"concept": False, "category": False, "block": True, "chapter": True}
    assert result.score == 3 and not result.correct


def test_same_chapter_scores_two():
    # Multiple sclerosis G35 (block G35-G37) vs myasthenia gravis G70 (G70-G73): chapter 6 only.
    result = judge_diagnosis("multiple sclerosis", "myasthenia gravis")
    assert result.score == 2 and result.levels["chapter"] and not result.levels["block"]


def test_unrelated_scores_one():
    # Kawasaki disease M30.3 (chapter 13) vs scarlet fever A38 (chapter 1)
    result = judge_diagnosis("Kawasaki disease", "scarlet fever")
    assert result.score == 1 and not any(result.levels.values())


def test_siblings_sharing_an_inherited_code_are_not_correct():
    # CML has no xref and inherits C92 from its parent; AML's own code is C92.0.
    result = judge_diagnosis("acute myeloid leukemia", "chronic myeloid leukemia")
    assert not result.correct


def test_unnormalisable_is_scored_one_with_a_reason():
    result = judge_diagnosis("normal behaviour", "xylophone quartet")
    assert result.score == 1 and "could not normalise" in result.rationale


def test_synonym_pairs_mostly_correct():
    rate = rate_pairs(SYNONYM_PAIRS, count_correct=True)
    assert rate.share >= 0.8, rate.failures


def test_different_pairs_rarely_correct():
    judged_incorrect = rate_pairs(DIFFERENT_PAIRS, count_correct=False)
    assert judged_incorrect.share >= 0.9, judged_incorrect.failures


def test_agreement_report_on_agentclinic(shared_data):
    report = agreement_report(shared_data / "agentclinic" / "agentclinic_medqa.jsonl")
    assert report.identical_correct.share == 1.0
    assert report.agentclinic_normalised.total == 107
    assert report.agentclinic_normalised.share >= 0.7


def test_empty_input_is_a_clear_error():
    with pytest.raises(InputError, match="predicted"):
        judge_diagnosis("", "asthma")


def test_llm_judge_uses_the_models_score_and_keeps_deterministic_levels():
    model = FakeListChatModel(responses=[json.dumps({"score": 4, "rationale": "right disease, subtype missing"})])
    result = judge_diagnosis("Hemophilia", "Hemophilia A", model=model)
    assert result.method == "llm" and result.score == 4 and result.correct
    assert result.rationale == "right disease, subtype missing"
    assert set(result.levels) == {"concept", "category", "block", "chapter"}


def test_llm_judge_low_score_is_incorrect():
    model = FakeListChatModel(responses=['```json\n{"score": 2, "rationale": "same organ only"}\n```'])
    result = judge_diagnosis("pneumonia", "asthma", model=model)
    assert result.score == 2 and not result.correct


def test_llm_rubric_reaches_the_model():
    from dxkit.evals.judge.llm import RUBRIC

    for anchor in ("5 = perfect", "4 = mostly correct", "3 = partially correct", "2 = largely incorrect",
                   "1 = completely incorrect"):
        assert anchor in RUBRIC
