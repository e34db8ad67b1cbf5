"""Estimated date of conception: LMP + (cycle length - 14 days), i.e. at ovulation."""

from __future__ import annotations

from datetime import timedelta

from dxkit.calculators.base import CalcInputs, Calculator, Computation
from dxkit.calculators.library.obstetrics._dating import (
    ACOG_700,
    LUTEAL_PHASE_DAYS,
    CycleLengthDays,
    LastMenstrualPeriod,
)


class Inputs(CalcInputs):
    last_menstrual_period: LastMenstrualPeriod
    cycle_length_days: CycleLengthDays


def compute(x: Inputs) -> Computation:
    offset = round(x.cycle_length_days) - LUTEAL_PHASE_DAYS
    conception = x.last_menstrual_period + timedelta(days=offset)
    return Computation(value=conception.isoformat(), steps=[
        f"Ovulation ≈ cycle - 14 = {round(x.cycle_length_days)} - 14 = {offset} days after LMP",
        f"Conception ≈ {x.last_menstrual_period.isoformat()} + {offset} days = {conception.isoformat()}"])


CALCULATOR = Calculator(
    id="estimated_conception_date",
    name="Estimated Date of Conception",
    medcalc_id=68,
    synonyms=("conception date", "date of conception", "ovulation date"),
    Inputs=Inputs,
    compute=compute,
    output_unit="date",
    kind="date",
    category="obstetrics",
    purpose="Estimates the date of conception (ovulation) from the LMP and cycle length.",
    population="Pregnant patients with regular cycles and a known LMP.",
    triggers=("pregnant", "conception", "lmp"),
    reference=ACOG_700,
)
