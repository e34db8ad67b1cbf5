"""Scores as Yun et al. (2024) report them.

- exact match of a row: every field of its outcome type equals the reference, where a field
  absent in the reference must be "not reported" in the extraction;
- field-by-field accuracy on the same rule;
- the absolute error of the log odds ratio (binary) and of the SMD (Hedges g, continuous)
  over the rows where both the reference and the extraction allow computing them.
"""

from __future__ import annotations

import math

from pydantic import BaseModel, Field

from dxkit.tools.meta.effects import log_odds_ratio, standardized_mean_difference
from dxkit.tools.rct_extraction.schemas import field_names

TOLERANCE = 1e-6


def same(predicted: float | None, reference: float | None) -> bool:
    if predicted is None or reference is None:
        return predicted is None and reference is None
    return abs(predicted - reference) <= TOLERANCE * max(1.0, abs(reference))


def effect(kind: str, values: dict[str, float | None]) -> float | None:
    try:
        if kind == "binary":
            return log_odds_ratio(values["intervention_events"], values["intervention_group_size"],  # type: ignore[arg-type]
                                  values["comparator_events"], values["comparator_group_size"])
        return standardized_mean_difference(
            values["intervention_mean"], values["intervention_standard_deviation"],  # type: ignore[arg-type]
            values["intervention_group_size"], values["comparator_mean"],  # type: ignore[arg-type]
            values["comparator_standard_deviation"], values["comparator_group_size"])  # type: ignore[arg-type]
    except (TypeError, ValueError, ZeroDivisionError, OverflowError):
        return None


class TypeScores(BaseModel):
    rows: int = 0
    exact_rows: int = 0
    field_correct: dict[str, int] = Field(default_factory=dict)
    effect_pairs: int = 0
    effect_abs_errors: list[float] = Field(default_factory=list)

    @property
    def exact_rate(self) -> float:
        return self.exact_rows / self.rows if self.rows else float("nan")

    def field_rates(self) -> dict[str, float]:
        return {k: v / self.rows for k, v in self.field_correct.items()} if self.rows else {}

    @property
    def mean_abs_effect_error(self) -> float:
        errors = self.effect_abs_errors
        return sum(errors) / len(errors) if errors else float("nan")


def score_row(scores: TypeScores, kind: str, predicted: dict[str, float | None],
              reference: dict[str, float | None]) -> bool:
    scores.rows += 1
    all_same = True
    for name in field_names(kind):
        ok = same(predicted.get(name), reference.get(name))
        scores.field_correct[name] = scores.field_correct.get(name, 0) + int(ok)
        all_same &= ok
    scores.exact_rows += int(all_same)
    ref_effect, pred_effect = effect(kind, reference), effect(kind, predicted)
    if ref_effect is not None and pred_effect is not None and math.isfinite(pred_effect):
        scores.effect_pairs += 1
        scores.effect_abs_errors.append(abs(pred_effect - ref_effect))
    return all_same
