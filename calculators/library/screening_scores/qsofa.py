"""qSOFA: bedside screen for poor outcome in suspected infection (Sepsis-3)."""

from __future__ import annotations

from typing import Annotated

from dxkit.calculators.base import Band, CalcInputs, Calculator, Computation, Measure, Reference, points_steps
from dxkit.calculators.fields import flag


class Inputs(CalcInputs):
    respiratory_rate_per_min: Annotated[float, Measure("1/min", ge=0, le=120, concept="respiratory_rate",
                                                       probes=(21, 22), normal=16)]
    altered_mentation: Annotated[bool, flag("altered_mental_status")]
    systolic_bp_mm_hg: Annotated[float, Measure("mmHg", ge=0, le=350, concept="systolic_bp",
                                                probes=(100, 101), normal=120)]


def compute(x: Inputs) -> Computation:
    items = [
        ("Respiratory rate >= 22/min", f"{x.respiratory_rate_per_min:g}/min", int(x.respiratory_rate_per_min >= 22)),
        ("Altered mentation (GCS < 15)", x.altered_mentation, int(x.altered_mentation)),
        ("Systolic BP <= 100 mmHg", f"{x.systolic_bp_mm_hg:g} mmHg", int(x.systolic_bp_mm_hg <= 100)),
    ]
    return Computation(value=sum(p for *_, p in items), steps=points_steps(items))


CALCULATOR = Calculator(
    id="qsofa",
    name="qSOFA (quick SOFA) Score",
    synonyms=("qSOFA", "quick SOFA", "quickSOFA"),
    Inputs=Inputs,
    compute=compute,
    output_unit="points",
    kind="score",
    category="critical care",
    purpose="Flags adults with suspected infection at risk of death or prolonged ICU stay.",
    population="Adults with suspected infection outside the ICU.",
    bands=(
        Band(label="not high risk", low=0, high=1, interpretation="< 2: lower risk (does not exclude sepsis)"),
        Band(label="high risk", low=2, high=3, interpretation=">= 2: higher risk of poor outcome; assess organ function"),
    ),
    triggers=("sepsis", "infection", "fever", "hypotension", "tachypnea"),
    reference=Reference(
        citation="Seymour CW, Liu VX, Iwashyna TJ, et al. Assessment of clinical criteria for sepsis: for the "
                 "Third International Consensus Definitions for Sepsis and Septic Shock (Sepsis-3). "
                 "JAMA 2016;315:762-774.",
        pmid="26903335", doi="10.1001/jama.2016.0288"),
)
