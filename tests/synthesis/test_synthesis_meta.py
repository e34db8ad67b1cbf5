"""Meta-analysis against published figures (metafor's BCG data; the Cochrane remdesivir review)."""

from __future__ import annotations

import csv
import math

import numpy as np
import pytest

from dxkit.errors import InputError
from dxkit.tools.meta import BinaryCounts, binary_effect, mantel_haenszel, pool
from dxkit.tools.meta.schemas import StudyEffect

# metafor dat.bcg: tpos, tneg, cpos, cneg (Colditz et al. 1994)
BCG = [("Aronson 1948", 4, 119, 11, 128), ("Ferguson & Simes 1949", 6, 300, 29, 274),
       ("Rosenthal 1960", 3, 228, 11, 209), ("Hart & Sutherland 1977", 62, 13536, 248, 12619),
       ("Frimodt-Moller 1973", 33, 5036, 47, 5761), ("Stein & Aronson 1953", 180, 1361, 372, 1079),
       ("Vandiviere 1973", 8, 2537, 10, 619), ("TPT Madras 1980", 505, 87886, 499, 87892),
       ("Coetzee & Berjak 1968", 29, 7470, 45, 7232), ("Rosenthal 1961", 17, 1699, 65, 1600),
       ("Comstock 1974", 186, 50448, 141, 27197), ("Comstock & Webster 1969", 5, 2493, 3, 2338),
       ("Comstock 1976", 27, 16886, 29, 17825)]


@pytest.fixture(scope="module")
def bcg_effects() -> list[StudyEffect]:
    return [binary_effect(BinaryCounts(study_id=s, events_intervention=a, total_intervention=a + b,
                                       events_comparator=c, total_comparator=c + d), "RR")
            for s, a, b, c, d in BCG]


def test_bcg_reml_matches_metafor(bcg_effects):
    result = pool(bcg_effects, "REML")
    assert round(result.estimate, 4) == -0.7145
    assert round(result.se, 4) == 0.1798
    assert round(result.tau2, 4) == 0.3132
    assert round(result.i2, 2) == 92.22
    assert round(result.q, 2) == 152.23 and result.q_df == 12


def test_bcg_dersimonian_laird_matches_metafor(bcg_effects):
    result = pool(bcg_effects, "DL")
    assert round(result.estimate, 4) == -0.7141
    assert round(result.se, 4) == 0.1787
    assert round(result.tau2, 4) == 0.3088


def test_bcg_fixed_effect_matches_metafor(bcg_effects):
    result = pool(bcg_effects, "FE")
    assert round(result.estimate, 4) == -0.4303
    assert round(result.se, 4) == 0.0405
    assert result.tau2 == 0.0


def test_dl_agrees_with_statsmodels_where_tau2_positive(bcg_effects):
    from statsmodels.stats.meta_analysis import combine_effects

    y = np.array([e.estimate for e in bcg_effects])
    v = np.array([e.variance for e in bcg_effects])
    theirs = combine_effects(y, v, method_re="dl")
    ours = pool(bcg_effects, "DL")
    assert theirs.tau2 > 0
    assert ours.tau2 == pytest.approx(theirs.tau2, rel=1e-9)
    assert ours.estimate == pytest.approx(theirs.mean_effect_re, rel=1e-9)
    assert ours.se == pytest.approx(theirs.sd_eff_w_re, rel=1e-9)


def test_prediction_interval_uses_t_with_k_minus_2_df(bcg_effects):
    from scipy import stats

    result = pool(bcg_effects, "REML")
    half = stats.t.ppf(0.975, 11) * math.sqrt(result.tau2 + result.se**2)
    assert result.pi_low == pytest.approx(result.estimate - half)
    assert result.pi_high == pytest.approx(result.estimate + half)


def test_hartung_knapp_uses_t_and_weighted_residuals(bcg_effects):
    from scipy import stats

    plain = pool(bcg_effects, "REML")
    hk = pool(bcg_effects, "REML", hartung_knapp=True)
    w = np.array([1 / (e.variance + plain.tau2) for e in bcg_effects])
    y = np.array([e.estimate for e in bcg_effects])
    expected_se = math.sqrt(np.sum(w * (y - plain.estimate) ** 2) / (12 * np.sum(w)))
    assert hk.se == pytest.approx(expected_se)
    assert hk.ci_high - hk.estimate == pytest.approx(stats.t.ppf(0.975, 12) * expected_se)
    assert hk.method == "REML+HK"


