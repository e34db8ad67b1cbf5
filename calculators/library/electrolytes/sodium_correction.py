"""Serum sodium corrected for hyperglycaemia (Hillier 2.4 per 100 mg/dL; Katz 1.6 on request)."""

from __future__ import annotations

from typing import Literal

from dxkit.calculators.base import CalcInputs, Calculator, Computation, Reference
from dxkit.calculators.fields import GlucoseMgDl, SodiumMmolL

# mmol/L of sodium per 100 mg/dL of glucose above 100 mg/dL
_FACTORS = {"hillier_2.4": 2.4, "katz_1.6": 1.6}


class Inputs(CalcInputs):
    sodium_mmol_l: SodiumMmolL
    glucose_mg_dl: GlucoseMgDl
    # Hillier 1999 measured the fall during induced hyperglycaemia; Katz 1973 derived 1.6
    # theoretically. MDCalc reports Hillier's value first; both are offered.
    correction: Literal["hillier_2.4", "katz_1.6"] = "hillier_2.4"


def compute(x: Inputs) -> Computation:
    factor = _FACTORS[x.correction]
    corrected = x.sodium_mmol_l + factor * (x.glucose_mg_dl - 100) / 100
    return Computation(value=round(corrected, 4), steps=[
        f"Corrected Na = Na + {factor} × (glucose - 100) / 100 = {x.sodium_mmol_l:g} + {factor} × "
        f"({x.glucose_mg_dl:.4g} - 100) / 100 = {corrected:.2f} mmol/L ({x.correction})"])


CALCULATOR = Calculator(
    id="sodium_correction_hyperglycemia",
    name="Sodium Correction for Hyperglycemia",
    medcalc_id=26,
    synonyms=("corrected sodium", "Hillier correction", "Katz correction", "pseudohyponatremia"),
    Inputs=Inputs,
    compute=compute,
    output_unit="mmol/L",
    kind="formula",
    category="electrolytes",
    purpose="Estimates the sodium concentration once glucose returns to normal.",
    population="Patients with hyperglycaemia (DKA, hyperosmolar state).",
    triggers=("hyperglycemia", "dka", "hyponatremia", "glucose"),
    reference=Reference(
        citation="Hillier TA, Abbott RD, Barrett EJ. Hyponatremia: evaluating the correction factor for "
                 "hyperglycemia. Am J Med 1999;106:399-403.",
        pmid="10225241", doi="10.1016/s0002-9343(99)00055-8"),
    extra_references=(Reference(
        citation="Katz MA. Hyperglycemia-induced hyponatremia: calculation of expected serum sodium "
                 "depression. N Engl J Med 1973;289:843-844.",
        pmid="4763428", doi="10.1056/NEJM197310182891607"),),
)
