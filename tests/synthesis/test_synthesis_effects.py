"""Effect sizes against hand computations."""

from __future__ import annotations

import math

import pytest
from pydantic import ValidationError

from dxkit.errors import InputError
from dxkit.tools.meta import BinaryCounts, ContinuousSummary, binary_effect, continuous_effect
from dxkit.tools.meta.effects import UninformativeStudy, hedges_correction


def counts(a, n1, c, n2):
    return BinaryCounts(study_id="s", events_intervention=a, total_intervention=n1,
                        events_comparator=c, total_comparator=n2)


def test_risk_ratio_and_odds_ratio_by_hand():
    # 15/100 vs 30/100: RR = 0.5, var = 1/15 - 1/100 + 1/30 - 1/100 = 0.08
    rr = binary_effect(counts(15, 100, 30, 100), "RR")
    assert math.exp(rr.estimate) == pytest.approx(0.5)
    assert rr.variance == pytest.approx(0.08)
    # OR = (15*70)/(85*30) = 0.41176; var = 1/15 + 1/85 + 1/30 + 1/70
    odds = binary_effect(counts(15, 100, 30, 100), "OR")
    assert math.exp(odds.estimate) == pytest.approx(1050 / 2550)
    assert odds.variance == pytest.approx(1 / 15 + 1 / 85 + 1 / 30 + 1 / 70)
    # RD = -0.15; var = 15*85/100^3 + 30*70/100^3 = 0.003375
    rd = binary_effect(counts(15, 100, 30, 100), "RD")
    assert rd.estimate == pytest.approx(-0.15)
    assert rd.variance == pytest.approx(0.003375)


def test_zero_cell_adds_half_to_every_cell():
    # 0/10 vs 5/10 -> 0.5/11 vs 5.5/11: RR = 1/11, var = 1/0.5 - 1/11 + 1/5.5 - 1/11 = 2.0
    rr = binary_effect(counts(0, 10, 5, 10), "RR")
    assert rr.corrected
    assert rr.estimate == pytest.approx(math.log(1 / 11))
    assert rr.variance == pytest.approx(2.0)


def test_double_zero_is_uninformative_for_ratios_but_not_for_rd():
    with pytest.raises(UninformativeStudy):
        binary_effect(counts(0, 10, 0, 12), "RR")
    rd = binary_effect(counts(0, 10, 0, 12), "RD")
    assert rd.estimate == 0.0
    # variance from corrected cells: 0.5*10.5/11^3 + 0.5*12.5/13^3
    assert rd.variance == pytest.approx(0.5 * 10.5 / 11**3 + 0.5 * 12.5 / 13**3)


def test_hedges_g_by_hand():
    # means 10 vs 8, SD 2 and 2, n 10 and 10: d = 1; J(18) ~ 1 - 3/(4*18 - 1) = 0.95775
    g = continuous_effect(ContinuousSummary(study_id="s", mean_intervention=10, sd_intervention=2, n_intervention=10,
                                            mean_comparator=8, sd_comparator=2, n_comparator=10), "SMD")
    assert g.estimate == pytest.approx(1 - 3 / 71, abs=2e-4)
    assert g.variance == pytest.approx(0.2 + g.estimate**2 / 40)
    assert hedges_correction(18) == pytest.approx(1 - 3 / 71, abs=2e-4)


def test_mean_difference_by_hand():
    md = continuous_effect(ContinuousSummary(study_id="s", mean_intervention=5, sd_intervention=3, n_intervention=9,
                                             mean_comparator=4, sd_comparator=4, n_comparator=16), "MD")
    assert md.estimate == 1
    assert md.variance == pytest.approx(9 / 9 + 16 / 16)


def test_bad_inputs_name_the_field():
    with pytest.raises(ValidationError, match="events_intervention: 11 participants exceeds total_intervention"):
        counts(11, 10, 1, 10)
    with pytest.raises(ValidationError):
        ContinuousSummary(study_id="s", mean_intervention=1, sd_intervention=-1, n_intervention=5,
                          mean_comparator=1, sd_comparator=1, n_comparator=5)
    with pytest.raises(ValidationError, match="mean_intervention: nan is not a finite number"):
        ContinuousSummary(study_id="s", mean_intervention=float("nan"), sd_intervention=1, n_intervention=5,
                          mean_comparator=1, sd_comparator=1, n_comparator=5)
    with pytest.raises(InputError, match="measure"):
        binary_effect(counts(1, 10, 1, 10), "SMD")
