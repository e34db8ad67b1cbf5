"""Framingham 10-year risk of hard coronary heart disease (ATP III form).

Hard CHD = myocardial infarction or coronary death. The continuous Cox form below (baseline
survival 0.9402 men / 0.98767 women, cholesterol in mg/dL) is the equation behind the NCEP
ATP III risk assessment tool; the ATP III report publishes the same model as point tables.
"""

from __future__ import annotations

import math
from typing import Annotated

from dxkit.calculators.base import Band, CalcInputs, Calculator, Computation, Measure, Reference
from dxkit.calculators.fields import Sex, flag

# sex -> (coefficients, baseline 10-year survival, age cap for the age x smoking term)
_MALE = {"ln_age": 52.00961, "ln_tc": 20.014077, "ln_hdl": -0.905964, "ln_sbp": 1.305784, "bp_treated": 0.241549,
         "smoker": 12.096316, "ln_age_ln_tc": -4.605038, "ln_age_smoker": -2.84367, "ln_age_sq": -2.93323,
         "constant": -172.300168}
_FEMALE = {"ln_age": 31.764001, "ln_tc": 22.465206, "ln_hdl": -1.187731, "ln_sbp": 2.552905, "bp_treated": 0.420251,
           "smoker": 13.07543, "ln_age_ln_tc": -5.060998, "ln_age_smoker": -2.996945, "ln_age_sq": 0.0,
           "constant": -146.5933061}
_MODEL = {"male": (_MALE, 0.9402, 70.0), "female": (_FEMALE, 0.98767, 78.0)}


class Inputs(CalcInputs):
    age_years: Annotated[float, Measure("year", ge=20, le=79, concept="age")]
    sex: Sex
    smoker: Annotated[bool, flag("smoking")]
    total_cholesterol_mg_dl: Annotated[float, Measure("mg/dL", ge=40, le=1500, analyte="cholesterol",
                                                      concept="total_cholesterol")]
    hdl_cholesterol_mg_dl: Annotated[float, Measure("mg/dL", ge=5, le=250, analyte="cholesterol",
                                                    concept="hdl_cholesterol")]
    systolic_bp_mm_hg: Annotated[float, Measure("mmHg", ge=50, le=350, concept="systolic_bp")]
    bp_treated: Annotated[bool, flag("antihypertensive_treatment")]


def compute(x: Inputs) -> Computation:
    coef, baseline, age_cap = _MODEL[x.sex]
    ln_age = math.log(x.age_years)
    ln_tc = math.log(x.total_cholesterol_mg_dl)
    ln_age_smoke = math.log(min(x.age_years, age_cap))
    terms = {
        "ln_age": coef["ln_age"] * ln_age,
        "ln_tc": coef["ln_tc"] * ln_tc,
        "ln_hdl": coef["ln_hdl"] * math.log(x.hdl_cholesterol_mg_dl),
        "ln_sbp": coef["ln_sbp"] * math.log(x.systolic_bp_mm_hg),
        "bp_treated": coef["bp_treated"] * x.bp_treated,
        "smoker": coef["smoker"] * x.smoker,
        "ln_age_ln_tc": coef["ln_age_ln_tc"] * ln_age * ln_tc,
        "ln_age_smoker": coef["ln_age_smoker"] * ln_age_smoke * x.smoker,
        "ln_age_sq": coef["ln_age_sq"] * ln_age * ln_age,
        "constant": coef["constant"],
    }
    linear = sum(terms.values())
    risk_pct = (1 - baseline ** math.exp(linear)) * 100
    steps = [
        f"Sex {x.sex}: baseline survival {baseline}, age in the smoking term capped at {age_cap:g}",
        f"Inputs: age {x.age_years:g} y, TC {x.total_cholesterol_mg_dl:g} mg/dL, HDL {x.hdl_cholesterol_mg_dl:g} mg/dL, SBP {x.systolic_bp_mm_hg:g} mmHg, treated {x.bp_treated}, smoker {x.smoker}",
        "Linear predictor = " + " + ".join(f"{name} {val:.4f}" for name, val in terms.items()) + f" = {linear:.4f}",
        f"10-year risk = 1 - {baseline}^exp({linear:.4f}) = {risk_pct:.2f}%",
    ]
    return Computation(value=round(risk_pct, 2), steps=steps)


CALCULATOR = Calculator(
    id="framingham_hard_chd",
    name="Framingham Risk Score for Hard Coronary Heart Disease",
    medcalc_id=46,
    synonyms=("Framingham risk score", "ATP III risk", "Framingham hard CHD", "10-year CHD risk"),
    Inputs=Inputs,
    compute=compute,
    output_unit="%",
    kind="formula",
    category="cardiology",
    purpose="Estimates the 10-year risk of myocardial infarction or coronary death (ATP III).",
    population="Adults 20-79 years without known coronary heart disease or diabetes.",
    bands=(
        Band(label="low risk", high=9.9999, interpretation="< 10% in 10 years."),
        Band(label="intermediate risk", low=10, high=20, interpretation="10-20% in 10 years."),
        Band(label="high risk", low=20.0001, interpretation="> 20% in 10 years (CHD risk equivalent)."),
    ),
    triggers=("cholesterol", "lipids", "statin", "coronary risk", "cardiovascular risk"),
    reference=Reference(
        citation="National Cholesterol Education Program (NCEP) Expert Panel. Third Report of the NCEP "
                 "Expert Panel on Detection, Evaluation, and Treatment of High Blood Cholesterol in "
                 "Adults (Adult Treatment Panel III) final report. Circulation 2002;106:3143-3421.",
        pmid="12485966",
        doi="10.1161/circ.106.25.3143",
    ),
    extra_references=(Reference(
        citation="Expert Panel. Executive Summary of the Third Report of the NCEP ATP III. "
                 "JAMA 2001;285:2486-2497.", pmid="11368702", doi="10.1001/jama.285.19.2486"),),
)