def test_q_below_df_gives_zero_tau2_and_random_equals_fixed():
    # three near-identical log RRs: Q = sum w (y - mu)^2 is far below df = 2
    effects = [StudyEffect(study_id=f"s{i}", measure="RR", estimate=y, variance=v)
               for i, (y, v) in enumerate([(0.10, 0.04), (0.12, 0.05), (0.11, 0.06)])]
    fixed = pool(effects, "FE")
    assert fixed.q < fixed.q_df
    for method in ("DL", "REML"):
        random = pool(effects, method)
        assert random.tau2 == 0.0
        assert random.estimate == pytest.approx(fixed.estimate)
        assert random.se == pytest.approx(fixed.se)
        assert random.i2 == 0.0


def _remdesivir(shared_data):
    path = shared_data / "meta_analysis" / "remdesivir_case_study.csv"
    with path.open(encoding="utf-8-sig") as handle:
        rows = list(csv.DictReader(handle))
    counts = [BinaryCounts(study_id=r["study"], events_intervention=int(r["intervention_events"]),
                           total_intervention=int(r["intervention_group_size"]),
                           events_comparator=int(r["comparator_events"]),
                           total_comparator=int(r["comparator_group_size"])) for r in rows]
    return rows, counts


@pytest.mark.parametrize("method", ["FE", "DL"])
def test_remdesivir_inverse_variance_reproduces_cochrane(shared_data, method):
    """The review's RR 0.93 [0.81, 1.06] and weights 18.3/0.8/3.8/77 are inverse-variance
    (fixed, or DL random with tau^2 = 0 here since Q = 2.63 < df = 3)."""
    rows, counts = _remdesivir(shared_data)
    result = pool([binary_effect(c, "RR") for c in counts], method)
    shown = [round(math.exp(x), 2) for x in (result.estimate, result.ci_low, result.ci_high)]
    assert shown == [0.93, 0.81, 1.06]
    assert rows[0]["meta_analysis_risk_ratio"] == "0.93" and rows[0]["meta_analysis_risk_ratio_ci"] == "[0.81, 1.06]"
    assert [round(s.weight_percent, 1) for s in result.studies] == [float(r["meta_analysis_weight"]) for r in rows]
    for study, row in zip(result.studies, rows, strict=True):  # per-study RRs as published
        assert round(math.exp(study.estimate), 2) == float(row["risk_ratio"])


def test_remdesivir_mantel_haenszel_same_pooled_ratio_other_weights(shared_data):
    rows, counts = _remdesivir(shared_data)
    result = mantel_haenszel(counts, "RR")
    assert round(math.exp(result.estimate), 2) == 0.93
    # MH weights c*n1/N: 77*541/1062 = 39.2, 4*193/393 = 1.96, 10*158/236 = 6.69, 289*2743/5451 = 145.4
    assert [round(s.weight_percent, 1) for s in result.studies] == [20.3, 1.0, 3.5, 75.2]


def test_mantel_haenszel_single_table_equals_woolf_and_log_rr():
    # a=10/100 vs c=20/100: OR = (10*80)/(90*20) = 0.4444, Woolf var = 1/10+1/90+1/20+1/80 = 0.17361
    study = BinaryCounts(study_id="x", events_intervention=10, total_intervention=100,
                         events_comparator=20, total_comparator=100)
    odds = mantel_haenszel([study], "OR")
    assert math.exp(odds.estimate) == pytest.approx(800 / 1800)
    assert odds.se**2 == pytest.approx(1 / 10 + 1 / 90 + 1 / 20 + 1 / 80)
    # RR = 0.1/0.2 = 0.5; var = 1/10 - 1/100 + 1/20 - 1/100 = 0.13
    ratio = mantel_haenszel([study], "RR")
    assert math.exp(ratio.estimate) == pytest.approx(0.5)
    assert ratio.se**2 == pytest.approx(0.13)
    # RD = 0.1 - 0.2; var = 0.1*0.9/100 + 0.2*0.8/100 = 0.0025
    diff = mantel_haenszel([study], "RD")
    assert diff.estimate == pytest.approx(-0.1)
    assert diff.se**2 == pytest.approx(0.0025)


def test_mixed_measures_and_bad_method_are_rejected():
    a = StudyEffect(study_id="a", measure="RR", estimate=0.1, variance=0.1)
    b = StudyEffect(study_id="b", measure="OR", estimate=0.1, variance=0.1)
    with pytest.raises(InputError, match="measure"):
        pool([a, b])
    with pytest.raises(InputError, match="method"):
        pool([a], "PM")  # type: ignore[arg-type]
    with pytest.raises(InputError, match="empty"):
        pool([])
