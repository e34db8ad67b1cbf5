"""APACHE II: ICU severity of illness from the worst values of the first 24 hours."""

from __future__ import annotations

from typing import Annotated, Literal

from dxkit.calculators.base import (
    Band,
    CalcInputs,
    Calculator,
    Choice,
    Computation,
    Measure,
    Reference,
    points_steps,
)
from dxkit.calculators.fields import flag
from dxkit.calculators.library._thresholds import BOTTOM, points_at_or_above
from dxkit.errors import InputError

# Knaus 1985, Table 1 (acute physiology score), rows as (lower bound, points), high to low.
TEMPERATURE_C = ((41, 4), (39, 3), (38.5, 1), (36, 0), (34, 1), (32, 2), (30, 3), (BOTTOM, 4))
MEAN_AP_MM_HG = ((160, 4), (130, 3), (110, 2), (70, 0), (50, 2), (BOTTOM, 4))
HEART_RATE = ((180, 4), (140, 3), (110, 2), (70, 0), (55, 2), (40, 3), (BOTTOM, 4))
RESPIRATORY_RATE = ((50, 4), (35, 3), (25, 1), (12, 0), (10, 1), (6, 2), (BOTTOM, 4))
A_A_GRADIENT = ((500, 4), (350, 3), (200, 2), (BOTTOM, 0))
PAO2 = ((70.0001, 0), (61, 1), (55, 3), (BOTTOM, 4))
ARTERIAL_PH = ((7.7, 4), (7.6, 3), (7.5, 1), (7.33, 0), (7.25, 2), (7.15, 3), (BOTTOM, 4))
SODIUM = ((180, 4), (160, 3), (155, 2), (150, 1), (130, 0), (120, 2), (111, 3), (BOTTOM, 4))
POTASSIUM = ((7, 4), (6, 3), (5.5, 1), (3.5, 0), (3, 1), (2.5, 2), (BOTTOM, 4))
CREATININE_MG_DL = ((3.5, 4), (2, 3), (1.5, 2), (0.6, 0), (BOTTOM, 2))
HEMATOCRIT = ((60, 4), (50, 2), (46, 1), (30, 0), (20, 2), (BOTTOM, 4))
WBC_K_PER_UL = ((40, 4), (20, 2), (15, 1), (3, 0), (1, 2), (BOTTOM, 4))
AGE = ((75, 6), (65, 5), (55, 3), (45, 2), (BOTTOM, 0))

Admission = Literal["nonoperative", "emergency postoperative", "elective postoperative"]


def _m(unit: str, ge: float, le: float, concept: str, probes: tuple[float, ...], normal: float | None,
       analyte: str | None = None) -> Measure:
    return Measure(unit, ge=ge, le=le, concept=concept, probes=probes, normal=normal, analyte=analyte)


class Inputs(CalcInputs):
    age_years: Annotated[float, _m("year", 0, 125, "age", (40, 80), None)]
    temperature_c: Annotated[float, _m("degC", 20, 46, "temperature", (37, 42), 37)]
    systolic_bp_mm_hg: Annotated[float, _m("mmHg", 0, 350, "systolic_bp", (120,), 120)]
    diastolic_bp_mm_hg: Annotated[float, _m("mmHg", 0, 250, "diastolic_bp", (30, 80), 80)]
    heart_rate_per_min: Annotated[float, _m("1/min", 0, 350, "heart_rate", (80, 190), 80)]
    respiratory_rate_per_min: Annotated[float, _m("1/min", 0, 120, "respiratory_rate", (16, 55), 16)]
    fio2_pct: Annotated[float, _m("percent", 21, 100, "fio2", (21,), 21)]
    pao2_mm_hg: Annotated[float, _m("mmHg", 10, 700, "pao2", (90, 50), 90)]
    a_a_gradient_mm_hg: Annotated[float | None, _m("mmHg", 0, 700, "a_a_gradient", (), None)] = None
    arterial_ph: Annotated[float, _m("dimensionless", 6.5, 8.0, "arterial_ph", (7.4, 7.8), 7.4)]
    sodium_mmol_l: Annotated[float, _m("mmol/L", 80, 220, "sodium", (140, 185), 140, "sodium")]
    potassium_mmol_l: Annotated[float, _m("mmol/L", 1, 12, "potassium", (4, 7.5), 4, "potassium")]
    creatinine_mg_dl: Annotated[float, _m("mg/dL", 0.05, 40, "creatinine", (1, 4), 1, "creatinine")]
    acute_renal_failure: Annotated[bool, flag("acute_kidney_injury")]
    hematocrit_pct: Annotated[float, _m("percent", 5, 80, "hematocrit", (40, 65), 40)]
    wbc_k_per_ul: Annotated[float, _m("1e3 count/uL", 0.05, 500, "wbc", (8, 45), 8)]
    gcs: Annotated[float, _m("dimensionless", 3, 15, "gcs_total", (15, 3), 15)]
    chronic_organ_insufficiency_or_immunocompromise: Annotated[bool, flag("chronic_organ_insufficiency")]
    admission_type: Annotated[Admission, Choice(concept="admission_type", normal="nonoperative")]


