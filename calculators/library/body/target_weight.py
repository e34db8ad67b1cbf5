"""Target weight for a chosen BMI: target BMI × height²."""

from __future__ import annotations

from typing import Annotated

from dxkit.calculators.base import CalcInputs, Calculator, Computation, Measure, Reference
from dxkit.calculators.fields import HeightCm


class Inputs(CalcInputs):
    target_bmi_kg_m2: Annotated[float, Measure("kg/m**2", ge=10, le=60, concept="target_bmi")]
    height_cm: HeightCm


def compute(x: Inputs) -> Computation:
    height_m = x.height_cm / 100
    weight = x.target_bmi_kg_m2 * height_m**2
    return Computation(value=round(weight, 3), steps=[
        f"Target weight = target BMI × height² = {x.target_bmi_kg_m2:g} × {height_m:.3f}² = {weight:.2f} kg"])


CALCULATOR = Calculator(
    id="target_weight",
    name="Target Weight for a Target BMI",
    medcalc_id=61,
    synonyms=("target body weight", "goal weight", "weight for BMI"),
    Inputs=Inputs,
    compute=compute,
    output_unit="kg",
    kind="formula",
    category="body composition",
    purpose="The weight at which a patient of this height would have the target BMI.",
    population="Adults.",
    triggers=("goal weight", "weight loss", "target bmi"),
    reference=Reference(
        citation="Lemmens HJM, Brodsky JB, Bernstein DP. Estimating ideal body weight: a new formula "
                 "(weight = BMI × height²). Obes Surg 2005;15:1082-1083.",
        pmid="16105412", doi="10.1381/0960892054621350"),
)
