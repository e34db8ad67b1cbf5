"""VTE scores: Wells PE, Wells DVT, PERC, Caprini (2005)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dxkit.calculators.registry import registry
from dxkit.errors import InputError

WELLS_PE = dict(dvt_signs_symptoms=False, pe_most_likely_diagnosis=False, heart_rate_per_min=80,
                immobilization_3_days=False, surgery_previous_4_weeks=False, previous_pe=False, previous_dvt=False,
                hemoptysis=False, active_cancer=False)
WELLS_DVT = {name: False for name in registry().get("wells_dvt").input_names()}
PERC = dict(age_years=30, heart_rate_per_min=80, oxygen_saturation_pct=98, unilateral_leg_swelling=False,
            hemoptysis=False, recent_surgery_or_trauma=False, previous_pe=False, previous_dvt=False, hormone_use=False)
CAPRINI = {name: False for name in registry().get("caprini").input_names()} | dict(
    age_years=30, sex="female", surgery_type="none", mobility="normal", bmi_kg_m2=22)


def value(calc_id: str, **inputs):
    return registry().get(calc_id).run(inputs).value


# ---------------------------------------------------------------- Wells PE
def test_wells_pe_worked_example():
    # DVT signs (3) + HR 110 (1.5) + haemoptysis (1) = 5.5
    assert value("wells_pe", **WELLS_PE | dict(dvt_signs_symptoms=True, heart_rate_per_min=110, hemoptysis=True)) == 5.5


def test_wells_pe_split_criteria_count_once():
    # immobilisation and surgery are one 1.5-point criterion; prior PE and prior DVT likewise
    both = WELLS_PE | dict(immobilization_3_days=True, surgery_previous_4_weeks=True, previous_pe=True,
                           previous_dvt=True)
    assert value("wells_pe", **both) == 3.0


def test_wells_pe_heart_rate_threshold():
    assert value("wells_pe", **WELLS_PE | dict(heart_rate_per_min=100)) == 0
    assert value("wells_pe", **WELLS_PE | dict(heart_rate_per_min=101)) == 1.5


def test_wells_pe_missing_heart_rate_range():
    inputs = dict(WELLS_PE)
    del inputs["heart_rate_per_min"]
    rng = registry().get("wells_pe").run(inputs).possible_range
    assert (rng.low, rng.high) == (0, 1.5)


# ---------------------------------------------------------------- Wells DVT
def test_wells_dvt_worked_example():
    # active cancer (1) + calf swelling (1) + pitting oedema (1) + alternative diagnosis as likely (-2) = 1
    inputs = WELLS_DVT | dict(active_cancer=True, calf_swelling_3_cm=True, pitting_edema_symptomatic_leg=True,
                              alternative_diagnosis_as_likely=True)
    assert value("wells_dvt", **inputs) == 1
    assert registry().get("wells_dvt").run(inputs).band.label == "moderate probability"


def test_wells_dvt_minimum_is_minus_two():
    assert value("wells_dvt", **WELLS_DVT | dict(alternative_diagnosis_as_likely=True)) == -2


# ---------------------------------------------------------------- PERC
@pytest.mark.parametrize(("field", "negative", "positive"),
                         [("age_years", 49, 50), ("heart_rate_per_min", 99, 100), ("oxygen_saturation_pct", 95, 94)])
def test_perc_thresholds(field, negative, positive):
    assert value("perc", **PERC | {field: negative}) == 0
    assert value("perc", **PERC | {field: positive}) == 1


def test_perc_negative_band():
    assert registry().get("perc").run(PERC).band.label == "PERC negative"


def test_perc_saturation_fraction_is_not_a_percent_unit():
    with pytest.raises(InputError) as err:
        value("perc", **PERC | dict(oxygen_saturation_pct="98 mmHg"))
    assert err.value.field == "oxygen_saturation_pct"


# ---------------------------------------------------------------- Caprini
def test_caprini_worked_example():
    # 65 y (2) + major surgery > 45 min (2) + BMI 27 (1) + varicose veins (1) + malignancy (2) = 8
    inputs = CAPRINI | dict(age_years=65, surgery_type="major >45 min", bmi_kg_m2=27, varicose_veins=True,
                            malignancy=True)
    assert value("caprini", **inputs) == 8
    # 80 y (3) + hip fracture (5) + confined to bed > 72 h (2) + history of VTE (3) = 13
    inputs = CAPRINI | dict(age_years=80, hip_pelvis_leg_fracture_last_month=True, mobility="confined to bed >72 h",
                            history_of_vte=True)
    assert value("caprini", **inputs) == 13


@pytest.mark.parametrize(("age", "points"), [(40, 0), (41, 1), (60, 1), (61, 2), (74, 2), (75, 3)])
def test_caprini_age_thresholds(age, points):
    assert value("caprini", **CAPRINI | dict(age_years=age)) == points


def test_caprini_bmi_threshold():
    assert value("caprini", **CAPRINI | dict(bmi_kg_m2=25)) == 0
    assert value("caprini", **CAPRINI | dict(bmi_kg_m2=25.1)) == 1


_CAPRINI_FLAGS = [n for n, v in CAPRINI.items() if v is False]


@given(st.sets(st.sampled_from(_CAPRINI_FLAGS)), st.sampled_from(_CAPRINI_FLAGS))
def test_caprini_adding_a_risk_factor_never_lowers(present, extra):
    base = CAPRINI | {name: True for name in present}
    assert value("caprini", **base | {extra: True}) >= value("caprini", **base)
