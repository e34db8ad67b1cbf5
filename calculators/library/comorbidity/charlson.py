"""Charlson Comorbidity Index (1987 weights, with the 1994 age adjustment)."""

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

LiverDisease = Literal["none", "mild", "moderate to severe"]
Diabetes = Literal["none or diet-controlled", "uncomplicated", "end-organ damage"]
SolidTumor = Literal["none", "localized", "metastatic"]

_LIVER = {"none": 0, "mild": 1, "moderate to severe": 3}
_DIABETES = {"none or diet-controlled": 0, "uncomplicated": 1, "end-organ damage": 2}
_TUMOR = {"none": 0, "localized": 2, "metastatic": 6}


class Inputs(CalcInputs):
    age_years: Annotated[float, Measure("year", ge=0, le=125, concept="age", probes=(40, 55, 65, 75, 85))]
    myocardial_infarction: Annotated[bool, flag("myocardial_infarction_history")]
    chf_history: Annotated[bool, flag("chf_history")]
    peripheral_vascular_disease: Annotated[bool, flag("peripheral_vascular_disease")]
    cerebrovascular_accident_or_tia: Annotated[bool, flag("cerebrovascular_disease")]
    dementia: Annotated[bool, flag("dementia")]
    copd: Annotated[bool, flag("copd")]
    connective_tissue_disease: Annotated[bool, flag("connective_tissue_disease")]
    peptic_ulcer_disease: Annotated[bool, flag("peptic_ulcer_disease")]
    liver_disease: Annotated[LiverDisease, Choice(concept="liver_disease_severity", normal="none")]
    diabetes: Annotated[Diabetes, Choice(concept="diabetes_severity", normal="none or diet-controlled")]
    hemiplegia: Annotated[bool, flag("hemiplegia")]
    moderate_severe_ckd: Annotated[bool, flag("moderate_severe_ckd")]
    solid_tumor: Annotated[SolidTumor, Choice(concept="solid_tumor", normal="none")]
    leukemia: Annotated[bool, flag("leukemia")]
    lymphoma: Annotated[bool, flag("lymphoma")]
    aids: Annotated[bool, flag("aids")]


def _age_points(age: float) -> int:
    # one point per decade from 50 (the age bands used by MDCalc and MedCalc-Bench)
    return 0 if age < 50 else 1 if age < 60 else 2 if age < 70 else 3 if age < 80 else 4


def compute(x: Inputs) -> Computation:
    items = [
        ("Age (< 50: 0, 50-59: 1, 60-69: 2, 70-79: 3, >= 80: 4)", f"{x.age_years:g} y", _age_points(x.age_years)),
        ("Myocardial infarction", x.myocardial_infarction, int(x.myocardial_infarction)),
        ("Congestive heart failure", x.chf_history, int(x.chf_history)),
        ("Peripheral vascular disease", x.peripheral_vascular_disease, int(x.peripheral_vascular_disease)),
        ("Cerebrovascular accident or TIA", x.cerebrovascular_accident_or_tia,
         int(x.cerebrovascular_accident_or_tia)),
        ("Dementia", x.dementia, int(x.dementia)),
        ("Chronic pulmonary disease", x.copd, int(x.copd)),
        ("Connective tissue disease", x.connective_tissue_disease, int(x.connective_tissue_disease)),
        ("Peptic ulcer disease", x.peptic_ulcer_disease, int(x.peptic_ulcer_disease)),
        ("Liver disease (mild: 1, moderate-severe: 3)", x.liver_disease, _LIVER[x.liver_disease]),
        ("Diabetes (uncomplicated: 1, end-organ damage: 2)", x.diabetes, _DIABETES[x.diabetes]),
        ("Hemiplegia", x.hemiplegia, 2 * x.hemiplegia),
        ("Moderate to severe chronic kidney disease", x.moderate_severe_ckd, 2 * x.moderate_severe_ckd),
        ("Solid tumour (localised: 2, metastatic: 6)", x.solid_tumor, _TUMOR[x.solid_tumor]),
        ("Leukaemia", x.leukemia, 2 * x.leukemia),
        ("Lymphoma", x.lymphoma, 2 * x.lymphoma),
        ("AIDS", x.aids, 6 * x.aids),
    ]
    return Computation(value=sum(p for *_, p in items), steps=points_steps(items))


CALCULATOR = Calculator(
    id="charlson",
    name="Charlson Comorbidity Index (CCI)",
    medcalc_id=32,
    synonyms=("Charlson", "CCI", "Charlson index", "age-adjusted Charlson"),
    Inputs=Inputs,
    compute=compute,
    output_unit="points",
    kind="score",
    category="comorbidity",
    purpose="Summarises comorbidity burden to predict 10-year mortality.",
    population="Adults (hospitalised or with chronic disease).",
    bands=(
        Band(label="0", low=0, high=0, interpretation="Estimated 10-year survival 98%."),
        Band(label="1-2", low=1, high=2, interpretation="Low comorbidity burden."),
        Band(label="3-4", low=3, high=4, interpretation="Moderate comorbidity burden."),
        Band(label=">= 5", low=5, interpretation="High comorbidity burden."),
    ),
    triggers=("comorbidities", "past medical history", "prognosis", "life expectancy"),
    reference=Reference(
        citation="Charlson ME, Pompei P, Ales KL, MacKenzie CR. A new method of classifying prognostic "
                 "comorbidity in longitudinal studies: development and validation. J Chronic Dis "
                 "1987;40:373-383.",
        pmid="3558716",
        doi="10.1016/0021-9681(87)90171-8",
    ),
    extra_references=(Reference(
        citation="Charlson M, Szatrowski TP, Peterson J, Gold J. Validation of a combined comorbidity "
                 "index. J Clin Epidemiol 1994;47:1245-1251.", pmid="7722560",
        doi="10.1016/0895-4356(94)90129-5"),),
)
