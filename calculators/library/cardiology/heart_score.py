"""HEART score: 6-week major adverse cardiac events in emergency chest pain."""

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

History = Literal["slightly suspicious", "moderately suspicious", "highly suspicious"]
Ecg = Literal["normal", "non-specific repolarization disturbance", "significant st deviation"]
Troponin = Literal["<= normal limit", "1-3x normal limit", "> 3x normal limit"]

_HISTORY = {"slightly suspicious": 0, "moderately suspicious": 1, "highly suspicious": 2}
_ECG = {"normal": 0, "non-specific repolarization disturbance": 1, "significant st deviation": 2}
_TROPONIN = {"<= normal limit": 0, "1-3x normal limit": 1, "> 3x normal limit": 2}


class Inputs(CalcInputs):
    history: Annotated[History, Choice(concept="chest_pain_suspicion", normal="slightly suspicious")]
    ecg: Annotated[Ecg, Choice(concept="ecg_findings", normal="normal")]
    age_years: Annotated[float, Measure("year", ge=0, le=125, concept="age", probes=(44, 45, 65))]
    hypertension: Annotated[bool, flag("hypertension")]
    hypercholesterolemia: Annotated[bool, flag("hypercholesterolemia")]
    diabetes: Annotated[bool, flag("diabetes")]
    obesity: Annotated[bool, flag("obesity")]
    smoking: Annotated[bool, flag("smoking")]
    family_history_cad: Annotated[bool, flag("family_history_cad")]
    atherosclerotic_disease: Annotated[bool, flag("atherosclerotic_disease")]
    initial_troponin: Annotated[Troponin, Choice(concept="troponin_level", normal="<= normal limit")]


def _age_points(age: float) -> int:
    return 2 if age >= 65 else 1 if age >= 45 else 0


def compute(x: Inputs) -> Computation:
    factors = [x.hypertension, x.hypercholesterolemia, x.diabetes, x.obesity, x.smoking, x.family_history_cad]
    count = sum(factors)
    # known atherosclerotic disease (prior MI, revascularisation, stroke/TIA, PAD) scores 2 by itself
    risk_points = 2 if (count >= 3 or x.atherosclerotic_disease) else 1 if count >= 1 else 0
    shown_risk = f"{count} risk factor(s)" + (", atherosclerotic disease" if x.atherosclerotic_disease else "")
    items = [
        ("History", x.history, _HISTORY[x.history]),
        ("ECG", x.ecg, _ECG[x.ecg]),
        ("Age (< 45: 0, 45-64: 1, >= 65: 2)", f"{x.age_years:g} y", _age_points(x.age_years)),
        ("Risk factors (none: 0, 1-2: 1, >= 3 or atherosclerotic disease: 2)", shown_risk, risk_points),
        ("Initial troponin", x.initial_troponin, _TROPONIN[x.initial_troponin]),
    ]
    return Computation(value=sum(p for *_, p in items), steps=points_steps(items))


CALCULATOR = Calculator(
    id="heart_score",
    name="HEART Score for Major Cardiac Events",
    medcalc_id=18,
    synonyms=("HEART", "HEART pathway", "History ECG Age Risk factors Troponin"),
    Inputs=Inputs,
    compute=compute,
    output_unit="points",
    kind="score",
    category="cardiology",
    purpose="Estimates the 6-week risk of major adverse cardiac events in emergency chest pain.",
    population="Adults presenting to the emergency department with chest pain.",
    bands=(
        Band(label="low risk", low=0, high=3, interpretation="MACE 0.9-1.7%; early discharge may be considered."),
        Band(label="moderate risk", low=4, high=6, interpretation="MACE 12-16.6%; observe and investigate."),
        Band(label="high risk", low=7, high=10, interpretation="MACE 50-65%; early invasive strategy."),
    ),
    triggers=("chest pain", "angina", "troponin", "acs", "acute coronary"),
    reference=Reference(
        citation="Six AJ, Backus BE, Kelder JC. Chest pain in the emergency room: value of the HEART "
                 "score. Neth Heart J 2008;16:191-196.",
        pmid="18665203",
        doi="10.1007/BF03086144",
    ),
)
