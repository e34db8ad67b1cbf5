"""ABCD2 score: early stroke risk after a transient ischaemic attack (Johnston et al. 2007)."""

from __future__ import annotations

from typing import Annotated, Literal

from dxkit.calculators.base import (
    Band,
    CalcInputs,
    Calculator,
    Choice,
    Computation,
    Measure,
    Reference,
    points_steps,
)
from dxkit.calculators.fields import flag

ClinicalFeature = Literal["unilateral weakness", "speech disturbance without weakness", "other"]
Duration = Literal[">= 60 minutes", "10-59 minutes", "< 10 minutes"]


class Inputs(CalcInputs):
    age_years: Annotated[float, Measure("year", ge=0, le=125, concept="age", probes=(59, 60))]
    systolic_bp_mm_hg: Annotated[float, Measure("mmHg", ge=0, le=350, concept="systolic_bp", probes=(139, 140))]
    diastolic_bp_mm_hg: Annotated[float, Measure("mmHg", ge=0, le=250, concept="diastolic_bp", probes=(89, 90))]
    clinical_features: Annotated[ClinicalFeature, Choice(concept="tia_clinical_features", normal="other")]
    duration: Annotated[Duration, Choice(concept="tia_duration", normal="< 10 minutes")]
    diabetes: Annotated[bool, flag("diabetes")]


def compute(x: Inputs) -> Computation:
    high_bp = x.systolic_bp_mm_hg >= 140 or x.diastolic_bp_mm_hg >= 90
    clinical = {"unilateral weakness": 2, "speech disturbance without weakness": 1, "other": 0}[x.clinical_features]
    duration = {">= 60 minutes": 2, "10-59 minutes": 1, "< 10 minutes": 0}[x.duration]
    items = [
        ("Age >= 60", f"{x.age_years:g} y", int(x.age_years >= 60)),
        ("BP >= 140/90 at first assessment", f"{x.systolic_bp_mm_hg:g}/{x.diastolic_bp_mm_hg:g}", int(high_bp)),
        ("Clinical features", x.clinical_features, clinical),
        ("Duration", x.duration, duration),
        ("Diabetes", x.diabetes, int(x.diabetes)),
    ]
    return Computation(value=sum(p for *_, p in items), steps=points_steps(items))


CALCULATOR = Calculator(
    id="abcd2",
    name="ABCD2 Score for TIA",
    synonyms=("ABCD2", "ABCD²", "TIA stroke risk"),
    Inputs=Inputs,
    compute=compute,
    output_unit="points",
    kind="score",
    category="neurology",
    purpose="Estimates the 2-day stroke risk after a transient ischaemic attack.",
    population="Patients seen within days of a suspected TIA.",
    bands=(
        Band(label="low risk", low=0, high=3, interpretation="2-day stroke risk 1.0%"),
        Band(label="moderate risk", low=4, high=5, interpretation="2-day stroke risk 4.1%"),
        Band(label="high risk", low=6, high=7, interpretation="2-day stroke risk 8.1%"),
    ),
    triggers=("tia", "transient ischemic attack", "stroke", "weakness", "aphasia"),
    reference=Reference(
        citation="Johnston SC, Rothwell PM, Nguyen-Huynh MN, et al. Validation and refinement of scores to "
                 "predict very early stroke risk after transient ischaemic attack. Lancet 2007;369:283-292.",
        pmid="17258668", doi="10.1016/S0140-6736(07)60150-0"),
)
