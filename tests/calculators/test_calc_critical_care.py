"""Critical care scores: APACHE II, SOFA, SIRS criteria."""

from __future__ import annotations

import pytest

from dxkit.calculators.registry import registry
from dxkit.errors import InputError

APACHE_SICK = dict(age_years=70, temperature_c=39.5, systolic_bp_mm_hg=90, diastolic_bp_mm_hg=50,
                   heart_rate_per_min=120, respiratory_rate_per_min=30, fio2_pct=40, pao2_mm_hg=58, arterial_ph=7.30,
                   sodium_mmol_l=150, potassium_mmol_l=3.2, creatinine_mg_dl=2.5, acute_renal_failure=False,
                   hematocrit_pct=28, wbc_k_per_ul=18, gcs=13, chronic_organ_insufficiency_or_immunocompromise=True,
                   admission_type="nonoperative")
APACHE_WELL = dict(age_years=30, temperature_c=37, systolic_bp_mm_hg=120, diastolic_bp_mm_hg=80,
                   heart_rate_per_min=80, respiratory_rate_per_min=16, fio2_pct=21, pao2_mm_hg=90, arterial_ph=7.4,
                   sodium_mmol_l=140, potassium_mmol_l=4, creatinine_mg_dl=1.0, acute_renal_failure=False,
                   hematocrit_pct=40, wbc_k_per_ul=8, gcs=15, chronic_organ_insufficiency_or_immunocompromise=False,
                   admission_type="nonoperative")
SOFA = dict(pao2_mm_hg=80, fio2_pct=50, mechanical_ventilation_or_cpap=True, platelets_k_per_ul=90, gcs=12,
            bilirubin_mg_dl=2.5, systolic_bp_mm_hg=100, diastolic_bp_mm_hg=60, dopamine_ug_kg_min=0,
            dobutamine_ug_kg_min=0, epinephrine_ug_kg_min=0, norepinephrine_ug_kg_min=0.05, creatinine_mg_dl=1.5,
            urine_output_ml_per_day=1000)
SIRS = dict(temperature_c=37, heart_rate_per_min=80, respiratory_rate_per_min=16, paco2_mm_hg=40, wbc_k_per_ul=8,
            band_forms_pct=0)


def value(calc_id: str, **inputs):
    return registry().get(calc_id).run(inputs).value


# ---------------------------------------------------------------- APACHE II
def test_apache_ii_hand_computation():
    # age 70 (5) + temp 39.5 (3) + MAP (90 + 2x50)/3 = 63.3 (2) + HR 120 (2) + RR 30 (1) + PaO2 58 at FiO2 0.4 (3)
    # + pH 7.30 (2) + Na 150 (1) + K 3.2 (1) + Cr 2.5 (3) + Hct 28 (2) + WBC 18 (1) + GCS 13 (15-13 = 2)
    # + chronic health, nonoperative (5) = 33
    assert value("apache_ii", **APACHE_SICK) == 33
    # acute renal failure doubles the creatinine points: 33 + 3 = 36
    assert value("apache_ii", **APACHE_SICK | dict(acute_renal_failure=True)) == 36
    # elective postoperative admission: chronic health 2 instead of 5 -> 30
    assert value("apache_ii", **APACHE_SICK | dict(admission_type="elective postoperative")) == 30


def test_apache_ii_normal_physiology_scores_zero():
    assert value("apache_ii", **APACHE_WELL) == 0


def test_apache_ii_uses_a_a_gradient_when_fio2_high():
    # FiO2 0.6 with A-a 400 mmHg -> 3 points (PaO2 ignored)
    assert value("apache_ii", **APACHE_WELL | dict(fio2_pct=60, a_a_gradient_mm_hg=400, pao2_mm_hg=50)) == 3
    with pytest.raises(InputError) as err:
        value("apache_ii", **APACHE_WELL | dict(fio2_pct=60))
    assert err.value.field == "a_a_gradient_mm_hg"


