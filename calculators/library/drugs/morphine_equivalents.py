"""Morphine milligram equivalents per day (CDC 2022 conversion factors).

Each opioid contributes dose × doses per day × factor. Opioids not given count as none
(an MME total is a sum over what the patient takes, not a score with missing items).
"""

from __future__ import annotations

from typing import Annotated

from dxkit.calculators.base import Band, CalcInputs, Calculator, Computation, Measure, Reference

# (dose unit, MME factor per unit), CDC Clinical Practice Guideline 2022, Table
OPIOIDS: dict[str, tuple[str, float]] = {
    "codeine": ("mg", 0.15),
    "fentanyl_buccal": ("ug", 0.13),       # buccal/sublingual tablet, lozenge (mcg)
    "fentanyl_patch": ("ug/hour", 2.4),    # transdermal patch strength (mcg/h)
    "hydrocodone": ("mg", 1.0),
    "hydromorphone": ("mg", 5.0),
    "methadone": ("mg", 4.7),
    "morphine": ("mg", 1.0),
    "oxycodone": ("mg", 1.5),
    "oxymorphone": ("mg", 3.0),
    "tapentadol": ("mg", 0.4),
    "tramadol": ("mg", 0.2),
}

_UNIT_SUFFIX = {"mg": "mg", "ug": "ug", "ug/hour": "ug_per_hour"}
class Inputs(CalcInputs):
    codeine_dose_mg: Annotated[float | None, Measure("mg", ge=0, le=10000, concept="codeine_dose")] = None
    codeine_doses_per_day: Annotated[float | None, Measure("1/day", ge=0, le=48)] = None
    fentanyl_buccal_dose_ug: Annotated[float | None, Measure("ug", ge=0, le=10000,
                                                             concept="fentanyl_buccal_dose")] = None
    fentanyl_buccal_doses_per_day: Annotated[float | None, Measure("1/day", ge=0, le=48)] = None
    fentanyl_patch_dose_ug_per_hour: Annotated[float | None, Measure("ug/hour", ge=0, le=1000,
                                                                     concept="fentanyl_patch_dose")] = None
    fentanyl_patch_doses_per_day: Annotated[float | None, Measure("1/day", ge=0, le=48)] = None
    hydrocodone_dose_mg: Annotated[float | None, Measure("mg", ge=0, le=10000, concept="hydrocodone_dose")] = None
    hydrocodone_doses_per_day: Annotated[float | None, Measure("1/day", ge=0, le=48)] = None
    hydromorphone_dose_mg: Annotated[float | None, Measure("mg", ge=0, le=10000,
                                                           concept="hydromorphone_dose")] = None
    hydromorphone_doses_per_day: Annotated[float | None, Measure("1/day", ge=0, le=48)] = None
    methadone_dose_mg: Annotated[float | None, Measure("mg", ge=0, le=10000, concept="methadone_dose")] = None
    methadone_doses_per_day: Annotated[float | None, Measure("1/day", ge=0, le=48)] = None
    morphine_dose_mg: Annotated[float | None, Measure("mg", ge=0, le=10000, concept="morphine_dose")] = None
    morphine_doses_per_day: Annotated[float | None, Measure("1/day", ge=0, le=48)] = None
    oxycodone_dose_mg: Annotated[float | None, Measure("mg", ge=0, le=10000, concept="oxycodone_dose")] = None
    oxycodone_doses_per_day: Annotated[float | None, Measure("1/day", ge=0, le=48)] = None
    oxymorphone_dose_mg: Annotated[float | None, Measure("mg", ge=0, le=10000, concept="oxymorphone_dose")] = None
    oxymorphone_doses_per_day: Annotated[float | None, Measure("1/day", ge=0, le=48)] = None
    tapentadol_dose_mg: Annotated[float | None, Measure("mg", ge=0, le=10000, concept="tapentadol_dose")] = None
    tapentadol_doses_per_day: Annotated[float | None, Measure("1/day", ge=0, le=48)] = None
    tramadol_dose_mg: Annotated[float | None, Measure("mg", ge=0, le=10000, concept="tramadol_dose")] = None
    tramadol_doses_per_day: Annotated[float | None, Measure("1/day", ge=0, le=48)] = None


def compute(x: Inputs) -> Computation:
    values = x.model_dump()
    steps: list[str] = []
    warnings: list[str] = []
    total = 0.0
    for name, (unit, factor) in OPIOIDS.items():
        dose = values[f"{name}_dose_{_UNIT_SUFFIX[unit]}"]
        per_day = values[f"{name}_doses_per_day"]
        if dose is None:
            continue
        if per_day is None:
            per_day = 1.0
            warnings.append(f"{name}: doses per day not given; counted once a day")
        mme = dose * per_day * factor
        total += mme
        steps.append(f"{name}: {dose:g} {unit} × {per_day:g}/day × {factor:g} = {mme:.2f} MME/day")
    if not steps:
        warnings.append("No opioid doses were given.")
    steps.append(f"Total = {total:.2f} MME/day")
    return Computation(value=round(total, 3), steps=steps, warnings=warnings)


CALCULATOR = Calculator(
    id="morphine_milligram_equivalents",
    name="Morphine Milligram Equivalents (MME) Calculator",
    medcalc_id=49,
    synonyms=("MME", "morphine equivalents", "opioid conversion", "MEDD"),
    Inputs=Inputs,
    compute=compute,
    output_unit="MME/day",
    kind="formula",
    category="drugs",
    purpose="Total daily opioid dose in morphine milligram equivalents, to gauge overdose risk.",
    population="Adults on opioids for pain (the factors do not guide switching between opioids).",
    bands=(
        Band(label="lower dose", high=49.999, interpretation="< 50 MME/day"),
        Band(label="increased risk", low=50, high=89.999, interpretation="50-89 MME/day: reassess benefits and risks"),
        Band(label="high dose", low=90, interpretation=">= 90 MME/day: avoid or carefully justify"),
    ),
    triggers=("opioid", "oxycodone", "morphine", "fentanyl", "methadone", "hydrocodone"),
    reference=Reference(
        citation="Dowell D, Ragan KR, Jones CM, Baldwin GT, Chou R. CDC Clinical Practice Guideline for "
                 "Prescribing Opioids for Pain - United States, 2022. MMWR Recomm Rep 2022;71(No. RR-3):1-95.",
        pmid="36327391", doi="10.15585/mmwr.rr7103a1"),
)
