"""QTc Bazett Calculator: QT / √RR."""

from __future__ import annotations

import math

from dxkit.calculators.base import Calculator, Computation, Reference
from dxkit.calculators.library.ecg._qtc import AHA_2009, QTC_BANDS, QTC_TRIGGERS, QtInputs, rr_seconds


class Inputs(QtInputs):
    pass


def compute(x: Inputs) -> Computation:
    rr, rr_step = rr_seconds(x.heart_rate_per_min)
    qtc = x.qt_interval_ms / math.sqrt(rr)
    step = f"QTc = QT / √RR = {x.qt_interval_ms:g} / √{rr:.4f} = {qtc:.1f} ms"
    return Computation(value=round(qtc, 3), steps=[rr_step, step])


CALCULATOR = Calculator(
    id="qtc_bazett",
    name="QTc Bazett Calculator",
    medcalc_id=11,
    synonyms=('Bazett', 'QTc Bazett', 'corrected QT'),
    Inputs=Inputs,
    compute=compute,
    output_unit="ms",
    kind="formula",
    category="ecg",
    purpose="Corrects the QT interval for heart rate to judge repolarisation and drug-induced QT prolongation.",
    population="Adults with an ECG in sinus rhythm.",
    bands=QTC_BANDS,
    triggers=QTC_TRIGGERS,
    reference=Reference(citation="Bazett HC. An analysis of the time-relations of electrocardiograms. Heart 1920;7:353-370 (reprinted Ann Noninvasive Electrocardiol 1997;2:177-194).", doi="10.1111/j.1542-474X.1997.tb00325.x"),
    extra_references=(AHA_2009,),
)
