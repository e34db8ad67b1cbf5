"""QTc Framingham Calculator: QT + 154 × (1 - RR)."""

from __future__ import annotations

from dxkit.calculators.base import Calculator, Computation, Reference
from dxkit.calculators.library.ecg._qtc import AHA_2009, QTC_BANDS, QTC_TRIGGERS, QtInputs, rr_seconds


class Inputs(QtInputs):
    pass


def compute(x: Inputs) -> Computation:
    rr, rr_step = rr_seconds(x.heart_rate_per_min)
    qtc = x.qt_interval_ms + 154 * (1 - rr)
    step = f"QTc = QT + 154 × (1 - RR) = {x.qt_interval_ms:g} + 154 × (1 - {rr:.4f}) = {qtc:.1f} ms"
    return Computation(value=round(qtc, 3), steps=[rr_step, step])


CALCULATOR = Calculator(
    id="qtc_framingham",
    name="QTc Framingham Calculator",
    medcalc_id=57,
    synonyms=('Framingham QTc', 'Sagie formula'),
    Inputs=Inputs,
    compute=compute,
    output_unit="ms",
    kind="formula",
    category="ecg",
    purpose="Corrects the QT interval for heart rate to judge repolarisation and drug-induced QT prolongation.",
    population="Adults with an ECG in sinus rhythm.",
    bands=QTC_BANDS,
    triggers=QTC_TRIGGERS,
    reference=Reference(citation="Sagie A, Larson MG, Goldberg RJ, Bengtson JR, Levy D. An improved method for adjusting the QT interval for heart rate (the Framingham Heart Study). Am J Cardiol 1992;70:797-801.", pmid="1519533", doi="10.1016/0002-9149(92)90562-d"),
    extra_references=(AHA_2009,),
)
