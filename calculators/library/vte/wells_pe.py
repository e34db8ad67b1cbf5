"""Wells' criteria for pulmonary embolism: pre-test probability of PE."""

from __future__ import annotations

from typing import Annotated

from dxkit.calculators.base import Band, CalcInputs, Calculator, Computation, Measure, Reference
from dxkit.calculators.fields import flag


class Inputs(CalcInputs):
    dvt_signs_symptoms: Annotated[bool, flag("dvt_signs")]
    pe_most_likely_diagnosis: Annotated[bool, flag("pe_most_likely")]
    heart_rate_per_min: Annotated[float, Measure("1/min", ge=0, le=350, concept="heart_rate",
                                                 probes=(100, 101), normal=80)]
    immobilization_3_days: Annotated[bool, flag("immobilization")]
    surgery_previous_4_weeks: Annotated[bool, flag("recent_surgery")]
    previous_pe: Annotated[bool, flag("previous_pe")]
    previous_dvt: Annotated[bool, flag("previous_dvt")]
    hemoptysis: Annotated[bool, flag("hemoptysis")]
    active_cancer: Annotated[bool, flag("active_cancer")]


def compute(x: Inputs) -> Computation:
    # immobilisation and recent surgery are one criterion; so are prior PE and prior DVT
    immobilised_or_operated = x.immobilization_3_days or x.surgery_previous_4_weeks
    previous_vte = x.previous_pe or x.previous_dvt
    items = [
        ("Clinical signs and symptoms of DVT", x.dvt_signs_symptoms, 3.0 * x.dvt_signs_symptoms),
        ("PE is the most likely diagnosis", x.pe_most_likely_diagnosis, 3.0 * x.pe_most_likely_diagnosis),
        ("Heart rate > 100/min", f"{x.heart_rate_per_min:g}/min", 1.5 * (x.heart_rate_per_min > 100)),
        ("Immobilisation >= 3 days or surgery in previous 4 weeks", immobilised_or_operated,
         1.5 * immobilised_or_operated),
        ("Previous PE or DVT", previous_vte, 1.5 * previous_vte),
        ("Haemoptysis", x.hemoptysis, 1.0 * x.hemoptysis),
        ("Malignancy (treated within 6 months or palliative)", x.active_cancer, 1.0 * x.active_cancer),
    ]
    total = sum(p for *_, p in items)
    steps = [f"{label}: {shown} -> +{points:g}" for label, shown, points in items]
    steps.append(f"Total = {total:g}")
    steps.append("Two-tier: PE likely if > 4, unlikely if <= 4.")
    return Computation(value=total, steps=steps)


CALCULATOR = Calculator(
    id="wells_pe",
    name="Wells' Criteria for Pulmonary Embolism",
    medcalc_id=8,
    synonyms=("Wells PE", "Wells score PE", "Wells pulmonary embolism"),
    Inputs=Inputs,
    compute=compute,
    output_unit="points",
    kind="score",
    category="vte",
    purpose="Estimates the pre-test probability of pulmonary embolism to choose D-dimer or imaging.",
    population="Adults with suspected pulmonary embolism.",
    bands=(
        Band(label="low probability", low=0, high=1.5, interpretation="Three-tier model: < 2 points."),
        Band(label="moderate probability", low=2, high=6, interpretation="Three-tier model: 2-6 points."),
        Band(label="high probability", low=6.5, interpretation="Three-tier model: > 6 points."),
    ),
    triggers=("pulmonary embolism", "pe ", "dyspnea", "pleuritic", "d-dimer", "hemoptysis"),
    reference=Reference(
        citation="Wells PS, Anderson DR, Rodger M, et al. Derivation of a simple clinical model to "
                 "categorize patients probability of pulmonary embolism: increasing the models utility "
                 "with the SimpliRED D-dimer. Thromb Haemost 2000;83:416-420.",
        pmid="10744147",
        doi="10.1055/s-0037-1613830",
    ),
)
