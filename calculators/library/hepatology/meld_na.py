"""MELD-Na as used by UNOS/OPTN from January 2016 for liver allocation."""

from __future__ import annotations

import math
from typing import Annotated

from dxkit.calculators.base import Band, CalcInputs, Calculator, Computation, Measure, Reference
from dxkit.calculators.fields import flag

# OPTN policy 9.1: lab values below 1.0 are set to 1.0; creatinine is capped at 4.0 (and set to
# 4.0 with dialysis twice in the past week or 24 h of CVVHD); sodium is bounded to 125-137.
_FLOOR = 1.0
_CREATININE_CAP = 4.0
_SODIUM_LOW, _SODIUM_HIGH = 125.0, 137.0
_SCORE_CAP = 40


class Inputs(CalcInputs):
    creatinine_mg_dl: Annotated[float, Measure("mg/dL", ge=0.05, le=40, analyte="creatinine", concept="creatinine",
                                               normal=1.0)]
    bilirubin_mg_dl: Annotated[float, Measure("mg/dL", ge=0.05, le=80, analyte="bilirubin", concept="bilirubin",
                                              normal=1.0)]
    inr: Annotated[float, Measure("dimensionless", ge=0.5, le=20, concept="inr", normal=1.0)]
    sodium_mmol_l: Annotated[float, Measure("mmol/L", ge=80, le=220, analyte="sodium", concept="sodium",
                                            normal=137)]
    dialysis_twice_past_week: Annotated[bool, flag("dialysis")]
    cvvhd_24h_past_week: Annotated[bool, flag("cvvhd")]


def compute(x: Inputs) -> Computation:
    steps: list[str] = []
    on_dialysis = x.dialysis_twice_past_week or x.cvvhd_24h_past_week
    creatinine = _CREATININE_CAP if on_dialysis else min(max(x.creatinine_mg_dl, _FLOOR), _CREATININE_CAP)
    bilirubin = max(x.bilirubin_mg_dl, _FLOOR)
    inr = max(x.inr, _FLOOR)
    sodium = min(max(x.sodium_mmol_l, _SODIUM_LOW), _SODIUM_HIGH)
    steps.append(f"Bounded values: creatinine {creatinine:g} mg/dL"
                 + (" (dialysis/CVVHD -> 4.0)" if on_dialysis else "")
                 + f", bilirubin {bilirubin:g} mg/dL, INR {inr:g}, Na {sodium:g} mmol/L")
    raw = 0.957 * math.log(creatinine) + 0.378 * math.log(bilirubin) + 1.120 * math.log(inr) + 0.643
    meld_i = round(raw, 1) * 10  # policy: round to the tenth decimal place, then multiply by 10
    steps.append(f"MELD(i) = 0.957 ln({creatinine:g}) + 0.378 ln({bilirubin:g}) + 1.120 ln({inr:g}) + 0.643 "
                 f"= {raw:.4f} -> rounded to a tenth x 10 = {meld_i:.1f}")
    if meld_i > 11:
        score = meld_i + 1.32 * (137 - sodium) - 0.033 * meld_i * (137 - sodium)
        steps.append(f"MELD(i) > 11: MELD = {meld_i:.1f} + 1.32 x (137 - {sodium:g}) - 0.033 x {meld_i:.1f} "
                     f"x (137 - {sodium:g}) = {score:.2f}")
    else:
        score = meld_i
        steps.append("MELD(i) <= 11: no sodium term")
    if score > _SCORE_CAP:
        steps.append(f"Capped at {_SCORE_CAP}")
        score = _SCORE_CAP
    value = int(math.floor(score + 0.5))
    steps.append(f"MELD-Na = {value}")
    return Computation(value=value, steps=steps)


CALCULATOR = Calculator(
    id="meld_na",
    name="MELD Na (UNOS/OPTN)",
    medcalc_id=23,
    synonyms=("MELD-Na", "MELDNa", "MELD sodium", "Model for End-Stage Liver Disease sodium"),
    Inputs=Inputs,
    compute=compute,
    output_unit="points",
    kind="score",
    category="hepatology",
    purpose="Estimates 90-day mortality in end-stage liver disease; used for transplant allocation.",
    population="Adults (>= 12 years) with end-stage liver disease.",
    bands=(
        Band(label="<= 9", low=6, high=9, interpretation="90-day mortality about 1.9%."),
        Band(label="10-19", low=10, high=19, interpretation="90-day mortality about 6%."),
        Band(label="20-29", low=20, high=29, interpretation="90-day mortality about 19.6%."),
        Band(label="30-39", low=30, high=39, interpretation="90-day mortality about 52.6%."),
        Band(label=">= 40", low=40, high=40, interpretation="90-day mortality about 71.3%."),
    ),
    triggers=("cirrhosis", "liver transplant", "end-stage liver disease", "hepatorenal"),
    reference=Reference(
        citation="Kim WR, Biggins SW, Kremers WK, et al. Hyponatremia and mortality among patients "
                 "on the liver-transplant waiting list. N Engl J Med 2008;359:1018-1026.",
        pmid="18768945",
        doi="10.1056/NEJMoa0801209",
    ),
    extra_references=(Reference(
        citation="OPTN/UNOS. Policy 9: Allocation of Livers and Liver-Intestines, 9.1.D MELD score "
                 "(MELD-Na implementation, January 2016).",
        url="https://optn.transplant.hrsa.gov/policies-bylaws/policies/"),),
)
