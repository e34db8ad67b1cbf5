"""Trauma decision rules: Ottawa ankle, Canadian CT head, PECARN head injury."""

from __future__ import annotations

from dxkit.calculators.registry import registry

OTTAWA = dict(malleolar_zone_pain=False, lateral_malleolus_tenderness=False, medial_malleolus_tenderness=False,
              midfoot_zone_pain=False, fifth_metatarsal_base_tenderness=False, navicular_tenderness=False,
              unable_to_bear_weight=False)
CCHR = dict(gcs_below_15_at_2h=False, suspected_open_or_depressed_fracture=False, basal_skull_fracture_signs=False,
            vomiting_2_or_more=False, age_years=30, amnesia_before_impact_30_min=False, dangerous_mechanism=False)
PECARN = {name: False for name in registry().get("pecarn_head").input_names()} | dict(age_years=5)


def value(calc_id: str, **inputs):
    return registry().get(calc_id).run(inputs).value


def test_ottawa_ankle_needs_pain_and_a_finding():
    assert value("ottawa_ankle", **OTTAWA) == "no x-ray indicated"
    assert value("ottawa_ankle", **OTTAWA | dict(lateral_malleolus_tenderness=True)) == "no x-ray indicated"
    assert value("ottawa_ankle", **OTTAWA | dict(malleolar_zone_pain=True, lateral_malleolus_tenderness=True)) == \
        "ankle x-ray indicated"
    both = OTTAWA | dict(malleolar_zone_pain=True, midfoot_zone_pain=True, unable_to_bear_weight=True)
    assert value("ottawa_ankle", **both) == "ankle and foot x-ray indicated"


def test_ottawa_missing_finding_reports_possible_verdicts():
    inputs = OTTAWA | dict(malleolar_zone_pain=True)
    del inputs["unable_to_bear_weight"]
    rng = registry().get("ottawa_ankle").run(inputs).possible_range
    assert rng.category_could_change and "ankle x-ray indicated" in rng.bands


def test_canadian_ct_head_risk_levels():
    assert value("canadian_ct_head", **CCHR) == "CT not indicated"
    assert value("canadian_ct_head", **CCHR | dict(dangerous_mechanism=True)).startswith("CT indicated (medium")
    assert value("canadian_ct_head", **CCHR | dict(age_years=65)).startswith("CT indicated (high")
    assert value("canadian_ct_head", **CCHR | dict(age_years=64)) == "CT not indicated"


def test_pecarn_uses_the_age_specific_branch():
    assert value("pecarn_head", **PECARN).startswith("CT not recommended")
    # vomiting is a predictor from 2 years only
    assert value("pecarn_head", **PECARN | dict(vomiting=True)).startswith("observation")
    assert value("pecarn_head", **PECARN | dict(age_years=1, vomiting=True)).startswith("CT not recommended")
    # palpable skull fracture is high risk under 2 years
    assert value("pecarn_head", **PECARN | dict(age_years=1, palpable_skull_fracture=True)).startswith("CT recommended")
    assert value("pecarn_head", **PECARN | dict(altered_mental_status=True)).startswith("CT recommended")
