"""Estimated due date: Naegele's rule (LMP + 280 days) adjusted for cycle length.

With a cycle longer than 28 days ovulation, and so the due date, comes later by the same
number of days: EDD = LMP + 280 + (cycle - 28).
"""

from __future__ import annotations

from datetime import date, timedelta

from dxkit.calculators.base import CalcInputs, Calculator, Computation
from dxkit.calculators.library.obstetrics._dating import (
    ACOG_700,
    GESTATION_DAYS,
    STANDARD_CYCLE_DAYS,
    CycleLengthDays,
    LastMenstrualPeriod,
)


class Inputs(CalcInputs):
    last_menstrual_period: LastMenstrualPeriod
    cycle_length_days: CycleLengthDays


def compute(x: Inputs) -> Computation:
    lmp: date = x.last_menstrual_period
    shift = round(x.cycle_length_days) - STANDARD_CYCLE_DAYS
    due = lmp + timedelta(days=GESTATION_DAYS + shift)
    return Computation(value=due.isoformat(), steps=[
        f"Cycle adjustment = cycle - 28 = {round(x.cycle_length_days)} - 28 = {shift:+d} days",
        f"EDD = LMP + 280 + adjustment = {lmp.isoformat()} + {GESTATION_DAYS + shift} days = {due.isoformat()}"])


CALCULATOR = Calculator(
    id="estimated_due_date",
    name="Estimated Due Date (Naegele, cycle-adjusted)",
    medcalc_id=13,
    synonyms=("EDD", "due date", "Naegele's rule", "estimated date of delivery"),
    Inputs=Inputs,
    compute=compute,
    output_unit="date",
    kind="date",
    category="obstetrics",
    purpose="Estimates the date of delivery from the last menstrual period and cycle length.",
    population="Pregnant patients with a known LMP; first-trimester ultrasound supersedes it.",
    triggers=("pregnant", "pregnancy", "lmp", "due date"),
    reference=ACOG_700,
)
