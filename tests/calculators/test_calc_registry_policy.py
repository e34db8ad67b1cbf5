"""Policies every registered calculator must meet (clincalc-style registry tests)."""

from __future__ import annotations

import json
import math

import pytest

from dxkit.calculators.base import Measure, field_meta
from dxkit.calculators.registry import registry
from dxkit.errors import InputError

CALCS = list(registry())
IDS = [c.id for c in CALCS]

# MedCalc-Bench v1.0 calculator ids (55)
MEDCALC_IDS = {2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29,
               30, 31, 32, 33, 36, 38, 39, 40, 43, 44, 45, 46, 48, 49, 51, 56, 57, 58, 59, 60, 61, 62, 63, 64,
               65, 66, 67, 68, 69}


@pytest.mark.parametrize("calc", CALCS, ids=IDS)
def test_reference_output_unit_category_purpose(calc):
    assert calc.reference.citation.strip()
    # a guideline report without PMID/DOI is cited beside a peer-reviewed source that has one
    assert any(ref.pmid or ref.doi for ref in (calc.reference, *calc.extra_references)), (
        f"{calc.id} needs a PMID or DOI")
    assert calc.output_unit.strip()
    assert calc.category.strip() and calc.purpose.strip() and calc.population.strip()
    assert calc.kind in {"score", "formula", "date", "rule"}


@pytest.mark.parametrize("calc", CALCS, ids=IDS)
def test_json_schema_round_trips(calc):
    schema = calc.json_schema()
    assert json.loads(json.dumps(schema)) == schema
    assert set(schema["properties"]) == set(calc.input_names())
    assert schema.get("additionalProperties") is False  # extra="forbid" shows in the schema


@pytest.mark.parametrize("calc", CALCS, ids=IDS)
def test_misspelled_key_rejected(calc):
    first = calc.input_names()[0]
    with pytest.raises(InputError) as err:
        calc.run({first + "x": 1})
    assert err.value.field == first + "x"


@pytest.mark.parametrize("calc", CALCS, ids=IDS)
def test_nan_rejected_on_every_numeric_input(calc):
    numeric = [n for n in calc.input_names() if isinstance(field_meta(calc.Inputs, n), Measure)]
    for name in numeric:
        with pytest.raises(InputError) as err:
            calc.run({name: math.nan})
        assert err.value.field == name


@pytest.mark.parametrize("calc", CALCS, ids=IDS)
def test_missing_everything_is_reported_not_computed(calc):
    result = calc.run({})
    if calc.required_names():
        assert result.value is None and set(result.missing) == set(calc.required_names())


def test_every_medcalc_bench_calculator_is_present():
    present = {c.medcalc_id for c in CALCS if c.medcalc_id is not None}
    assert MEDCALC_IDS <= present, f"missing MedCalc ids: {sorted(MEDCALC_IDS - present)}"


def test_medcalc_ids_are_unique():
    ids = [c.medcalc_id for c in CALCS if c.medcalc_id is not None]
    assert len(ids) == len(set(ids))


def test_at_least_seventy_calculators():
    assert len(CALCS) >= 70
