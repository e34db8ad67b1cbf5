"""Calculated serum osmolality: 2 × Na + glucose/18 + BUN/2.8."""

from __future__ import annotations

from dxkit.calculators.base import Band, CalcInputs, Calculator, Computation, Reference
from dxkit.calculators.fields import BunMgDl, GlucoseMgDl, SodiumMmolL


class Inputs(CalcInputs):
    sodium_mmol_l: SodiumMmolL
    bun_mg_dl: BunMgDl
    glucose_mg_dl: GlucoseMgDl


def compute(x: Inputs) -> Computation:
    # glucose/18 and BUN/2.8 turn mg/dL into mmol/L (molar masses 180 and 28 g/mol)
    osm = 2 * x.sodium_mmol_l + x.bun_mg_dl / 2.8 + x.glucose_mg_dl / 18
    return Computation(value=round(osm, 4), steps=[
        f"Osmolality = 2 × Na + BUN/2.8 + glucose/18 = 2 × {x.sodium_mmol_l:g} + {x.bun_mg_dl:.4g}/2.8 + "
        f"{x.glucose_mg_dl:.4g}/18 = {osm:.1f} mOsm/kg"])


CALCULATOR = Calculator(
    id="serum_osmolality",
    name="Serum Osmolality (calculated)",
    medcalc_id=30,
    synonyms=("calculated osmolality", "osmolarity", "serum osmolarity"),
    Inputs=Inputs,
    compute=compute,
    output_unit="mOsm/kg",
    kind="formula",
    category="electrolytes",
    purpose="Calculated serum osmolality; with a measured value it gives the osmolal gap.",
    population="Adults with sodium or glucose disorders or suspected toxic alcohol ingestion.",
    bands=(
        Band(label="low", high=274.999, interpretation="< 275 mOsm/kg"),
        Band(label="normal", low=275, high=295, interpretation="275-295 mOsm/kg"),
        Band(label="high", low=295.001, interpretation="> 295 mOsm/kg"),
    ),
    triggers=("osmolality", "hyponatremia", "hyperosmolar", "toxic alcohol"),
    reference=Reference(
        citation="Worthley LI, Guerin M, Pain RW. For calculating osmolality, the simplest formula is "
                 "the best. Anaesth Intensive Care 1987;15:199-202.",
        pmid="3605571", doi="10.1177/0310057X8701500214"),
)
