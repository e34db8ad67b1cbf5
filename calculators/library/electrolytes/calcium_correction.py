"""Calcium corrected for hypoalbuminaemia: Ca + 0.8 × (4 - albumin)."""

from __future__ import annotations

from typing import Annotated

from dxkit.calculators.base import Band, CalcInputs, Calculator, Computation, Measure, Reference
from dxkit.calculators.fields import CalciumMgDl

NORMAL_ALBUMIN_G_DL = 4.0
CALCIUM_PER_ALBUMIN = 0.8  # mg/dL of calcium per g/dL of albumin below normal


class Inputs(CalcInputs):
    calcium_mg_dl: CalciumMgDl
    albumin_g_dl: Annotated[float, Measure("g/dL", ge=0.5, le=7, analyte="albumin", concept="albumin",
                                           normal=NORMAL_ALBUMIN_G_DL)]


def compute(x: Inputs) -> Computation:
    corrected = x.calcium_mg_dl + CALCIUM_PER_ALBUMIN * (NORMAL_ALBUMIN_G_DL - x.albumin_g_dl)
    return Computation(value=round(corrected, 4), steps=[
        f"Corrected Ca = Ca + 0.8 × (4 - albumin) = {x.calcium_mg_dl:.3g} + 0.8 × (4 - {x.albumin_g_dl:.3g}) "
        f"= {corrected:.2f} mg/dL"])


CALCULATOR = Calculator(
    id="calcium_correction",
    name="Calcium Correction for Hypoalbuminemia",
    medcalc_id=7,
    synonyms=("corrected calcium", "albumin-corrected calcium", "Payne formula"),
    Inputs=Inputs,
    compute=compute,
    output_unit="mg/dL",
    kind="formula",
    category="electrolytes",
    purpose="Estimates total calcium as if albumin were normal (4 g/dL).",
    population="Adults with low serum albumin; ionised calcium is preferred where available.",
    bands=(
        Band(label="low", high=8.4999, interpretation="< 8.5 mg/dL"),
        Band(label="normal", low=8.5, high=10.5, interpretation="8.5-10.5 mg/dL"),
        Band(label="high", low=10.5001, interpretation="> 10.5 mg/dL"),
    ),
    triggers=("calcium", "albumin", "hypocalcemia", "hypercalcemia"),
    reference=Reference(
        citation="Payne RB, Little AJ, Williams RB, Milner JR. Interpretation of serum calcium in patients "
                 "with abnormal serum proteins. Br Med J 1973;4:643-646.",
        pmid="4758544", doi="10.1136/bmj.4.5893.643"),
)
