"""Glasgow Coma Scale."""

from __future__ import annotations

import itertools

import pytest

from dxkit.calculators.library.neurology.gcs import EYE_POINTS, MOTOR_POINTS, VERBAL_POINTS
from dxkit.calculators.registry import registry
from dxkit.errors import InputError


def value(**inputs):
    return registry().get("gcs").run(inputs).value


def test_gcs_extremes_and_worked_example():
    assert value(eye="spontaneous", verbal="oriented", motor="obeys commands") == 15
    assert value(eye="none", verbal="none", motor="none") == 3
    # E2 (to pain) V3 (inappropriate words) M4 (withdraws) = 9: moderate
    result = registry().get("gcs").run(dict(eye="to pain", verbal="inappropriate words", motor="withdraws from pain"))
    assert result.value == 9 and result.band.label == "moderate"


def test_gcs_band_edges():
    calc = registry().get("gcs")
    assert calc.band_for(8).label == "severe" and calc.band_for(9).label == "moderate"
    assert calc.band_for(12).label == "moderate" and calc.band_for(13).label == "mild"


def test_gcs_every_combination_is_the_sum_of_components():
    for eye, verbal, motor in itertools.product(EYE_POINTS, VERBAL_POINTS, MOTOR_POINTS):
        assert value(eye=eye, verbal=verbal, motor=motor) == EYE_POINTS[eye] + VERBAL_POINTS[verbal] + MOTOR_POINTS[motor]


def test_gcs_missing_motor_range():
    rng = registry().get("gcs").run(dict(eye="spontaneous", verbal="oriented")).possible_range
    assert (rng.low, rng.high) == (10, 15)


def test_gcs_invalid_option_and_unknown_key():
    with pytest.raises(InputError) as err:
        value(eye="blinking", verbal="oriented", motor="obeys commands")
    assert err.value.field == "eye"
    with pytest.raises(InputError) as err:
        value(eye="spontaneous", verbal="oriented", motor="obeys commands", pupils="equal")
    assert err.value.field == "pupils"
