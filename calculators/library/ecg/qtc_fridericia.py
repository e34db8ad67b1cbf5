"""QTc Fridericia Calculator: QT / RR^(1/3)."""

from __future__ import annotations

from dxkit.calculators.base import Calculator, Computation, Reference
from dxkit.calculators.library.ecg._qtc import AHA_2009, QTC_BANDS, QTC_TRIGGERS, QtInputs, rr_seconds


class Inputs(QtInputs):
    pass


def compute(x: Inputs) -> Computation:
    rr, rr_step = rr_seconds(x.heart_rate_per_min)
    qtc = x.qt_interval_ms / rr ** (1 / 3)
    step = f"QTc = QT / RR^(1/3) = {x.qt_interval_ms:g} / {rr:.4f}^(1/3) = {qtc:.1f} ms"
    return Computation(value=round(qtc, 3), steps=[rr_step, step])


CALCULATOR = Calculator(
    id="qtc_fridericia",
    name="QTc Fridericia Calculator",
    medcalc_id=56,
    synonyms=('Fridericia', 'QTc Fridericia'),
    Inputs=Inputs,
    compute=compute,
    output_unit="ms",
    kind="formula",
    category="ecg",
    purpose="Corrects the QT interval for heart rate to judge repolarisation and drug-induced QT prolongation.",
    population="Adults with an ECG in sinus rhythm.",
    bands=QTC_BANDS,
    triggers=QTC_TRIGGERS,
    reference=Reference(citation="Fridericia LS. Die Systolendauer im Elektrokardiogramm bei normalen Menschen und bei Herzkranken. Acta Med Scand 1920;53:469-486.", doi="10.1111/j.0954-6820.1920.tb18266.x"),
    extra_references=(AHA_2009,),
)
