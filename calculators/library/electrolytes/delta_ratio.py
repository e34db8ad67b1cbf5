"""Delta Ratio."""

from __future__ import annotations

from dxkit.calculators.base import Band, CalcInputs, Calculator, Computation
from dxkit.calculators.fields import BicarbonateMmolL, ChlorideMmolL, SodiumMmolL
from dxkit.calculators.library.electrolytes._gap import KRAUT_2007, RASTEGAR_2007, anion_gap, delta_ratio


class Inputs(CalcInputs):
    sodium_mmol_l: SodiumMmolL
    chloride_mmol_l: ChlorideMmolL
    bicarbonate_mmol_l: BicarbonateMmolL


def compute(x: Inputs) -> Computation:
    gap, step = anion_gap(x.sodium_mmol_l, x.chloride_mmol_l, x.bicarbonate_mmol_l)
    steps = [step]
    value, step = delta_ratio(gap, x.bicarbonate_mmol_l)
    steps.append(step)
    return Computation(value=round(value, 4), steps=steps)


CALCULATOR = Calculator(
    id="delta_ratio",
    name="Delta Ratio",
    medcalc_id=64,
    synonyms=("delta-delta", "ΔAG/ΔHCO3", "delta delta ratio"),
    Inputs=Inputs,
    compute=compute,
    output_unit="ratio",
    kind="formula",
    category="electrolytes",
    purpose="Detects a mixed acid-base disorder in anion-gap metabolic acidosis.",
    population="Adults with a metabolic acidosis or suspected acid-base disorder.",
    bands=(Band(label="hyperchloraemic acidosis", high=0.3999, interpretation="< 0.4: pure normal-gap acidosis"), Band(label="mixed high and normal gap acidosis", low=0.4, high=0.7999, interpretation="0.4-0.8"), Band(label="pure anion-gap acidosis", low=0.8, high=2.0, interpretation="0.8-2"), Band(label="concurrent metabolic alkalosis", low=2.0001, interpretation="> 2: or a pre-existing compensated respiratory acidosis")),
    triggers=("metabolic acidosis", "anion gap", "bicarbonate", "dka", "lactic acidosis"),
    reference=RASTEGAR_2007,
    extra_references=(KRAUT_2007,),
)
