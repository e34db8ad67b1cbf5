"""HAS-BLED: 1-year major bleeding risk on anticoagulation for atrial fibrillation."""

from __future__ import annotations

from typing import Annotated

from dxkit.calculators.base import Band, CalcInputs, Calculator, Computation, Measure, Reference, points_steps
from dxkit.calculators.fields import flag

_ALCOHOL_DRINKS_PER_WEEK = 8  # ">= 8 drinks/week" is the published alcohol criterion


class Inputs(CalcInputs):
    hypertension: Annotated[bool, flag("hypertension")]  # uncontrolled, systolic > 160 mmHg
    renal_disease: Annotated[bool, flag("renal_disease")]
    liver_disease: Annotated[bool, flag("liver_disease")]
    stroke_history: Annotated[bool, flag("stroke_history")]
    bleeding_history: Annotated[bool, flag("bleeding_history")]
    labile_inr: Annotated[bool, flag("labile_inr")]
    age_years: Annotated[float, Measure("year", ge=0, le=125, concept="age", probes=(65, 66))]
    bleeding_medication: Annotated[bool, flag("antiplatelet_or_nsaid")]
    alcohol_drinks_per_week: Annotated[float, Measure("drink/week", ge=0, le=500, concept="alcohol_drinks_per_week",
                                                      probes=(0, 8), normal=0)]


def compute(x: Inputs) -> Computation:
    heavy_alcohol = x.alcohol_drinks_per_week >= _ALCOHOL_DRINKS_PER_WEEK
    items = [
        ("Hypertension (uncontrolled, SBP > 160)", x.hypertension, int(x.hypertension)),
        ("Abnormal renal function", x.renal_disease, int(x.renal_disease)),
        ("Abnormal liver function", x.liver_disease, int(x.liver_disease)),
        ("Stroke", x.stroke_history, int(x.stroke_history)),
        ("Bleeding history or predisposition", x.bleeding_history, int(x.bleeding_history)),
        ("Labile INR", x.labile_inr, int(x.labile_inr)),
        ("Elderly (age > 65)", f"{x.age_years:g} y", int(x.age_years > 65)),
        ("Drugs predisposing to bleeding (antiplatelets, NSAIDs)", x.bleeding_medication,
         int(x.bleeding_medication)),
        ("Alcohol >= 8 drinks/week", f"{x.alcohol_drinks_per_week:g}/week", int(heavy_alcohol)),
    ]
    return Computation(value=sum(p for *_, p in items), steps=points_steps(items))


CALCULATOR = Calculator(
    id="has_bled",
    name="HAS-BLED Score for Major Bleeding Risk",
    medcalc_id=25,
    synonyms=("HASBLED", "HAS BLED"),
    Inputs=Inputs,
    compute=compute,
    output_unit="points",
    kind="score",
    category="cardiology",
    purpose="Estimates the 1-year risk of major bleeding in anticoagulated atrial fibrillation.",
    population="Adults with atrial fibrillation considered for anticoagulation.",
    bands=(
        Band(label="low risk", low=0, high=1, interpretation="About 1 bleed per 100 patient-years."),
        Band(label="moderate risk", low=2, high=2, interpretation="About 1.9 bleeds per 100 patient-years."),
        Band(label="high risk", low=3, high=9, interpretation=">= 3.7 bleeds per 100 patient-years; "
                                                               "address modifiable factors."),
    ),
    triggers=("atrial fibrillation", "anticoagulation", "warfarin", "bleeding risk"),
    reference=Reference(
        citation="Pisters R, Lane DA, Nieuwlaat R, et al. A novel user-friendly score (HAS-BLED) to "
                 "assess 1-year risk of major bleeding in patients with atrial fibrillation: the Euro "
                 "Heart Survey. Chest 2010;138:1093-1100.",
        pmid="20299623",
        doi="10.1378/chest.10-0134",
    ),
)
