"""Body-size calculators: BMI, ideal/adjusted body weight, BSA, target weight."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dxkit.calculators.registry import registry
from dxkit.errors import InputError


def run(calc_id: str, **inputs):
    return registry().get(calc_id).run(inputs)


def test_bmi_hand_computed_and_bands():
    # 70 kg / 1.75² = 70 / 3.0625 = 22.857
    result = run("bmi", weight_kg=70, height_cm=175)
    assert result.value == pytest.approx(22.857, abs=0.01)
    assert result.band.label == "normal"
    # 18.4 vs 18.5 edge: 1 m tall -> BMI equals weight
    assert run("bmi", weight_kg=18.4, height_cm=100).band.label == "underweight"
    assert run("bmi", weight_kg=18.5, height_cm=100).band.label == "normal"
    assert run("bmi", weight_kg=30, height_cm=100).band.label == "obese"


def test_bmi_imperial_round_trip():
    metric = run("bmi", weight_kg=70, height_cm=175).value
    imperial = run("bmi", weight_kg="154.3236 lb", height_cm=[68.8976, "in"]).value
    assert imperial == pytest.approx(metric, abs=0.01)


def test_ideal_body_weight_devine():
    # male 180 cm = 70.866 in: 50 + 2.3 × 10.866 = 74.99 kg
    assert run("ideal_body_weight", sex="male", height_cm=180).value == pytest.approx(74.99, abs=0.01)
    # female 165 cm = 64.961 in: 45.5 + 2.3 × 4.961 = 56.91 kg
    assert run("ideal_body_weight", sex="female", height_cm=165).value == pytest.approx(56.91, abs=0.01)
    # 5 ft exactly gives the base weight; "1.524 m" converts
    assert run("ideal_body_weight", sex="female", height_cm="1.524 m").value == pytest.approx(45.5)
    assert run("ideal_body_weight", sex="male", height_cm=150).warnings  # below 5 ft: warned


def test_adjusted_body_weight():
    # IBW 74.99 + 0.4 × (100 - 74.99) = 74.99 + 10.004 = 85.00
    assert run("adjusted_body_weight", sex="male", height_cm=180, weight_kg=100).value == \
        pytest.approx(85.0, abs=0.01)


def test_bsa_mosteller():
    # √(180 × 80 / 3600) = √4 = 2.0 m²
    assert run("body_surface_area", height_cm=180, weight_kg=80).value == pytest.approx(2.0)
    # √(160 × 45 / 3600) = √2 = 1.4142
    assert run("body_surface_area", height_cm=160, weight_kg=45).value == pytest.approx(math.sqrt(2), abs=1e-3)


def test_target_weight():
    # 22 × 1.80² = 22 × 3.24 = 71.28 kg
    assert run("target_weight", target_bmi_kg_m2=22, height_cm=180).value == pytest.approx(71.28)
    assert run("target_weight", target_bmi_kg_m2="22 kg/m2", height_cm="70.866 in").value == \
        pytest.approx(71.28, abs=0.01)


@pytest.mark.parametrize("bad, field", [
    ({"weight_kg": 0, "height_cm": 170}, "weight_kg"),
    ({"weight_kg": 70, "height_cm": "170 mmHg"}, "height_cm"),
    ({"weight_kg": float("nan"), "height_cm": 170}, "weight_kg"),
    ({"weight_kg": 70, "heigth_cm": 170}, "heigth_cm"),
])
def test_bad_inputs_name_the_field(bad, field):
    with pytest.raises(InputError) as err:
        registry().get("bmi").run(bad)
    assert err.value.field == field


def test_missing_input_reported_not_guessed():
    result = registry().get("body_surface_area").run({"weight_kg": 70})
    assert result.value is None and result.missing == ["height_cm"]


@given(st.floats(30, 200), st.floats(140, 200), st.floats(1, 30))
def test_more_weight_never_lowers_bmi_or_bsa(weight, height, extra):
    for calc_id in ("bmi", "body_surface_area"):
        assert run(calc_id, weight_kg=weight + extra, height_cm=height).value >= \
            run(calc_id, weight_kg=weight, height_cm=height).value
