"""Sore-throat scores: modified Centor (McIsaac) and FeverPAIN."""

from __future__ import annotations

import pytest

from dxkit.calculators.registry import registry
from dxkit.errors import InputError

CENTOR = dict(age_years=30, temperature_c=37, tonsillar_exudate_or_swelling=False,
              tender_anterior_cervical_nodes=False, cough_absent=False)
FEVERPAIN = dict(fever_past_24h=False, purulent_tonsils=False, attended_within_3_days=False,
                 severely_inflamed_tonsils=False, no_cough_or_coryza=False)


def value(calc_id: str, **inputs):
    return registry().get(calc_id).run(inputs).value


def test_centor_worked_examples():
    # child of 8 (+1), 38.5 degC (+1), exudate (+1), no cough (+1) = 4
    assert value("centor_mcisaac", **CENTOR | dict(age_years=8, temperature_c=38.5,
                                                   tonsillar_exudate_or_swelling=True, cough_absent=True)) == 4
    # 50-year-old (-1) with tender nodes (+1) = 0
    assert value("centor_mcisaac", **CENTOR | dict(age_years=50, tender_anterior_cervical_nodes=True)) == 0


@pytest.mark.parametrize(("age", "points"), [(3, 1), (14, 1), (15, 0), (44, 0), (45, -1)])
def test_centor_age_thresholds(age, points):
    assert value("centor_mcisaac", **CENTOR | dict(age_years=age)) == points


def test_centor_temperature_threshold_and_fahrenheit():
    assert value("centor_mcisaac", **CENTOR | dict(temperature_c=38.0)) == 0
    assert value("centor_mcisaac", **CENTOR | dict(temperature_c=38.1)) == 1
    # 101 degF = 38.33 degC
    assert value("centor_mcisaac", **CENTOR | dict(temperature_c=[101, "degrees fahrenheit"])) == 1


def test_centor_age_in_months():
    assert value("centor_mcisaac", **CENTOR | dict(age_years=[60, "months"])) == 1  # 5 years


def test_centor_under_three_warns():
    result = registry().get("centor_mcisaac").run(CENTOR | dict(age_years=2))
    assert result.warnings


def test_feverpain_counts_each_item():
    assert value("feverpain", **FEVERPAIN) == 0
    # fever (1) + purulence (1) + attend within 3 days (1) = 3
    assert value("feverpain", **FEVERPAIN | dict(fever_past_24h=True, purulent_tonsils=True,
                                                 attended_within_3_days=True)) == 3
    assert value("feverpain", **{k: True for k in FEVERPAIN}) == 5


def test_feverpain_missing_two_items_range():
    inputs = dict(FEVERPAIN)
    del inputs["fever_past_24h"], inputs["purulent_tonsils"]
    rng = registry().get("feverpain").run(inputs).possible_range
    assert (rng.low, rng.high) == (0, 2)


def test_feverpain_rejects_non_boolean_words():
    with pytest.raises(InputError) as err:
        registry().get("feverpain").run(FEVERPAIN | dict(fever_past_24h="perhaps"))
    assert err.value.field == "fever_past_24h"
