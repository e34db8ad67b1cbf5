"""Mantel-Haenszel fixed-effect pooling of two-arm binary studies (RR, OR, RD).

Estimators and variances (no zero-cell correction in the pooled estimate, as RevMan and
metafor's `rma.mh` by default):
- OR: Mantel & Haenszel (1959); variance of log OR by Robins, Breslow & Greenland (1986).
- RR and RD: Greenland & Robins (1985) estimators and variances.
Heterogeneity (Q, I^2) is Cochran's Q on the inverse-variance study effects.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
from scipy import stats

from dxkit.errors import InputError
from dxkit.tools.meta.effects import UninformativeStudy, binary_effect
from dxkit.tools.meta.pooling import Z_95, cochran_q
from dxkit.tools.meta.schemas import BinaryCounts, MetaResult, StudyRow


def mantel_haenszel(studies: Sequence[BinaryCounts], measure: str = "RR") -> MetaResult:
    """Fixed-effect Mantel-Haenszel pooled RR, OR or RD."""
    if measure not in ("RR", "OR", "RD"):
        raise InputError("measure", measure, "is not a binary measure", accepted="RR, OR, RD")
    if not studies:
        raise InputError("studies", [], "is empty", accepted="one or more two-arm studies")
    a = np.array([s.events_intervention for s in studies], dtype=float)
    n1 = np.array([s.total_intervention for s in studies], dtype=float)
    c = np.array([s.events_comparator for s in studies], dtype=float)
    n2 = np.array([s.total_comparator for s in studies], dtype=float)
    b, d, n = n1 - a, n2 - c, n1 + n2
    if measure == "OR":
        r, s = a * d / n, b * c / n
        big_r, big_s = r.sum(), s.sum()
        p, q = (a + d) / n, (b + c) / n
        estimate = math.log(big_r / big_s)
        variance = (np.sum(p * r) / (2 * big_r**2) + np.sum(p * s + q * r) / (2 * big_r * big_s)
                    + np.sum(q * s) / (2 * big_s**2))
        raw_weights = s
    elif measure == "RR":
        r, s = a * n2 / n, c * n1 / n
        big_r, big_s = r.sum(), s.sum()
        estimate = math.log(big_r / big_s)
        variance = np.sum((n1 * n2 * (a + c) - a * c * n) / n**2) / (big_r * big_s)
        raw_weights = s
    else:
        raw_weights = n1 * n2 / n
        estimate = float(np.sum((a * n2 - c * n1) / n) / raw_weights.sum())
        variance = np.sum((a * b * n2**3 + c * d * n1**3) / (n1 * n2 * n**2)) / raw_weights.sum() ** 2
    if not (math.isfinite(estimate) and variance > 0):
        raise InputError("studies", [s.study_id for s in studies],
                         f"give no finite Mantel-Haenszel {measure} (no events in one arm overall)")
    effects, excluded = [], []
    for study in studies:
        try:
            effects.append(binary_effect(study, measure))
        except UninformativeStudy:
            excluded.append(f"{study.study_id}: no events or all events in both arms")
    informative_ids = {e.study_id for e in effects}
    kept = [i for i, st in enumerate(studies) if st.study_id in informative_ids]
    weights = 100 * raw_weights[kept] / raw_weights[kept].sum()
    y = np.array([e.estimate for e in effects])
    v = np.array([e.variance for e in effects])
    k = len(effects)
    q_stat = cochran_q(y, v) if k > 1 else 0.0
    df = max(k - 1, 0)
    se = math.sqrt(float(variance))
    rows = [StudyRow(study_id=e.study_id, estimate=e.estimate, ci_low=e.estimate - Z_95 * e.se,
                     ci_high=e.estimate + Z_95 * e.se, weight_percent=float(wt))
            for e, wt in zip(effects, weights, strict=True)]
    return MetaResult(
        measure=measure, model="fixed", method="MH", k=k, estimate=estimate, se=se,  # type: ignore[arg-type]
        ci_low=estimate - Z_95 * se, ci_high=estimate + Z_95 * se, z_or_t=estimate / se,
        p_value=float(2 * stats.norm.sf(abs(estimate / se))), tau2=0.0, q=q_stat, q_df=df,
        q_p_value=float(stats.chi2.sf(q_stat, df)) if df > 0 else 1.0,
        i2=max(0.0, (q_stat - df) / q_stat) * 100 if q_stat > 0 and df > 0 else 0.0,
        h2=q_stat / df if df > 0 else 1.0, studies=rows, excluded=excluded,
    )
