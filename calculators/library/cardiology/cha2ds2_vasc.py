"""CHA2DS2-VASc: annual stroke risk in non-valvular atrial fibrillation."""

from __future__ import annotations

from typing import Annotated

from dxkit.calculators.base import Band, CalcInputs, Calculator, Computation, Measure, Reference, points_steps
from dxkit.calculators.fields import Sex, flag


class Inputs(CalcInputs):
    age_years: Annotated[float, Measure("year", ge=0, le=125, concept="age", probes=(64, 65, 75))]
    sex: Sex
    chf_history: Annotated[bool, flag("chf_history")]
    hypertension: Annotated[bool, flag("hypertension")]
    stroke_tia_thromboembolism_history: Annotated[bool, flag("stroke_tia_history")]
    vascular_disease: Annotated[bool, flag("vascular_disease")]
    diabetes: Annotated[bool, flag("diabetes")]


def _age_points(age: float) -> int:
    return 2 if age >= 75 else 1 if age >= 65 else 0


def compute(x: Inputs) -> Computation:
    items = [
        ("Congestive heart failure", x.chf_history, int(x.chf_history)),
        ("Hypertension", x.hypertension, int(x.hypertension)),
        ("Age (65-74: 1, >= 75: 2)", f"{x.age_years:g} y", _age_points(x.age_years)),
        ("Diabetes mellitus", x.diabetes, int(x.diabetes)),
        ("Prior stroke, TIA or thromboembolism", x.stroke_tia_thromboembolism_history,
         2 * x.stroke_tia_thromboembolism_history),
        ("Vascular disease (prior MI, PAD, aortic plaque)", x.vascular_disease, int(x.vascular_disease)),
        ("Sex category (female)", x.sex, int(x.sex == "female")),
    ]
    return Computation(value=sum(p for *_, p in items), steps=points_steps(items))


CALCULATOR = Calculator(
    id="cha2ds2_vasc",
    name="CHA2DS2-VASc Score for Atrial Fibrillation Stroke Risk",
    medcalc_id=4,
    synonyms=("CHA2DS2VASc", "CHADS-VASc", "CHA2DS2 VASc", "chads vasc"),
    Inputs=Inputs,
    compute=compute,
    output_unit="points",
    kind="score",
    category="cardiology",
    purpose="Estimates stroke and thromboembolism risk in atrial fibrillation to guide anticoagulation.",
    population="Adults with non-valvular atrial fibrillation.",
    bands=(
        Band(label="low risk", low=0, high=0, interpretation="Anticoagulation generally not indicated (men)."),
        Band(label="intermediate risk", low=1, high=1,
             interpretation="Consider anticoagulation (a score of 1 from female sex alone counts as low risk)."),
        Band(label="high risk", low=2, high=9, interpretation="Oral anticoagulation recommended."),
    ),
    triggers=("atrial fibrillation", "afib", "a-fib", "af ", "atrial flutter", "anticoagulation"),
    reference=Reference(
        citation="Lip GYH, Nieuwlaat R, Pisters R, Lane DA, Crijns HJGM. Refining clinical risk "
                 "stratification for predicting stroke and thromboembolism in atrial fibrillation "
                 "using a novel risk factor-based approach: the Euro Heart Survey on Atrial "
                 "Fibrillation. Chest 2010;137:263-272.",
        pmid="19762550",
        doi="10.1378/chest.09-1584",
    ),
)
