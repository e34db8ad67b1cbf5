"""Cardiology point scores: CHA2DS2-VASc, HAS-BLED, RCRI, HEART, Framingham hard CHD."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dxkit.calculators.registry import registry
from dxkit.errors import InputError

CHA = dict(age_years=50, sex="male", chf_history=False, hypertension=False,
           stroke_tia_thromboembolism_history=False, vascular_disease=False, diabetes=False)
HASBLED = dict(hypertension=False, renal_disease=False, liver_disease=False, stroke_history=False,
               bleeding_history=False, labile_inr=False, age_years=60, bleeding_medication=False,
               alcohol_drinks_per_week=0)
RCRI = dict(high_risk_surgery=False, ischemic_heart_disease=False, chf_history=False, cerebrovascular_disease=False,
            insulin_treatment=False, creatinine_mg_dl=1.0)
HEART = dict(history="slightly suspicious", ecg="normal", age_years=40, hypertension=False,
             hypercholesterolemia=False, diabetes=False, obesity=False, smoking=False, family_history_cad=False,
             atherosclerotic_disease=False, initial_troponin="<= normal limit")


def value(calc_id: str, **inputs):
    return registry().get(calc_id).run(inputs).value


# ---------------------------------------------------------------- CHA2DS2-VASc
def test_cha2ds2_vasc_worked_example():
    # 76-year-old woman with hypertension and diabetes: age >= 75 (2) + female (1) + HTN (1) + DM (1) = 5
    assert value("cha2ds2_vasc", **CHA | dict(age_years=76, sex="female", hypertension=True, diabetes=True)) == 5
    # 70-year-old man, prior TIA, CHF: age 65-74 (1) + stroke/TIA (2) + CHF (1) = 4
    assert value("cha2ds2_vasc", **CHA | dict(age_years=70, stroke_tia_thromboembolism_history=True,
                                              chf_history=True)) == 4


@pytest.mark.parametrize(("age", "points"), [(64, 0), (65, 1), (74, 1), (75, 2)])
def test_cha2ds2_vasc_age_thresholds(age, points):
    assert value("cha2ds2_vasc", **CHA | dict(age_years=age)) == points


def test_cha2ds2_vasc_missing_flag_gives_range():
    inputs = dict(CHA)
    del inputs["diabetes"]
    result = registry().get("cha2ds2_vasc").run(inputs)
    assert result.missing == ["diabetes"]
    assert (result.possible_range.low, result.possible_range.high) == (0, 1)


def test_cha2ds2_vasc_age_in_months_converts():
    assert value("cha2ds2_vasc", **CHA | dict(age_years=[900, "months"])) == 2  # 75 years


_CHA_FLAGS = ["chf_history", "hypertension", "stroke_tia_thromboembolism_history", "vascular_disease", "diabetes"]


@given(st.fixed_dictionaries({f: st.booleans() for f in _CHA_FLAGS}), st.sampled_from(_CHA_FLAGS))
def test_cha2ds2_vasc_adding_a_risk_factor_never_lowers(flags, extra):
    before = value("cha2ds2_vasc", **CHA | flags)
    after = value("cha2ds2_vasc", **CHA | flags | {extra: True})
    assert after >= before


# ---------------------------------------------------------------- HAS-BLED
def test_has_bled_worked_example():
    # 70 y (elderly 1), aspirin (drugs 1), 10 drinks/week (alcohol 1), labile INR (1) = 4
    assert value("has_bled", **HASBLED | dict(age_years=70, bleeding_medication=True, alcohol_drinks_per_week=10,
                                              labile_inr=True)) == 4


@pytest.mark.parametrize(("field", "below", "above"), [("age_years", 65, 66), ("alcohol_drinks_per_week", 7, 8)])
def test_has_bled_thresholds(field, below, above):
    assert value("has_bled", **HASBLED | {field: below}) == 0
    assert value("has_bled", **HASBLED | {field: above}) == 1


# ---------------------------------------------------------------- RCRI
def test_rcri_worked_example():
    # intraperitoneal surgery (1) + IHD (1) + insulin (1) + creatinine 2.5 mg/dL (> 2: 1) = 4
    assert value("rcri", **RCRI | dict(high_risk_surgery=True, ischemic_heart_disease=True, insulin_treatment=True,
                                       creatinine_mg_dl=2.5)) == 4


def test_rcri_creatinine_threshold_and_si_units():
    assert value("rcri", **RCRI | dict(creatinine_mg_dl=2.0)) == 0
    assert value("rcri", **RCRI | dict(creatinine_mg_dl=2.01)) == 1
    # 200 umol/L / 88.4 = 2.26 mg/dL (> 2); 150 umol/L = 1.70 mg/dL
    assert value("rcri", **RCRI | dict(creatinine_mg_dl="200 umol/L")) == 1
    assert value("rcri", **RCRI | dict(creatinine_mg_dl="150 µmol/L")) == 0


def test_rcri_wrong_unit_names_field():
    with pytest.raises(InputError) as err:
        value("rcri", **RCRI | dict(creatinine_mg_dl="2 mmHg"))
    assert err.value.field == "creatinine_mg_dl"


# ---------------------------------------------------------------- HEART
def test_heart_worked_example():
    # highly suspicious (2) + normal ECG (0) + age 50 (1) + HTN & smoker = 2 factors (1) + troponin normal (0) = 4
    assert value("heart_score", **HEART | dict(history="highly suspicious", age_years=50, hypertension=True,
                                               smoking=True)) == 4
    # moderately suspicious (1) + non-specific repolarisation (1) + 70 y (2) + prior MI (2) + troponin 1-3x (1) = 7
    assert value("heart_score", **HEART | dict(history="moderately suspicious",
                                               ecg="non-specific repolarization disturbance", age_years=70,
                                               atherosclerotic_disease=True, initial_troponin="1-3x normal limit")) == 7


def test_heart_risk_factor_count_thresholds():
    two = dict(hypertension=True, diabetes=True)
    assert value("heart_score", **HEART | two) == 1
    assert value("heart_score", **HEART | two | dict(obesity=True)) == 2


@pytest.mark.parametrize(("age", "points"), [(44, 0), (45, 1), (64, 1), (65, 2)])
def test_heart_age_thresholds(age, points):
    assert value("heart_score", **HEART | dict(age_years=age)) == points


def test_heart_invalid_option_is_named():
    with pytest.raises(InputError) as err:
        value("heart_score", **HEART | dict(ecg="abnormal"))
    assert err.value.field == "ecg"


# ---------------------------------------------------------------- Framingham hard CHD (ATP III)
FRAM = dict(age_years=73, sex="male", smoker=False, total_cholesterol_mg_dl=159, hdl_cholesterol_mg_dl=28,
            systolic_bp_mm_hg=135, bp_treated=False)


def test_framingham_male_hand_computation():
    # ln73 = 4.29046, ln159 = 5.06890, ln28 = 3.33220, ln135 = 4.90527
    # 52.00961*4.29046 = 223.1450; 20.014077*5.06890 = 101.4494; -0.905964*3.33220 = -3.0189
    # 1.305784*4.90527 = 6.4052; -4.605038*4.29046*5.06890 = -100.1499; -2.93323*4.29046^2 = -53.9951
    # sum - 172.300168 = 1.5356; risk = 1 - 0.9402^exp(1.5356) = 1 - 0.9402^4.644 = 24.9%
    assert value("framingham_hard_chd", **FRAM) == pytest.approx(24.9, abs=0.1)


def test_framingham_female_hand_computation():
    # woman 60 y, TC 200, HDL 50, SBP 140 untreated, non-smoker
    # 31.764001*ln60 (4.09434) = 130.0547; 22.465206*ln200 (5.29832) = 119.0279; -1.187731*ln50 (3.91202) = -4.6464
    # 2.552905*ln140 (4.94164) = 12.6155; -5.060998*4.09434*5.29832 = -109.7907; -146.5933061
    # sum = 0.6677; risk = 1 - 0.98767^exp(0.6677) = 1 - 0.98767^1.9498 = 2.39%
    female = FRAM | dict(age_years=60, sex="female", total_cholesterol_mg_dl=200, hdl_cholesterol_mg_dl=50,
                         systolic_bp_mm_hg=140)
    assert value("framingham_hard_chd", **female) == pytest.approx(2.39, abs=0.05)


def test_framingham_cholesterol_in_mmol_converts():
    # 159 mg/dL / 38.67 = 4.112 mmol/L; 28 mg/dL = 0.7241 mmol/L (cholesterol 386.65 g/mol)
    si = FRAM | dict(total_cholesterol_mg_dl="4.1122 mmol/L", hdl_cholesterol_mg_dl="0.72416 mmol/L")
    assert value("framingham_hard_chd", **si) == pytest.approx(24.9, abs=0.1)


def test_framingham_smoking_age_is_capped_for_men():
    # above 70 the age x smoking term uses ln(70): risk keeps rising with age only through the other terms
    smoker = FRAM | dict(smoker=True)
    assert value("framingham_hard_chd", **smoker) > value("framingham_hard_chd", **FRAM)


@pytest.mark.parametrize("bad", [float("nan"), 19, 80])
def test_framingham_rejects_age_outside_model(bad):
    with pytest.raises(InputError) as err:
        value("framingham_hard_chd", **FRAM | dict(age_years=bad))
    assert err.value.field == "age_years"


# ---------------------------------------------------------------- TIMI UA/NSTEMI
TIMI = dict(age_years=50, three_or_more_cad_risk_factors=False, known_cad_stenosis_50=False,
            aspirin_past_7_days=False, severe_angina_2_episodes_24h=False, st_deviation_0_5_mm=False,
            positive_cardiac_marker=False)


def test_timi_worked_example():
    # 70 y (1) + aspirin (1) + ST deviation (1) + positive troponin (1) = 4
    result = registry().get("timi_ua_nstemi").run(TIMI | dict(age_years=70, aspirin_past_7_days=True,
                                                              st_deviation_0_5_mm=True, positive_cardiac_marker=True))
    assert result.value == 4 and result.band.label == "4"


def test_timi_age_threshold():
    assert value("timi_ua_nstemi", **TIMI | dict(age_years=64)) == 0
    assert value("timi_ua_nstemi", **TIMI | dict(age_years=65)) == 1
