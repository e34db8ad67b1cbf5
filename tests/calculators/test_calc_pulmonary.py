"""Pneumonia scores: CURB-65 and the Pneumonia Severity Index."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dxkit.calculators.registry import registry
from dxkit.errors import InputError

CURB = dict(confusion=False, bun_mg_dl=10, respiratory_rate_per_min=16, systolic_bp_mm_hg=120, diastolic_bp_mm_hg=80,
            age_years=40)
PSI = {name: False for name in registry().get("psi_port").input_names()} | dict(
    age_years=60, sex="male", respiratory_rate_per_min=16, systolic_bp_mm_hg=120, temperature_c=37,
    heart_rate_per_min=80, arterial_ph=7.4, bun_mg_dl=12, sodium_mmol_l=140, glucose_mg_dl=100,
    hematocrit_pct=40, pao2_mm_hg=90)


def value(calc_id: str, **inputs):
    return registry().get(calc_id).run(inputs).value


# ---------------------------------------------------------------- CURB-65
def test_curb65_worked_examples():
    # confused 80-year-old, BUN 25 mg/dL, RR 32, BP 85/50: every criterion -> 5
    assert value("curb65", **dict(confusion=True, bun_mg_dl=25, respiratory_rate_per_min=32, systolic_bp_mm_hg=85,
                                  diastolic_bp_mm_hg=50, age_years=80)) == 5
    # 70-year-old with BP 120/60 (diastolic <= 60): age (1) + BP (1) = 2, moderate risk
    result = registry().get("curb65").run(CURB | dict(age_years=70, diastolic_bp_mm_hg=60))
    assert result.value == 2 and result.band.label == "moderate risk"


@pytest.mark.parametrize(("field", "below", "above"), [
    ("bun_mg_dl", 19, 20), ("respiratory_rate_per_min", 29, 30), ("systolic_bp_mm_hg", 90, 89),
    ("diastolic_bp_mm_hg", 61, 60), ("age_years", 64, 65),
])
def test_curb65_thresholds(field, below, above):
    assert value("curb65", **CURB | {field: below}) == 0
    assert value("curb65", **CURB | {field: above}) == 1


def test_curb65_urea_in_mmol_per_l():
    # urea 7.5 mmol/L x 2.802 = 21.0 mg/dL BUN (> 19) -> 1; 6 mmol/L = 16.8 mg/dL -> 0
    assert value("curb65", **CURB | dict(bun_mg_dl="7.5 mmol/L")) == 1
    assert value("curb65", **CURB | dict(bun_mg_dl="6 mmol/L")) == 0


def test_curb65_missing_confusion_range():
    inputs = dict(CURB)
    del inputs["confusion"]
    rng = registry().get("curb65").run(inputs).possible_range
    assert (rng.low, rng.high) == (0, 1)


def test_curb65_rejects_impossible_rate():
    with pytest.raises(InputError) as err:
        value("curb65", **CURB | dict(respiratory_rate_per_min=500))
    assert err.value.field == "respiratory_rate_per_min"


# ---------------------------------------------------------------- PSI
def test_psi_worked_examples():
    # man 70 (70) + nursing home (10) + CHF (10) + RR 32 (20) + BUN 35 (20) + PaO2 55 (10) = 140 -> class V
    result = registry().get("psi_port").run(PSI | dict(age_years=70, nursing_home_resident=True, chf_history=True,
                                                       respiratory_rate_per_min=32, bun_mg_dl=35, pao2_mm_hg=55))
    assert result.value == 140 and result.band.label == "class V"
    # woman 60 without findings: 60 - 10 = 50 -> class II
    assert value("psi_port", **PSI | dict(sex="female")) == 50


@pytest.mark.parametrize(("field", "normal", "abnormal", "points"), [
    ("respiratory_rate_per_min", 29, 30, 20), ("systolic_bp_mm_hg", 90, 89, 20), ("temperature_c", 35, 34.9, 15),
    ("temperature_c", 39.9, 40, 15), ("heart_rate_per_min", 124, 125, 10), ("arterial_ph", 7.35, 7.34, 30),
    ("bun_mg_dl", 29, 30, 20), ("sodium_mmol_l", 130, 129, 20), ("glucose_mg_dl", 249, 250, 10),
    ("hematocrit_pct", 30, 29, 10), ("pao2_mm_hg", 60, 59, 10),
])
def test_psi_thresholds(field, normal, abnormal, points):
    assert value("psi_port", **PSI | {field: normal}) == 60
    assert value("psi_port", **PSI | {field: abnormal}) == 60 + points


def test_psi_glucose_in_mmol_per_l():
    # 14 mmol/L x 18.016 = 252 mg/dL (>= 250) -> 10
    assert value("psi_port", **PSI | dict(glucose_mg_dl="14 mmol/L")) == 70


_PSI_FLAGS = [n for n, v in PSI.items() if v is False]


@given(st.sets(st.sampled_from(_PSI_FLAGS)), st.sampled_from(_PSI_FLAGS))
def test_psi_adding_a_finding_never_lowers(present, extra):
    base = PSI | {name: True for name in present}
    assert value("psi_port", **base | {extra: True}) >= value("psi_port", **base)
