"""Corticosteroid dose conversion by glucocorticoid-equivalent doses.

Equivalent doses (mg with the same glucocorticoid effect as 20 mg hydrocortisone), from
Liu et al. 2013, Table 1; oral and intravenous doses are treated as equivalent.
"""

from __future__ import annotations

from typing import Annotated, Literal

from dxkit.calculators.base import CalcInputs, Calculator, Choice, Computation, Measure, Reference

Steroid = Literal["betamethasone", "cortisone", "dexamethasone", "hydrocortisone", "methylprednisolone",
                  "prednisolone", "prednisone", "triamcinolone"]

EQUIVALENT_DOSE_MG: dict[str, float] = {
    "betamethasone": 0.75, "cortisone": 25.0, "dexamethasone": 0.75, "hydrocortisone": 20.0,
    "methylprednisolone": 4.0, "prednisolone": 5.0, "prednisone": 5.0, "triamcinolone": 4.0,
}


class Inputs(CalcInputs):
    from_steroid: Annotated[Steroid, Choice(concept="steroid_name")]
    dose_mg: Annotated[float, Measure("mg", ge=0, le=10000, concept="steroid_dose")]
    to_steroid: Annotated[Steroid, Choice(concept="target_steroid")]


def compute(x: Inputs) -> Computation:
    source, target = EQUIVALENT_DOSE_MG[x.from_steroid], EQUIVALENT_DOSE_MG[x.to_steroid]
    dose = x.dose_mg / source * target
    return Computation(value=round(dose, 4), steps=[
        f"Equivalent doses: {x.from_steroid} {source:g} mg = {x.to_steroid} {target:g} mg",
        f"Dose = {x.dose_mg:g} mg / {source:g} × {target:g} = {dose:.3f} mg {x.to_steroid}"],
        warnings=["Equivalence is for glucocorticoid effect only; mineralocorticoid effect and duration differ."])


CALCULATOR = Calculator(
    id="steroid_conversion",
    name="Steroid Conversion Calculator",
    medcalc_id=24,
    synonyms=("corticosteroid conversion", "glucocorticoid equivalents", "prednisone equivalent"),
    Inputs=Inputs,
    compute=compute,
    output_unit="mg",
    kind="formula",
    category="drugs",
    purpose="Converts a dose of one systemic corticosteroid to the equivalent dose of another.",
    population="Patients switching between systemic corticosteroids.",
    triggers=("prednisone", "dexamethasone", "hydrocortisone", "methylprednisolone", "steroid"),
    reference=Reference(
        citation="Liu D, Ahmet A, Ward L, et al. A practical guide to the monitoring and management of the "
                 "complications of systemic corticosteroid therapy. Allergy Asthma Clin Immunol 2013;9:30.",
        pmid="23947590", doi="10.1186/1710-1492-9-30"),
)
