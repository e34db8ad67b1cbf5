"""Electrolyte and acid-base calculators."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dxkit.calculators.registry import registry
from dxkit.errors import InputError

PANEL = {"sodium_mmol_l": 140, "chloride_mmol_l": 100, "bicarbonate_mmol_l": 10}


def run(calc_id: str, **inputs):
    return registry().get(calc_id).run(inputs)


def test_anion_gap_family_hand_computed():
    # AG = 140 - (100 + 10) = 30; delta gap = 30 - 12 = 18; delta ratio = 18 / (24 - 10) = 1.2857
    assert run("anion_gap", **PANEL).value == pytest.approx(30)
    assert run("anion_gap", **PANEL).band.label == "elevated"
    assert run("delta_gap", **PANEL).value == pytest.approx(18)
    ratio = run("delta_ratio", **PANEL)
    assert ratio.value == pytest.approx(1.2857, abs=1e-4) and ratio.band.label == "pure anion-gap acidosis"


def test_anion_gap_band_edges():
    # 140 - (104 + 24) = 12 is normal; 140 - (103 + 24) = 13 is elevated
    assert run("anion_gap", sodium_mmol_l=140, chloride_mmol_l=104, bicarbonate_mmol_l=24).band.label == "normal"
    assert run("anion_gap", sodium_mmol_l=140, chloride_mmol_l=103, bicarbonate_mmol_l=24).band.label == "elevated"


def test_albumin_corrected_family_hand_computed():
    # AG = 140 - (118 + 10) = 12; ACAG = 12 + 2.5 × (4 - 2) = 17
    panel = {"sodium_mmol_l": 140, "chloride_mmol_l": 118, "bicarbonate_mmol_l": 10, "albumin_g_dl": 2}
    assert run("albumin_corrected_anion_gap", **panel).value == pytest.approx(17)
    assert run("albumin_corrected_delta_gap", **panel).value == pytest.approx(5)  # 17 - 12
    assert run("albumin_corrected_delta_ratio", **panel).value == pytest.approx(0.3571, abs=1e-4)  # 5 / (24 - 10)
    # albumin 20 g/L is 2 g/dL
    assert run("albumin_corrected_anion_gap", **(panel | {"albumin_g_dl": "20 g/L"})).value == pytest.approx(17)


def test_delta_ratio_undefined_at_normal_bicarbonate():
    with pytest.raises(InputError) as err:
        run("delta_ratio", sodium_mmol_l=140, chloride_mmol_l=100, bicarbonate_mmol_l=24)
    assert err.value.field == "bicarbonate_mmol_l"


def test_calcium_correction_and_si_round_trip():
    # 8.0 + 0.8 × (4 - 2) = 9.6 mg/dL
    assert run("calcium_correction", calcium_mg_dl=8.0, albumin_g_dl=2.0).value == pytest.approx(9.6)
    # 2.0 mmol/L × 40.08 / 10 = 8.016 mg/dL; 20 g/L = 2 g/dL -> 9.616
    assert run("calcium_correction", calcium_mg_dl="2.0 mmol/L", albumin_g_dl="20 g/L").value == \
        pytest.approx(9.616, abs=1e-3)
    # calcium in mEq/L: 4 mEq/L = 2 mmol/L (valence 2)
    assert run("calcium_correction", calcium_mg_dl="4 mEq/L", albumin_g_dl=4).value == pytest.approx(8.016, abs=1e-3)


def test_sodium_correction_hillier_and_katz():
    # Hillier: 130 + 2.4 × (600 - 100)/100 = 142; Katz: 130 + 1.6 × 5 = 138
    assert run("sodium_correction_hyperglycemia", sodium_mmol_l=130, glucose_mg_dl=600).value == pytest.approx(142)
    assert run("sodium_correction_hyperglycemia", sodium_mmol_l=130, glucose_mg_dl=600,
               correction="katz_1.6").value == pytest.approx(138)
    # 33.3 mmol/L glucose × 18.016 = 599.9 mg/dL
    assert run("sodium_correction_hyperglycemia", sodium_mmol_l=130, glucose_mg_dl="33.3 mmol/L").value == \
        pytest.approx(142, abs=0.01)


def test_serum_osmolality():
    # 2 × 140 + 28/2.8 + 180/18 = 280 + 10 + 10 = 300
    result = run("serum_osmolality", sodium_mmol_l=140, bun_mg_dl=28, glucose_mg_dl=180)
    assert result.value == pytest.approx(300) and result.band.label == "high"
    # BUN 10 mmol/L urea nitrogen = 28.02 mg/dL; glucose 10 mmol/L = 180.16 mg/dL
    si = run("serum_osmolality", sodium_mmol_l=140, bun_mg_dl="10 mmol/L", glucose_mg_dl="10 mmol/L")
    assert si.value == pytest.approx(300.02, abs=0.05)


def test_free_water_deficit_tbw_by_age_and_sex():
    # man 40: 0.6 × 70 × (154/140 - 1) = 42 × 0.1 = 4.2 L
    assert run("free_water_deficit", sex="male", age_years=40, weight_kg=70, sodium_mmol_l=154).value == \
        pytest.approx(4.2)
    # woman 70: 0.45 × 60 × (147/140 - 1) = 27 × 0.05 = 1.35 L
    assert run("free_water_deficit", sex="female", age_years=70, weight_kg=60, sodium_mmol_l=147).value == \
        pytest.approx(1.35)
    # both sides of the age-65 edge for men: 0.6 vs 0.5 × 100 × 0.1
    assert run("free_water_deficit", sex="male", age_years=64.9, weight_kg=100, sodium_mmol_l=154).value == \
        pytest.approx(6.0)
    assert run("free_water_deficit", sex="male", age_years=65, weight_kg=100, sodium_mmol_l=154).value == \
        pytest.approx(5.0)
    # both sides of 18 for women: child 0.6, adult 0.5
    assert run("free_water_deficit", sex="female", age_years=17, weight_kg=100, sodium_mmol_l=154).value == \
        pytest.approx(6.0)
    assert run("free_water_deficit", sex="female", age_years=18, weight_kg=100, sodium_mmol_l=154).value == \
        pytest.approx(5.0)


@pytest.mark.parametrize("bad, field", [
    ({"sodium_mmol_l": "140 mg/kg"}, "sodium_mmol_l"),
    ({"sodium_mmol_l": float("nan")}, "sodium_mmol_l"),
    ({"sodium_mmol_l": 300}, "sodium_mmol_l"),
    ({"sodium": 140}, "sodium"),
])
def test_bad_inputs(bad, field):
    with pytest.raises(InputError) as err:
        registry().get("anion_gap").run({"chloride_mmol_l": 100, "bicarbonate_mmol_l": 20} | bad)
    assert err.value.field == field


@given(st.floats(120, 160), st.floats(80, 115), st.floats(5, 35), st.floats(0.1, 10))
def test_more_chloride_never_raises_anion_gap(sodium, chloride, bicarbonate, more):
    low = run("anion_gap", sodium_mmol_l=sodium, chloride_mmol_l=chloride + more, bicarbonate_mmol_l=bicarbonate)
    high = run("anion_gap", sodium_mmol_l=sodium, chloride_mmol_l=chloride, bicarbonate_mmol_l=bicarbonate)
    assert low.value <= high.value
