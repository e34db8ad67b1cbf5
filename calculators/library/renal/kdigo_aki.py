"""KDIGO acute kidney injury stage (2012) from creatinine, urine output and dialysis.

Creatinine criteria: ratio to baseline 1.5-1.9 or a rise >= 0.3 mg/dL within 48 h (stage 1),
2.0-2.9 (stage 2), >= 3.0 or a value >= 4.0 mg/dL or renal replacement started (stage 3).
Urine output criteria (optional): < 0.5 mL/kg/h for 6-12 h (1), >= 12 h (2); < 0.3 mL/kg/h
for >= 24 h or anuria >= 12 h (3). The stage is the highest any criterion reaches.
"""

from __future__ import annotations

from typing import Annotated

from dxkit.calculators.base import Band, CalcInputs, Calculator, Computation, Measure, Reference
from dxkit.calculators.fields import flag


class Inputs(CalcInputs):
    baseline_creatinine_mg_dl: Annotated[float, Measure("mg/dL", ge=0.05, le=40, analyte="creatinine",
                                                        concept="baseline_creatinine")]
    current_creatinine_mg_dl: Annotated[float, Measure("mg/dL", ge=0.05, le=40, analyte="creatinine",
                                                       concept="creatinine")]
    rise_within_48h: Annotated[bool, flag("creatinine_rise_within_48h")]
    renal_replacement_started: Annotated[bool, flag("renal_replacement_therapy")]
    urine_output_ml_kg_h: Annotated[float | None, Measure("mL/kg/hour", ge=0, le=20, concept="urine_output_rate")] = None
    urine_output_hours: Annotated[float | None, Measure("hour", ge=0, le=240, concept="urine_output_duration")] = None


def _creatinine_stage(x: Inputs) -> tuple[int, str]:
    # rounded to 6 places so unit-conversion noise (265.2/88.4 µmol/L -> 2.9999999) cannot cross a cut-off
    ratio = round(x.current_creatinine_mg_dl / x.baseline_creatinine_mg_dl, 6)
    rise = round(x.current_creatinine_mg_dl - x.baseline_creatinine_mg_dl, 6)
    shown = f"ratio {x.current_creatinine_mg_dl:.3g}/{x.baseline_creatinine_mg_dl:.3g} = {ratio:.2f}, rise {rise:+.2f} mg/dL"
    if ratio >= 3.0 or (x.current_creatinine_mg_dl >= 4.0 and rise > 0) or x.renal_replacement_started:
        return 3, shown
    if ratio >= 2.0:
        return 2, shown
    if ratio >= 1.5 or (rise >= 0.3 and x.rise_within_48h):
        return 1, shown
    return 0, shown


def _urine_stage(x: Inputs) -> tuple[int, str]:
    rate, hours = x.urine_output_ml_kg_h, x.urine_output_hours
    if rate is None or hours is None:
        return 0, "urine output not given"
    shown = f"{rate:g} mL/kg/h for {hours:g} h"
    if (rate < 0.3 and hours >= 24) or (rate == 0 and hours >= 12):
        return 3, shown
    if rate < 0.5 and hours >= 12:
        return 2, shown
    if rate < 0.5 and hours >= 6:
        return 1, shown
    return 0, shown


def compute(x: Inputs) -> Computation:
    by_creatinine, creatinine_text = _creatinine_stage(x)
    by_urine, urine_text = _urine_stage(x)
    stage = max(by_creatinine, by_urine)
    return Computation(value=stage, steps=[
        f"Creatinine criterion: {creatinine_text}"
        + ("; renal replacement started" if x.renal_replacement_started else "") + f" -> stage {by_creatinine}",
        f"Urine output criterion: {urine_text} -> stage {by_urine}",
        f"KDIGO stage = highest = {stage}",
    ])


CALCULATOR = Calculator(
    id="kdigo_aki_stage",
    name="KDIGO Acute Kidney Injury Stage",
    synonyms=("KDIGO", "AKI stage", "acute kidney injury staging"),
    Inputs=Inputs,
    compute=compute,
    output_unit="stage",
    kind="rule",
    category="renal",
    purpose="Stages acute kidney injury by the rise in creatinine, urine output and dialysis.",
    population="Adults and children with suspected acute kidney injury.",
    bands=(
        Band(label="no AKI by these criteria", low=0, high=0),
        Band(label="stage 1", low=1, high=1),
        Band(label="stage 2", low=2, high=2),
        Band(label="stage 3", low=3, high=3),
    ),
    triggers=("acute kidney injury", "aki", "creatinine rise", "oliguria", "dialysis"),
    reference=Reference(
        citation="Khwaja A. KDIGO clinical practice guidelines for acute kidney injury. "
                 "Nephron Clin Pract 2012;120:c179-c184.",
        pmid="22890468", doi="10.1159/000339789"),
)
