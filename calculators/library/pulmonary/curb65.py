"""CURB-65: 30-day mortality risk in community-acquired pneumonia."""

from __future__ import annotations

from typing import Annotated

from dxkit.calculators.base import Band, CalcInputs, Calculator, Computation, Measure, Reference, points_steps
from dxkit.calculators.fields import DiastolicBp, SystolicBp, flag


class Inputs(CalcInputs):
    confusion: Annotated[bool, flag("confusion")]
    bun_mg_dl: Annotated[float, Measure("mg/dL", ge=0.5, le=300, analyte="bun", concept="bun",
                                        probes=(19, 20), normal=10)]
    respiratory_rate_per_min: Annotated[float, Measure("1/min", ge=0, le=120, concept="respiratory_rate",
                                                       probes=(29, 30), normal=16)]
    systolic_bp_mm_hg: SystolicBp
    diastolic_bp_mm_hg: DiastolicBp
    age_years: Annotated[float, Measure("year", ge=0, le=125, concept="age", probes=(64, 65))]


def compute(x: Inputs) -> Computation:
    # Urea > 7 mmol/L in the original; BUN > 19 mg/dL is the US form (7 mmol/L urea ≈ 19.6 mg/dL BUN)
    low_bp = x.systolic_bp_mm_hg < 90 or x.diastolic_bp_mm_hg <= 60
    items = [
        ("Confusion", x.confusion, int(x.confusion)),
        ("BUN > 19 mg/dL", f"{x.bun_mg_dl:g} mg/dL", int(x.bun_mg_dl > 19)),
        ("Respiratory rate >= 30/min", f"{x.respiratory_rate_per_min:g}/min", int(x.respiratory_rate_per_min >= 30)),
        ("SBP < 90 or DBP <= 60 mmHg", f"{x.systolic_bp_mm_hg:g}/{x.diastolic_bp_mm_hg:g}", int(low_bp)),
        ("Age >= 65", f"{x.age_years:g} y", int(x.age_years >= 65)),
    ]
    return Computation(value=sum(p for *_, p in items), steps=points_steps(items))


CALCULATOR = Calculator(
    id="curb65",
    name="CURB-65 Score for Pneumonia Severity",
    medcalc_id=45,
    synonyms=("CURB65", "CURB 65", "pneumonia severity CURB"),
    Inputs=Inputs,
    compute=compute,
    output_unit="points",
    kind="score",
    category="pulmonary",
    purpose="Estimates 30-day mortality in community-acquired pneumonia to guide the site of care.",
    population="Adults with community-acquired pneumonia.",
    bands=(
        Band(label="low risk", low=0, high=1, interpretation="Mortality ~0.7-2.1%; consider outpatient care."),
        Band(label="moderate risk", low=2, high=2, interpretation="Mortality ~9.2%; consider admission."),
        Band(label="high risk", low=3, high=5, interpretation="Mortality 14.5-57%; hospitalise, consider ICU at 4-5."),
    ),
    triggers=("pneumonia", "consolidation", "infiltrate", "cap"),
    reference=Reference(
        citation="Lim WS, et al. Defining community acquired pneumonia severity on presentation to "
                 "hospital: an international derivation and validation study. Thorax 2003;58:377-382.",
        pmid="12728155",
        doi="10.1136/thorax.58.5.377",
    ),
)
