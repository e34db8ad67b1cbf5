"""FeverPAIN: streptococcal pharyngitis score from primary care."""

from __future__ import annotations

from typing import Annotated

from dxkit.calculators.base import Band, CalcInputs, Calculator, Computation, Reference, points_steps
from dxkit.calculators.fields import flag


class Inputs(CalcInputs):
    fever_past_24h: Annotated[bool, flag("fever")]
    purulent_tonsils: Annotated[bool, flag("tonsillar_exudate")]
    attended_within_3_days: Annotated[bool, flag("symptom_onset_within_3_days")]
    severely_inflamed_tonsils: Annotated[bool, flag("severe_tonsil_inflammation")]
    no_cough_or_coryza: Annotated[bool, flag("cough_absent")]


def compute(x: Inputs) -> Computation:
    items = [
        ("Fever in past 24 hours", x.fever_past_24h, int(x.fever_past_24h)),
        ("Purulence", x.purulent_tonsils, int(x.purulent_tonsils)),
        ("Attend rapidly (<= 3 days)", x.attended_within_3_days, int(x.attended_within_3_days)),
        ("Inflamed tonsils (severe)", x.severely_inflamed_tonsils, int(x.severely_inflamed_tonsils)),
        ("No cough or coryza", x.no_cough_or_coryza, int(x.no_cough_or_coryza)),
    ]
    return Computation(value=sum(p for *_, p in items), steps=points_steps(items))


CALCULATOR = Calculator(
    id="feverpain",
    name="FeverPAIN Score for Strep Pharyngitis",
    medcalc_id=33,
    synonyms=("FeverPAIN", "fever PAIN"),
    Inputs=Inputs,
    compute=compute,
    output_unit="points",
    kind="score",
    category="infection",
    purpose="Estimates the likelihood of streptococcal pharyngitis to guide antibiotic prescribing.",
    population="Patients aged 3 years and over with acute sore throat in primary care.",
    bands=(
        Band(label="low", low=0, high=1, interpretation="Strep isolated in 13-18%; no antibiotic."),
        Band(label="intermediate", low=2, high=3, interpretation="34-40%; consider a delayed prescription."),
        Band(label="high", low=4, high=5, interpretation="62-65%; consider an immediate antibiotic."),
    ),
    triggers=("sore throat", "pharyngitis", "tonsillitis"),
    reference=Reference(
        citation="Little P, Hobbs FDR, Moore M, et al. Clinical score and rapid antigen detection test "
                 "to guide antibiotic use for sore throats: randomised controlled trial of PRISM "
                 "(primary care streptococcal management). BMJ 2013;347:f5806.",
        pmid="24114306",
        doi="10.1136/bmj.f5806",
    ),
)
