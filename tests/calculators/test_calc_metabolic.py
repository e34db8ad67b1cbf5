"""HOMA-IR, Friedewald LDL, FIB-4 and mean arterial pressure."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dxkit.calculators.registry import registry
from dxkit.errors import InputError


def run(calc_id: str, **inputs):
    return registry().get(calc_id).run(inputs)


def test_homa_ir_and_si_round_trip():
    # 10 µU/mL × 90 mg/dL / 405 = 2.222
    result = run("homa_ir", fasting_insulin_uiu_ml=10, fasting_glucose_mg_dl=90)
    assert result.value == pytest.approx(2.2222, abs=1e-4) and result.band.label == "likely insulin resistant"
    # Matthews' SI form: insulin 60 pmol/L (= 10 µU/mL) × glucose 5 mmol/L / 22.5 = 2.222
    si = run("homa_ir", fasting_insulin_uiu_ml="60 pmol/L", fasting_glucose_mg_dl="5 mmol/L")
    assert si.value == pytest.approx(10 * 5 / 22.5, rel=2e-3)
    assert run("homa_ir", fasting_insulin_uiu_ml=5, fasting_glucose_mg_dl=90).band.label == "insulin sensitive"


def test_ldl_friedewald():
    # 200 - 50 - 150/5 = 120 mg/dL
    result = run("ldl_friedewald", total_cholesterol_mg_dl=200, hdl_cholesterol_mg_dl=50, triglycerides_mg_dl=150)
    assert result.value == pytest.approx(120) and result.band.label == "near optimal"
    # 5.1726 mmol/L × 38.665 = 200 mg/dL; 1.2931 mmol/L × 38.665 = 50; 1.6936 mmol/L × 88.57 = 150
    si = run("ldl_friedewald", total_cholesterol_mg_dl="5.1726 mmol/L", hdl_cholesterol_mg_dl="1.2931 mmol/L",
             triglycerides_mg_dl="1.6936 mmol/L")
    assert si.value == pytest.approx(120, abs=0.05)
    # TG 400 vs 401 mg/dL: warned only above 400
    assert not run("ldl_friedewald", total_cholesterol_mg_dl=300, hdl_cholesterol_mg_dl=40,
                   triglycerides_mg_dl=400).warnings
    assert run("ldl_friedewald", total_cholesterol_mg_dl=300, hdl_cholesterol_mg_dl=40,
               triglycerides_mg_dl=401).warnings


def test_fib4_and_bands():
    # 50 × 40 / (200 × √25) = 2000 / 1000 = 2.0 -> indeterminate
    result = run("fib4", age_years=50, ast_u_l=40, alt_u_l=25, platelets_k_per_ul=200)
    assert result.value == pytest.approx(2.0) and result.band.label == "indeterminate"
    # platelets written as 200 × 10⁹/L and as 200,000 /µL are the same number
    assert run("fib4", age_years=50, ast_u_l=40, alt_u_l=25, platelets_k_per_ul="200 x10^9/L").value == \
        pytest.approx(2.0)
    assert run("fib4", age_years=50, ast_u_l=40, alt_u_l=25, platelets_k_per_ul=[200000, "count/uL"]).value == \
        pytest.approx(2.0)
    # 1.44 vs 1.45 edge: age 36 × AST 40 / (200 × 5) = 1.44; age 36.25 -> 1.45
    assert run("fib4", age_years=36, ast_u_l=40, alt_u_l=25, platelets_k_per_ul=200).band.label.startswith("low")
    assert run("fib4", age_years=36.25, ast_u_l=40, alt_u_l=25, platelets_k_per_ul=200).band.label == "indeterminate"


def test_mean_arterial_pressure():
    # (2 × 80 + 120) / 3 = 93.33; (2 × 60 + 90) / 3 = 70
    assert run("mean_arterial_pressure", systolic_bp_mm_hg=120, diastolic_bp_mm_hg=80).value == \
        pytest.approx(93.333, abs=1e-3)
    assert run("mean_arterial_pressure", systolic_bp_mm_hg=90, diastolic_bp_mm_hg=60).value == pytest.approx(70)
    # 15.9987 kPa × 7.50062 = 120.0 mmHg
    assert run("mean_arterial_pressure", systolic_bp_mm_hg="15.9987 kPa", diastolic_bp_mm_hg=80).value == \
        pytest.approx(93.333, abs=1e-2)
    # 64.9 vs 65 mmHg band edge: (2 × 55 + 84.7)/3 = 64.9; (2 × 55 + 85)/3 = 65
    assert run("mean_arterial_pressure", systolic_bp_mm_hg=84.7, diastolic_bp_mm_hg=55).band.label == "low"
    assert run("mean_arterial_pressure", systolic_bp_mm_hg=85, diastolic_bp_mm_hg=55).band.label == "normal"


@pytest.mark.parametrize("calc_id, bad, field", [
    ("mean_arterial_pressure", {"systolic_bp_mm_hg": 80, "diastolic_bp_mm_hg": 120}, "diastolic_bp_mm_hg"),
    ("mean_arterial_pressure", {"systolic_bp_mm_hg": "120 mg/dL", "diastolic_bp_mm_hg": 80}, "systolic_bp_mm_hg"),
    ("homa_ir", {"fasting_insulin_uiu_ml": float("nan"), "fasting_glucose_mg_dl": 90}, "fasting_insulin_uiu_ml"),
    ("fib4", {"age_years": 50, "ast_u_l": 40, "alt_u_l": 25, "platelets": 200}, "platelets"),
    ("ldl_friedewald", {"total_cholesterol_mg_dl": 5000, "hdl_cholesterol_mg_dl": 50, "triglycerides_mg_dl": 150},
     "total_cholesterol_mg_dl"),
])
def test_bad_inputs(calc_id, bad, field):
    with pytest.raises(InputError) as err:
        registry().get(calc_id).run(bad)
    assert err.value.field == field


@given(st.floats(20, 90), st.floats(10, 500), st.floats(10, 500), st.floats(20, 400), st.floats(1, 100))
def test_lower_platelets_never_lower_fib4(age, ast, alt, platelets, fall):
    base = run("fib4", age_years=age, ast_u_l=ast, alt_u_l=alt, platelets_k_per_ul=platelets + fall).value
    assert run("fib4", age_years=age, ast_u_l=ast, alt_u_l=alt, platelets_k_per_ul=platelets).value >= base
