"""Alvarado score (MANTRELS): likelihood of acute appendicitis."""

from __future__ import annotations

from typing import Annotated

from dxkit.calculators.base import Band, CalcInputs, Calculator, Computation, Measure, Reference, points_steps
from dxkit.calculators.fields import flag


class Inputs(CalcInputs):
    migration_to_rlq: Annotated[bool, flag("pain_migration_rlq")]
    anorexia: Annotated[bool, flag("anorexia")]
    nausea_vomiting: Annotated[bool, flag("nausea_vomiting")]
    rlq_tenderness: Annotated[bool, flag("rlq_tenderness")]
    rebound_tenderness: Annotated[bool, flag("rebound_tenderness")]
    temperature_c: Annotated[float, Measure("degC", ge=20, le=46, concept="temperature", probes=(37.2, 37.3),
                                            normal=37)]
    wbc_k_per_ul: Annotated[float, Measure("1e3 count/uL", ge=0.05, le=500, concept="wbc", probes=(10, 10.1),
                                           normal=8)]
    neutrophils_pct: Annotated[float, Measure("percent", ge=0, le=100, concept="neutrophil_percent",
                                              probes=(75, 76), normal=60)]


def compute(x: Inputs) -> Computation:
    items = [
        ("Migration of pain to the right iliac fossa", x.migration_to_rlq, int(x.migration_to_rlq)),
        ("Anorexia", x.anorexia, int(x.anorexia)),
        ("Nausea or vomiting", x.nausea_vomiting, int(x.nausea_vomiting)),
        ("Tenderness in the right lower quadrant", x.rlq_tenderness, 2 * x.rlq_tenderness),
        ("Rebound tenderness", x.rebound_tenderness, int(x.rebound_tenderness)),
        ("Elevated temperature >= 37.3 degC", f"{x.temperature_c:.1f} degC", int(x.temperature_c >= 37.3)),
        ("Leukocytosis > 10 x10^3/uL", f"{x.wbc_k_per_ul:g} x10^3/uL", 2 * (x.wbc_k_per_ul > 10)),
        ("Shift to the left (neutrophils > 75%)", f"{x.neutrophils_pct:g}%", int(x.neutrophils_pct > 75)),
    ]
    return Computation(value=sum(p for *_, p in items), steps=points_steps(items))


CALCULATOR = Calculator(
    id="alvarado",
    name="Alvarado Score for Acute Appendicitis",
    synonyms=("Alvarado", "MANTRELS", "appendicitis score"),
    Inputs=Inputs,
    compute=compute,
    output_unit="points",
    kind="score",
    category="surgery",
    purpose="Estimates the likelihood of acute appendicitis in right lower quadrant pain.",
    population="Patients with abdominal pain suspicious for appendicitis.",
    bands=(
        Band(label="unlikely", low=0, high=4, interpretation="Appendicitis unlikely."),
        Band(label="possible", low=5, high=6, interpretation="Compatible with appendicitis; observe or image."),
        Band(label="probable", low=7, high=8, interpretation="Probable appendicitis."),
        Band(label="very probable", low=9, high=10, interpretation="Very probable appendicitis."),
    ),
    triggers=("appendicitis", "right lower quadrant", "rlq pain", "mcburney"),
    reference=Reference(
        citation="Alvarado A. A practical score for the early diagnosis of acute appendicitis. "
                 "Ann Emerg Med 1986;15:557-564.",
        pmid="3963537",
        doi="10.1016/s0196-0644(86)80993-3",
    ),
)
