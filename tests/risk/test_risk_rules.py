"""Rules added for issue #7: infusion rates, value-first counts, reference ranges, derived
judgements, categorical readers and selection by name, each on a note written for the test
with the expected value worked out by hand."""

from __future__ import annotations

import pytest

from dxkit.calculators.registry import registry
from dxkit.tools.calculator_selection import rank_calculators
from dxkit.tools.extraction import extract
from dxkit.tools.extraction.categorical import resolve_choice
from dxkit.tools.extraction.derived import DERIVED
from dxkit.tools.extraction.infusions import extract_infusions
from dxkit.tools.extraction.to_inputs import fill_inputs


def _rates(text: str) -> dict[str, float]:
    return {f.concept: f.value for f in extract_infusions(text)}


def test_infusions_paired_in_order_and_respectively() -> None:
    text = ("Dobutamine and dopamine were running at 4 mcg/kg/min and 7 mcg/kg/min respectively. "
            "Noradrenaline 0.2 mcg/kg/min was added.")
    assert _rates(text) == {"dobutamine_dose": 4.0, "dopamine_dose": 7.0, "norepinephrine_dose": 0.2}


def test_infusion_rate_each_applies_to_all_listed_drugs() -> None:
    assert _rates("on epinephrine and norepinephrine, 0.05 µg/kg/min each.") == {
        "epinephrine_dose": 0.05, "norepinephrine_dose": 0.05}


def test_infusion_rate_before_drug_and_non_weight_rate_ignored() -> None:
    assert _rates("She was started on 0.3 mcg/kg/min of norepinephrine.") == {"norepinephrine_dose": 0.3}
    assert _rates("Dopamine 10 mcg/min was given.") == {}  # not weight-based: not a SOFA rate


def test_sofa_reads_vasopressor_rates() -> None:
    facts = extract("A 60-year-old man in septic shock on norepinephrine at 0.15 mcg/kg/min. GCS 13.")
    filled = fill_inputs(registry().get("sofa"), facts)
    assert filled.inputs["norepinephrine_ug_kg_min"] == [0.15, "ug/kg/min"]
    assert filled.inputs["gcs"] == [13.0, "dimensionless"]


def test_value_first_differential_and_glued_numbers() -> None:
    facts = extract("WBC 16.0 x10^9/L with 78% neutrophils and bands 14%. Bicarbonate (HCO3-) 12 mmol/L.")
    assert facts.first("neutrophil_percent").value == 78  # not the 14 that follows "neutrophils and bands"
    assert facts.first("band_forms").value == 14
    assert facts.first("bicarbonate").value == 12  # the 3 of "HCO3" is part of the name


def test_reference_range_is_not_the_patients_value() -> None:
    facts = extract("Serum albumin (normal range 3.5-5.0 g/dL) was low.")
    assert facts.first("albumin") is None


def test_spelled_out_gcs_and_ten_thousand_platelet_unit() -> None:
    facts = extract("On arrival her Glasgow Coma Scale score was eleven. Platelet count 12.5 × 10^4/µL.")
    assert facts.first("gcs_total").value == 11
    platelets = fill_inputs(registry().get("fib4"), facts).inputs["platelets_k_per_ul"]
    assert platelets == [12.5, "1e4 count/uL"]  # 125 x10^3/µL once converted by the calculator


def test_sirs_judgement_counts_criteria() -> None:
    # T 38.4 (>38) and HR 104 (>90): 2 criteria; RR 18 and WBC 9.1 are normal
    met = DERIVED["sirs"](extract("Temp 38.4 °C, HR 104 bpm, RR 18, WBC 9.1 x10^9/L."))
    assert met is not None and met[0] is True
    # only the heart rate is abnormal: 1 criterion
    one = DERIVED["sirs"](extract("Temp 37.0 °C, HR 95 bpm, RR 16, WBC 8.0 x10^9/L."))
    assert one is not None and one[0] is False


def test_three_cad_risk_factors_needs_three_affirmed() -> None:
    yes = DERIVED["three_cad_risk_factors"](extract("He has hypertension, hyperlipidemia and smokes daily."))
    assert yes is not None and yes[0] is True
    no = DERIVED["three_cad_risk_factors"](extract("He has hypertension. He denies diabetes or smoking."))
    assert no is not None and no[0] is False


def test_gcs_below_15_both_sides() -> None:
    assert DERIVED["gcs_below_15"](extract("GCS 14 at 2 hours."))[0] is True
    assert DERIVED["gcs_below_15"](extract("GCS 15 at 2 hours."))[0] is False


@pytest.mark.parametrize(("text", "expected"), [
    ("She is alert but newly confused about the date.", "new confusion"),
    ("Drowsy, responds only to voice.", "voice"),
    ("He responds only to painful stimuli.", "pain"),
    ("Alert and talking in full sentences.", "alert"),
])
def test_avpu_reader(text: str, expected: str) -> None:
    options = ["alert", "new confusion", "voice", "pain", "unresponsive"]
    assert resolve_choice("avpu", options, extract(text))[0] == expected


@pytest.mark.parametrize(("text", "eye", "verbal", "motor"), [
    ("She opens her eyes only to a sternal rub, moans, and withdraws from painful stimuli.",
     "to pain", "incomprehensible sounds", "withdraws from pain"),
    ("He is disoriented, opens his eyes when his name is called and localizes to pain.",
     "to sound", "confused", "localizes pain"),
])
def test_gcs_component_readers(text: str, eye: str, verbal: str, motor: str) -> None:
    filled = fill_inputs(registry().get("gcs"), extract(text))
    assert (filled.inputs["eye"], filled.inputs["verbal"], filled.inputs["motor"]) == (eye, verbal, motor)


