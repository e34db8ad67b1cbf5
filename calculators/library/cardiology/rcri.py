"""Revised Cardiac Risk Index (Lee): major cardiac complications after non-cardiac surgery."""

from __future__ import annotations

from typing import Annotated

from dxkit.calculators.base import Band, CalcInputs, Calculator, Computation, Measure, Reference, points_steps
from dxkit.calculators.fields import flag


class Inputs(CalcInputs):
    high_risk_surgery: Annotated[bool, flag("high_risk_surgery")]
    ischemic_heart_disease: Annotated[bool, flag("ischemic_heart_disease")]
    chf_history: Annotated[bool, flag("chf_history")]
    cerebrovascular_disease: Annotated[bool, flag("cerebrovascular_disease")]
    insulin_treatment: Annotated[bool, flag("insulin_treatment")]
    creatinine_mg_dl: Annotated[float, Measure("mg/dL", ge=0.05, le=40, analyte="creatinine", concept="creatinine",
                                               probes=(2.0, 2.01), normal=1.0)]


def compute(x: Inputs) -> Computation:
    items = [
        ("High-risk surgery (intraperitoneal, intrathoracic, suprainguinal vascular)", x.high_risk_surgery,
         int(x.high_risk_surgery)),
        ("Ischaemic heart disease", x.ischemic_heart_disease, int(x.ischemic_heart_disease)),
        ("Congestive heart failure", x.chf_history, int(x.chf_history)),
        ("Cerebrovascular disease (stroke or TIA)", x.cerebrovascular_disease, int(x.cerebrovascular_disease)),
        ("Pre-operative insulin", x.insulin_treatment, int(x.insulin_treatment)),
        ("Creatinine > 2 mg/dL", f"{x.creatinine_mg_dl:g} mg/dL", int(x.creatinine_mg_dl > 2)),
    ]
    return Computation(value=sum(p for *_, p in items), steps=points_steps(items))


CALCULATOR = Calculator(
    id="rcri",
    name="Revised Cardiac Risk Index for Pre-Operative Risk",
    medcalc_id=17,
    synonyms=("RCRI", "Lee index", "Lee criteria", "revised Goldman"),
    Inputs=Inputs,
    compute=compute,
    output_unit="points",
    kind="score",
    category="cardiology",
    purpose="Estimates the risk of major cardiac complications after non-cardiac surgery.",
    population="Adults >= 50 years undergoing elective major non-cardiac surgery.",
    bands=(
        Band(label="class I", low=0, high=0, interpretation="Major cardiac complications 0.4% (derivation)."),
        Band(label="class II", low=1, high=1, interpretation="0.9%."),
        Band(label="class III", low=2, high=2, interpretation="6.6%."),
        Band(label="class IV", low=3, high=6, interpretation="11%."),
    ),
    triggers=("preoperative", "pre-operative", "surgery", "perioperative", "clearance"),
    reference=Reference(
        citation="Lee TH, Marcantonio ER, Mangione CM, et al. Derivation and prospective validation of a "
                 "simple index for prediction of cardiac risk of major noncardiac surgery. "
                 "Circulation 1999;100:1043-1049.",
        pmid="10477528",
        doi="10.1161/01.cir.100.10.1043",
    ),
)
