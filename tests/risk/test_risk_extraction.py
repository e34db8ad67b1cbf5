"""Rule-based note extraction: values with units and spans, negation, uncertainty, family."""

from __future__ import annotations

import pytest

from dxkit.tools.extraction import extract
from dxkit.tools.extraction.context import modifiers

NOTE = (
    "A 67-year-old woman with a history of hypertension and type 2 diabetes presents with cough. "
    "She denies chest pain or hemoptysis. No history of CHF. Possible pneumonia on chest film. "
    "Her mother had breast cancer. BP 88/54 mmHg, HR 112 bpm, RR 31, T 38.9 °C, SpO2 90% on room air. "
    "Labs: creatinine 150 µmol/L, BUN 28 mg/dL, Na 131 mEq/L, albumin 3.1 mg/dL, WBC 15,600/µL, "
    "platelets 132 × 10^9/L. Weight 72 kg, height 5'6\"."
)


@pytest.fixture(scope="module")
def facts():
    return extract(NOTE)


def _one(facts, concept):
    found = facts.first(concept)
    assert found is not None, f"{concept} not extracted"
    return found


def test_demographics(facts) -> None:
    assert (_one(facts, "age").value, _one(facts, "age").unit) == (67, "years")
    assert _one(facts, "sex").value == "female"


@pytest.mark.parametrize(("concept", "value", "unit"), [
    ("systolic_bp", 88, "mmHg"), ("diastolic_bp", 54, "mmHg"), ("heart_rate", 112, "bpm"),
    ("respiratory_rate", 31, "1/min"), ("temperature", 38.9, "degC"), ("oxygen_saturation", 90, "%"),
    ("creatinine", 150, "umol/l"), ("bun", 28, "mg/dl"), ("sodium", 131, "meq/l"), ("wbc", 15600, "/ul"),
    ("platelets", 132, "x10^9/L"), ("weight", 72, "kg"),
])
def test_quantities_keep_value_and_unit(facts, concept, value, unit) -> None:
    found = _one(facts, concept)
    assert found.value == pytest.approx(value)
    assert found.unit == unit
    assert NOTE[found.span.start:found.span.end] == found.span.text


def test_implausible_unit_is_reread_and_noted(facts) -> None:
    albumin = _one(facts, "albumin")  # the note says "3.1 mg/dL": only g/dL is plausible
    assert (albumin.value, albumin.unit) == (3.1, "g/dL")
    assert albumin.note and "implausible" in albumin.note


def test_feet_and_inches_height(facts) -> None:
    # 5 ft 6 in = 66 in = 66 * 2.54 = 167.64 cm
    assert _one(facts, "height").value == pytest.approx(167.64)


def test_negation_uncertainty_and_family(facts) -> None:
    assert _one(facts, "hypertension").affirmed
    assert _one(facts, "diabetes").affirmed
    assert _one(facts, "hemoptysis").negated  # "denies chest pain or hemoptysis": same scope
    assert _one(facts, "chf_history").negated
    pneumonia = _one(facts, "pneumonia")
    assert pneumonia.uncertain and not pneumonia.negated
    cancer = _one(facts, "cancer")
    assert cancer.family and not cancer.affirmed


@pytest.mark.parametrize(("sentence", "target", "negated"), [
    ("History of hypertension but no diabetes.", "hypertension", False),
    ("History of hypertension but no diabetes.", "diabetes", True),
    ("Pulmonary embolism was ruled out.", "Pulmonary embolism", True),
    ("He has no fever; he reports a cough.", "cough", False),
])
def test_negation_scope_stops_at_clause_boundaries(sentence, target, negated) -> None:
    start = sentence.index(target)
    assert modifiers(sentence, start, start + len(target)).negated is negated


def test_dates_and_medications() -> None:
    text = ("The patient's last menstrual period was on 02/14/2024. Today's date is 05/23/2024. "
            "She takes 10 mg of oxycodone 4 times a day and fentanyl patch 25 mcg/hr.")
    found = extract(text)
    assert _one(found, "last_menstrual_period").value == "2024-02-14"
    assert _one(found, "current_date").value == "2024-05-23"
    oxy = _one(found, "med:oxycodone").value
    assert (oxy["dose"], oxy["unit"], oxy["per_day"]) == (10, "mg", 4)
    patch = _one(found, "med:fentanyl_patch").value
    assert (patch["dose"], patch["unit"]) == (25, "ug")


def test_number_with_unit_of_another_dimension_is_not_taken() -> None:
    found = extract("His height and weight were 170 cm and 64 kg, respectively.")
    assert [f.value for f in found.for_concept("weight")] == [64]