def test_new_lexicon_concepts_with_negation() -> None:
    note = ("Twisted ankle: pain over the lateral malleolus with bony tenderness of the lateral malleolus; "
            "no navicular tenderness. Unable to bear weight in the department.")
    filled = fill_inputs(registry().get("ottawa_ankle"), extract(note))
    assert filled.inputs["lateral_malleolus_tenderness"] is True
    assert filled.inputs["unable_to_bear_weight"] is True
    assert filled.inputs["navicular_tenderness"] is False


def test_alvarado_concepts() -> None:
    note = ("Periumbilical pain that migrated to the right lower quadrant, with nausea. Rebound tenderness and "
            "tenderness in the right lower quadrant. Temperature 37.9 C. WBC 13.2 x10^9/L, 84% neutrophils.")
    filled = fill_inputs(registry().get("alvarado"), extract(note))
    assert filled.inputs["neutrophils_pct"] == [84.0, "percent"]
    for name, value in filled.inputs.items():
        if isinstance(value, bool):
            assert value is True, name


def test_fever_plural_and_tonsils_with_exudate() -> None:
    facts = extract("Sore throat and fevers for the past 2 days; enlarged tonsils with white exudates.")
    assert facts.first("fever", affirmed_only=True) is not None
    assert facts.first("tonsillar_exudate", affirmed_only=True) is not None
    onset = DERIVED["symptom_onset_within_3_days"](facts)
    assert onset is not None and onset[0] is True


@pytest.mark.parametrize(("formula", "calc_id"), [
    ("Fridericia", "qtc_fridericia"), ("Framingham", "qtc_framingham"), ("Hodges", "qtc_hodges"),
    ("Bazett", "qtc_bazett"),
])
def test_question_naming_a_qtc_variant_selects_it(formula: str, calc_id: str) -> None:
    question = f"Using the {formula} formula for corrected QT interval, what is the corrected QT in msec?"
    top = rank_calculators("Heart rate 80 bpm, QT interval 400 ms.", question, k=1)[0]
    assert top.calculator_id == calc_id


def test_fill_inputs_returns_independent_copies() -> None:
    facts = extract("CURB-65: 80-year-old, confused, BUN 25 mg/dL, RR 32, BP 85/50 mmHg.")
    calc = registry().get("curb65")
    first = fill_inputs(calc, facts)
    first.inputs.clear()
    assert fill_inputs(calc, facts).inputs  # the memo is not changed by a caller's edits


def test_negated_list_reaches_past_the_short_window() -> None:
    note = ("She denies a history of heart failure, recent infections or sepsis, stroke, pulmonary embolism, "
            "inflammatory bowel disease, coronary artery disease, chronic obstructive pulmonary disease, or "
            "malignancy.")
    facts = extract(note)
    for concept in ("chf_history", "inflammatory_bowel_disease", "copd", "cancer"):
        assert all(f.negated for f in facts.for_concept(concept)), concept


def test_negation_stops_at_a_new_finding_verb() -> None:
    facts = extract("He had no fever and was found to have a right lower lobe pneumonia.")
    assert facts.first("fever").negated
    assert not facts.first("pneumonia").negated


def test_ascites_grade_and_negation() -> None:
    options = ["absent", "slight", "moderate"]
    assert resolve_choice("ascites", options, extract("Ultrasound negative for ascites."))[0] == "absent"
    assert resolve_choice("ascites", options, extract("A drain with moderate ascites seen."))[0] == "moderate"
    assert resolve_choice("ascites", options, extract("Diuretics for mild ascites."))[0] == "slight"


@pytest.mark.parametrize(("text", "per_week"), [
    ("She drinks about 6 alcoholic drinks per week.", [6.0, "drink/week"]),
    ("He reports a weekly average of ten alcoholic beverages.", [10.0, "drink/week"]),
    ("Two beers a day.", [2.0, "drink/day"]),  # 14/week once the calculator converts it
])
def test_alcohol_drinks(text: str, per_week: list) -> None:
    filled = fill_inputs(registry().get("has_bled"), extract(text))
    assert filled.inputs["alcohol_drinks_per_week"] == per_week


def test_fio2_value_first_and_aa_gradient() -> None:
    facts = extract("ABG on 60% FiO2: pH 7.31, PaO2 70 mmHg, A-a gradient of 310 mmHg.")
    assert facts.first("fio2").value == 60
    assert facts.first("aa_gradient").value == 310


def test_listed_labels_pair_with_listed_values() -> None:
    facts = extract("Serum sodium, potassium and chloride were 131 mEq/L, 5.2 mEq/L and 99 mEq/L respectively. "
                    "Systolic and diastolic pressures were 104 and 62 mmHg.")
    assert [facts.first(c).value for c in ("sodium", "potassium", "chloride")] == [131, 5.2, 99]
    assert (facts.first("systolic_bp").value, facts.first("diastolic_bp").value) == (104, 62)
    assert facts.first("diastolic_bp").unit.lower().replace(" ", "") == "mmhg"  # the shared unit


def test_gcs_total_summed_from_written_components() -> None:
    # eyes to voice 3 + confused 4 + localizes 5 = 12
    facts = extract("Drowsy on arrival (GCS: eyes open to voice, confused, localizes to pain).")
    assert facts.first("gcs_total").value == 12
    # a numeric total wins over the words
    assert extract("GCS 10 (eyes open to voice, confused, localizes to pain).").first("gcs_total").value == 10
