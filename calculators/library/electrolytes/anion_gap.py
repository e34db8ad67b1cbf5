"""Anion Gap."""

from __future__ import annotations

from dxkit.calculators.base import Band, CalcInputs, Calculator, Computation
from dxkit.calculators.fields import BicarbonateMmolL, ChlorideMmolL, SodiumMmolL
from dxkit.calculators.library.electrolytes._gap import KRAUT_2007, anion_gap


class Inputs(CalcInputs):
    sodium_mmol_l: SodiumMmolL
    chloride_mmol_l: ChlorideMmolL
    bicarbonate_mmol_l: BicarbonateMmolL


def compute(x: Inputs) -> Computation:
    gap, step = anion_gap(x.sodium_mmol_l, x.chloride_mmol_l, x.bicarbonate_mmol_l)
    steps = [step]
    value = gap
    return Computation(value=round(value, 4), steps=steps)


CALCULATOR = Calculator(
    id="anion_gap",
    name="Anion Gap",
    medcalc_id=39,
    synonyms=("AG", "serum anion gap"),
    Inputs=Inputs,
    compute=compute,
    output_unit="mEq/L",
    kind="formula",
    category="electrolytes",
    purpose="Screens for unmeasured anions in metabolic acidosis.",
    population="Adults with a metabolic acidosis or suspected acid-base disorder.",
    bands=(Band(label="low", high=2.999, interpretation="< 3 mEq/L"), Band(label="normal", low=3, high=12, interpretation="3-12 mEq/L (varies by laboratory)"), Band(label="elevated", low=12.0001, interpretation="> 12 mEq/L: anion-gap metabolic acidosis likely")),
    triggers=("metabolic acidosis", "anion gap", "bicarbonate", "dka", "lactic acidosis"),
    reference=KRAUT_2007,
    extra_references=(),
)
