"""Mean arterial pressure: (2 × diastolic + systolic) / 3."""

from __future__ import annotations

from dxkit.calculators.base import Band, CalcInputs, Calculator, Computation, Reference
from dxkit.calculators.fields import DiastolicBp, SystolicBp
from dxkit.errors import InputError


class Inputs(CalcInputs):
    systolic_bp_mm_hg: SystolicBp
    diastolic_bp_mm_hg: DiastolicBp


def compute(x: Inputs) -> Computation:
    if x.diastolic_bp_mm_hg > x.systolic_bp_mm_hg:
        raise InputError("diastolic_bp_mm_hg", x.diastolic_bp_mm_hg, "is above the systolic pressure",
                         unit="mmHg", accepted=f"at most {x.systolic_bp_mm_hg:g} mmHg")
    mean = (2 * x.diastolic_bp_mm_hg + x.systolic_bp_mm_hg) / 3
    return Computation(value=round(mean, 4), steps=[
        f"MAP = (2 × DBP + SBP) / 3 = (2 × {x.diastolic_bp_mm_hg:g} + {x.systolic_bp_mm_hg:g}) / 3 = {mean:.1f} mmHg"])


CALCULATOR = Calculator(
    id="mean_arterial_pressure",
    name="Mean Arterial Pressure (MAP)",
    medcalc_id=5,
    synonyms=("MAP", "mean blood pressure"),
    Inputs=Inputs,
    compute=compute,
    output_unit="mmHg",
    kind="formula",
    category="vitals",
    purpose="Average arterial pressure over a cardiac cycle; a perfusion target in shock.",
    population="Adults (the 1/3 weighting assumes a normal heart rate).",
    bands=(
        Band(label="low", high=64.999, interpretation="< 65 mmHg: below the usual target in septic shock"),
        Band(label="normal", low=65, high=100, interpretation="65-100 mmHg"),
        Band(label="high", low=100.001, interpretation="> 100 mmHg"),
    ),
    triggers=("blood pressure", "hypotension", "shock", "map"),
    reference=Reference(
        citation="Meaney E, Alva F, Moguel R, Meaney A, Alva J, Webel R. Formula and nomogram for the "
                 "sphygmomanometric calculation of the mean arterial pressure. Heart 2000;84:64.",
        pmid="10862592", doi="10.1136/heart.84.1.64"),
)
