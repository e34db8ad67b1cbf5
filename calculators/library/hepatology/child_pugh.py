"""Child-Turcotte-Pugh score: severity of cirrhosis."""

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

Ascites = Literal["absent", "slight", "moderate"]
Encephalopathy = Literal["none", "grade 1-2", "grade 3-4"]


class Inputs(CalcInputs):
    bilirubin_mg_dl: Annotated[float, Measure("mg/dL", ge=0.05, le=80, analyte="bilirubin", concept="bilirubin",
                                              probes=(1.9, 2.5, 3.1), normal=0.8)]
    albumin_g_dl: Annotated[float, Measure("g/dL", ge=0.5, le=7, analyte="albumin", concept="albumin",
                                           probes=(2.7, 3.0, 3.6), normal=4.0)]
    inr: Annotated[float, Measure("dimensionless", ge=0.5, le=20, concept="inr", probes=(1.6, 2.0, 2.4),
                                  normal=1.0)]
    ascites: Annotated[Ascites, Choice(concept="ascites", normal="absent")]
    encephalopathy: Annotated[Encephalopathy, Choice(concept="hepatic_encephalopathy", normal="none")]


def _bilirubin_points(mg_dl: float) -> int:
    return 1 if mg_dl < 2 else 2 if mg_dl <= 3 else 3


def _albumin_points(g_dl: float) -> int:
    return 1 if g_dl > 3.5 else 2 if g_dl >= 2.8 else 3


def _inr_points(inr: float) -> int:
    return 1 if inr < 1.7 else 2 if inr <= 2.3 else 3


_GRADED = {"absent": 1, "none": 1, "slight": 2, "grade 1-2": 2, "moderate": 3, "grade 3-4": 3}


def compute(x: Inputs) -> Computation:
    items = [
        ("Bilirubin (< 2: 1, 2-3: 2, > 3 mg/dL: 3)", f"{x.bilirubin_mg_dl:g} mg/dL", _bilirubin_points(x.bilirubin_mg_dl)),
        ("Albumin (> 3.5: 1, 2.8-3.5: 2, < 2.8 g/dL: 3)", f"{x.albumin_g_dl:g} g/dL", _albumin_points(x.albumin_g_dl)),
        ("INR (< 1.7: 1, 1.7-2.3: 2, > 2.3: 3)", f"{x.inr:g}", _inr_points(x.inr)),
        ("Ascites", x.ascites, _GRADED[x.ascites]),
        ("Encephalopathy", x.encephalopathy, _GRADED[x.encephalopathy]),
    ]
    total = sum(p for *_, p in items)
    label = "Child-Pugh A" if total <= 6 else "Child-Pugh B" if total <= 9 else "Child-Pugh C"
    return Computation(value=total, steps=points_steps(items) + [f"Class: {label}"])


CALCULATOR = Calculator(
    id="child_pugh",
    name="Child-Pugh Score for Cirrhosis Mortality",
    medcalc_id=15,
    synonyms=("Child-Turcotte-Pugh", "CTP score", "Child Pugh", "Child-Pugh class"),
    Inputs=Inputs,
    compute=compute,
    output_unit="points",
    kind="score",
    category="hepatology",
    purpose="Grades the severity of chronic liver disease (class A/B/C) and prognosis.",
    population="Adults with cirrhosis.",
    bands=(
        Band(label="Child-Pugh A", low=5, high=6, interpretation="Well-compensated disease."),
        Band(label="Child-Pugh B", low=7, high=9, interpretation="Significant functional compromise."),
        Band(label="Child-Pugh C", low=10, high=15, interpretation="Decompensated disease."),
    ),
    triggers=("cirrhosis", "ascites", "hepatic encephalopathy", "varices", "liver disease"),
    reference=Reference(
        citation="Pugh RN, Murray-Lyon IM, Dawson JL, Pietroni MC, Williams R. Transection of the "
                 "oesophagus for bleeding oesophageal varices. Br J Surg 1973;60:646-649.",
        pmid="4541913",
        doi="10.1002/bjs.1800600817",
    ),
)