def _oxygenation(x: Inputs) -> tuple[str, str, int]:
    if x.fio2_pct >= 50:
        if x.a_a_gradient_mm_hg is None:
            raise InputError("a_a_gradient_mm_hg", None, "is required when FiO2 >= 50%",
                             accepted="0 to 700 mmHg", unit="mmHg")
        return ("Oxygenation: A-a gradient (FiO2 >= 0.5)", f"{x.a_a_gradient_mm_hg:g} mmHg",
                points_at_or_above(x.a_a_gradient_mm_hg, A_A_GRADIENT))
    return ("Oxygenation: PaO2 (FiO2 < 0.5)", f"{x.pao2_mm_hg:g} mmHg", points_at_or_above(x.pao2_mm_hg, PAO2))


def _chronic_health_points(x: Inputs) -> int:
    if not x.chronic_organ_insufficiency_or_immunocompromise:
        return 0
    return 2 if x.admission_type == "elective postoperative" else 5


def compute(x: Inputs) -> Computation:
    mean_ap = (x.systolic_bp_mm_hg + 2 * x.diastolic_bp_mm_hg) / 3
    creatinine_points = points_at_or_above(x.creatinine_mg_dl, CREATININE_MG_DL) * (2 if x.acute_renal_failure else 1)
    items = [
        ("Temperature", f"{x.temperature_c:.1f} degC", points_at_or_above(x.temperature_c, TEMPERATURE_C)),
        ("Mean arterial pressure", f"{mean_ap:.1f} mmHg", points_at_or_above(mean_ap, MEAN_AP_MM_HG)),
        ("Heart rate", f"{x.heart_rate_per_min:g}/min", points_at_or_above(x.heart_rate_per_min, HEART_RATE)),
        ("Respiratory rate", f"{x.respiratory_rate_per_min:g}/min",
         points_at_or_above(x.respiratory_rate_per_min, RESPIRATORY_RATE)),
        _oxygenation(x),
        ("Arterial pH", f"{x.arterial_ph:g}", points_at_or_above(x.arterial_ph, ARTERIAL_PH)),
        ("Sodium", f"{x.sodium_mmol_l:g} mmol/L", points_at_or_above(x.sodium_mmol_l, SODIUM)),
        ("Potassium", f"{x.potassium_mmol_l:g} mmol/L", points_at_or_above(x.potassium_mmol_l, POTASSIUM)),
        ("Creatinine (x2 in acute renal failure)", f"{x.creatinine_mg_dl:g} mg/dL, ARF {x.acute_renal_failure}",
         creatinine_points),
        ("Haematocrit", f"{x.hematocrit_pct:g}%", points_at_or_above(x.hematocrit_pct, HEMATOCRIT)),
        ("White cell count", f"{x.wbc_k_per_ul:g} x10^3/uL", points_at_or_above(x.wbc_k_per_ul, WBC_K_PER_UL)),
        ("Glasgow Coma Scale (15 - GCS)", f"{x.gcs:g}", int(round(15 - x.gcs))),
        ("Age", f"{x.age_years:g} y", points_at_or_above(x.age_years, AGE)),
        ("Chronic health (nonoperative/emergency: 5, elective postoperative: 2)",
         f"{x.chronic_organ_insufficiency_or_immunocompromise}, {x.admission_type}", _chronic_health_points(x)),
    ]
    return Computation(value=sum(p for *_, p in items), steps=points_steps(items))


CALCULATOR = Calculator(
    id="apache_ii",
    name="APACHE II Score",
    medcalc_id=28,
    synonyms=("APACHE II", "APACHE 2", "Acute Physiology and Chronic Health Evaluation II"),
    Inputs=Inputs,
    compute=compute,
    output_unit="points",
    kind="score",
    category="critical care",
    purpose="Estimates ICU mortality from acute physiology, age and chronic health.",
    population="Adult ICU patients (first 24 hours of admission).",
    bands=(
        Band(label="0-4", low=0, high=4, interpretation="Hospital mortality about 4%."),
        Band(label="5-9", low=5, high=9, interpretation="About 8%."),
        Band(label="10-14", low=10, high=14, interpretation="About 15%."),
        Band(label="15-19", low=15, high=19, interpretation="About 25%."),
        Band(label="20-24", low=20, high=24, interpretation="About 40%."),
        Band(label="25-29", low=25, high=29, interpretation="About 55%."),
        Band(label="30-34", low=30, high=34, interpretation="About 75%."),
        Band(label=">= 35", low=35, high=71, interpretation="About 85%."),
    ),
    triggers=("icu", "intensive care", "critically ill", "sepsis", "mechanical ventilation"),
    reference=Reference(
        citation="Knaus WA, Draper EA, Wagner DP, Zimmerman JE. APACHE II: a severity of disease "
                 "classification system. Crit Care Med 1985;13:818-829.",
        pmid="3928249",
    ),
)
