"""QTc Rautaharju Calculator: QT × (120 + HR) / 180."""

from __future__ import annotations

from dxkit.calculators.base import Calculator, Computation, Reference
from dxkit.calculators.library.ecg._qtc import AHA_2009, QTC_BANDS, QTC_TRIGGERS, QtInputs, rr_seconds


class Inputs(QtInputs):
    pass


def compute(x: Inputs) -> Computation:
    rr, rr_step = rr_seconds(x.heart_rate_per_min)
    qtc = x.qt_interval_ms * (120 + x.heart_rate_per_min) / 180
    step = f"QTc = QT × (120 + HR) / 180 = {x.qt_interval_ms:g} × (120 + {x.heart_rate_per_min:g}) / 180 = {qtc:.1f} ms"
    return Computation(value=round(qtc, 3), steps=[rr_step, step])


CALCULATOR = Calculator(
    id="qtc_rautaharju",
    name="QTc Rautaharju Calculator",
    medcalc_id=59,
    synonyms=('Rautaharju', 'QTc Rautaharju'),
    Inputs=Inputs,
    compute=compute,
    output_unit="ms",
    kind="formula",
    category="ecg",
    purpose="Corrects the QT interval for heart rate to judge repolarisation and drug-induced QT prolongation.",
    population="Adults with an ECG in sinus rhythm.",
    bands=QTC_BANDS,
    triggers=QTC_TRIGGERS,
    reference=Reference(citation="Rautaharju PM, Mason JW, Akiyama T. New age- and sex-specific criteria for QT prolongation based on rate correction formulas that minimize bias at the upper normal limits. Int J Cardiol 2014;174:535-540.", pmid="24825030", doi="10.1016/j.ijcard.2014.04.133"),
    extra_references=(AHA_2009,),
)
