"""TIMI risk score for unstable angina / NSTEMI: 14-day adverse events."""

from __future__ import annotations

from typing import Annotated

from dxkit.calculators.base import Band, CalcInputs, Calculator, Computation, Measure, Reference, points_steps
from dxkit.calculators.fields import flag


class Inputs(CalcInputs):
    age_years: Annotated[float, Measure("year", ge=0, le=125, concept="age", probes=(64, 65))]
    three_or_more_cad_risk_factors: Annotated[bool, flag("three_cad_risk_factors")]
    known_cad_stenosis_50: Annotated[bool, flag("known_cad")]
    aspirin_past_7_days: Annotated[bool, flag("aspirin_use")]
    severe_angina_2_episodes_24h: Annotated[bool, flag("recurrent_angina")]
    st_deviation_0_5_mm: Annotated[bool, flag("st_deviation")]
    positive_cardiac_marker: Annotated[bool, flag("positive_troponin")]


def compute(x: Inputs) -> Computation:
    items = [
        ("Age >= 65", f"{x.age_years:g} y", int(x.age_years >= 65)),
        (">= 3 CAD risk factors", x.three_or_more_cad_risk_factors, int(x.three_or_more_cad_risk_factors)),
        ("Known CAD (stenosis >= 50%)", x.known_cad_stenosis_50, int(x.known_cad_stenosis_50)),
        ("Aspirin in the past 7 days", x.aspirin_past_7_days, int(x.aspirin_past_7_days)),
        (">= 2 anginal episodes in 24 h", x.severe_angina_2_episodes_24h, int(x.severe_angina_2_episodes_24h)),
        ("ST deviation >= 0.5 mm", x.st_deviation_0_5_mm, int(x.st_deviation_0_5_mm)),
        ("Positive cardiac marker", x.positive_cardiac_marker, int(x.positive_cardiac_marker)),
    ]
    return Computation(value=sum(p for *_, p in items), steps=points_steps(items))


CALCULATOR = Calculator(
    id="timi_ua_nstemi",
    name="TIMI Risk Score for UA/NSTEMI",
    synonyms=("TIMI", "TIMI score", "TIMI NSTEMI", "TIMI unstable angina"),
    Inputs=Inputs,
    compute=compute,
    output_unit="points",
    kind="score",
    category="cardiology",
    purpose="Estimates 14-day death, MI or urgent revascularisation in UA/NSTEMI.",
    population="Adults with unstable angina or non-ST-elevation myocardial infarction.",
    bands=(
        Band(label="0-1", low=0, high=1, interpretation="14-day event rate 4.7%."),
        Band(label="2", low=2, high=2, interpretation="8.3%."),
        Band(label="3", low=3, high=3, interpretation="13.2%."),
        Band(label="4", low=4, high=4, interpretation="19.9%."),
        Band(label="5", low=5, high=5, interpretation="26.2%."),
        Band(label="6-7", low=6, high=7, interpretation="40.9%."),
    ),
    triggers=("nstemi", "unstable angina", "acs", "chest pain", "troponin"),
    reference=Reference(
        citation="Antman EM, Cohen M, Bernink PJ, et al. The TIMI risk score for unstable angina/non-ST "
                 "elevation MI: a method for prognostication and therapeutic decision making. "
                 "JAMA 2000;284:835-842.",
        pmid="10938172",
        doi="10.1001/jama.284.7.835",
    ),
)
