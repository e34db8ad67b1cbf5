"""Kidney calculators: Cockcroft-Gault, CKD-EPI 2021, MDRD, FENa."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dxkit.calculators.registry import registry
from dxkit.errors import InputError


def run(calc_id: str, **inputs):
    return registry().get(calc_id).run(inputs)


# ---------------------------------------------------------------- Cockcroft-Gault
def test_cockcroft_gault_actual_weight_textbook():
    # (140 - 60) × 72 / (72 × 1.0) = 80 mL/min
    result = run("creatinine_clearance_cockcroft_gault", sex="male", age_years=60, weight_kg=72, height_cm=175,
                 creatinine_mg_dl=1.0, weight_basis="actual")
    assert result.value == pytest.approx(80.0)


def test_cockcroft_gault_weight_rule_each_bmi_class():
    # underweight (BMI 18.1): actual weight. (140-87) × 48 / (72 × 1.4) = 2544 / 100.8 = 25.24
    under = run("creatinine_clearance_cockcroft_gault", sex="male", age_years=87, weight_kg=48, height_cm=163,
                creatinine_mg_dl=1.4)
    assert under.value == pytest.approx(25.24, abs=0.01)
    # normal BMI 20.8, IBW 65.94 > actual 60: the lower (actual). 80 × 60 / 72 = 66.67
    normal = run("creatinine_clearance_cockcroft_gault", sex="male", age_years=60, weight_kg=60, height_cm=170,
                 creatinine_mg_dl=1.0)
    assert normal.value == pytest.approx(66.67, abs=0.01)
    # normal BMI 24.2 (70 kg, 170 cm), IBW 65.94 < 70: ideal. 80 × 65.94 / 72 = 73.27
    ideal = run("creatinine_clearance_cockcroft_gault", sex="male", age_years=60, weight_kg=70, height_cm=170,
                creatinine_mg_dl=1.0)
    assert ideal.value == pytest.approx(73.27, abs=0.02)
    # obese BMI 41: IBW 45.5 + 2.3 × 2.992 = 52.38; AdjBW 52.38 + 0.4 × 52.62 = 73.43;
    # 98 × 73.43 × 0.85 / (72 × 0.8) = 106.19
    obese = run("creatinine_clearance_cockcroft_gault", sex="female", age_years=42, weight_kg=105, height_cm=160,
                creatinine_mg_dl=0.8)
    assert obese.value == pytest.approx(106.19, abs=0.02)


def test_cockcroft_gault_si_creatinine_round_trip():
    conventional = run("creatinine_clearance_cockcroft_gault", sex="male", age_years=60, weight_kg=72,
                       height_cm=175, creatinine_mg_dl=1.0)
    si = run("creatinine_clearance_cockcroft_gault", sex="male", age_years=60, weight_kg=72, height_cm=175,
             creatinine_mg_dl="88.4 µmol/L")  # 88.4 × 113.12 / 10000 = 1.000 mg/dL
    assert si.value == pytest.approx(conventional.value, rel=1e-3)


# ---------------------------------------------------------------- CKD-EPI 2021
def test_ckd_epi_2021_hand_computed():
    # female 50, Scr 0.7 = κ: 142 × 1 × 1 × 0.9938^50 × 1.012 = 142 × 0.73278 × 1.012 = 105.3
    assert run("ckd_epi_2021", sex="female", age_years=50, creatinine_mg_dl=0.7).value == \
        pytest.approx(105.3, abs=0.1)
    # male 60, Scr 1.8: (1.8/0.9)^-1.2 = 0.43528; 0.9938^60 = 0.68857; 142 × 0.43528 × 0.68857 = 42.56
    male = run("ckd_epi_2021", sex="male", age_years=60, creatinine_mg_dl=1.8)
    assert male.value == pytest.approx(42.56, abs=0.05)
    assert male.band.label.startswith("G3b")


def test_ckd_epi_2021_kappa_is_sex_specific():
    # A man with Scr 0.8 (< κ 0.9) uses α -0.302 on 0.8/0.9; never κ 0.7:
    # (0.8889)^-0.302 = 1.0362; 0.9938^40 = 0.77975; 142 × 1.0362 × 0.77975 = 114.7
    assert run("ckd_epi_2021", sex="male", age_years=40, creatinine_mg_dl=0.8).value == \
        pytest.approx(114.7, abs=0.1)


def test_ckd_epi_2021_si_round_trip_and_adult_only():
    a = run("ckd_epi_2021", sex="female", age_years=50, creatinine_mg_dl=1.0).value
    b = run("ckd_epi_2021", sex="female", age_years=50, creatinine_mg_dl=[88.4, "umol/L"]).value
    assert a == pytest.approx(b, rel=1e-3)
    with pytest.raises(InputError) as err:
        run("ckd_epi_2021", sex="female", age_years=12, creatinine_mg_dl=1.0)
    assert err.value.field == "age_years"


@settings(max_examples=60)
@given(st.sampled_from(["male", "female"]), st.floats(18, 100), st.floats(0.2, 15), st.floats(0.01, 5))
def test_higher_creatinine_never_raises_egfr(sex, age, creatinine, more):
    for calc_id in ("ckd_epi_2021", "mdrd_gfr"):
        extra = {"black_race": False} if calc_id == "mdrd_gfr" else {}
        low = run(calc_id, sex=sex, age_years=age, creatinine_mg_dl=creatinine, **extra).value
        high = run(calc_id, sex=sex, age_years=age, creatinine_mg_dl=creatinine + more, **extra).value
        assert high <= low


# ---------------------------------------------------------------- MDRD
def test_mdrd_hand_computed():
    # 175 × 1.0^-1.154 × 60^-0.203 = 175 × 0.43557 = 76.22
    assert run("mdrd_gfr", sex="male", age_years=60, creatinine_mg_dl=1.0, black_race=False).value == \
        pytest.approx(76.22, abs=0.05)
    # 175 × 2^-1.154 (0.44938) × 50^-0.203 (0.45198) × 0.742 × 1.212 = 31.96
    assert run("mdrd_gfr", sex="female", age_years=50, creatinine_mg_dl=2.0, black_race=True).value == \
        pytest.approx(31.96, abs=0.05)


def test_mdrd_missing_race_assumed_absent_only_on_request():
    calc = registry().get("mdrd_gfr")
    reported = calc.run({"sex": "male", "age_years": 60, "creatinine_mg_dl": 1.0})
    assert reported.missing == ["black_race"] and reported.value is None
    assumed = calc.run({"sex": "male", "age_years": 60, "creatinine_mg_dl": 1.0}, missing="assume_absent")
    assert assumed.assumed == {"black_race": False} and assumed.value == pytest.approx(76.22, abs=0.05)


# ---------------------------------------------------------------- FENa
def test_fena_hand_computed_both_bands():
    # 100 × (20 × 2) / (140 × 100) = 0.286% -> prerenal
    pre = run("fena", sodium_mmol_l=140, creatinine_mg_dl=2, urine_sodium_mmol_l=20, urine_creatinine_mg_dl=100)
    assert pre.value == pytest.approx(0.2857, abs=1e-3) and pre.band.label == "prerenal"
    # 100 × (60 × 3) / (135 × 40) = 3.33% -> intrinsic
    atn = run("fena", sodium_mmol_l=135, creatinine_mg_dl=3, urine_sodium_mmol_l=60, urine_creatinine_mg_dl=40)
    assert atn.value == pytest.approx(3.333, abs=1e-3) and atn.band.label == "intrinsic renal"


def test_fena_si_round_trip():
    a = run("fena", sodium_mmol_l=140, creatinine_mg_dl=2, urine_sodium_mmol_l=20, urine_creatinine_mg_dl=100).value
    b = run("fena", sodium_mmol_l="140 mEq/L", creatinine_mg_dl="176.8 umol/L", urine_sodium_mmol_l="20 mEq/L",
            urine_creatinine_mg_dl="8840 umol/L").value
    assert a == pytest.approx(b, rel=1e-3)


@pytest.mark.parametrize("bad, field", [
    ({"creatinine_mg_dl": "1.2 mmHg"}, "creatinine_mg_dl"),
    ({"creatinine_mg_dl": float("nan")}, "creatinine_mg_dl"),
    ({"creatinine_mg_dl": 99}, "creatinine_mg_dl"),
    ({"creatinine": 1.0}, "creatinine"),
])
def test_bad_inputs(bad, field):
    with pytest.raises(InputError) as err:
        registry().get("ckd_epi_2021").run({"sex": "male", "age_years": 50} | bad)
    assert err.value.field == field
