"""Pneumonia Severity Index (PSI/PORT): 30-day mortality in community-acquired pneumonia."""

from __future__ import annotations

from typing import Annotated

from dxkit.calculators.base import Band, CalcInputs, Calculator, Computation, Measure, Reference, points_steps
from dxkit.calculators.fields import Sex, flag


def _m(unit: str, ge: float, le: float, concept: str, probes: tuple[float, ...], normal: float | None,
       analyte: str | None = None) -> Measure:
    return Measure(unit, ge=ge, le=le, concept=concept, probes=probes, normal=normal, analyte=analyte)


class Inputs(CalcInputs):
    age_years: Annotated[float, _m("year", 0, 125, "age", (18, 110), None)]
    sex: Sex
    nursing_home_resident: Annotated[bool, flag("nursing_home_resident")]
    neoplastic_disease: Annotated[bool, flag("active_cancer")]
    liver_disease: Annotated[bool, flag("liver_disease")]
    chf_history: Annotated[bool, flag("chf_history")]
    cerebrovascular_disease: Annotated[bool, flag("cerebrovascular_disease")]
    renal_disease: Annotated[bool, flag("renal_disease")]
    altered_mental_status: Annotated[bool, flag("confusion")]
    respiratory_rate_per_min: Annotated[float, _m("1/min", 0, 120, "respiratory_rate", (29, 30), 16)]
    systolic_bp_mm_hg: Annotated[float, _m("mmHg", 0, 350, "systolic_bp", (89, 90), 120)]
    temperature_c: Annotated[float, _m("degC", 20, 46, "temperature", (34.9, 37, 40), 37)]
    heart_rate_per_min: Annotated[float, _m("1/min", 0, 350, "heart_rate", (124, 125), 80)]
    arterial_ph: Annotated[float, _m("dimensionless", 6.5, 8.0, "arterial_ph", (7.34, 7.35), 7.4)]
    bun_mg_dl: Annotated[float, _m("mg/dL", 0.5, 300, "bun", (29, 30), 12, "bun")]
    sodium_mmol_l: Annotated[float, _m("mmol/L", 80, 220, "sodium", (129, 130), 140, "sodium")]
    glucose_mg_dl: Annotated[float, _m("mg/dL", 5, 3000, "glucose", (249, 250), 100, "glucose")]
    hematocrit_pct: Annotated[float, _m("percent", 5, 80, "hematocrit", (29, 30), 40)]
    pao2_mm_hg: Annotated[float, _m("mmHg", 10, 700, "pao2", (59, 60), 90)]
    pleural_effusion: Annotated[bool, flag("pleural_effusion")]


def compute(x: Inputs) -> Computation:
    age_points = int(x.age_years) - (10 if x.sex == "female" else 0)
    abnormal_temperature = x.temperature_c < 35 or x.temperature_c >= 40
    items = [
        ("Age (years; women minus 10)", f"{x.age_years:g} y, {x.sex}", age_points),
        ("Nursing home resident", x.nursing_home_resident, 10 * x.nursing_home_resident),
        ("Neoplastic disease", x.neoplastic_disease, 30 * x.neoplastic_disease),
        ("Liver disease", x.liver_disease, 20 * x.liver_disease),
        ("Congestive heart failure", x.chf_history, 10 * x.chf_history),
        ("Cerebrovascular disease", x.cerebrovascular_disease, 10 * x.cerebrovascular_disease),
        ("Renal disease", x.renal_disease, 10 * x.renal_disease),
        ("Altered mental status", x.altered_mental_status, 20 * x.altered_mental_status),
        ("Respiratory rate >= 30/min", f"{x.respiratory_rate_per_min:g}/min", 20 * (x.respiratory_rate_per_min >= 30)),
        ("Systolic BP < 90 mmHg", f"{x.systolic_bp_mm_hg:g} mmHg", 20 * (x.systolic_bp_mm_hg < 90)),
        ("Temperature < 35 or >= 40 degC", f"{x.temperature_c:.1f} degC", 15 * abnormal_temperature),
        ("Pulse >= 125/min", f"{x.heart_rate_per_min:g}/min", 10 * (x.heart_rate_per_min >= 125)),
        ("Arterial pH < 7.35", f"{x.arterial_ph:g}", 30 * (x.arterial_ph < 7.35)),
        ("BUN >= 30 mg/dL", f"{x.bun_mg_dl:g} mg/dL", 20 * (x.bun_mg_dl >= 30)),
        ("Sodium < 130 mmol/L", f"{x.sodium_mmol_l:g} mmol/L", 20 * (x.sodium_mmol_l < 130)),
        ("Glucose >= 250 mg/dL", f"{x.glucose_mg_dl:g} mg/dL", 10 * (x.glucose_mg_dl >= 250)),
        ("Haematocrit < 30%", f"{x.hematocrit_pct:g}%", 10 * (x.hematocrit_pct < 30)),
        ("PaO2 < 60 mmHg", f"{x.pao2_mm_hg:g} mmHg", 10 * (x.pao2_mm_hg < 60)),
        ("Pleural effusion", x.pleural_effusion, 10 * x.pleural_effusion),
    ]
    return Computation(value=sum(p for *_, p in items), steps=points_steps(items))


CALCULATOR = Calculator(
    id="psi_port",
    name="PSI Score: Pneumonia Severity Index for CAP",
    medcalc_id=29,
    synonyms=("PSI", "PORT score", "pneumonia severity index", "Fine score"),
    Inputs=Inputs,
    compute=compute,
    output_unit="points",
    kind="score",
    category="pulmonary",
    purpose="Stratifies 30-day mortality in community-acquired pneumonia to guide the site of care.",
    population="Adults with community-acquired pneumonia.",
    bands=(
        Band(label="class II", low=-10, high=70, interpretation="Mortality 0.6%; outpatient care "
                                                                 "(class I: age < 50 without risk factors)."),
        Band(label="class III", low=71, high=90, interpretation="Mortality 0.9-2.8%; outpatient or brief admission."),
        Band(label="class IV", low=91, high=130, interpretation="Mortality 8.2-9.3%; inpatient."),
        Band(label="class V", low=131, interpretation="Mortality 27-31%; inpatient, consider ICU."),
    ),
    triggers=("pneumonia", "consolidation", "infiltrate", "community-acquired"),
    reference=Reference(
        citation="Fine MJ, Auble TE, Yealy DM, et al. A prediction rule to identify low-risk patients "
                 "with community-acquired pneumonia. N Engl J Med 1997;336:243-250.",
        pmid="8995086",
        doi="10.1056/NEJM199701233360402",
    ),
)
