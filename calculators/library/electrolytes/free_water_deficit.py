"""Free water deficit: total body water × (Na / 140 - 1), TBW fraction by age and sex."""

from __future__ import annotations

from dxkit.calculators.base import CalcInputs, Calculator, Computation, Reference
from dxkit.calculators.fields import AgeYears, Sex, SodiumMmolL, WeightKg

TARGET_SODIUM = 140.0


def tbw_fraction(sex: str, age_years: float) -> tuple[float, str]:
    """Total body water as a fraction of weight (Adrogué & Madias 2000)."""
    if age_years < 18:
        return 0.6, "child: 0.6"
    if age_years >= 65:
        return (0.5, "elderly man: 0.5") if sex == "male" else (0.45, "elderly woman: 0.45")
    return (0.6, "adult man: 0.6") if sex == "male" else (0.5, "adult woman: 0.5")


class Inputs(CalcInputs):
    sex: Sex
    age_years: AgeYears
    weight_kg: WeightKg
    sodium_mmol_l: SodiumMmolL


def compute(x: Inputs) -> Computation:
    fraction, why = tbw_fraction(x.sex, x.age_years)
    tbw = fraction * x.weight_kg
    deficit = tbw * (x.sodium_mmol_l / TARGET_SODIUM - 1)
    warnings = [] if deficit >= 0 else ["Sodium is below 140: there is no free water deficit (negative value)."]
    return Computation(value=round(deficit, 4), warnings=warnings, steps=[
        f"TBW fraction ({why})",
        f"TBW = {fraction} × {x.weight_kg:.4g} kg = {tbw:.2f} L",
        f"Deficit = TBW × (Na/140 - 1) = {tbw:.2f} × ({x.sodium_mmol_l:g}/140 - 1) = {deficit:.2f} L"])


CALCULATOR = Calculator(
    id="free_water_deficit",
    name="Free Water Deficit",
    medcalc_id=38,
    synonyms=("FWD", "water deficit", "hypernatremia water deficit"),
    Inputs=Inputs,
    compute=compute,
    output_unit="L",
    kind="formula",
    category="electrolytes",
    purpose="Estimates the water needed to bring sodium back to 140 mmol/L in hypernatraemia.",
    population="Patients with hypernatraemia.",
    triggers=("hypernatremia", "dehydration", "sodium"),
    reference=Reference(
        citation="Adrogué HJ, Madias NE. Hypernatremia. N Engl J Med 2000;342:1493-1499.",
        pmid="10816188", doi="10.1056/NEJM200005183422006"),
)
