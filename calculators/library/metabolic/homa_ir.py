"""HOMA-IR: fasting insulin (µU/mL) × fasting glucose (mg/dL) / 405."""

from __future__ import annotations

from typing import Annotated

from dxkit.calculators.base import Band, CalcInputs, Calculator, Computation, Measure, Reference
from dxkit.calculators.fields import GlucoseMgDl


class Inputs(CalcInputs):
    fasting_insulin_uiu_ml: Annotated[float, Measure("uIU/mL", ge=0.1, le=1000, analyte="insulin",
                                                     concept="insulin")]
    fasting_glucose_mg_dl: GlucoseMgDl


def compute(x: Inputs) -> Computation:
    # 405 = 22.5 (the mmol/L constant of Matthews 1985) × 18 (mg/dL per mmol/L of glucose)
    homa = x.fasting_insulin_uiu_ml * x.fasting_glucose_mg_dl / 405
    return Computation(value=round(homa, 4), steps=[
        f"HOMA-IR = insulin × glucose / 405 = {x.fasting_insulin_uiu_ml:.4g} × {x.fasting_glucose_mg_dl:.4g} / 405"
        f" = {homa:.2f}"])


CALCULATOR = Calculator(
    id="homa_ir",
    name="HOMA-IR (Homeostatic Model Assessment for Insulin Resistance)",
    medcalc_id=31,
    synonyms=("HOMA", "insulin resistance index", "homeostasis model assessment"),
    Inputs=Inputs,
    compute=compute,
    output_unit="index",
    kind="formula",
    category="metabolic",
    purpose="Estimates insulin resistance from fasting insulin and glucose.",
    population="Non-diabetic or type 2 diabetic adults not on insulin; fasting samples.",
    bands=(
        Band(label="insulin sensitive", high=1.9999, interpretation="< 2 (cut-offs vary by population)"),
        Band(label="likely insulin resistant", low=2, interpretation=">= 2 (commonly used cut-offs 2-2.9)"),
    ),
    triggers=("insulin resistance", "metabolic syndrome", "fasting insulin"),
    reference=Reference(
        citation="Matthews DR, Hosker JP, Rudenski AS, et al. Homeostasis model assessment: insulin "
                 "resistance and beta-cell function from fasting plasma glucose and insulin concentrations "
                 "in man. Diabetologia 1985;28:412-419.",
        pmid="3899825", doi="10.1007/BF00280883"),
)
