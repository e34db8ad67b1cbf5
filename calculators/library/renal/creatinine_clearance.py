"""Creatinine clearance (Cockcroft-Gault), with the body-weight rule of Winter et al. 2012.

Cockcroft and Gault used actual body weight in a cohort of men of average build. For
patients away from that build the weight in the equation changes the estimate a great deal;
Winter et al. (2012) compared the choices against measured clearance and recommend actual
weight when underweight (BMI < 18.5), ideal weight at normal BMI, and adjusted weight
(IBW + 0.4 × excess) when overweight or obese (BMI >= 25). At normal BMI we use the lower of
ideal and actual weight, since weighing a patient above their actual mass has no basis.
`weight_basis` overrides the rule.
"""

from __future__ import annotations

from typing import Literal

from dxkit.calculators.base import Band, CalcInputs, Calculator, Computation, Reference
from dxkit.calculators.fields import AgeYears, CreatinineMgDl, HeightCm, Sex, WeightKg
from dxkit.calculators.library.body._weights import adjusted_body_weight, ideal_body_weight
from dxkit.calculators.library.body.adjusted_body_weight import WINTER_2012

WeightBasis = Literal["winter_2012", "actual", "ideal", "adjusted"]


class Inputs(CalcInputs):
    sex: Sex
    age_years: AgeYears
    weight_kg: WeightKg
    height_cm: HeightCm
    creatinine_mg_dl: CreatinineMgDl
    weight_basis: WeightBasis = "winter_2012"


def _dosing_weight(x: Inputs) -> tuple[float, list[str]]:
    bmi = x.weight_kg / (x.height_cm / 100) ** 2
    ibw, ibw_step = ideal_body_weight(x.sex, x.height_cm)
    abw, abw_step = adjusted_body_weight(ibw, x.weight_kg)
    steps = [f"BMI = {x.weight_kg:g} / ({x.height_cm:g}/100)² = {bmi:.1f} kg/m²", ibw_step]
    basis = x.weight_basis
    if basis == "winter_2012":
        if bmi < 18.5:
            basis, why = "actual", "BMI < 18.5: actual weight"
        elif bmi < 25:
            basis = "ideal" if ibw <= x.weight_kg else "actual"
            why = "BMI 18.5-24.9: the lower of ideal and actual weight"
        else:
            basis, why = "adjusted", "BMI >= 25: adjusted weight"
        steps.append(f"Weight rule (Winter 2012): {why}")
    weight = {"actual": x.weight_kg, "ideal": ibw, "adjusted": abw}[basis]
    if basis == "adjusted":
        steps.append(abw_step)
    steps.append(f"Weight used = {basis} = {weight:.2f} kg")
    return weight, steps


def compute(x: Inputs) -> Computation:
    weight, steps = _dosing_weight(x)
    female = 0.85 if x.sex == "female" else 1.0
    crcl = (140 - x.age_years) * weight * female / (72 * x.creatinine_mg_dl)
    steps.append(f"CrCl = (140 - age) × weight × {female:g} / (72 × Cr) = (140 - {x.age_years:g}) × "
                 f"{weight:.2f} × {female:g} / (72 × {x.creatinine_mg_dl:.3g}) = {crcl:.1f} mL/min")
    warnings = ["Age above 140 gives a negative clearance: the equation does not apply."] if crcl < 0 else []
    return Computation(value=round(crcl, 3), steps=steps, warnings=warnings)


CALCULATOR = Calculator(
    id="creatinine_clearance_cockcroft_gault",
    name="Creatinine Clearance (Cockcroft-Gault Equation)",
    medcalc_id=2,
    synonyms=("Cockcroft-Gault", "CrCl", "creatinine clearance", "Cockcroft Gault"),
    Inputs=Inputs,
    compute=compute,
    output_unit="mL/min",
    kind="formula",
    category="renal",
    purpose="Estimates creatinine clearance for renal dose adjustment of drugs.",
    population="Adults with stable creatinine (not in acute kidney injury).",
    bands=(
        Band(label="kidney failure range", high=14.999, interpretation="< 15 mL/min"),
        Band(label="severely reduced", low=15, high=29.999, interpretation="15-29 mL/min"),
        Band(label="moderately reduced", low=30, high=59.999, interpretation="30-59 mL/min"),
        Band(label="mildly reduced", low=60, high=89.999, interpretation="60-89 mL/min"),
        Band(label="normal or high", low=90, interpretation=">= 90 mL/min"),
    ),
    triggers=("creatinine", "renal dosing", "kidney function", "crcl"),
    reference=Reference(
        citation="Cockcroft DW, Gault MH. Prediction of creatinine clearance from serum creatinine. "
                 "Nephron 1976;16:31-41.",
        pmid="1244564", doi="10.1159/000180580"),
    extra_references=(WINTER_2012,),
)
