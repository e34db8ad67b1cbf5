"""GRADE-style certainty of a pooled estimate, with every step explained.

Start high for randomised trials (GRADE Handbook 5.1), then downgrade:
- risk of bias: from the user's assessment ("low", "some concerns", "high"); "not assessed"
  downgrades nothing but is stated;
- inconsistency: I^2 above `inconsistency_i2` percent (default 50; Handbook 5.2.3 calls
  50-90% substantial) downgrades one level;
- imprecision: the 95% CI crossing the decision threshold (no effect unless given) downgrades
  one level; total participants below the optimal information size (OIS) another. For binary
  outcomes OIS is the two-arm sample size detecting a 25% relative risk reduction from the
  pooled control risk (alpha 0.05 two-sided, power 0.8); for continuous outcomes, an SMD of 0.2
  (Guyatt et al. 2011, J Clin Epidemiol 64:1283).
- indirectness and publication bias: user-supplied downgrades only.
"""

from __future__ import annotations

import math
from typing import Literal

from pydantic import BaseModel, Field
from scipy import stats

from dxkit.tools.meta.schemas import MetaResult

LEVELS = ["very low", "low", "moderate", "high"]
RiskOfBias = Literal["low", "some concerns", "high", "not assessed"]


class GradeInputs(BaseModel):
    """What GRADE needs beyond the pooled result (the user's judgements)."""

    risk_of_bias: RiskOfBias = Field("not assessed", description="Overall risk of bias of the studies.")
    study_design: Literal["rct", "observational"] = Field("rct", description="Starting level source.")
    decision_threshold: float | None = Field(
        None, description="Threshold on the display scale (RR/OR ratio, RD/MD/SMD difference); default no effect.")
    inconsistency_i2: float = Field(50.0, ge=0, le=100, description="I^2 (%) above which to downgrade.")
    indirectness_downgrade: int = Field(0, ge=0, le=2, description="User's downgrade for indirectness.")
    publication_bias_downgrade: int = Field(0, ge=0, le=2, description="User's downgrade for publication bias.")
    relative_risk_reduction: float = Field(0.25, gt=0, lt=1, description="RRR used for the OIS (binary).")
    smd_for_ois: float = Field(0.2, gt=0, description="SMD used for the OIS (continuous).")


class GradeStep(BaseModel):
    domain: str
    downgrade: int
    reason: str


class Certainty(BaseModel):
    level: Literal["very low", "low", "moderate", "high"]
    steps: list[GradeStep]


def optimal_information_size_binary(control_risk: float, rrr: float = 0.25, alpha: float = 0.05,
                                    power: float = 0.8) -> int:
    """Total participants (both arms) to detect the RRR from `control_risk`."""
    p1, p2 = control_risk, control_risk * (1 - rrr)
    z = stats.norm.ppf(1 - alpha / 2) + stats.norm.ppf(power)
    per_arm = z**2 * (p1 * (1 - p1) + p2 * (1 - p2)) / (p1 - p2) ** 2
    return 2 * math.ceil(per_arm)


def optimal_information_size_continuous(smd: float = 0.2, alpha: float = 0.05, power: float = 0.8) -> int:
    z = stats.norm.ppf(1 - alpha / 2) + stats.norm.ppf(power)
    return 2 * math.ceil(2 * z**2 / smd**2)


def grade(result: MetaResult, inputs: GradeInputs | None = None, total_participants: int | None = None,
          control_risk: float | None = None) -> Certainty:
    """Certainty of evidence for one pooled result."""
    inputs = inputs or GradeInputs()
    level = 3 if inputs.study_design == "rct" else 1
    steps = [GradeStep(domain="start", downgrade=0,
                       reason=f"{'randomised trials start high' if level == 3 else 'observational studies start low'}")]
    rob = {"high": 1, "some concerns": 0, "low": 0, "not assessed": 0}[inputs.risk_of_bias]
    rob_reason = {"high": "studies at high risk of bias: downgraded one level",
                  "some concerns": "some concerns only: not downgraded",
                  "low": "low risk of bias: not downgraded",
                  "not assessed": "risk of bias not assessed: not downgraded, certainty may be overstated"}
    steps.append(GradeStep(domain="risk of bias", downgrade=rob, reason=rob_reason[inputs.risk_of_bias]))
    if result.k < 2:
        steps.append(GradeStep(domain="inconsistency", downgrade=0, reason="single study: not assessable"))
    else:
        bad = result.i2 > inputs.inconsistency_i2
        steps.append(GradeStep(domain="inconsistency", downgrade=int(bad),
                               reason=f"I\u00b2 = {result.i2:.1f}% {'>' if bad else '<='} "
                                      f"{inputs.inconsistency_i2:.0f}%"))
    steps.append(GradeStep(domain="indirectness", downgrade=inputs.indirectness_downgrade,
                           reason="user judgement" if inputs.indirectness_downgrade else "none declared"))
    threshold = inputs.decision_threshold
    if threshold is None:
        threshold = 1.0 if result.is_ratio else 0.0
    low, high = result.display(result.ci_low), result.display(result.ci_high)
    crosses = low < threshold < high  # type: ignore[operator]
    imprecision = int(crosses)
    parts = [f"95% CI {low:.2f} to {high:.2f} {'crosses' if crosses else 'does not cross'} "
             f"the decision threshold {threshold:g}"]
    ois = None
    if result.measure in ("RR", "OR", "RD") and control_risk is not None and 0 < control_risk < 1:
        ois = optimal_information_size_binary(control_risk, inputs.relative_risk_reduction)
    elif result.measure == "SMD":
        ois = optimal_information_size_continuous(inputs.smd_for_ois)
    if ois is not None and total_participants is not None:
        short = total_participants < ois
        imprecision += int(short)
        parts.append(f"{total_participants} participants {'<' if short else '>='} optimal information size {ois}")
    else:
        parts.append("optimal information size not computed")
    steps.append(GradeStep(domain="imprecision", downgrade=imprecision, reason="; ".join(parts)))
    steps.append(GradeStep(domain="publication bias", downgrade=inputs.publication_bias_downgrade,
                           reason="user judgement" if inputs.publication_bias_downgrade else "none declared"))
    final = max(0, level - sum(s.downgrade for s in steps))
    return Certainty(level=LEVELS[final], steps=steps)  # type: ignore[arg-type]
