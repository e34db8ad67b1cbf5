"""Padua Prediction Score: venous thromboembolism risk in hospitalised medical patients."""

from __future__ import annotations

from typing import Annotated

from dxkit.calculators.base import Band, CalcInputs, Calculator, Computation, Measure, Reference, points_steps
from dxkit.calculators.fields import flag


class Inputs(CalcInputs):
    active_cancer: Annotated[bool, flag("active_cancer")]
    previous_vte: Annotated[bool, flag("vte_history")]
    reduced_mobility: Annotated[bool, flag("reduced_mobility")]
    thrombophilia: Annotated[bool, flag("thrombophilia")]
    recent_trauma_or_surgery: Annotated[bool, flag("recent_trauma_or_surgery")]
    age_years: Annotated[float, Measure("year", ge=0, le=125, concept="age", probes=(69, 70))]
    heart_or_respiratory_failure: Annotated[bool, flag("heart_or_respiratory_failure")]
    acute_mi_or_ischemic_stroke: Annotated[bool, flag("acute_mi_or_ischemic_stroke")]
    acute_infection_or_rheumatologic_disorder: Annotated[bool, flag("acute_infection_or_rheumatologic_disorder")]
    obesity: Annotated[bool, flag("obesity")]
    hormonal_treatment: Annotated[bool, flag("hormonal_treatment")]


def compute(x: Inputs) -> Computation:
    items = [
        ("Active cancer", x.active_cancer, 3 * x.active_cancer),
        ("Previous VTE (not superficial)", x.previous_vte, 3 * x.previous_vte),
        ("Reduced mobility (bed rest >= 3 days)", x.reduced_mobility, 3 * x.reduced_mobility),
        ("Known thrombophilia", x.thrombophilia, 3 * x.thrombophilia),
        ("Trauma or surgery within 1 month", x.recent_trauma_or_surgery, 2 * x.recent_trauma_or_surgery),
        ("Age >= 70", f"{x.age_years:g} y", int(x.age_years >= 70)),
        ("Heart and/or respiratory failure", x.heart_or_respiratory_failure, int(x.heart_or_respiratory_failure)),
        ("Acute MI or ischaemic stroke", x.acute_mi_or_ischemic_stroke, int(x.acute_mi_or_ischemic_stroke)),
        ("Acute infection and/or rheumatologic disorder", x.acute_infection_or_rheumatologic_disorder,
         int(x.acute_infection_or_rheumatologic_disorder)),
        ("Obesity (BMI >= 30)", x.obesity, int(x.obesity)),
        ("Ongoing hormonal treatment", x.hormonal_treatment, int(x.hormonal_treatment)),
    ]
    items = [(label, shown, int(points)) for label, shown, points in items]
    return Computation(value=sum(p for *_, p in items), steps=points_steps(items))


CALCULATOR = Calculator(
    id="padua",
    name="Padua Prediction Score for VTE Risk",
    synonyms=("Padua", "Padua score", "Padua prediction score"),
    Inputs=Inputs,
    compute=compute,
    output_unit="points",
    kind="score",
    category="vte",
    purpose="Identifies hospitalised medical patients at high risk of VTE who need thromboprophylaxis.",
    population="Adults admitted to medical wards.",
    bands=(
        Band(label="low risk", low=0, high=3, interpretation="< 4: VTE 0.3% without prophylaxis"),
        Band(label="high risk", low=4, high=20, interpretation=">= 4: VTE 11% without prophylaxis"),
    ),
    triggers=("admission", "thromboprophylaxis", "vte", "dvt prophylaxis", "bed rest"),
    reference=Reference(
        citation="Barbar S, Noventa F, Rossetto V, et al. A risk assessment model for the identification of "
                 "hospitalized medical patients at risk for venous thromboembolism: the Padua Prediction Score. "
                 "J Thromb Haemost 2010;8:2450-2457.",
        pmid="20738765", doi="10.1111/j.1538-7836.2010.04044.x"),
)
