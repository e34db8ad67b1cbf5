"""Inverse-variance pooling: fixed effect, DerSimonian-Laird and REML random effects.

Follows metafor's `rma.uni` (Viechtbauer 2010):
- Q = sum w_i (y_i - mu_FE)^2 with w_i = 1/v_i, df = k - 1.
- DL: tau^2 = max(0, (Q - df) / (sum w - sum w^2 / sum w)) (DerSimonian & Laird 1986).
- REML: Fisher scoring from the Hedges estimate, tau^2 <- tau^2 + (y'PPy - tr P) / tr(PP),
  step-halving to stay >= 0 (Viechtbauer 2005; metafor's algorithm).
- I^2 = tau^2 / (tau^2 + s^2), H^2 = (tau^2 + s^2) / s^2 with the typical within-study
  variance s^2 = (k-1) sum w / ((sum w)^2 - sum w^2) (Higgins & Thompson 2002); for the
  fixed model I^2 = max(0, (Q - df)/Q) and H^2 = Q/df.
- Hartung-Knapp (2001): se^2 = sum W (y - mu)^2 / ((k-1) sum W), t with k-1 df.
- Prediction interval: mu +- t_{k-2} sqrt(tau^2 + se^2) (Higgins, Thompson & Spiegelhalter
  2009; R meta's default), reported for random-effects models with k >= 3.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

import numpy as np
from scipy import stats

from dxkit.errors import InputError
from dxkit.tools.meta.schemas import MetaResult, StudyEffect, StudyRow

Method = Literal["FE", "DL", "REML"]
REML_TOLERANCE = 1e-10
REML_MAX_ITER = 200
Z_95 = float(stats.norm.ppf(0.975))


def _check(effects: Sequence[StudyEffect]) -> tuple[np.ndarray, np.ndarray]:
    if len(effects) == 0:
        raise InputError("effects", [], "is empty", accepted="one or more study effects")
    measures = {e.measure for e in effects}
    if len(measures) > 1:
        raise InputError("effects", sorted(measures), "mix effect measures", accepted="a single measure")
    y = np.array([e.estimate for e in effects], dtype=float)
    v = np.array([e.variance for e in effects], dtype=float)
    return y, v


def cochran_q(y: np.ndarray, v: np.ndarray) -> float:
    w = 1 / v
    mu = float(np.sum(w * y) / np.sum(w))
    return float(np.sum(w * (y - mu) ** 2))


def tau2_dersimonian_laird(y: np.ndarray, v: np.ndarray) -> float:
    if len(y) < 2:
        return 0.0
    w = 1 / v
    q = cochran_q(y, v)
    c = np.sum(w) - np.sum(w**2) / np.sum(w)
    return max(0.0, float((q - (len(y) - 1)) / c))


def tau2_reml(y: np.ndarray, v: np.ndarray) -> float:
    """REML tau^2 by Fisher scoring (intercept-only model), as metafor computes it."""
    k = len(y)
    if k < 2:
        return 0.0
    tau2 = max(0.0, float(np.sum((y - y.mean()) ** 2) / (k - 1) - v.mean()))  # Hedges start
    for _ in range(REML_MAX_ITER):
        w = 1 / (v + tau2)
        # P = W - w w' / sum(w) for an intercept-only design
        p_matrix = np.diag(w) - np.outer(w, w) / np.sum(w)
        py = p_matrix @ y
        adjustment = float((py @ py - np.trace(p_matrix)) / np.sum(p_matrix * p_matrix))
        while tau2 + adjustment < 0:
            adjustment /= 2
            if abs(adjustment) < REML_TOLERANCE:
                adjustment = -tau2
                break
        tau2 += adjustment
        if abs(adjustment) < REML_TOLERANCE:
            break
    return max(0.0, tau2)


def typical_within_variance(v: np.ndarray) -> float:
    w = 1 / v
    k = len(v)
    denom = np.sum(w) ** 2 - np.sum(w**2)
    return float((k - 1) * np.sum(w) / denom) if denom > 0 else float(v[0])


def pool(effects: Sequence[StudyEffect], method: Method = "REML", hartung_knapp: bool = False,
         excluded: Sequence[str] = ()) -> MetaResult:
    """Pool study effects by inverse variance (method 'FE', 'DL' or 'REML')."""
    if method not in ("FE", "DL", "REML"):
        raise InputError("method", method, "is not a pooling method", accepted="FE, DL, REML")
    y, v = _check(effects)
    k = len(y)
    q = cochran_q(y, v)
    df = k - 1
    tau2 = 0.0 if method == "FE" else (tau2_dersimonian_laird(y, v) if method == "DL" else tau2_reml(y, v))
    w = 1 / (v + tau2)
    mu = float(np.sum(w * y) / np.sum(w))
    se = float(np.sqrt(1 / np.sum(w)))
    use_hk = hartung_knapp and method != "FE" and k >= 2
    if use_hk:
        se = float(np.sqrt(np.sum(w * (y - mu) ** 2) / (df * np.sum(w))))
        crit = float(stats.t.ppf(0.975, df))
        stat = mu / se if se > 0 else float("inf")
        p_value = float(2 * stats.t.sf(abs(stat), df))
    else:
        crit = Z_95
        stat = mu / se
        p_value = float(2 * stats.norm.sf(abs(stat)))
    if method == "FE":
        i2 = max(0.0, (q - df) / q) * 100 if q > 0 and df > 0 else 0.0
        h2 = q / df if df > 0 else 1.0
    else:
        s2 = typical_within_variance(v) if k > 1 else float(v[0])
        i2 = 100 * tau2 / (tau2 + s2)
        h2 = (tau2 + s2) / s2
    pi_low = pi_high = None
    if method != "FE" and k >= 3:
        half = float(stats.t.ppf(0.975, k - 2)) * float(np.sqrt(tau2 + se**2))
        pi_low, pi_high = mu - half, mu + half
    weights = 100 * w / np.sum(w)
    rows = [
        StudyRow(study_id=e.study_id, estimate=e.estimate, ci_low=e.estimate - Z_95 * e.se,
                 ci_high=e.estimate + Z_95 * e.se, weight_percent=float(wt))
        for e, wt in zip(effects, weights, strict=True)
    ]
    return MetaResult(
        measure=effects[0].measure, model="fixed" if method == "FE" else "random",
        method=("IV" if method == "FE" else method) + ("+HK" if use_hk else ""), k=k,
        estimate=mu, se=se, ci_low=mu - crit * se, ci_high=mu + crit * se, z_or_t=stat,
        p_value=p_value, tau2=tau2, q=q, q_df=df,
        q_p_value=float(stats.chi2.sf(q, df)) if df > 0 else 1.0,
        i2=i2, h2=h2, pi_low=pi_low, pi_high=pi_high, studies=rows, excluded=list(excluded),
    )
