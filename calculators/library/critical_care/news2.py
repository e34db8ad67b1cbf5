"""NEWS2: National Early Warning Score 2 (Royal College of Physicians, 2017)."""

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
from dxkit.calculators.fields import flag
from dxkit.calculators.library._thresholds import BOTTOM, points_at_or_above

RESPIRATORY_RATE = ((25, 3), (21, 2), (12, 0), (9, 1), (BOTTOM, 3))
SPO2_SCALE_1 = ((96, 0), (94, 1), (92, 2), (BOTTOM, 3))
SPO2_SCALE_2_LOW = ((88, 0), (86, 1), (84, 2), (BOTTOM, 3))  # target 88-92% (hypercapnic failure)
SPO2_SCALE_2_ON_OXYGEN_HIGH = ((97, 3), (95, 2), (93, 1))
SYSTOLIC_BP = ((220, 3), (111, 0), (101, 1), (91, 2), (BOTTOM, 3))
PULSE = ((131, 3), (111, 2), (91, 1), (51, 0), (41, 1), (BOTTOM, 3))
TEMPERATURE_C = ((39.1, 2), (38.1, 1), (36.1, 0), (35.1, 1), (BOTTOM, 3))

Consciousness = Literal["alert", "new confusion", "voice", "pain", "unresponsive"]


class Inputs(CalcInputs):
    respiratory_rate_per_min: Annotated[float, Measure("1/min", ge=0, le=120, concept="respiratory_rate",
                                                       probes=(16, 30), normal=16)]
    oxygen_saturation_pct: Annotated[float, Measure("percent", ge=0, le=100, concept="oxygen_saturation",
                                                    probes=(98, 85), normal=98)]
    hypercapnic_target_scale_2: Annotated[bool, flag("hypercapnic_respiratory_failure")]
    on_supplemental_oxygen: Annotated[bool, flag("supplemental_oxygen")]
    systolic_bp_mm_hg: Annotated[float, Measure("mmHg", ge=0, le=350, concept="systolic_bp", probes=(120, 85),
                                                normal=120)]
    heart_rate_per_min: Annotated[float, Measure("1/min", ge=0, le=350, concept="heart_rate", probes=(70, 140),
                                                 normal=70)]
    consciousness: Annotated[Consciousness, Choice(concept="avpu", normal="alert")]
    temperature_c: Annotated[float, Measure("degC", ge=20, le=46, concept="temperature", probes=(37, 34),
                                            normal=37)]


def _spo2_points(x: Inputs) -> int:
    if not x.hypercapnic_target_scale_2:
        return points_at_or_above(x.oxygen_saturation_pct, SPO2_SCALE_1)
    if x.on_supplemental_oxygen and x.oxygen_saturation_pct >= 93:  # above target on oxygen scores again
        return points_at_or_above(x.oxygen_saturation_pct, SPO2_SCALE_2_ON_OXYGEN_HIGH)
    return points_at_or_above(x.oxygen_saturation_pct, SPO2_SCALE_2_LOW)


def compute(x: Inputs) -> Computation:
    scale = "scale 2" if x.hypercapnic_target_scale_2 else "scale 1"
    items = [
        ("Respiration rate", f"{x.respiratory_rate_per_min:g}/min",
         points_at_or_above(x.respiratory_rate_per_min, RESPIRATORY_RATE)),
        (f"SpO2 ({scale})", f"{x.oxygen_saturation_pct:g}%", _spo2_points(x)),
        ("Supplemental oxygen", x.on_supplemental_oxygen, 2 * x.on_supplemental_oxygen),
        ("Systolic BP", f"{x.systolic_bp_mm_hg:g} mmHg", points_at_or_above(x.systolic_bp_mm_hg, SYSTOLIC_BP)),
        ("Pulse", f"{x.heart_rate_per_min:g}/min", points_at_or_above(x.heart_rate_per_min, PULSE)),
        ("Consciousness (new confusion, V, P or U: 3)", x.consciousness, 0 if x.consciousness == "alert" else 3),
        ("Temperature", f"{x.temperature_c:.1f} degC", points_at_or_above(x.temperature_c, TEMPERATURE_C)),
    ]
    total = sum(p for *_, p in items)
    red = any(p == 3 for *_, p in items)
    band = "high" if total >= 7 else "medium" if total >= 5 else "low-medium" if red else "low"
    steps = points_steps(items) + (["A single parameter scores 3: urgent ward-based response"] if red else [])
    return Computation(value=total, steps=steps, band=band)


CALCULATOR = Calculator(
    id="news2",
    name="National Early Warning Score 2 (NEWS2)",
    synonyms=("NEWS2", "NEWS", "early warning score"),
    Inputs=Inputs,
    compute=compute,
    output_unit="points",
    kind="score",
    category="critical care",
    purpose="Detects clinical deterioration in adults from routine physiological observations.",
    population="Adults in hospital or pre-hospital care (not pregnant, not under 16).",
    bands=(
        Band(label="low", low=0, high=4, interpretation="Ward-based response."),
        Band(label="low-medium", low=1, high=4, interpretation="A single red score (3): urgent ward-based response."),
        Band(label="medium", low=5, high=6, interpretation="Key threshold for urgent response."),
        Band(label="high", low=7, interpretation="Urgent or emergency response; consider critical care."),
    ),
    triggers=("deteriorating", "vital signs", "early warning", "sepsis", "tachypnea"),
    reference=Reference(
        citation="Royal College of Physicians. National Early Warning Score (NEWS) 2: standardising the "
                 "assessment of acute-illness severity in the NHS. Updated report of a working party. "
                 "London: RCP, 2017.",
        url="https://www.rcp.ac.uk/improving-care/resources/national-early-warning-score-news-2/",
    ),
    # the report has no PMID/DOI; the peer-reviewed validation of the NEWS scale NEWS2 builds on:
    extra_references=(Reference(
        citation="Smith GB, Prytherch DR, Meredith P, Schmidt PE, Featherstone PI. The ability of the National "
                 "Early Warning Score (NEWS) to discriminate patients at risk of early cardiac arrest, "
                 "unanticipated intensive care unit admission, and death. Resuscitation 2013;84:465-470.",
        doi="10.1016/j.resuscitation.2012.12.016",
    ),),
)
