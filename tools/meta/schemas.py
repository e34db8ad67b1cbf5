"""Typed inputs and outputs of the meta-analysis tools."""

from __future__ import annotations

import math
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from dxkit.errors import InputError

EffectMeasure = Literal["RR", "OR", "RD", "MD", "SMD"]
RATIO_MEASURES: frozenset[str] = frozenset({"RR", "OR"})
BINARY_MEASURES: frozenset[str] = frozenset({"RR", "OR", "RD"})
CONTINUOUS_MEASURES: frozenset[str] = frozenset({"MD", "SMD"})


class BinaryCounts(BaseModel):
    """Events and totals in the intervention (experimental) and comparator (control) arms."""

    model_config = ConfigDict(extra="forbid")
    study_id: str = Field(description="Identifier of the study (cited in reports).")
    events_intervention: int = Field(ge=0, description="Participants with the event, intervention arm.")
    total_intervention: int = Field(gt=0, description="Participants analysed, intervention arm.")
    events_comparator: int = Field(ge=0, description="Participants with the event, comparator arm.")
    total_comparator: int = Field(gt=0, description="Participants analysed, comparator arm.")

    @model_validator(mode="after")
    def _events_within_totals(self) -> BinaryCounts:
        for arm in ("intervention", "comparator"):
            events, total = getattr(self, f"events_{arm}"), getattr(self, f"total_{arm}")
            if events > total:
                raise InputError(f"events_{arm}", events, f"exceeds total_{arm}={total}",
                                 accepted=f"0..{total}", unit="participants")
        return self


class ContinuousSummary(BaseModel):
    """Mean, standard deviation and n per arm for a continuous outcome."""

    model_config = ConfigDict(extra="forbid")
    study_id: str = Field(description="Identifier of the study (cited in reports).")
    mean_intervention: float = Field(description="Mean, intervention arm (outcome units).")
    sd_intervention: float = Field(gt=0, description="Standard deviation, intervention arm.")
    n_intervention: int = Field(gt=1, description="Participants analysed, intervention arm.")
    mean_comparator: float = Field(description="Mean, comparator arm (outcome units).")
    sd_comparator: float = Field(gt=0, description="Standard deviation, comparator arm.")
    n_comparator: int = Field(gt=1, description="Participants analysed, comparator arm.")

    @model_validator(mode="after")
    def _finite(self) -> ContinuousSummary:
        for name in ("mean_intervention", "sd_intervention", "mean_comparator", "sd_comparator"):
            value = getattr(self, name)
            if not math.isfinite(value):
                raise InputError(name, value, "is not a finite number", accepted="finite real numbers")
        return self


class StudyEffect(BaseModel):
    """One study's effect on the analysis scale (log for RR and OR) with its sampling variance."""

    study_id: str
    measure: EffectMeasure
    estimate: float = Field(description="Effect on the analysis scale (log RR / log OR / RD / MD / g).")
    variance: float = Field(gt=0, description="Sampling variance of `estimate`.")
    corrected: bool = Field(False, description="True when 0.5 was added to every cell (a zero cell).")
    note: str | None = None

    @property
    def se(self) -> float:
        return math.sqrt(self.variance)


class StudyRow(BaseModel):
    """A study's row of the meta-analysis table, with its weight in the chosen model."""

    study_id: str
    estimate: float
    ci_low: float
    ci_high: float
    weight_percent: float


class MetaResult(BaseModel):
    """Pooled result on the analysis scale; `display_*` give ratios back-transformed."""

    measure: EffectMeasure
    model: Literal["fixed", "random"]
    method: str = Field(description="'IV', 'MH', 'DL', 'REML' (+ '+HK' for Hartung-Knapp).")
    k: int
    estimate: float
    se: float
    ci_low: float
    ci_high: float
    z_or_t: float
    p_value: float
    tau2: float
    q: float
    q_df: int
    q_p_value: float
    i2: float = Field(description="I-squared in percent.")
    h2: float
    pi_low: float | None = Field(None, description="Prediction interval (random effects, k >= 3).")
    pi_high: float | None = None
    studies: list[StudyRow]
    excluded: list[str] = Field(default_factory=list, description="Study ids left out, with the reason.")

    @property
    def is_ratio(self) -> bool:
        return self.measure in RATIO_MEASURES

    def display(self, value: float | None) -> float | None:
        """Back-transform a value of the analysis scale (exp for RR/OR)."""
        if value is None:
            return None
        return math.exp(value) if self.is_ratio else value
