"""Modified Centor (McIsaac) score: likelihood of streptococcal pharyngitis."""

from __future__ import annotations

from typing import Annotated

from dxkit.calculators.base import Band, CalcInputs, Calculator, Computation, Measure, Reference, points_steps
from dxkit.calculators.fields import flag


class Inputs(CalcInputs):
    age_years: Annotated[float, Measure("year", ge=0, le=125, concept="age", probes=(10, 30, 50))]
    temperature_c: Annotated[float, Measure("degC", ge=20, le=46, concept="temperature", probes=(38, 38.1),
                                            normal=37)]
    tonsillar_exudate_or_swelling: Annotated[bool, flag("tonsillar_exudate")]
    tender_anterior_cervical_nodes: Annotated[bool, flag("tender_anterior_cervical_nodes")]
    cough_absent: Annotated[bool, flag("cough_absent")]


def _age_points(age: float) -> int:
    return 1 if 3 <= age < 15 else -1 if age >= 45 else 0


def compute(x: Inputs) -> Computation:
    items = [
        ("Age (3-14: +1, 15-44: 0, >= 45: -1)", f"{x.age_years:g} y", _age_points(x.age_years)),
        ("Temperature > 38 degC", f"{x.temperature_c:.1f} degC", int(x.temperature_c > 38)),
        ("Tonsillar swelling or exudate", x.tonsillar_exudate_or_swelling, int(x.tonsillar_exudate_or_swelling)),
        ("Tender/swollen anterior cervical nodes", x.tender_anterior_cervical_nodes,
         int(x.tender_anterior_cervical_nodes)),
        ("Cough absent", x.cough_absent, int(x.cough_absent)),
    ]
    warnings = ["McIsaac's score was derived in patients aged 3 years and over."] if x.age_years < 3 else []
    return Computation(value=sum(p for *_, p in items), steps=points_steps(items), warnings=warnings)


CALCULATOR = Calculator(
    id="centor_mcisaac",
    name="Centor Score (Modified/McIsaac) for Strep Pharyngitis",
    medcalc_id=20,
    synonyms=("Centor", "McIsaac", "modified Centor", "strep score"),
    Inputs=Inputs,
    compute=compute,
    output_unit="points",
    kind="score",
    category="infection",
    purpose="Estimates the likelihood of group A streptococcal pharyngitis to guide testing.",
    population="Patients aged 3 years and over with sore throat.",
    bands=(
        Band(label="very low", low=-1, high=0, interpretation="Strep 1-2.5%; no test or antibiotic."),
        Band(label="low", low=1, high=1, interpretation="Strep 5-10%; no test or antibiotic."),
        Band(label="intermediate", low=2, high=3, interpretation="Strep 11-35%; rapid antigen test or culture."),
        Band(label="high", low=4, high=5, interpretation="Strep 51-53%; test, or treat empirically."),
    ),
    triggers=("sore throat", "pharyngitis", "tonsillitis", "strep"),
    reference=Reference(
        citation="McIsaac WJ, White D, Tannenbaum D, Low DE. A clinical score to reduce unnecessary "
                 "antibiotic use in patients with sore throat. CMAJ 1998;158:75-83.",
        pmid="9475915",
    ),
)
