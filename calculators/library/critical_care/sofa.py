"""SOFA: Sequential Organ Failure Assessment (Vincent 1996)."""

from __future__ import annotations

from typing import Annotated

from dxkit.calculators.base import Band, CalcInputs, Calculator, Computation, Measure, Reference, points_steps
from dxkit.calculators.fields import flag
from dxkit.calculators.library._thresholds import BOTTOM, points_at_or_above

PLATELETS_K_PER_UL = ((150, 0), (100, 1), (50, 2), (20, 3), (BOTTOM, 4))
BILIRUBIN_MG_DL = ((12, 4), (6, 3), (2, 2), (1.2, 1), (BOTTOM, 0))
CREATININE_MG_DL = ((5, 4), (3.5, 3), (2, 2), (1.2, 1), (BOTTOM, 0))
GCS = ((15, 0), (13, 1), (10, 2), (6, 3), (BOTTOM, 4))


def _dose(concept: str) -> Annotated[float, Measure]:
    return Annotated[float, Measure("ug/kg/min", ge=0, le=100, concept=concept, probes=(0, 20), normal=0)]


class Inputs(CalcInputs):
    pao2_mm_hg: Annotated[float, Measure("mmHg", ge=10, le=700, concept="pao2", probes=(90, 450), normal=90)]
    fio2_pct: Annotated[float, Measure("percent", ge=21, le=100, concept="fio2", probes=(21, 100), normal=21)]
    mechanical_ventilation_or_cpap: Annotated[bool, flag("mechanical_ventilation")]
    platelets_k_per_ul: Annotated[float, Measure("1e3 count/uL", ge=0.5, le=3000, concept="platelets",
                                                 probes=(10, 200), normal=250)]
    gcs: Annotated[float, Measure("dimensionless", ge=3, le=15, concept="gcs_total", probes=(3, 15), normal=15)]
    bilirubin_mg_dl: Annotated[float, Measure("mg/dL", ge=0.05, le=80, analyte="bilirubin", concept="bilirubin",
                                              probes=(0.5, 13), normal=0.7)]
    systolic_bp_mm_hg: Annotated[float, Measure("mmHg", ge=0, le=350, concept="systolic_bp", probes=(120,),
                                                normal=120)]
    diastolic_bp_mm_hg: Annotated[float, Measure("mmHg", ge=0, le=250, concept="diastolic_bp", probes=(40, 80),
                                                 normal=80)]
    # "MAP < 70 mmHg" reported as a finding when no blood pressure values are given
    hypotension_map_below_70: Annotated[bool | None, flag("hypotension")] = None
    dopamine_ug_kg_min: _dose("dopamine_dose")
    dobutamine_ug_kg_min: _dose("dobutamine_dose")
    epinephrine_ug_kg_min: _dose("epinephrine_dose")
    norepinephrine_ug_kg_min: _dose("norepinephrine_dose")
    creatinine_mg_dl: Annotated[float, Measure("mg/dL", ge=0.05, le=40, analyte="creatinine", concept="creatinine",
                                               probes=(0.8, 6), normal=0.9)]
    urine_output_ml_per_day: Annotated[float, Measure("mL/day", ge=0, le=20000, concept="urine_output",
                                                      probes=(100, 1500), normal=1500)]


def _respiration_points(ratio: float, supported: bool) -> int:
    points = 0 if ratio >= 400 else 1 if ratio >= 300 else 2
    if supported:  # 3 and 4 points require ventilatory support
        points = 4 if ratio < 100 else 3 if ratio < 200 else points
    return points


def _cardiovascular_points(x: Inputs, mean_ap: float) -> int:
    dopamine, epi, norepi = x.dopamine_ug_kg_min, x.epinephrine_ug_kg_min, x.norepinephrine_ug_kg_min
    if dopamine > 15 or epi > 0.1 or norepi > 0.1:
        return 4
    if dopamine > 5 or epi > 0 or norepi > 0:
        return 3
    if dopamine > 0 or x.dobutamine_ug_kg_min > 0:
        return 2
    return 1 if (mean_ap < 70 or x.hypotension_map_below_70) else 0


def _renal_points(creatinine: float, urine_ml_day: float) -> int:
    by_urine = 4 if urine_ml_day < 200 else 3 if urine_ml_day < 500 else 0
    return max(points_at_or_above(creatinine, CREATININE_MG_DL), by_urine)


def compute(x: Inputs) -> Computation:
    ratio = x.pao2_mm_hg / (x.fio2_pct / 100)
    mean_ap = (x.systolic_bp_mm_hg + 2 * x.diastolic_bp_mm_hg) / 3
    pressors = (f"MAP {mean_ap:.1f} mmHg, hypotension reported {bool(x.hypotension_map_below_70)}; dopamine {x.dopamine_ug_kg_min:g}, dobutamine {x.dobutamine_ug_kg_min:g}, "
                f"epinephrine {x.epinephrine_ug_kg_min:g}, norepinephrine {x.norepinephrine_ug_kg_min:g} ug/kg/min")
    items = [
        ("Respiration: PaO2/FiO2", f"{x.pao2_mm_hg:g}/{x.fio2_pct / 100:.2f} = {ratio:.0f}, "
         f"ventilated {x.mechanical_ventilation_or_cpap}", _respiration_points(ratio, x.mechanical_ventilation_or_cpap)),
        ("Coagulation: platelets", f"{x.platelets_k_per_ul:g} x10^3/uL",
         points_at_or_above(x.platelets_k_per_ul, PLATELETS_K_PER_UL)),
        ("Liver: bilirubin", f"{x.bilirubin_mg_dl:g} mg/dL", points_at_or_above(x.bilirubin_mg_dl, BILIRUBIN_MG_DL)),
        ("Cardiovascular", pressors, _cardiovascular_points(x, mean_ap)),
        ("CNS: Glasgow Coma Scale", f"{x.gcs:g}", points_at_or_above(x.gcs, GCS)),
        ("Renal: creatinine or urine output", f"{x.creatinine_mg_dl:g} mg/dL, {x.urine_output_ml_per_day:g} mL/day",
         _renal_points(x.creatinine_mg_dl, x.urine_output_ml_per_day)),
    ]
    return Computation(value=sum(p for *_, p in items), steps=points_steps(items))


CALCULATOR = Calculator(
    id="sofa",
    name="Sequential Organ Failure Assessment (SOFA) Score",
    medcalc_id=43,
    synonyms=("SOFA", "sepsis-related organ failure assessment"),
    Inputs=Inputs,
    compute=compute,
    output_unit="points",
    kind="score",
    category="critical care",
    purpose="Quantifies organ dysfunction in the ICU; a rise of >= 2 with infection defines sepsis (Sepsis-3).",
    population="Adult ICU patients.",
    bands=(
        Band(label="0-6", low=0, high=6, interpretation="ICU mortality below 10% in the original cohorts."),
        Band(label="7-9", low=7, high=9, interpretation="Mortality about 15-20%."),
        Band(label="10-12", low=10, high=12, interpretation="Mortality about 40-50%."),
        Band(label=">= 13", low=13, high=24, interpretation="Mortality above 50%."),
    ),
    triggers=("sepsis", "icu", "organ failure", "vasopressor", "septic shock"),
    reference=Reference(
        citation="Vincent JL, Moreno R, Takala J, et al. The SOFA (Sepsis-related Organ Failure Assessment) "
                 "score to describe organ dysfunction/failure. Intensive Care Med 1996;22:707-710.",
        pmid="8844239",
        doi="10.1007/BF01709751",
    ),
)
