"""CHADS2: stroke risk in non-valvular atrial fibrillation (Gage et al. 2001)."""

from __future__ import annotations

from typing import Annotated

from dxkit.calculators.base import Band, CalcInputs, Calculator, Computation, Measure, Reference, points_steps
from dxkit.calculators.fields import flag


class Inputs(CalcInputs):
    chf_history: Annotated[bool, flag("chf_history")]
    hypertension: Annotated[bool, flag("hypertension")]
    age_years: Annotated[float, Measure("year", ge=0, le=125, concept="age", probes=(74, 75))]
    diabetes: Annotated[bool, flag("diabetes")]
    stroke_tia_history: Annotated[bool, flag("stroke_tia_history")]


def compute(x: Inputs) -> Computation:
    items = [
        ("Congestive heart failure", x.chf_history, int(x.chf_history)),
        ("Hypertension", x.hypertension, int(x.hypertension)),
        ("Age >= 75", f"{x.age_years:g} y", int(x.age_years >= 75)),
        ("Diabetes mellitus", x.diabetes, int(x.diabetes)),
        ("Prior stroke or TIA", x.stroke_tia_history, 2 * int(x.stroke_tia_history)),
    ]
    return Computation(value=sum(p for *_, p in items), steps=points_steps(items))


CALCULATOR = Calculator(
    id="chads2",
    name="CHADS2 Score for Atrial Fibrillation Stroke Risk",
    synonyms=("CHADS2", "CHADS 2", "CHADS-2"),
    Inputs=Inputs,
    compute=compute,
    output_unit="points",
    kind="score",
    category="cardiology",
    purpose="Annual stroke risk in non-valvular atrial fibrillation without anticoagulation.",
    population="Adults with non-valvular atrial fibrillation (CHA2DS2-VASc has largely replaced it).",
    bands=(
        Band(label="low", low=0, high=0, interpretation="1.9 strokes per 100 patient-years"),
        Band(label="moderate", low=1, high=1, interpretation="2.8 per 100 patient-years"),
        Band(label="high", low=2, high=6, interpretation="4.0 to 18.2 per 100 patient-years"),
    ),
    triggers=("atrial fibrillation", "afib", "anticoagulation", "af"),
    reference=Reference(
        citation="Gage BF, Waterman AD, Shannon W, Boechler M, Rich MW, Radford MJ. Validation of clinical "
                 "classification schemes for predicting stroke: results from the National Registry of Atrial "
                 "Fibrillation. JAMA 2001;285:2864-2870.",
        pmid="11401607", doi="10.1001/jama.285.22.2864"),
)
