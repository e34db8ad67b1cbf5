"""Shared facts of pregnancy dating from the last menstrual period (LMP)."""

from __future__ import annotations

from typing import Annotated

from dxkit.calculators.base import Measure, Reference
from dxkit.calculators.fields import calendar_date

LastMenstrualPeriod = calendar_date("last_menstrual_period")
CycleLengthDays = Annotated[float, Measure("day", ge=20, le=45, concept="menstrual_cycle_length", normal=28)]

STANDARD_CYCLE_DAYS = 28
LUTEAL_PHASE_DAYS = 14     # ovulation ~14 days before the next menses, whatever the cycle length
GESTATION_DAYS = 280       # 40 weeks from LMP in a 28-day cycle (Naegele)

ACOG_700 = Reference(
    citation="American College of Obstetricians and Gynecologists. Committee Opinion No. 700: Methods for "
             "estimating the due date. Obstet Gynecol 2017;129:e150-e154.",
    pmid="28426621", doi="10.1097/AOG.0000000000002046")
