"""BISAP: bedside index of severity in acute pancreatitis (in-hospital mortality)."""

from __future__ import annotations

from typing import Annotated

from dxkit.calculators.base import Band, CalcInputs, Calculator, Computation, Measure, Reference, points_steps
from dxkit.calculators.fields import flag


class Inputs(CalcInputs):
    bun_mg_dl: Annotated[float, Measure("mg/dL", ge=0.5, le=300, analyte="bun", concept="bun", probes=(25, 26),
                                        normal=12)]
    impaired_mental_status: Annotated[bool, flag("confusion")]
    sirs_present: Annotated[bool, flag("sirs")]  # >= 2 SIRS criteria
    age_years: Annotated[float, Measure("year", ge=0, le=125, concept="age", probes=(60, 61))]
    pleural_effusion: Annotated[bool, flag("pleural_effusion")]


def compute(x: Inputs) -> Computation:
    items = [
        ("BUN > 25 mg/dL", f"{x.bun_mg_dl:g} mg/dL", int(x.bun_mg_dl > 25)),
        ("Impaired mental status", x.impaired_mental_status, int(x.impaired_mental_status)),
        ("SIRS (>= 2 criteria)", x.sirs_present, int(x.sirs_present)),
        ("Age > 60", f"{x.age_years:g} y", int(x.age_years > 60)),
        ("Pleural effusion", x.pleural_effusion, int(x.pleural_effusion)),
    ]
    return Computation(value=sum(p for *_, p in items), steps=points_steps(items))


CALCULATOR = Calculator(
    id="bisap",
    name="BISAP Score for Pancreatitis Mortality",
    synonyms=("BISAP", "bedside index of severity in acute pancreatitis"),
    Inputs=Inputs,
    compute=compute,
    output_unit="points",
    kind="score",
    category="gastroenterology",
    purpose="Estimates in-hospital mortality in acute pancreatitis within 24 hours of admission.",
    population="Adults with acute pancreatitis.",
    bands=(
        Band(label="low risk", low=0, high=2, interpretation="Mortality < 2%."),
        Band(label="high risk", low=3, high=5, interpretation="Mortality > 15% at 3-5 points."),
    ),
    triggers=("pancreatitis", "lipase", "epigastric pain"),
    reference=Reference(
        citation="Wu BU, Johannes RS, Sun X, et al. The early prediction of mortality in acute "
                 "pancreatitis: a large population-based study. Gut 2008;57:1698-1703.",
        pmid="18519429",
        doi="10.1136/gut.2008.152702",
    ),
)
