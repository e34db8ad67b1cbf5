"""QTc Hodges Calculator: QT + 1.75 × (HR - 60)."""

from __future__ import annotations

from dxkit.calculators.base import Calculator, Computation, Reference
from dxkit.calculators.library.ecg._qtc import AHA_2009, QTC_BANDS, QTC_TRIGGERS, QtInputs, rr_seconds


class Inputs(QtInputs):
    pass


def compute(x: Inputs) -> Computation:
    rr, rr_step = rr_seconds(x.heart_rate_per_min)
    qtc = x.qt_interval_ms + 1.75 * (x.heart_rate_per_min - 60)
    step = f"QTc = QT + 1.75 × (HR - 60) = {x.qt_interval_ms:g} + 1.75 × ({x.heart_rate_per_min:g} - 60) = {qtc:.1f} ms"
    return Computation(value=round(qtc, 3), steps=[rr_step, step])


CALCULATOR = Calculator(
    id="qtc_hodges",
    name="QTc Hodges Calculator",
    medcalc_id=58,
    synonyms=('Hodges', 'QTc Hodges'),
    Inputs=Inputs,
    compute=compute,
    output_unit="ms",
    kind="formula",
    category="ecg",
    purpose="Corrects the QT interval for heart rate to judge repolarisation and drug-induced QT prolongation.",
    population="Adults with an ECG in sinus rhythm.",
    bands=QTC_BANDS,
    triggers=QTC_TRIGGERS,
    reference=AHA_2009,
    extra_references=(Reference(citation="Hodges M, Salerno D, Erlien D. Bazett's QT correction reviewed: evidence that a linear QT correction for heart rate is better. J Am Coll Cardiol 1983;1:694 (abstract)."),),
)
