"""Gestational age from the last menstrual period: (today - LMP) as weeks and days."""

from __future__ import annotations

from dxkit.calculators.base import CalcInputs, Calculator, Computation
from dxkit.calculators.fields import calendar_date
from dxkit.calculators.library.obstetrics._dating import ACOG_700, LastMenstrualPeriod
from dxkit.errors import InputError


class Inputs(CalcInputs):
    last_menstrual_period: LastMenstrualPeriod
    current_date: calendar_date("current_date")


def compute(x: Inputs) -> Computation:
    days = (x.current_date - x.last_menstrual_period).days
    if days < 0:
        raise InputError("current_date", x.current_date.isoformat(), "is before the last menstrual period",
                         accepted=f"a date on or after {x.last_menstrual_period.isoformat()}")
    weeks, rest = divmod(days, 7)
    return Computation(value=(weeks, rest), steps=[
        f"Days since LMP = {x.current_date.isoformat()} - {x.last_menstrual_period.isoformat()} = {days}",
        f"Gestational age = {days} // 7 weeks, {days} mod 7 days = {weeks} weeks {rest} days"])


CALCULATOR = Calculator(
    id="gestational_age",
    name="Estimated Gestational Age",
    medcalc_id=69,
    synonyms=("gestational age", "weeks pregnant", "GA"),
    Inputs=Inputs,
    compute=compute,
    output_unit="(weeks, days)",
    kind="date",
    category="obstetrics",
    purpose="Gestational age by dates on a given day.",
    population="Pregnant patients with a known LMP.",
    triggers=("pregnant", "gestation", "lmp"),
    reference=ACOG_700,
)
