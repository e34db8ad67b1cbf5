"""Glasgow Coma Scale: level of consciousness from eye, verbal and motor responses."""

from __future__ import annotations

from typing import Annotated, Literal

from dxkit.calculators.base import Band, CalcInputs, Calculator, Choice, Computation, Reference, points_steps

Eye = Literal["spontaneous", "to sound", "to pain", "none"]
Verbal = Literal["oriented", "confused", "inappropriate words", "incomprehensible sounds", "none"]
Motor = Literal["obeys commands", "localizes pain", "withdraws from pain", "abnormal flexion", "extension", "none"]

EYE_POINTS: dict[str, int] = {"spontaneous": 4, "to sound": 3, "to pain": 2, "none": 1}
VERBAL_POINTS: dict[str, int] = {"oriented": 5, "confused": 4, "inappropriate words": 3,
                                 "incomprehensible sounds": 2, "none": 1}
MOTOR_POINTS: dict[str, int] = {"obeys commands": 6, "localizes pain": 5, "withdraws from pain": 4,
                                "abnormal flexion": 3, "extension": 2, "none": 1}


class Inputs(CalcInputs):
    eye: Annotated[Eye, Choice(concept="gcs_eye", normal="spontaneous")]
    verbal: Annotated[Verbal, Choice(concept="gcs_verbal", normal="oriented")]
    motor: Annotated[Motor, Choice(concept="gcs_motor", normal="obeys commands")]


def compute(x: Inputs) -> Computation:
    items = [
        ("Eye opening", x.eye, EYE_POINTS[x.eye]),
        ("Verbal response", x.verbal, VERBAL_POINTS[x.verbal]),
        ("Motor response", x.motor, MOTOR_POINTS[x.motor]),
    ]
    total = sum(p for *_, p in items)
    steps = points_steps(items) + [f"E{EYE_POINTS[x.eye]} V{VERBAL_POINTS[x.verbal]} M{MOTOR_POINTS[x.motor]}"]
    return Computation(value=total, steps=steps)


CALCULATOR = Calculator(
    id="gcs",
    name="Glasgow Coma Score (GCS)",
    medcalc_id=21,
    synonyms=("Glasgow Coma Scale", "GCS", "coma scale"),
    Inputs=Inputs,
    compute=compute,
    output_unit="points",
    kind="score",
    category="neurology",
    purpose="Grades the level of consciousness, e.g. after head injury.",
    population="Adults and older children with impaired consciousness.",
    bands=(
        Band(label="severe", low=3, high=8, interpretation="Severe brain injury; consider airway protection."),
        Band(label="moderate", low=9, high=12, interpretation="Moderate brain injury."),
        Band(label="mild", low=13, high=15, interpretation="Mild brain injury."),
    ),
    triggers=("unresponsive", "head injury", "coma", "altered mental status", "gcs", "obtunded"),
    reference=Reference(
        citation="Teasdale G, Jennett B. Assessment of coma and impaired consciousness: a practical "
                 "scale. Lancet 1974;2:81-84.",
        pmid="4136544",
        doi="10.1016/s0140-6736(74)91639-0",
    ),
)
