"""PECARN pediatric head injury rules (< 2 years and >= 2 years)."""

from __future__ import annotations

from typing import Annotated

from dxkit.calculators.base import CalcInputs, Calculator, Computation, Measure, Reference
from dxkit.calculators.fields import flag


class Inputs(CalcInputs):
    age_years: Annotated[float, Measure("year", ge=0, le=18, concept="age", probes=(1, 5))]
    gcs_below_15: Annotated[bool, flag("gcs_below_15")]
    altered_mental_status: Annotated[bool, flag("confusion")]
    palpable_skull_fracture: Annotated[bool, flag("palpable_skull_fracture")]  # used under 2 years
    basal_skull_fracture_signs: Annotated[bool, flag("basal_skull_fracture_signs")]  # used from 2 years
    scalp_hematoma_non_frontal: Annotated[bool, flag("scalp_hematoma")]  # occipital, parietal or temporal (< 2 y)
    loss_of_consciousness: Annotated[bool, flag("loss_of_consciousness")]  # >= 5 s under 2 years; any from 2
    severe_mechanism: Annotated[bool, flag("severe_mechanism")]
    not_acting_normally: Annotated[bool, flag("not_acting_normally")]  # per parent (< 2 y)
    vomiting: Annotated[bool, flag("vomiting")]  # used from 2 years
    severe_headache: Annotated[bool, flag("severe_headache")]  # used from 2 years


def compute(x: Inputs) -> Computation:
    if x.age_years < 2:
        group = "< 2 years"
        high = {"GCS < 15": x.gcs_below_15, "altered mental status": x.altered_mental_status,
                "palpable skull fracture": x.palpable_skull_fracture}
        intermediate = {"non-frontal scalp haematoma": x.scalp_hematoma_non_frontal,
                        "loss of consciousness >= 5 s": x.loss_of_consciousness,
                        "severe mechanism": x.severe_mechanism, "not acting normally per parent": x.not_acting_normally}
        risks = ("4.4%", "0.9%", "< 0.02%")
    else:
        group = ">= 2 years"
        high = {"GCS < 15": x.gcs_below_15, "altered mental status": x.altered_mental_status,
                "signs of basilar skull fracture": x.basal_skull_fracture_signs}
        intermediate = {"loss of consciousness": x.loss_of_consciousness, "vomiting": x.vomiting,
                        "severe mechanism": x.severe_mechanism, "severe headache": x.severe_headache}
        risks = ("4.3%", "0.9%", "< 0.05%")
    high_hits = [k for k, v in high.items() if v]
    mid_hits = [k for k, v in intermediate.items() if v]
    if high_hits:
        verdict = f"CT recommended (ciTBI risk {risks[0]})"
    elif mid_hits:
        verdict = f"observation versus CT (ciTBI risk {risks[1]})"
    else:
        verdict = f"CT not recommended (ciTBI risk {risks[2]})"
    steps = [f"Age group {group}", f"High-risk findings: {', '.join(high_hits) or 'none'}",
             f"Intermediate findings: {', '.join(mid_hits) or 'none'}", f"Result: {verdict}"]
    return Computation(value=verdict, steps=steps, band=verdict)


CALCULATOR = Calculator(
    id="pecarn_head",
    name="PECARN Pediatric Head Injury/Trauma Algorithm",
    synonyms=("PECARN", "PECARN head", "pediatric head CT rule"),
    Inputs=Inputs,
    compute=compute,
    output_unit="recommendation",
    kind="rule",
    category="trauma",
    purpose="Identifies children at very low risk of clinically important brain injury who can avoid CT.",
    population="Children < 18 years within 24 hours of head trauma with GCS 14-15.",
    triggers=("head injury", "head trauma", "fall", "child", "infant", "toddler"),
    reference=Reference(
        citation="Kuppermann N, Holmes JF, Dayan PS, et al. Identification of children at very low risk of "
                 "clinically-important brain injuries after head trauma: a prospective cohort study. "
                 "Lancet 2009;374:1160-1170.",
        pmid="19758692",
        doi="10.1016/S0140-6736(09)61558-0",
    ),
)
