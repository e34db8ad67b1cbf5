"""Fractional excretion of sodium: (urine Na × serum Cr) / (serum Na × urine Cr) × 100."""

from __future__ import annotations

from typing import Annotated

from dxkit.calculators.base import Band, CalcInputs, Calculator, Computation, Measure, Reference
from dxkit.calculators.fields import CreatinineMgDl, SodiumMmolL


class Inputs(CalcInputs):
    sodium_mmol_l: SodiumMmolL
    creatinine_mg_dl: CreatinineMgDl
    urine_sodium_mmol_l: Annotated[float, Measure("mmol/L", ge=1, le=400, analyte="sodium",
                                                  concept="urine_sodium")]
    urine_creatinine_mg_dl: Annotated[float, Measure("mg/dL", ge=1, le=1000, analyte="creatinine",
                                                     concept="urine_creatinine")]


def compute(x: Inputs) -> Computation:
    fena = 100 * x.urine_sodium_mmol_l * x.creatinine_mg_dl / (x.sodium_mmol_l * x.urine_creatinine_mg_dl)
    return Computation(value=round(fena, 4), steps=[
        f"FENa = 100 × (UNa × SCr) / (SNa × UCr) = 100 × ({x.urine_sodium_mmol_l:g} × {x.creatinine_mg_dl:.3g})"
        f" / ({x.sodium_mmol_l:g} × {x.urine_creatinine_mg_dl:.4g}) = {fena:.2f}%"])


CALCULATOR = Calculator(
    id="fena",
    name="Fractional Excretion of Sodium (FENa)",
    medcalc_id=40,
    synonyms=("FENa", "fractional sodium excretion"),
    Inputs=Inputs,
    compute=compute,
    output_unit="%",
    kind="formula",
    category="renal",
    purpose="Separates prerenal azotaemia from intrinsic renal injury in oliguric acute kidney injury.",
    population="Oliguric acute kidney injury, not on diuretics.",
    bands=(
        Band(label="prerenal", high=0.9999, interpretation="< 1%: suggests a prerenal cause"),
        Band(label="indeterminate", low=1, high=2, interpretation="1-2%"),
        Band(label="intrinsic renal", low=2.0001, interpretation="> 2%: suggests acute tubular necrosis"),
    ),
    triggers=("acute kidney injury", "oliguria", "urine sodium", "aki"),
    reference=Reference(
        citation="Espinel CH. The FENa test: use in the differential diagnosis of acute renal failure. "
                 "JAMA 1976;236:579-581.",
        pmid="947239", doi="10.1001/jama.1976.03270060029022"),
)
