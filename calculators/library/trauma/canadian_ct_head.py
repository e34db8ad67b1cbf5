"""Canadian CT Head Rule: CT after minor head injury."""

from __future__ import annotations

from typing import Annotated

from dxkit.calculators.base import CalcInputs, Calculator, Computation, Measure, Reference
from dxkit.calculators.fields import flag


class Inputs(CalcInputs):
    gcs_below_15_at_2h: Annotated[bool, flag("gcs_below_15_at_2h")]
    suspected_open_or_depressed_fracture: Annotated[bool, flag("open_skull_fracture")]
    basal_skull_fracture_signs: Annotated[bool, flag("basal_skull_fracture_signs")]
    vomiting_2_or_more: Annotated[bool, flag("repeated_vomiting")]
    age_years: Annotated[float, Measure("year", ge=0, le=125, concept="age", probes=(64, 65))]
    amnesia_before_impact_30_min: Annotated[bool, flag("retrograde_amnesia_30_min")]
    dangerous_mechanism: Annotated[bool, flag("dangerous_mechanism")]


def compute(x: Inputs) -> Computation:
    high = {
        "GCS < 15 at 2 hours": x.gcs_below_15_at_2h,
        "suspected open or depressed skull fracture": x.suspected_open_or_depressed_fracture,
        "signs of basal skull fracture": x.basal_skull_fracture_signs,
        "vomiting >= 2 episodes": x.vomiting_2_or_more,
        "age >= 65": x.age_years >= 65,
    }
    medium = {
        "amnesia before impact >= 30 min": x.amnesia_before_impact_30_min,
        "dangerous mechanism": x.dangerous_mechanism,
    }
    high_hits = [k for k, v in high.items() if v]
    medium_hits = [k for k, v in medium.items() if v]
    if high_hits:
        verdict = "CT indicated (high risk for neurosurgical intervention)"
    elif medium_hits:
        verdict = "CT indicated (medium risk for brain injury on CT)"
    else:
        verdict = "CT not indicated"
    steps = [f"High-risk factors present: {', '.join(high_hits) or 'none'}",
             f"Medium-risk factors present: {', '.join(medium_hits) or 'none'}", f"Result: {verdict}"]
    return Computation(value=verdict, steps=steps, band=verdict)


CALCULATOR = Calculator(
    id="canadian_ct_head",
    name="Canadian CT Head Rule",
    synonyms=("CCHR", "Canadian head CT rule", "Canadian CT head injury rule"),
    Inputs=Inputs,
    compute=compute,
    output_unit="recommendation",
    kind="rule",
    category="trauma",
    purpose="Identifies adults with minor head injury who need a head CT.",
    population="Adults (>= 16) with minor head injury, GCS 13-15, and loss of consciousness, amnesia or "
               "disorientation; not for anticoagulated patients or seizures.",
    triggers=("head injury", "head trauma", "concussion", "fall", "loss of consciousness"),
    reference=Reference(
        citation="Stiell IG, Wells GA, Vandemheen K, et al. The Canadian CT Head Rule for patients with "
                 "minor head injury. Lancet 2001;357:1391-1396.",
        pmid="11356436",
        doi="10.1016/s0140-6736(00)04561-x",
    ),
)
