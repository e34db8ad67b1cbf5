"""QTc formulas: Bazett, Fridericia, Framingham, Hodges, Rautaharju."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dxkit.calculators.registry import registry
from dxkit.errors import InputError

QTC_IDS = ("qtc_bazett", "qtc_fridericia", "qtc_framingham", "qtc_hodges", "qtc_rautaharju")


def run(calc_id: str, **inputs):
    return registry().get(calc_id).run(inputs)


@pytest.mark.parametrize("calc_id", QTC_IDS)
def test_at_60_bpm_every_formula_returns_qt(calc_id):
    # RR = 1 s: QT/√1, QT/1^(1/3), QT + 154 × 0, QT + 1.75 × 0, QT × 180/180
    assert run(calc_id, heart_rate_per_min=60, qt_interval_ms=400).value == pytest.approx(400)


@pytest.mark.parametrize("calc_id, expected", [
    ("qtc_bazett", 516.40),      # 400 / √0.6 = 400 / 0.774597
    ("qtc_fridericia", 474.25),  # 400 / 0.6^(1/3) = 400 / 0.843433
    ("qtc_framingham", 461.6),   # 400 + 154 × (1 - 0.6)
    ("qtc_hodges", 470.0),       # 400 + 1.75 × (100 - 60)
    ("qtc_rautaharju", 488.89),  # 400 × (120 + 100) / 180
])
def test_hand_computed_at_100_bpm(calc_id, expected):
    assert run(calc_id, heart_rate_per_min=100, qt_interval_ms=400).value == pytest.approx(expected, abs=0.01)


def test_bands_either_side_of_500():
    # Hodges at 60 bpm returns QT itself: 499 vs 500
    assert run("qtc_hodges", heart_rate_per_min=60, qt_interval_ms=499).band.label == "prolonged"
    assert run("qtc_hodges", heart_rate_per_min=60, qt_interval_ms=500).band.label == "markedly prolonged"
    assert run("qtc_hodges", heart_rate_per_min=60, qt_interval_ms=449).band.label == "normal"
    assert run("qtc_hodges", heart_rate_per_min=60, qt_interval_ms=450).band.label == "borderline"


def test_units_seconds_and_bpm_spellings():
    a = run("qtc_bazett", heart_rate_per_min="100 beats per minute", qt_interval_ms="0.4 s").value
    assert a == pytest.approx(516.40, abs=0.01)


@pytest.mark.parametrize("bad, field", [
    ({"qt_interval_ms": "400 mmHg"}, "qt_interval_ms"),
    ({"qt_interval_ms": float("nan")}, "qt_interval_ms"),
    ({"qt_interval_ms": 5000}, "qt_interval_ms"),
    ({"qt_ms": 400}, "qt_ms"),
])
def test_bad_inputs(bad, field):
    with pytest.raises(InputError) as err:
        registry().get("qtc_bazett").run({"heart_rate_per_min": 80} | bad)
    assert err.value.field == field


def test_zero_heart_rate_refused():
    with pytest.raises(InputError) as err:
        run("qtc_bazett", heart_rate_per_min=0, qt_interval_ms=400)
    assert err.value.field == "heart_rate_per_min"


@given(st.floats(61, 200), st.floats(250, 600))
def test_above_60_bpm_correction_lengthens_qt(rate, qt):
    for calc_id in QTC_IDS:
        assert run(calc_id, heart_rate_per_min=rate, qt_interval_ms=qt).value > qt
