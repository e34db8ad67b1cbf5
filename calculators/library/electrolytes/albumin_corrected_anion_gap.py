"""Albumin Corrected Anion Gap (albumin 2.5 mEq/L per g/dL, Figge 1998)."""

from __future__ import annotations

from dxkit.calculators.base import CalcInputs, Calculator, Computation
from dxkit.calculators.fields import AlbuminGDl, BicarbonateMmolL, ChlorideMmolL, SodiumMmolL
from dxkit.calculators.library.electrolytes._gap import FIGGE_1998, KRAUT_2007, albumin_corrected, anion_gap


class Inputs(CalcInputs):
    sodium_mmol_l: SodiumMmolL
    chloride_mmol_l: ChlorideMmolL
    bicarbonate_mmol_l: BicarbonateMmolL
    albumin_g_dl: AlbuminGDl


def compute(x: Inputs) -> Computation:
    gap, step = anion_gap(x.sodium_mmol_l, x.chloride_mmol_l, x.bicarbonate_mmol_l)
    steps = [step]
    gap, step = albumin_corrected(gap, x.albumin_g_dl)
    steps.append(step)
    value = gap
    return Computation(value=round(value, 4), steps=steps)


CALCULATOR = Calculator(
    id="albumin_corrected_anion_gap",
    name="Albumin Corrected Anion Gap",
    medcalc_id=65,
    synonyms=("corrected anion gap", "ACAG"),
    Inputs=Inputs,
    compute=compute,
    output_unit="mEq/L",
    kind="formula",
    category="electrolytes",
    purpose="Anion gap corrected for low albumin, which otherwise hides unmeasured anions.",
    population="Adults with a metabolic acidosis or suspected acid-base disorder.",
    bands=(),
    triggers=("metabolic acidosis", "anion gap", "bicarbonate", "dka", "lactic acidosis"),
    reference=FIGGE_1998,
    extra_references=(KRAUT_2007,),
)
