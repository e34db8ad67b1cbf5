"""Body mass index (Quetelet): weight / height²."""

from __future__ import annotations

from dxkit.calculators.base import Band, CalcInputs, Calculator, Computation, Reference
from dxkit.calculators.fields import HeightCm, WeightKg


class Inputs(CalcInputs):
    weight_kg: WeightKg
    height_cm: HeightCm


def compute(x: Inputs) -> Computation:
    height_m = x.height_cm / 100
    bmi = x.weight_kg / height_m**2
    return Computation(
        value=round(bmi, 2),
        steps=[
            f"Height = {x.height_cm:g} cm = {height_m:.3f} m",
            f"BMI = weight / height² = {x.weight_kg:g} / {height_m:.3f}² = {bmi:.2f} kg/m²",
        ],
    )


CALCULATOR = Calculator(
    id="bmi",
    name="Body Mass Index (BMI)",
    medcalc_id=6,
    synonyms=("body mass index", "Quetelet index"),
    Inputs=Inputs,
    compute=compute,
    output_unit="kg/m²",
    kind="formula",
    category="body composition",
    purpose="Classifies weight relative to height (WHO adult categories).",
    population="Adults (children need age- and sex-specific percentiles).",
    bands=(
        Band(label="underweight", high=18.4999, interpretation="BMI < 18.5"),
        Band(label="normal", low=18.5, high=24.9999, interpretation="18.5 to < 25"),
        Band(label="overweight", low=25, high=29.9999, interpretation="25 to < 30"),
        Band(label="obese", low=30, interpretation=">= 30"),
    ),
    triggers=("bmi", "obesity", "weight", "height"),
    reference=Reference(
        citation="Keys A, Fidanza F, Karvonen MJ, Kimura N, Taylor HL. Indices of relative weight and "
                 "obesity. J Chronic Dis 1972;25:329-343.",
        pmid="4650929",
        doi="10.1016/0021-9681(72)90027-6",
    ),
    extra_references=(Reference(
        citation="WHO Expert Consultation. Obesity: preventing and managing the global epidemic. "
                 "WHO Technical Report Series 894, 2000 (the adult BMI bands).",
        url="https://iris.who.int/handle/10665/42330",
    ),),
)
