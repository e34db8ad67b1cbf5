"""10-year ASCVD risk: the 2013 ACC/AHA pooled cohort equations (Goff et al. 2013)."""

from __future__ import annotations

import math
from typing import Annotated, Literal

from dxkit.calculators.base import Band, CalcInputs, Calculator, Choice, Computation, Measure, Reference
from dxkit.calculators.fields import HdlMgDl, Sex, SystolicBp, TotalCholesterolMgDl, flag

# Goff 2013, Table A: coefficients per (race, sex); "ln_age_x_..." are interaction terms.
# Keys: ln_age, ln_age_sq, ln_tc, ln_age_ln_tc, ln_hdl, ln_age_ln_hdl, ln_treated_sbp, ln_age_ln_treated_sbp,
# ln_untreated_sbp, ln_age_ln_untreated_sbp, smoker, ln_age_smoker, diabetes; then baseline survival, mean.
_MODELS: dict[tuple[str, str], tuple[dict[str, float], float, float]] = {
    ("white", "female"): ({"ln_age": -29.799, "ln_age_sq": 4.884, "ln_tc": 13.540, "ln_age_ln_tc": -3.114,
                           "ln_hdl": -13.578, "ln_age_ln_hdl": 3.149, "ln_treated_sbp": 2.019,
                           "ln_untreated_sbp": 1.957, "smoker": 7.574, "ln_age_smoker": -1.665,
                           "diabetes": 0.661}, 0.9665, -29.18),
    ("african_american", "female"): ({"ln_age": 17.114, "ln_tc": 0.940, "ln_hdl": -18.920, "ln_age_ln_hdl": 4.475,
                                      "ln_treated_sbp": 29.291, "ln_age_ln_treated_sbp": -6.432,
                                      "ln_untreated_sbp": 27.820, "ln_age_ln_untreated_sbp": -6.087,
                                      "smoker": 0.691, "diabetes": 0.874}, 0.9533, 86.61),
    ("white", "male"): ({"ln_age": 12.344, "ln_tc": 11.853, "ln_age_ln_tc": -2.664, "ln_hdl": -7.990,
                         "ln_age_ln_hdl": 1.769, "ln_treated_sbp": 1.797, "ln_untreated_sbp": 1.764,
                         "smoker": 7.837, "ln_age_smoker": -1.795, "diabetes": 0.658}, 0.9144, 61.18),
    ("african_american", "male"): ({"ln_age": 2.469, "ln_tc": 0.302, "ln_hdl": -0.307, "ln_treated_sbp": 1.916,
                                    "ln_untreated_sbp": 1.809, "smoker": 0.549, "diabetes": 0.645}, 0.8954, 19.54),
}


class Inputs(CalcInputs):
    sex: Sex
    race: Annotated[Literal["white", "african_american", "other"], Choice(concept="race", normal="other")]
    age_years: Annotated[float, Measure("year", ge=40, le=79, concept="age")]
    total_cholesterol_mg_dl: TotalCholesterolMgDl
    hdl_cholesterol_mg_dl: HdlMgDl
    systolic_bp_mm_hg: SystolicBp
    bp_treated: Annotated[bool, flag("antihypertensive_treatment")]
    diabetes: Annotated[bool, flag("diabetes")]
    smoker: Annotated[bool, flag("current_smoker")]


def compute(x: Inputs) -> Computation:
    # "other" races use the white equations, as the guideline recommends
    race = "african_american" if x.race == "african_american" else "white"
    coefficients, baseline, mean = _MODELS[(race, x.sex)]
    ln_age, ln_tc, ln_hdl, ln_sbp = (math.log(v) for v in (x.age_years, x.total_cholesterol_mg_dl,
                                                            x.hdl_cholesterol_mg_dl, x.systolic_bp_mm_hg))
    values = {
        "ln_age": ln_age, "ln_age_sq": ln_age**2, "ln_tc": ln_tc, "ln_age_ln_tc": ln_age * ln_tc,
        "ln_hdl": ln_hdl, "ln_age_ln_hdl": ln_age * ln_hdl,
        "ln_treated_sbp": ln_sbp if x.bp_treated else 0.0, "ln_age_ln_treated_sbp": ln_age * ln_sbp if x.bp_treated else 0.0,
        "ln_untreated_sbp": 0.0 if x.bp_treated else ln_sbp,
        "ln_age_ln_untreated_sbp": 0.0 if x.bp_treated else ln_age * ln_sbp,
        "smoker": float(x.smoker), "ln_age_smoker": ln_age * x.smoker, "diabetes": float(x.diabetes),
    }
    total = sum(coef * values[name] for name, coef in coefficients.items())
    risk = 100 * (1 - baseline ** math.exp(total - mean))
    return Computation(value=round(risk, 2), steps=[
        f"Equation: {race.replace('_', ' ')} {x.sex} (baseline survival {baseline}, mean {mean})",
        "Σ coefficient × value = " + " + ".join(f"{coef:g}×{values[name]:.3f}" for name, coef in coefficients.items())
        + f" = {total:.3f}",
        f"Risk = 1 - {baseline}^exp({total:.3f} - {mean}) = {risk:.1f}%",
    ], warnings=[] if x.race != "other" else ["Race 'other': the white equations are used (may misestimate)."])


CALCULATOR = Calculator(
    id="ascvd_pooled_cohort",
    name="ASCVD 10-year Risk (Pooled Cohort Equations, 2013)",
    synonyms=("ASCVD risk", "pooled cohort equations", "PCE", "ACC/AHA risk calculator"),
    Inputs=Inputs,
    compute=compute,
    output_unit="%",
    kind="score",
    category="cardiology",
    purpose="10-year risk of a first atherosclerotic cardiovascular event, to guide statin therapy.",
    population="Adults 40-79 without known ASCVD and LDL < 190 mg/dL.",
    bands=(
        Band(label="low", high=4.999, interpretation="< 5%"),
        Band(label="borderline", low=5, high=7.499, interpretation="5-7.4%"),
        Band(label="intermediate", low=7.5, high=19.999, interpretation="7.5-19.9%"),
        Band(label="high", low=20, interpretation=">= 20%"),
    ),
    triggers=("statin", "cholesterol", "cardiovascular risk", "primary prevention"),
    reference=Reference(
        citation="Goff DC Jr, Lloyd-Jones DM, Bennett G, et al. 2013 ACC/AHA guideline on the assessment of "
                 "cardiovascular risk. Circulation 2014;129(25 Suppl 2):S49-S73.",
        pmid="24222018", doi="10.1161/01.cir.0000437741.48606.98"),
)
