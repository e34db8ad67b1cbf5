"""Alvarado score for appendicitis."""

from __future__ import annotations

import pytest

from dxkit.calculators.registry import registry

ALVARADO = dict(migration_to_rlq=False, anorexia=False, nausea_vomiting=False, rlq_tenderness=False,
                rebound_tenderness=False, temperature_c=37, wbc_k_per_ul=8, neutrophils_pct=60)


def value(**inputs):
    return registry().get("alvarado").run(inputs).value


def test_alvarado_worked_example():
    # migration (1) + RLQ tenderness (2) + 37.8 degC (1) + WBC 14 (2) + neutrophils 82% (1) = 7: probable
    result = registry().get("alvarado").run(ALVARADO | dict(migration_to_rlq=True, rlq_tenderness=True,
                                                            temperature_c=37.8, wbc_k_per_ul=14, neutrophils_pct=82))
    assert result.value == 7 and result.band.label == "probable"
    assert value(**{k: True for k in ALVARADO if ALVARADO[k] is False} | dict(
        temperature_c=38, wbc_k_per_ul=15, neutrophils_pct=80)) == 10


@pytest.mark.parametrize(("field", "normal", "abnormal", "points"), [
    ("temperature_c", 37.2, 37.3, 1), ("wbc_k_per_ul", 10, 10.1, 2), ("neutrophils_pct", 75, 76, 1),
])
def test_alvarado_thresholds(field, normal, abnormal, points):
    assert value(**ALVARADO | {field: normal}) == 0
    assert value(**ALVARADO | {field: abnormal}) == points


def test_alvarado_wbc_per_litre():
    assert value(**ALVARADO | dict(wbc_k_per_ul="12 x10^9/L")) == 2
