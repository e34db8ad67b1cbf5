"""Maintenance fluids by weight: the 4-2-1 rule (Holliday-Segar), in mL/hour."""

from __future__ import annotations

from dxkit.calculators.base import CalcInputs, Calculator, Computation, Reference
from dxkit.calculators.fields import WeightKg


class Inputs(CalcInputs):
    weight_kg: WeightKg


def compute(x: Inputs) -> Computation:
    # 4 mL/kg/h for the first 10 kg, 2 for the next 10, 1 for every kg above 20
    w = x.weight_kg
    first, second, rest = min(w, 10), min(max(w - 10, 0), 10), max(w - 20, 0)
    rate = 4 * first + 2 * second + rest
    return Computation(value=round(rate, 3), steps=[
        f"4 mL/h × {first:g} kg + 2 mL/h × {second:g} kg + 1 mL/h × {rest:g} kg = {rate:.1f} mL/h"])


CALCULATOR = Calculator(
    id="maintenance_fluids",
    name="Maintenance Fluids Calculations (4-2-1 rule)",
    medcalc_id=22,
    synonyms=("Holliday-Segar", "4-2-1 rule", "maintenance IV fluids"),
    Inputs=Inputs,
    compute=compute,
    output_unit="mL/hour",
    kind="formula",
    category="drugs",
    purpose="Hourly maintenance fluid rate from body weight.",
    population="Children and adults without renal, cardiac or ADH disorders altering needs.",
    triggers=("iv fluids", "maintenance fluids", "npo"),
    reference=Reference(
        citation="Holliday MA, Segar WE. The maintenance need for water in parenteral fluid therapy. "
                 "Pediatrics 1957;19:823-832.",
        pmid="13431307", doi="10.1542/peds.19.5.823"),
)
