"""Glasgow-Blatchford bleeding score: need for intervention in upper GI bleeding."""

from __future__ import annotations

from typing import Annotated

from dxkit.calculators.base import Band, CalcInputs, Calculator, Computation, Measure, Reference, points_steps
from dxkit.calculators.fields import Sex, flag
from dxkit.calculators.library._thresholds import BOTTOM, points_at_or_above

# Blatchford 2000, in the paper's units: blood urea mmol/L, haemoglobin g/dL, SBP mmHg.
UREA_MMOL_L = ((25, 6), (10, 4), (8, 3), (6.5, 2), (BOTTOM, 0))
HB_MEN_G_DL = ((13, 0), (12, 1), (10, 3), (BOTTOM, 6))
HB_WOMEN_G_DL = ((12, 0), (10, 1), (BOTTOM, 6))
SBP_MM_HG = ((110, 0), (100, 1), (90, 2), (BOTTOM, 3))


class Inputs(CalcInputs):
    # urea and BUN are the same amount of substance: 1 mmol/L urea = 2.8 mg/dL urea nitrogen
    bun_mmol_l: Annotated[float, Measure("mmol/L", ge=0.2, le=110, analyte="bun", concept="bun",
                                         probes=(6, 7, 9, 20, 30), normal=5)]
    hemoglobin_g_dl: Annotated[float, Measure("g/dL", ge=1, le=25, analyte="hemoglobin", concept="hemoglobin",
                                              probes=(9, 11, 12.5, 14), normal=14)]
    sex: Sex
    systolic_bp_mm_hg: Annotated[float, Measure("mmHg", ge=0, le=350, concept="systolic_bp",
                                                probes=(85, 95, 105, 120), normal=120)]
    heart_rate_per_min: Annotated[float, Measure("1/min", ge=0, le=350, concept="heart_rate",
                                                 probes=(99, 100), normal=80)]
    melena: Annotated[bool, flag("melena")]
    syncope: Annotated[bool, flag("syncope")]
    hepatic_disease: Annotated[bool, flag("liver_disease")]
    cardiac_failure: Annotated[bool, flag("chf_history")]


def compute(x: Inputs) -> Computation:
    hb_table = HB_MEN_G_DL if x.sex == "male" else HB_WOMEN_G_DL
    items = [
        ("Blood urea (6.5-8: 2, 8-10: 3, 10-25: 4, >= 25 mmol/L: 6)", f"{x.bun_mmol_l:.2f} mmol/L",
         points_at_or_above(x.bun_mmol_l, UREA_MMOL_L)),
        (f"Haemoglobin ({x.sex})", f"{x.hemoglobin_g_dl:g} g/dL", points_at_or_above(x.hemoglobin_g_dl, hb_table)),
        ("Systolic BP (100-109: 1, 90-99: 2, < 90: 3)", f"{x.systolic_bp_mm_hg:g} mmHg",
         points_at_or_above(x.systolic_bp_mm_hg, SBP_MM_HG)),
        ("Pulse >= 100/min", f"{x.heart_rate_per_min:g}/min", int(x.heart_rate_per_min >= 100)),
        ("Melaena", x.melena, int(x.melena)),
        ("Syncope", x.syncope, 2 * x.syncope),
        ("Hepatic disease", x.hepatic_disease, 2 * x.hepatic_disease),
        ("Cardiac failure", x.cardiac_failure, 2 * x.cardiac_failure),
    ]
    return Computation(value=sum(p for *_, p in items), steps=points_steps(items))


CALCULATOR = Calculator(
    id="glasgow_blatchford",
    name="Glasgow-Blatchford Bleeding Score (GBS)",
    medcalc_id=27,
    synonyms=("Blatchford", "GBS", "Glasgow Blatchford", "upper GI bleeding score"),
    Inputs=Inputs,
    compute=compute,
    output_unit="points",
    kind="score",
    category="gastroenterology",
    purpose="Identifies upper GI bleeding patients who need intervention (transfusion, endoscopy, surgery).",
    population="Adults presenting with upper gastrointestinal bleeding.",
    bands=(
        Band(label="very low risk", low=0, high=0, interpretation="Outpatient management may be considered."),
        Band(label="not low risk", low=1, high=23, interpretation="Higher scores: greater need for intervention."),
    ),
    triggers=("melena", "hematemesis", "upper gi bleed", "coffee ground", "gi bleed"),
    reference=Reference(
        citation="Blatchford O, Murray WR, Blatchford M. A risk score to predict need for treatment for "
                 "upper-gastrointestinal haemorrhage. Lancet 2000;356:1318-1321.",
        pmid="11073021",
        doi="10.1016/S0140-6736(00)02816-6",
    ),
)
