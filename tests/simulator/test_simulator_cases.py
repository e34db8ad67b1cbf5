"""Case model, native format, actions, and the AgentClinic loaders."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pydantic import TypeAdapter, ValidationError

from dxkit.cases import (
    Action,
    Ask,
    Case,
    Diagnose,
    Order,
    case_from_dict,
    dump_native_case,
    load_native_cases,
)
from dxkit.errors import InputError
from dxkit.evals.simulator.loaders import detect_format, load_cases, load_nejm, load_osce

DATA = Path(__file__).parent / "data"


def test_native_yaml_loads_and_round_trips() -> None:
    cases = load_native_cases(DATA / "native_cases.yaml")
    assert [c.id for c in cases] == ["demo-anemia", "demo-gout"]
    anemia = cases[0]
    assert anemia.tests["Complete_Blood_Count"]["MCV"] == "71 fL"
    assert anemia.truth.icd10 == "D50.0"
    assert case_from_dict(dump_native_case(anemia)) == anemia


def test_abstract_shows_only_demographics_and_complaint() -> None:
    case = load_native_cases(DATA / "native_cases.yaml")[0]
    assert case.abstract() == "45-year-old woman, presenting with: Fatigue for two months"
    assert "iron" not in case.abstract().lower()


def test_bad_native_case_names_the_field(tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text(json.dumps({"id": "x1", "demographics": "adult", "presenting_complaint": "cough",
                                "truth": {"diagnosis": "asthma"}, "tset": {}}))
    with pytest.raises(InputError, match="tset"):
        load_native_cases(path)
    path.write_text(json.dumps({"id": "x1", "demographics": "adult", "presenting_complaint": "cough",
                                "tests": ["not", "a", "mapping"], "truth": {"diagnosis": "asthma"}}))
    with pytest.raises(InputError, match="tests"):
        load_native_cases(path)


def test_duplicate_ids_are_refused(tmp_path: Path) -> None:
    row = {"id": "same", "demographics": "adult", "presenting_complaint": "cough", "truth": {"diagnosis": "a"}}
    path = tmp_path / "dup.jsonl"
    path.write_text(json.dumps(row) + "\n" + json.dumps(row) + "\n")
    with pytest.raises(InputError, match="appears twice"):
        load_native_cases(path)


def test_numbers_lists_and_booleans_become_text() -> None:
    case = Case(id="c", demographics="adult", presenting_complaint="cough", truth={"diagnosis": "x"},
                tests={"Panel": {"Sodium": 140, "Positive": True, "Notes": ["a", "b"]}})
    assert case.tests["Panel"] == {"Sodium": "140", "Positive": "yes", "Notes": "a; b"}


def test_actions_are_a_discriminated_union() -> None:
    adapter = TypeAdapter(Action)
    assert isinstance(adapter.validate_python({"kind": "ask", "questions": ["Do you smoke?"]}), Ask)
    assert isinstance(adapter.validate_python({"kind": "order", "tests": ["CBC"]}), Order)
    final = adapter.validate_python({"kind": "diagnose", "diagnosis": "Gout", "icd10": "M10.9"})
    assert isinstance(final, Diagnose) and final.icd10 == "M10.9"
    with pytest.raises(ValidationError):
        adapter.validate_python({"kind": "guess", "diagnosis": "Gout"})
    with pytest.raises(ValidationError):
        adapter.validate_python({"kind": "order", "tests": []})


def test_osce_dev_file_loads_all_cases(shared_data: Path) -> None:
    path = shared_data / "agentclinic" / "agentclinic_medqa.jsonl"
    assert detect_format(path) == "osce"
    cases = load_osce(path)
    assert len(cases) == 107
    assert len({c.id for c in cases}) == 107
    first = cases[0]
    assert first.id == "agentclinic_medqa-0001"
    assert first.demographics and first.presenting_complaint
    assert "History_of_Present_Illness" in first.history and "Secondary_Symptoms" in first.history
    assert all(c.truth.diagnosis for c in cases)
    # The abstract never carries the diagnosis.
    assert all(c.truth.diagnosis.lower() not in c.abstract().lower() for c in cases)


def test_osce_record_without_diagnosis_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "osce.jsonl"
    path.write_text(json.dumps({"OSCE_Examination": {"Patient_Actor": {"Demographics": "adult"},
                                                     "Correct_Diagnosis": ""}}) + "\n")
    with pytest.raises(InputError, match="Correct_Diagnosis"):
        load_cases(path)


def test_nejm_loader_reads_options_and_the_correct_answer() -> None:
    cases = load_nejm(DATA / "nejm_tiny.jsonl")
    assert detect_format(DATA / "nejm_tiny.jsonl") == "nejm"
    first, second = cases
    assert first.truth.diagnosis == "Pretibial myxedema"
    assert first.options == ["Erythema nodosum", "Pretibial myxedema", "Necrobiosis lipoidica"]
    assert first.demographics == "62-year-old man"
    assert first.exam == {"Physical_Examination": "Waxy, thickened plaques over both shins."}
    assert "example.org" in first.tests["Image"]
    assert second.truth.diagnosis == "Bacterial keratitis" and second.tests == {}
    assert "keratitis" not in second.abstract().lower()


def test_nejm_needs_exactly_one_correct_answer(tmp_path: Path) -> None:
    path = tmp_path / "nejm.jsonl"
    path.write_text(json.dumps({"question": "q", "answers": [{"text": "a", "correct": True},
                                                             {"text": "b", "correct": True}]}) + "\n")
    with pytest.raises(InputError, match="2 correct answers"):
        load_nejm(path)


def test_unknown_suffix_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "cases.txt"
    path.write_text("nothing")
    with pytest.raises(InputError, match="suffix"):
        load_cases(path)
