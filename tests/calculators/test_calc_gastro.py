"""Glasgow-Blatchford bleeding score."""

from __future__ import annotations

import pytest

from dxkit.calculators.registry import registry
from dxkit.errors import InputError

GBS = dict(bun_mmol_l=5, hemoglobin_g_dl=14, sex="male", systolic_bp_mm_hg=120, heart_rate_per_min=80, melena=False,
           syncope=False, hepatic_disease=False, cardiac_failure=False)


def value(**inputs):
    return registry().get("glasgow_blatchford").run(inputs).value


def test_gbs_worked_examples():
    assert value(**GBS) == 0
    # urea 12 mmol/L (4) + Hb 11 g/dL man (3) + SBP 95 (2) + pulse 110 (1) + melaena (1) + syncope (2) = 13
    assert value(**GBS | dict(bun_mmol_l=12, hemoglobin_g_dl=11, systolic_bp_mm_hg=95, heart_rate_per_min=110,
                              melena=True, syncope=True)) == 13


@pytest.mark.parametrize(("urea", "points"), [(6.4, 0), (6.5, 2), (7.9, 2), (8, 3), (9.9, 3), (10, 4), (24.9, 4),
                                              (25, 6)])
def test_gbs_urea_thresholds(urea, points):
    assert value(**GBS | dict(bun_mmol_l=urea)) == points


@pytest.mark.parametrize(("sex", "hb", "points"), [
    ("male", 13, 0), ("male", 12.9, 1), ("male", 12, 1), ("male", 11.9, 3), ("male", 10, 3), ("male", 9.9, 6),
    ("female", 12, 0), ("female", 11.9, 1), ("female", 10, 1), ("female", 9.9, 6),
])
def test_gbs_hemoglobin_thresholds(sex, hb, points):
    assert value(**GBS | dict(sex=sex, hemoglobin_g_dl=hb)) == points


@pytest.mark.parametrize(("sbp", "points"), [(110, 0), (109, 1), (100, 1), (99, 2), (90, 2), (89, 3)])
def test_gbs_blood_pressure_thresholds(sbp, points):
    assert value(**GBS | dict(systolic_bp_mm_hg=sbp)) == points


def test_gbs_bun_in_mg_per_dl():
    # BUN 28.0 mg/dL / 2.802 = 9.99 mmol/L -> 3; 28.1 mg/dL = 10.03 mmol/L -> 4
    assert value(**GBS | dict(bun_mmol_l="28.0 mg/dL")) == 3
    assert value(**GBS | dict(bun_mmol_l="28.1 mg/dL")) == 4


def test_gbs_hemoglobin_in_g_per_l():
    assert value(**GBS | dict(hemoglobin_g_dl="115 g/L")) == 3


def test_gbs_rejects_bad_sex():
    with pytest.raises(InputError) as err:
        value(**GBS | dict(sex="unknown"))
    assert err.value.field == "sex"


# ---------------------------------------------------------------- BISAP and Ranson
BISAP = dict(bun_mg_dl=12, impaired_mental_status=False, sirs_present=False, age_years=40, pleural_effusion=False)
RANSON = dict(age_years=40, wbc_k_per_ul=8, glucose_mg_dl=100, ldh_u_l=200, ast_u_l=30, hematocrit_fall_pct_points=0,
              bun_rise_mg_dl=0, calcium_mg_dl=9.5, pao2_mm_hg=90, base_deficit_meq_l=0, fluid_sequestration_l=2)


def run(calc_id: str, **inputs):
    return registry().get(calc_id).run(inputs).value


def test_bisap_worked_example_and_thresholds():
    # BUN 30 (1) + SIRS (1) + age 70 (1) = 3: high risk
    assert run("bisap", **BISAP | dict(bun_mg_dl=30, sirs_present=True, age_years=70)) == 3
    assert run("bisap", **BISAP | dict(bun_mg_dl=25)) == 0
    assert run("bisap", **BISAP | dict(bun_mg_dl=25.1)) == 1
    assert run("bisap", **BISAP | dict(age_years=60)) == 0
    assert run("bisap", **BISAP | dict(age_years=61)) == 1


def test_ranson_worked_example():
    # admission: age 60 (1), WBC 18 (1), glucose 250 (1); 48 h: calcium 7.5 (1), fluid 7 L (1) = 5
    assert run("ranson", **RANSON | dict(age_years=60, wbc_k_per_ul=18, glucose_mg_dl=250, calcium_mg_dl=7.5,
                                         fluid_sequestration_l=7)) == 5


@pytest.mark.parametrize(("field", "normal", "abnormal"), [
    ("age_years", 55, 56), ("wbc_k_per_ul", 16, 16.1), ("glucose_mg_dl", 200, 201), ("ldh_u_l", 350, 351),
    ("ast_u_l", 250, 251), ("hematocrit_fall_pct_points", 10, 11), ("bun_rise_mg_dl", 5, 6), ("calcium_mg_dl", 8, 7.9),
    ("pao2_mm_hg", 60, 59), ("base_deficit_meq_l", 4, 5), ("fluid_sequestration_l", 6, 7),
])
def test_ranson_thresholds(field, normal, abnormal):
    assert run("ranson", **RANSON | {field: normal}) == 0
    assert run("ranson", **RANSON | {field: abnormal}) == 1


def test_ranson_calcium_in_mmol_per_l():
    # 1.9 mmol/L x 4.008 = 7.6 mg/dL (< 8) -> 1
    assert run("ranson", **RANSON | dict(calcium_mg_dl="1.9 mmol/L")) == 1
