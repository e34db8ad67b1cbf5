"""Pregnancy dating: due date, conception date, gestational age."""

from __future__ import annotations

import pytest

from dxkit.calculators.registry import registry
from dxkit.errors import InputError


def run(calc_id: str, **inputs):
    return registry().get(calc_id).run(inputs)


def test_due_date_naegele_28_day_cycle():
    # 2024-01-01 + 280 days: day-of-year 1 + 280 = 281 in a leap year = 7 October
    assert run("estimated_due_date", last_menstrual_period="2024-01-01", cycle_length_days=28).value == "2024-10-07"


def test_due_date_cycle_adjustment_sign():
    # a 35-day cycle ovulates 7 days later: 7 Oct + 7 = 14 Oct; a 21-day cycle: 7 Oct - 7 = 30 Sep
    assert run("estimated_due_date", last_menstrual_period="01/01/2024", cycle_length_days=35).value == "2024-10-14"
    assert run("estimated_due_date", last_menstrual_period="01/01/2024", cycle_length_days=21).value == "2024-09-30"


def test_conception_date():
    # ovulation = LMP + (cycle - 14): 28-day cycle -> 15 Jan; 35-day -> 22 Jan
    assert run("estimated_conception_date", last_menstrual_period="2024-01-01", cycle_length_days=28).value == \
        "2024-01-15"
    assert run("estimated_conception_date", last_menstrual_period="2024-01-01", cycle_length_days=35).value == \
        "2024-01-22"


def test_due_date_is_conception_plus_266_days():
    # consistency of the two: 280 - 14 = 266 days from ovulation to delivery, any cycle length
    from datetime import date

    for cycle in (22, 28, 33):
        due = date.fromisoformat(run("estimated_due_date", last_menstrual_period="2023-03-10",
                                     cycle_length_days=cycle).value)
        conceived = date.fromisoformat(run("estimated_conception_date", last_menstrual_period="2023-03-10",
                                           cycle_length_days=cycle).value)
        assert (due - conceived).days == 266


def test_gestational_age_weeks_days():
    # 2024-01-01 to 2024-03-01: 31 (Jan) + 29 (Feb) = 60 days = 8 weeks 4 days
    assert run("gestational_age", last_menstrual_period="2024-01-01", current_date="03/01/2024").value == (8, 4)
    # the same day: 0 weeks 0 days
    assert run("gestational_age", last_menstrual_period="2024-01-01", current_date="2024-01-01").value == (0, 0)


def test_bad_dates_name_the_field():
    with pytest.raises(InputError) as err:
        run("gestational_age", last_menstrual_period="2024-13-01", current_date="2024-03-01")
    assert err.value.field == "last_menstrual_period"
    with pytest.raises(InputError) as err:
        run("gestational_age", last_menstrual_period="2024-03-01", current_date="2024-01-01")
    assert err.value.field == "current_date"
    with pytest.raises(InputError) as err:
        run("estimated_due_date", last_menstrual_period="2024-01-01", cycle_length_days=90)
    assert err.value.field == "cycle_length_days"
    with pytest.raises(InputError) as err:
        run("estimated_due_date", last_menstrual_period="2024-01-01", cycle_length_days=float("nan"))
    assert err.value.field == "cycle_length_days"
    with pytest.raises(InputError):
        run("estimated_due_date", lmp="2024-01-01", cycle_length_days=28)


def test_missing_cycle_length_assumed_28_only_on_request():
    calc = registry().get("estimated_due_date")
    assert calc.run({"last_menstrual_period": "2024-01-01"}).missing == ["cycle_length_days"]
    assumed = calc.run({"last_menstrual_period": "2024-01-01"}, missing="assume_absent")
    assert assumed.value == "2024-10-07" and assumed.assumed == {"cycle_length_days": 28}