@pytest.mark.parametrize(("field", "level", "points"), [
    ("temperature_c", 38.4, 0), ("temperature_c", 38.5, 1), ("temperature_c", 41, 4), ("temperature_c", 35.9, 1),
    ("heart_rate_per_min", 109, 0), ("heart_rate_per_min", 110, 2), ("heart_rate_per_min", 69, 2),
    ("pao2_mm_hg", 71, 0), ("pao2_mm_hg", 70, 1), ("pao2_mm_hg", 54, 4),
    ("arterial_ph", 7.49, 0), ("arterial_ph", 7.5, 1), ("arterial_ph", 7.32, 2),
    ("creatinine_mg_dl", 1.4, 0), ("creatinine_mg_dl", 1.5, 2), ("creatinine_mg_dl", 0.5, 2),
    ("age_years", 44, 0), ("age_years", 45, 2), ("age_years", 75, 6),
])
def test_apache_ii_thresholds(field, level, points):
    assert value("apache_ii", **APACHE_WELL | {field: level}) == points


def test_apache_ii_temperature_in_fahrenheit():
    # 103.1 degF = 39.5 degC -> 3 points
    assert value("apache_ii", **APACHE_WELL | dict(temperature_c="103.1 degF")) == 3


def test_apache_ii_assume_absent_scores_missing_labs_as_normal():
    result = registry().get("apache_ii").run({"age_years": 50}, missing="assume_absent")
    assert result.value == 2 and "sodium_mmol_l" in result.assumed


# ---------------------------------------------------------------- SOFA
def test_sofa_hand_computation():
    # PaO2/FiO2 = 80/0.5 = 160 ventilated (3) + platelets 90 (2) + bilirubin 2.5 (2) + norepinephrine 0.05 (3)
    # + GCS 12 (2) + creatinine 1.5 (1) = 13
    assert value("sofa", **SOFA) == 13
    # without ventilatory support a ratio < 200 scores only 2
    assert value("sofa", **SOFA | dict(mechanical_ventilation_or_cpap=False)) == 12


@pytest.mark.parametrize(("changes", "delta"), [
    (dict(norepinephrine_ug_kg_min=0.11), 1),                       # > 0.1 -> 4
    (dict(norepinephrine_ug_kg_min=0, dopamine_ug_kg_min=5), -1),   # dopamine <= 5 -> 2
    (dict(norepinephrine_ug_kg_min=0, dopamine_ug_kg_min=5.1), 0),  # dopamine > 5 -> 3
    (dict(norepinephrine_ug_kg_min=0), -3),                         # MAP 73.3 -> 0
    (dict(urine_output_ml_per_day=499), 2),                         # renal 3
    (dict(urine_output_ml_per_day=199), 3),                         # renal 4
    (dict(platelets_k_per_ul=100), -1),
    (dict(gcs=15), -2),
])
def test_sofa_thresholds(changes, delta):
    assert value("sofa", **SOFA | changes) == 13 + delta


def test_sofa_reported_hypotension_scores_one():
    base = SOFA | dict(norepinephrine_ug_kg_min=0)
    assert value("sofa", **base | dict(hypotension_map_below_70=True)) == 11


def test_sofa_platelets_in_si_units():
    # 90 x10^9/L = 90 x10^3/uL
    assert value("sofa", **SOFA | dict(platelets_k_per_ul="90 x10^9/L")) == 13


# ---------------------------------------------------------------- SIRS
def test_sirs_worked_example():
    # temperature 38.5 (1) + HR 100 (1) + RR 18, PaCO2 40 (0) + WBC 13 (1) = 3
    assert value("sirs", **SIRS | dict(temperature_c=38.5, heart_rate_per_min=100, wbc_k_per_ul=13)) == 3
    # 101.3 degF = 38.5 degC
    assert value("sirs", **SIRS | dict(temperature_c="101.3 degF")) == 1


