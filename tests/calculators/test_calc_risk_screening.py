"""Extras: ASCVD pooled cohort equations, CHADS2, qSOFA, sPESI, ABCD2, Padua, KDIGO AKI stage."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dxkit.calculators.registry import registry
from dxkit.errors import InputError

GOFF_EXAMPLE = dict(age_years=55, total_cholesterol_mg_dl=213, hdl_cholesterol_mg_dl=50, systolic_bp_mm_hg=120,
                    bp_treated=False, diabetes=False, smoker=False)


def run(calc_id: str, **inputs):
    return registry().get(calc_id).run(inputs)


@pytest.mark.parametrize("race, sex, published", [
    ("white", "female", 2.1), ("african_american", "female", 3.0),
    ("white", "male", 5.3), ("african_american", "male", 6.1),
])
def test_ascvd_goff_2013_worked_example(race, sex, published):
    # Goff 2013, Table A example (55 y, TC 213, HDL 50, untreated SBP 120, non-smoker, no diabetes),
    # published to one decimal
    assert run("ascvd_pooled_cohort", race=race, sex=sex, **GOFF_EXAMPLE).value == pytest.approx(published, abs=0.1)


def test_ascvd_white_male_hand_computed():
    # Σ = 12.344 ln55 + 11.853 ln213 - 2.664 ln55 ln213 - 7.990 ln50 + 1.769 ln55 ln50 + 1.764 ln120
    #   = 49.467 + 63.547 - 57.236 - 31.257 + 27.732 + 8.445 = 60.698
    # risk = 1 - 0.9144^exp(60.698 - 61.18) = 1 - 0.9144^0.6175 = 5.38%
    assert run("ascvd_pooled_cohort", race="white", sex="male", **GOFF_EXAMPLE).value == pytest.approx(5.38, abs=0.02)


def test_ascvd_age_range_enforced():
    with pytest.raises(InputError) as err:
        run("ascvd_pooled_cohort", race="white", sex="male", **(GOFF_EXAMPLE | {"age_years": 35}))
    assert err.value.field == "age_years"


@given(st.floats(100, 200), st.floats(1, 40))
def test_ascvd_higher_sbp_never_lowers_risk_white_male(sbp, more):
    base = GOFF_EXAMPLE | {"race": "white", "sex": "male"}
    assert run("ascvd_pooled_cohort", **(base | {"systolic_bp_mm_hg": sbp + more})).value >= \
        run("ascvd_pooled_cohort", **(base | {"systolic_bp_mm_hg": sbp})).value


def test_chads2_points_and_age_edge():
    # CHF 1 + HTN 1 + age 75 (1) + DM 1 + stroke 2 = 6
    assert run("chads2", chf_history=True, hypertension=True, age_years=75, diabetes=True,
               stroke_tia_history=True).value == 6
    none = dict(chf_history=False, hypertension=False, diabetes=False, stroke_tia_history=False)
    assert run("chads2", age_years=74, **none).value == 0
    assert run("chads2", age_years=75, **none).value == 1
    # missing stroke history: 1 (age) + 0 or 2 -> range 1..3
    partial = registry().get("chads2").run({"age_years": 80, "chf_history": False, "hypertension": False,
                                            "diabetes": False})
    assert (partial.possible_range.low, partial.possible_range.high) == (1, 3)


def test_qsofa_each_threshold_both_sides():
    base = dict(respiratory_rate_per_min=21, altered_mentation=False, systolic_bp_mm_hg=101)
    assert run("qsofa", **base).value == 0
    assert run("qsofa", **(base | {"respiratory_rate_per_min": 22})).value == 1
    assert run("qsofa", **(base | {"systolic_bp_mm_hg": 100})).value == 1
    high = run("qsofa", respiratory_rate_per_min=24, altered_mentation=True, systolic_bp_mm_hg=90)
    assert high.value == 3 and high.band.label == "high risk"
    missing = registry().get("qsofa").run({"respiratory_rate_per_min": 30})
    assert (missing.possible_range.low, missing.possible_range.high) == (1, 3)


def test_spesi_thresholds():
    base = dict(age_years=80, active_cancer=False, chronic_cardiopulmonary_disease=False, heart_rate_per_min=109,
                systolic_bp_mm_hg=100, oxygen_saturation_pct=90)
    assert run("spesi", **base).value == 0 and run("spesi", **base).band.label == "low risk"
    for change in ({"age_years": 81}, {"heart_rate_per_min": 110}, {"systolic_bp_mm_hg": 99},
                   {"oxygen_saturation_pct": 89}, {"active_cancer": True}):
        assert run("spesi", **(base | change)).value == 1


def test_abcd2_worked_example():
    # 65 y (1), BP 150/85 (1), unilateral weakness (2), 45 min (1), no diabetes (0) = 5 -> moderate
    result = run("abcd2", age_years=65, systolic_bp_mm_hg=150, diastolic_bp_mm_hg=85,
                 clinical_features="unilateral weakness", duration="10-59 minutes", diabetes=False)
    assert result.value == 5 and result.band.label == "moderate risk"
    assert run("abcd2", age_years=59, systolic_bp_mm_hg=139, diastolic_bp_mm_hg=89, clinical_features="other",
               duration="< 10 minutes", diabetes=False).value == 0
    with pytest.raises(InputError) as err:
        run("abcd2", age_years=59, systolic_bp_mm_hg=139, diastolic_bp_mm_hg=89, clinical_features="vertigo",
            duration="< 10 minutes", diabetes=False)
    assert err.value.field == "clinical_features"


def test_padua_threshold_four():
    flags = dict(active_cancer=False, previous_vte=False, reduced_mobility=False, thrombophilia=False,
                 recent_trauma_or_surgery=False, heart_or_respiratory_failure=False,
                 acute_mi_or_ischemic_stroke=False, acute_infection_or_rheumatologic_disorder=False,
                 obesity=False, hormonal_treatment=False)
    # reduced mobility 3 + age 69 (0) = 3 -> low; age 70 adds 1 -> 4 -> high
    assert run("padua", age_years=69, **(flags | {"reduced_mobility": True})).band.label == "low risk"
    assert run("padua", age_years=70, **(flags | {"reduced_mobility": True})).band.label == "high risk"
    # cancer 3 + previous VTE 3 + surgery 2 + infection 1 = 9
    assert run("padua", age_years=50, **(flags | {"active_cancer": True, "previous_vte": True,
                                                  "recent_trauma_or_surgery": True,
                                                  "acute_infection_or_rheumatologic_disorder": True})).value == 9


def test_kdigo_stages():
    base = dict(baseline_creatinine_mg_dl=1.0, rise_within_48h=True, renal_replacement_started=False)
    assert run("kdigo_aki_stage", current_creatinine_mg_dl=1.2, **base).value == 0      # rise 0.2
    assert run("kdigo_aki_stage", current_creatinine_mg_dl=1.3, **base).value == 1      # rise 0.3 in 48 h
    assert run("kdigo_aki_stage", current_creatinine_mg_dl=1.3,
               **(base | {"rise_within_48h": False})).value == 0                        # slower rise, ratio 1.3
    assert run("kdigo_aki_stage", current_creatinine_mg_dl=1.9, **base).value == 1      # ratio 1.9
    assert run("kdigo_aki_stage", current_creatinine_mg_dl=2.0, **base).value == 2      # ratio 2.0
    assert run("kdigo_aki_stage", current_creatinine_mg_dl=3.0, **base).value == 3      # ratio 3.0
    assert run("kdigo_aki_stage", baseline_creatinine_mg_dl=2.5, current_creatinine_mg_dl=4.0,
               rise_within_48h=True, renal_replacement_started=False).value == 3        # >= 4.0 mg/dL
    # urine output: 0.4 mL/kg/h for 6 h -> 1; for 12 h -> 2; 0.2 for 24 h -> 3
    for rate, hours, stage in ((0.4, 5, 0), (0.4, 6, 1), (0.4, 12, 2), (0.2, 24, 3), (0, 12, 3)):
        assert run("kdigo_aki_stage", current_creatinine_mg_dl=1.0, urine_output_ml_kg_h=rate,
                   urine_output_hours=hours, **base).value == stage
    # SI: 88.4 µmol/L baseline, 265.2 µmol/L now: ratio 3.0 -> 3
    assert run("kdigo_aki_stage", baseline_creatinine_mg_dl="88.4 umol/L", current_creatinine_mg_dl="265.2 umol/L",
               rise_within_48h=False, renal_replacement_started=False).value == 3
