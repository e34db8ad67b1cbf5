"""Charlson Comorbidity Index."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dxkit.calculators.registry import registry
from dxkit.errors import InputError

CCI = {name: False for name in registry().get("charlson").input_names()} | dict(
    age_years=45, liver_disease="none", diabetes="none or diet-controlled", solid_tumor="none")


def value(**inputs):
    return registry().get("charlson").run(inputs).value


def test_charlson_worked_examples():
    # 72 y (3) + CHF (1) + diabetes with end-organ damage (2) + metastatic tumour (6) = 12
    assert value(**CCI | dict(age_years=72, chf_history=True, diabetes="end-organ damage",
                              solid_tumor="metastatic")) == 12
    # 55 y (1) + COPD (1) + moderate-severe liver disease (3) + AIDS (6) + hemiplegia (2) = 13
    assert value(**CCI | dict(age_years=55, copd=True, liver_disease="moderate to severe", aids=True,
                              hemiplegia=True)) == 13


@pytest.mark.parametrize(("age", "points"), [(49, 0), (50, 1), (59, 1), (60, 2), (69, 2), (70, 3), (79, 3), (80, 4)])
def test_charlson_age_points(age, points):
    assert value(**CCI | dict(age_years=age)) == points


def test_charlson_missing_tumour_range():
    inputs = dict(CCI)
    del inputs["solid_tumor"]
    rng = registry().get("charlson").run(inputs).possible_range
    assert (rng.low, rng.high) == (0, 6)


def test_charlson_invalid_grade():
    with pytest.raises(InputError) as err:
        value(**CCI | dict(liver_disease="cirrhosis"))
    assert err.value.field == "liver_disease"


_FLAGS = [n for n, v in CCI.items() if v is False]


@given(st.sets(st.sampled_from(_FLAGS)), st.sampled_from(_FLAGS))
def test_charlson_adding_a_condition_never_lowers(present, extra):
    base = CCI | {name: True for name in present}
    assert value(**base | {extra: True}) >= value(**base)
