"""Shared inputs, bands and references of the QTc formulas."""

from __future__ import annotations

from dxkit.calculators.base import Band, CalcInputs, Reference
from dxkit.calculators.fields import HeartRate, QtIntervalMs
from dxkit.errors import InputError


class QtInputs(CalcInputs):
    heart_rate_per_min: HeartRate
    qt_interval_ms: QtIntervalMs


def rr_seconds(heart_rate: float) -> tuple[float, str]:
    if heart_rate <= 0:
        raise InputError("heart_rate_per_min", heart_rate, "must be above 0 for a QT correction",
                         unit="1/min", accepted="1 to 350 /min")
    rr = 60.0 / heart_rate
    return rr, f"RR = 60 / HR = 60 / {heart_rate:g} = {rr:.4f} s"


QTC_BANDS = (
    Band(label="normal", high=449.999, interpretation="< 450 ms"),
    Band(label="borderline", low=450, high=469.999, interpretation="450-469 ms (upper limit differs by sex)"),
    Band(label="prolonged", low=470, high=499.999, interpretation="470-499 ms"),
    Band(label="markedly prolonged", low=500, interpretation=">= 500 ms: high risk of torsades de pointes"),
)
QTC_TRIGGERS = ("qt", "qtc", "torsades", "ecg", "antiarrhythmic", "prolonged qt")

AHA_2009 = Reference(
    citation="Rautaharju PM, Surawicz B, Gettes LS. AHA/ACCF/HRS recommendations for the standardization "
             "and interpretation of the electrocardiogram, part IV: the ST segment, T and U waves, and the "
             "QT interval. Circulation 2009;119:e241-e250.",
    pmid="19228821", doi="10.1161/CIRCULATIONAHA.108.191096")
