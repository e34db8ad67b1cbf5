"""Delta Gap."""

from __future__ import annotations

from dxkit.calculators.base import CalcInputs, Calculator, Computation
from dxkit.calculators.fields import BicarbonateMmolL, ChlorideMmolL, SodiumMmolL
from dxkit.calculators.library.electrolytes._gap import KRAUT_2007, RASTEGAR_2007, anion_gap, delta_gap


class Inputs(CalcInputs):
    sodium_mmol_l: SodiumMmolL
    chloride_mmol_l: ChlorideMmolL
    bicarbonate_mmol_l: BicarbonateMmolL


def compute(x: Inputs) -> Computation:
    gap, step = anion_gap(x.sodium_mmol_l, x.chloride_mmol_l, x.bicarbonate_mmol_l)
    steps = [step]
    value, step = delta_gap(gap)
    steps.append(step)
    return Computation(value=round(value, 4), steps=steps)


CALCULATOR = Calculator(
    id="delta_gap",
    name="Delta Gap",
    medcalc_id=63,
    synonyms=("delta anion gap", "ΔAG", "excess anion gap"),
    Inputs=Inputs,
    compute=compute,
    output_unit="mEq/L",
    kind="formula",
    category="electrolytes",
    purpose="The rise of the anion gap above normal (12 mEq/L), to compare with the fall in bicarbonate.",
    population="Adults with a metabolic acidosis or suspected acid-base disorder.",
    bands=(),
    triggers=("metabolic acidosis", "anion gap", "bicarbonate", "dka", "lactic acidosis"),
    reference=RASTEGAR_2007,
    extra_references=(KRAUT_2007,),
)