@pytest.mark.parametrize(("field", "normal", "abnormal"), [
    ("temperature_c", 38.0, 38.1), ("temperature_c", 36.0, 35.9), ("heart_rate_per_min", 90, 91),
    ("respiratory_rate_per_min", 20, 21), ("paco2_mm_hg", 32, 31.9), ("wbc_k_per_ul", 12, 12.1),
    ("wbc_k_per_ul", 4, 3.9), ("band_forms_pct", 10, 11),
])
def test_sirs_thresholds(field, normal, abnormal):
    assert value("sirs", **SIRS | {field: normal}) == 0
    assert value("sirs", **SIRS | {field: abnormal}) == 1


def test_sirs_wbc_in_count_per_litre():
    assert value("sirs", **SIRS | dict(wbc_k_per_ul="13 x10^9/L")) == 1


# ---------------------------------------------------------------- NEWS2
NEWS2 = dict(respiratory_rate_per_min=16, oxygen_saturation_pct=98, hypercapnic_target_scale_2=False,
             on_supplemental_oxygen=False, systolic_bp_mm_hg=120, heart_rate_per_min=70, consciousness="alert",
             temperature_c=37)


def test_news2_hand_computation():
    # RR 22 (2) + SpO2 95 (1) + oxygen (2) + SBP 105 (1) + pulse 115 (2) + alert (0) + 38.5 degC (1) = 9: high
    result = registry().get("news2").run(NEWS2 | dict(respiratory_rate_per_min=22, oxygen_saturation_pct=95,
                                                      on_supplemental_oxygen=True, systolic_bp_mm_hg=105,
                                                      heart_rate_per_min=115, temperature_c=38.5))
    assert result.value == 9 and result.band.label == "high"


def test_news2_single_red_parameter_band():
    result = registry().get("news2").run(NEWS2 | dict(consciousness="new confusion"))
    assert result.value == 3 and result.band.label == "low-medium"


@pytest.mark.parametrize(("field", "level", "points"), [
    ("respiratory_rate_per_min", 8, 3), ("respiratory_rate_per_min", 9, 1), ("respiratory_rate_per_min", 12, 0),
    ("respiratory_rate_per_min", 20, 0), ("respiratory_rate_per_min", 21, 2), ("respiratory_rate_per_min", 25, 3),
    ("oxygen_saturation_pct", 96, 0), ("oxygen_saturation_pct", 95, 1), ("oxygen_saturation_pct", 93, 2),
    ("oxygen_saturation_pct", 91, 3), ("systolic_bp_mm_hg", 111, 0), ("systolic_bp_mm_hg", 110, 1),
    ("systolic_bp_mm_hg", 100, 2), ("systolic_bp_mm_hg", 90, 3), ("systolic_bp_mm_hg", 220, 3),
    ("heart_rate_per_min", 40, 3), ("heart_rate_per_min", 41, 1), ("heart_rate_per_min", 51, 0),
    ("heart_rate_per_min", 91, 1), ("heart_rate_per_min", 111, 2), ("heart_rate_per_min", 131, 3),
    ("temperature_c", 35.0, 3), ("temperature_c", 35.1, 1), ("temperature_c", 36.1, 0), ("temperature_c", 38.1, 1),
    ("temperature_c", 39.1, 2),
])
def test_news2_thresholds(field, level, points):
    assert value("news2", **NEWS2 | {field: level}) == points


def test_news2_scale_2_for_hypercapnic_patients():
    scale2 = NEWS2 | dict(hypercapnic_target_scale_2=True)
    assert value("news2", **scale2 | dict(oxygen_saturation_pct=88)) == 0
    assert value("news2", **scale2 | dict(oxygen_saturation_pct=83)) == 3
    # on oxygen, 97% scores 3 on scale 2, plus 2 for oxygen = 5
    assert value("news2", **scale2 | dict(oxygen_saturation_pct=97, on_supplemental_oxygen=True)) == 5
