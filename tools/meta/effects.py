"""Per-study effect sizes and sampling variances.

Formulas as in metafor's `escalc` (Viechtbauer 2010, J Stat Softw 36(3)):
- log RR: var = 1/a - 1/n1 + 1/c - 1/n2; log OR: var = 1/a + 1/b + 1/c + 1/d;
- RD: var = a*b/n1^3 + c*d/n2^3;
- MD: var = sd1^2/n1 + sd2^2/n2;
- SMD (Hedges g, Hedges 1981): d = (m1 - m2)/s_pooled, g = J(m) d with the exact
  J(m) = Gamma(m/2) / (sqrt(m/2) Gamma((m-1)/2)), m = n1 + n2 - 2;
  var = 1/n1 + 1/n2 + g^2 / (2 (n1 + n2)).
Zero cells: for RR and OR 0.5 is added to every cell of a study with a zero cell (metafor's
"only0"); RD is left uncorrected except for a zero variance.
A study with no events (or all events) in both arms carries no information on a ratio
scale and is left out of RR/OR pooling (Cochrane Handbook 10.4.4.2); it stays in for RD.
"""

from __future__ import annotations

import math

from dxkit.errors import InputError
from dxkit.tools.meta.schemas import (
    BINARY_MEASURES,
    CONTINUOUS_MEASURES,
    BinaryCounts,
    ContinuousSummary,
    StudyEffect,
)

ZERO_CELL_CORRECTION = 0.5


class UninformativeStudy(InputError):
    """A study that cannot contribute to a ratio measure (no events or all events in both arms)."""


def binary_effect(counts: BinaryCounts, measure: str = "RR",
                  correction: float = ZERO_CELL_CORRECTION) -> StudyEffect:
    """Log RR, log OR or RD of one two-arm study with its variance."""
    if measure not in BINARY_MEASURES:
        raise InputError("measure", measure, "is not a binary effect measure", accepted="RR, OR, RD")
    a, n1 = counts.events_intervention, counts.total_intervention
    c, n2 = counts.events_comparator, counts.total_comparator
    b, d = n1 - a, n2 - c
    if measure in ("RR", "OR") and ((a == 0 and c == 0) or (b == 0 and d == 0)):
        raise UninformativeStudy("events", f"{counts.study_id}: {a}/{n1} vs {c}/{n2}",
                                 f"gives no information on the {measure} scale (same extreme in both arms)",
                                 accepted="studies with events in at least one arm")
    # RD needs no correction for its estimate (Cochrane Handbook 10.4.4.1); only its variance may
    corrected = measure in ("RR", "OR") and min(a, b, c, d) == 0
    if corrected:
        a, b, c, d = (x + correction for x in (a, b, c, d))
        n1, n2 = a + b, c + d
    if measure == "RR":
        estimate = math.log((a / n1) / (c / n2))
        variance = 1 / a - 1 / n1 + 1 / c - 1 / n2
    elif measure == "OR":
        estimate = math.log((a * d) / (b * c))
        variance = 1 / a + 1 / b + 1 / c + 1 / d
    else:
        estimate = a / n1 - c / n2
        variance = a * b / n1**3 + c * d / n2**3
        if variance == 0:  # none or all events in both arms: the variance from corrected cells
            ca, cb, cc, cd = (x + correction for x in (a, b, c, d))
            variance = ca * cb / (ca + cb) ** 3 + cc * cd / (cc + cd) ** 3
    return StudyEffect(study_id=counts.study_id, measure=measure, estimate=estimate,  # type: ignore[arg-type]
                       variance=variance, corrected=corrected,
                       note=f"{correction} added to each cell (zero cell)" if corrected else None)


def hedges_correction(df: int) -> float:
    """Exact small-sample correction J(df) of Hedges (1981)."""
    return math.exp(math.lgamma(df / 2) - math.log(math.sqrt(df / 2)) - math.lgamma((df - 1) / 2))


def continuous_effect(summary: ContinuousSummary, measure: str = "SMD") -> StudyEffect:
    """Mean difference or Hedges g (bias-corrected SMD) with its variance."""
    if measure not in CONTINUOUS_MEASURES:
        raise InputError("measure", measure, "is not a continuous effect measure", accepted="MD, SMD")
    m1, s1, n1 = summary.mean_intervention, summary.sd_intervention, summary.n_intervention
    m2, s2, n2 = summary.mean_comparator, summary.sd_comparator, summary.n_comparator
    if measure == "MD":
        return StudyEffect(study_id=summary.study_id, measure="MD", estimate=m1 - m2,
                           variance=s1**2 / n1 + s2**2 / n2)
    df = n1 + n2 - 2
    pooled_sd = math.sqrt(((n1 - 1) * s1**2 + (n2 - 1) * s2**2) / df)
    g = hedges_correction(df) * (m1 - m2) / pooled_sd
    variance = 1 / n1 + 1 / n2 + g**2 / (2 * (n1 + n2))
    return StudyEffect(study_id=summary.study_id, measure="SMD", estimate=g, variance=variance)


def log_odds_ratio(events_1: float, total_1: float, events_2: float, total_2: float,
                   correction: float = ZERO_CELL_CORRECTION) -> float | None:
    """Log OR from raw counts (used by the extraction evaluation); None when undefined."""
    a, b, c, d = events_1, total_1 - events_1, events_2, total_2 - events_2
    if min(a, b, c, d) < 0:
        return None
    if (a == 0 and c == 0) or (b == 0 and d == 0):
        return None
    if min(a, b, c, d) == 0:
        a, b, c, d = (x + correction for x in (a, b, c, d))
    return math.log((a * d) / (b * c))


def standardized_mean_difference(mean_1: float, sd_1: float, n_1: float,
                                 mean_2: float, sd_2: float, n_2: float) -> float | None:
    """Hedges g from raw summaries (used by the extraction evaluation); None when undefined."""
    if min(sd_1, sd_2) <= 0 or min(n_1, n_2) < 2:
        return None
    df = int(n_1 + n_2 - 2)
    pooled = math.sqrt(((n_1 - 1) * sd_1**2 + (n_2 - 1) * sd_2**2) / df)
    return hedges_correction(df) * (mean_1 - mean_2) / pooled
