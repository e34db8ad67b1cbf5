"""Adjusted body weight: IBW + 0.4 × (actual weight - IBW)."""

from __future__ import annotations

from dxkit.calculators.base import CalcInputs, Calculator, Computation, Reference
from dxkit.calculators.fields import HeightCm, Sex, WeightKg
from dxkit.calculators.library.body._weights import adjusted_body_weight, ideal_body_weight

WINTER_2012 = Reference(
    citation="Winter MA, Guhr KN, Berg GM. Impact of various body weights and serum creatinine "
             "concentrations on the bias and accuracy of the Cockcroft-Gault equation. "
             "Pharmacotherapy 2012;32:604-612.",
    pmid="22576791",
    doi="10.1002/j.1875-9114.2012.01098.x",
)


class Inputs(CalcInputs):
    sex: Sex
    weight_kg: WeightKg
    height_cm: HeightCm


def compute(x: Inputs) -> Computation:
    ibw, ibw_step = ideal_body_weight(x.sex, x.height_cm)
    abw, abw_step = adjusted_body_weight(ibw, x.weight_kg)
    return Computation(value=round(abw, 3), steps=[ibw_step, abw_step])


CALCULATOR = Calculator(
    id="adjusted_body_weight",
    name="Adjusted Body Weight",
    medcalc_id=62,
    synonyms=("AdjBW", "ABW", "dosing weight obesity"),
    Inputs=Inputs,
    compute=compute,
    output_unit="kg",
    kind="formula",
    category="body composition",
    purpose="Dosing weight for patients above ideal body weight (aminoglycosides, Cockcroft-Gault).",
    population="Adults, typically when actual weight exceeds ideal body weight.",
    triggers=("obese", "obesity", "dosing weight"),
    reference=WINTER_2012,
)
