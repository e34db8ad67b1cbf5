"""Body surface area (Mosteller): sqrt(height cm × weight kg / 3600)."""

from __future__ import annotations

import math

from dxkit.calculators.base import CalcInputs, Calculator, Computation, Reference
from dxkit.calculators.fields import HeightCm, WeightKg


class Inputs(CalcInputs):
    weight_kg: WeightKg
    height_cm: HeightCm


def compute(x: Inputs) -> Computation:
    bsa = math.sqrt(x.height_cm * x.weight_kg / 3600)
    return Computation(value=round(bsa, 4), steps=[
        f"BSA = √(height × weight / 3600) = √({x.height_cm:g} × {x.weight_kg:g} / 3600) = {bsa:.3f} m²"])


CALCULATOR = Calculator(
    id="body_surface_area",
    name="Body Surface Area (Mosteller)",
    medcalc_id=60,
    synonyms=("BSA", "Mosteller", "body surface area calculator"),
    Inputs=Inputs,
    compute=compute,
    output_unit="m²",
    kind="formula",
    category="body composition",
    purpose="Estimates body surface area for chemotherapy dosing and indexing cardiac output.",
    population="Adults and children.",
    triggers=("chemotherapy", "bsa", "cardiac index"),
    reference=Reference(citation="Mosteller RD. Simplified calculation of body-surface area. "
                                 "N Engl J Med 1987;317:1098.",
                        pmid="3657876", doi="10.1056/NEJM198710223171717"),
)
