"""Simplified Pulmonary Embolism Severity Index (sPESI), Jiménez et al. 2010."""

from __future__ import annotations

from typing import Annotated

from dxkit.calculators.base import Band, CalcInputs, Calculator, Computation, Measure, Reference, points_steps
from dxkit.calculators.fields import flag


class Inputs(CalcInputs):
    age_years: Annotated[float, Measure("year", ge=0, le=125, concept="age", probes=(80, 81))]
    active_cancer: Annotated[bool, flag("active_cancer")]
    chronic_cardiopulmonary_disease: Annotated[bool, flag("chronic_cardiopulmonary_disease")]
    heart_rate_per_min: Annotated[float, Measure("1/min", ge=0, le=350, concept="heart_rate",
                                                 probes=(109, 110), normal=80)]
    systolic_bp_mm_hg: Annotated[float, Measure("mmHg", ge=0, le=350, concept="systolic_bp",
                                                probes=(99, 100), normal=120)]
    oxygen_saturation_pct: Annotated[float, Measure("percent", ge=0, le=100, concept="oxygen_saturation",
                                                    probes=(89, 90), normal=97)]


def compute(x: Inputs) -> Computation:
    items = [
        ("Age > 80 years", f"{x.age_years:g} y", int(x.age_years > 80)),
        ("Cancer", x.active_cancer, int(x.active_cancer)),
        ("Chronic heart failure or chronic lung disease", x.chronic_cardiopulmonary_disease,
         int(x.chronic_cardiopulmonary_disease)),
        ("Heart rate >= 110/min", f"{x.heart_rate_per_min:g}/min", int(x.heart_rate_per_min >= 110)),
        ("Systolic BP < 100 mmHg", f"{x.systolic_bp_mm_hg:g} mmHg", int(x.systolic_bp_mm_hg < 100)),
        ("Oxygen saturation < 90%", f"{x.oxygen_saturation_pct:g}%", int(x.oxygen_saturation_pct < 90)),
    ]
    return Computation(value=sum(p for *_, p in items), steps=points_steps(items))


CALCULATOR = Calculator(
    id="spesi",
    name="Simplified PESI (sPESI)",
    synonyms=("sPESI", "simplified pulmonary embolism severity index"),
    Inputs=Inputs,
    compute=compute,
    output_unit="points",
    kind="score",
    category="vte",
    purpose="30-day mortality risk in acute pulmonary embolism, to identify patients for outpatient care.",
    population="Adults with confirmed acute pulmonary embolism.",
    bands=(
        Band(label="low risk", low=0, high=0, interpretation="30-day mortality ~1.0%"),
        Band(label="high risk", low=1, high=6, interpretation="30-day mortality ~10.9%"),
    ),
    triggers=("pulmonary embolism", "pe", "ctpa"),
    reference=Reference(
        citation="Jiménez D, Aujesky D, Moores L, et al. Simplification of the pulmonary embolism severity "
                 "index for prognostication in patients with acute symptomatic pulmonary embolism. "
                 "Arch Intern Med 2010;170:1383-1389.",
        pmid="20696966", doi="10.1001/archinternmed.2010.199"),
)
