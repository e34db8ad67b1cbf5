"""PERC rule: rules out pulmonary embolism when no criterion is present in low-risk patients."""

from __future__ import annotations

from typing import Annotated

from dxkit.calculators.base import Band, CalcInputs, Calculator, Computation, Measure, Reference, points_steps
from dxkit.calculators.fields import flag


class Inputs(CalcInputs):
    age_years: Annotated[float, Measure("year", ge=0, le=125, concept="age", probes=(49, 50))]
    heart_rate_per_min: Annotated[float, Measure("1/min", ge=0, le=350, concept="heart_rate",
                                                 probes=(99, 100), normal=80)]
    oxygen_saturation_pct: Annotated[float, Measure("percent", ge=0, le=100, concept="oxygen_saturation",
                                                    probes=(94, 95), normal=98)]
    unilateral_leg_swelling: Annotated[bool, flag("unilateral_leg_swelling")]
    hemoptysis: Annotated[bool, flag("hemoptysis")]
    recent_surgery_or_trauma: Annotated[bool, flag("recent_surgery_or_trauma")]
    previous_pe: Annotated[bool, flag("previous_pe")]
    previous_dvt: Annotated[bool, flag("previous_dvt")]
    hormone_use: Annotated[bool, flag("hormone_use")]


def compute(x: Inputs) -> Computation:
    prior_vte = x.previous_pe or x.previous_dvt
    items = [
        ("Age >= 50", f"{x.age_years:g} y", int(x.age_years >= 50)),
        ("Heart rate >= 100/min", f"{x.heart_rate_per_min:g}/min", int(x.heart_rate_per_min >= 100)),
        ("SaO2 < 95%", f"{x.oxygen_saturation_pct:g}%", int(x.oxygen_saturation_pct < 95)),
        ("Unilateral leg swelling", x.unilateral_leg_swelling, int(x.unilateral_leg_swelling)),
        ("Haemoptysis", x.hemoptysis, int(x.hemoptysis)),
        ("Surgery or trauma within 4 weeks", x.recent_surgery_or_trauma, int(x.recent_surgery_or_trauma)),
        ("Prior PE or DVT", prior_vte, int(prior_vte)),
        ("Hormone use (oral contraceptives, HRT, oestrogen)", x.hormone_use, int(x.hormone_use)),
    ]
    total = sum(p for *_, p in items)
    verdict = "PERC negative" if total == 0 else "PERC positive"
    return Computation(value=total, steps=points_steps(items) + [f"{verdict} ({total} criteria met)"])


CALCULATOR = Calculator(
    id="perc",
    name="PERC Rule for Pulmonary Embolism",
    medcalc_id=48,
    synonyms=("PERC", "pulmonary embolism rule-out criteria"),
    Inputs=Inputs,
    compute=compute,
    output_unit="criteria",
    kind="rule",
    category="vte",
    purpose="Counts PE rule-out criteria; with none met and low gestalt probability, no D-dimer is needed.",
    population="Emergency patients with a low clinical (gestalt) probability of PE (< 15%).",
    bands=(
        Band(label="PERC negative", low=0, high=0, interpretation="PE ruled out if pre-test probability < 15%."),
        Band(label="PERC positive", low=1, high=8, interpretation="Cannot rule out PE by PERC; consider D-dimer."),
    ),
    triggers=("pulmonary embolism", "pe ", "pleuritic chest pain", "dyspnea"),
    reference=Reference(
        citation="Kline JA, Mitchell AM, Kabrhel C, Richman PB, Courtney DM. Clinical criteria to prevent "
                 "unnecessary diagnostic testing in emergency department patients with suspected "
                 "pulmonary embolism. J Thromb Haemost 2004;2:1247-1255.",
        pmid="15304025",
        doi="10.1111/j.1538-7836.2004.00790.x",
    ),
)
