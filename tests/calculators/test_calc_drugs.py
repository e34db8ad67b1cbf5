"""Drug and fluid calculators: steroid conversion, MME, maintenance fluids."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dxkit.calculators.registry import registry
from dxkit.errors import InputError


def run(calc_id: str, **inputs):
    return registry().get(calc_id).run(inputs)


def test_steroid_equivalents():
    # prednisone 10 mg -> dexamethasone: 10 / 5 × 0.75 = 1.5 mg
    assert run("steroid_conversion", from_steroid="prednisone", dose_mg=10, to_steroid="dexamethasone").value == \
        pytest.approx(1.5)
    # hydrocortisone 20 mg -> prednisone: 20 / 20 × 5 = 5 mg; methylprednisolone 4 mg -> prednisolone 5 mg
    assert run("steroid_conversion", from_steroid="hydrocortisone", dose_mg=20, to_steroid="prednisone").value == \
        pytest.approx(5)
    assert run("steroid_conversion", from_steroid="methylprednisolone", dose_mg="4000 ug",
               to_steroid="prednisolone").value == pytest.approx(5)


def test_steroid_unknown_drug_rejected():
    with pytest.raises(InputError) as err:
        run("steroid_conversion", from_steroid="fludrocortisone", dose_mg=1, to_steroid="prednisone")
    assert err.value.field == "from_steroid"


def test_maintenance_fluids_4_2_1_each_segment():
    # 5 kg: 4 × 5 = 20; 15 kg: 40 + 2 × 5 = 50; 70 kg: 40 + 20 + 50 = 110 mL/h
    assert run("maintenance_fluids", weight_kg=5).value == pytest.approx(20)
    assert run("maintenance_fluids", weight_kg=15).value == pytest.approx(50)
    assert run("maintenance_fluids", weight_kg=70).value == pytest.approx(110)
    # both sides of 10 and 20 kg
    assert run("maintenance_fluids", weight_kg=10).value == pytest.approx(40)
    assert run("maintenance_fluids", weight_kg=11).value == pytest.approx(42)
    assert run("maintenance_fluids", weight_kg=20).value == pytest.approx(60)
    assert run("maintenance_fluids", weight_kg=21).value == pytest.approx(61)
    assert run("maintenance_fluids", weight_kg="2180 g").value == pytest.approx(8.72)


def test_mme_cdc_2022_factors():
    # oxycodone 10 mg × 4/day × 1.5 = 60 MME -> "increased risk" (50-89)
    oxy = run("morphine_milligram_equivalents", oxycodone_dose_mg=10, oxycodone_doses_per_day=4)
    assert oxy.value == pytest.approx(60) and oxy.band.label == "increased risk"
    # methadone 10 mg × 2 × 4.7 = 94 + fentanyl patch 25 mcg/h × 1 × 2.4 = 60 -> 154
    mixed = run("morphine_milligram_equivalents", methadone_dose_mg=10, methadone_doses_per_day=2,
                fentanyl_patch_dose_ug_per_hour=25, fentanyl_patch_doses_per_day=1)
    assert mixed.value == pytest.approx(154) and mixed.band.label == "high dose"
    # tramadol 50 mg × 4 × 0.2 = 40 -> lower dose; 0.05 g is 50 mg
    assert run("morphine_milligram_equivalents", tramadol_dose_mg="0.05 g", tramadol_doses_per_day="4 per day").value \
        == pytest.approx(40)


def test_mme_bad_inputs():
    with pytest.raises(InputError) as err:
        run("morphine_milligram_equivalents", oxycodone_dose_mg=-5, oxycodone_doses_per_day=1)
    assert err.value.field == "oxycodone_dose_mg"
    with pytest.raises(InputError) as err:
        run("morphine_milligram_equivalents", oxycodon_dose_mg=5)
    assert err.value.field == "oxycodon_dose_mg"
    with pytest.raises(InputError):
        run("morphine_milligram_equivalents", oxycodone_dose_mg=float("nan"))


@given(st.floats(0.5, 150), st.floats(0.1, 50))
def test_heavier_child_never_needs_less_fluid(weight, more):
    assert run("maintenance_fluids", weight_kg=weight + more).value >= run("maintenance_fluids", weight_kg=weight).value
