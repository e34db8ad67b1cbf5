"""Policy checks over every point score and decision rule of calculators part B."""

from __future__ import annotations

import math

import pytest

from dxkit.calculators.base import Measure, field_meta, literal_options
from dxkit.calculators.registry import registry
from dxkit.errors import InputError

SCORE_IDS = ["cha2ds2_vasc", "wells_pe", "child_pugh", "wells_dvt", "rcri", "heart_score", "centor_mcisaac", "gcs",
             "meld_na", "has_bled", "glasgow_blatchford", "apache_ii", "psi_port", "charlson", "feverpain", "caprini",
             "sofa", "curb65", "framingham_hard_chd", "perc", "sirs", "news2", "timi_ua_nstemi", "alvarado", "bisap",
             "ranson", "ottawa_ankle", "pecarn_head", "canadian_ct_head"]
MEDCALC_IDS = {4, 8, 15, 16, 17, 18, 20, 21, 23, 25, 27, 28, 29, 32, 33, 36, 43, 45, 46, 48, 51}


def test_every_medcalc_score_is_registered():
    assert {registry().by_medcalc_id(i).id for i in MEDCALC_IDS} <= set(SCORE_IDS)


@pytest.mark.parametrize("calc_id", SCORE_IDS)
def test_reference_schema_and_search_terms(calc_id):
    calc = registry().get(calc_id)
    assert calc.reference.pmid or calc.reference.doi or calc.reference.url
    assert calc.json_schema()["properties"].keys() == set(calc.input_names())
    assert calc.synonyms and calc.triggers and calc.purpose and calc.population


@pytest.mark.parametrize("calc_id", SCORE_IDS)
def test_unknown_key_is_refused(calc_id):
    with pytest.raises(InputError) as err:
        registry().get(calc_id).run({"not_an_input": 1})
    assert err.value.field == "not_an_input"


def _numeric_fields(calc_id):
    calc = registry().get(calc_id)
    return [(calc_id, n) for n in calc.input_names() if isinstance(field_meta(calc.Inputs, n), Measure)]


def _choice_fields(calc_id):
    calc = registry().get(calc_id)
    return [(calc_id, n) for n, f in calc.Inputs.model_fields.items() if literal_options(f.annotation)]


@pytest.mark.parametrize(("calc_id", "name"), [p for c in SCORE_IDS for p in _numeric_fields(c)])
def test_nan_and_out_of_range_are_refused_naming_the_field(calc_id, name):
    calc = registry().get(calc_id)
    meta = field_meta(calc.Inputs, name)
    with pytest.raises(InputError) as err:
        calc.run({name: math.nan})
    assert err.value.field == name
    with pytest.raises(InputError) as err:
        calc.run({name: meta.le + 1000})
    assert err.value.field == name and meta.unit in str(err.value)


@pytest.mark.parametrize(("calc_id", "name"), [p for c in SCORE_IDS for p in _choice_fields(c)])
def test_invalid_option_lists_the_accepted_ones(calc_id, name):
    with pytest.raises(InputError) as err:
        registry().get(calc_id).run({name: "no such option"})
    assert err.value.field == name and err.value.accepted


@pytest.mark.parametrize("calc_id", SCORE_IDS)
def test_empty_input_reports_every_required_field_missing(calc_id):
    calc = registry().get(calc_id)
    result = calc.run({})
    assert result.value is None and set(result.missing) == set(calc.required_names())
