"""Panel variants (as MAI-DxO defines them) and the run configuration the graph is built from."""

from __future__ import annotations

from typing import Literal, get_args

from pydantic import BaseModel, Field

from dxkit.errors import ConfigError

Variant = Literal["instant", "question-only", "budgeted", "no-budget", "ensemble"]
VARIANTS: tuple[str, ...] = get_args(Variant)


class PanelConfig(BaseModel):
    """How one panel run behaves. Built by `config_for(variant, ...)`; every field documented."""

    variant: Variant = "budgeted"
    budget_usd: float | None = Field(None, ge=0, description="Clinical budget; None means unlimited.")
    max_rounds: int = Field(8, ge=0, le=50, description="Information-gathering rounds before committing.")
    min_rounds: int = Field(1, ge=0, description="Rounds of questions/tests before the panel may commit.")
    allow_tests: bool = Field(True, description="False for question-only.")
    questions_per_round: int = Field(3, ge=1, le=6, description="Questions asked in one visit (one charge).")
    tests_per_round: int = Field(3, ge=1, le=6)
    veto_usd: float = Field(500.0, ge=0, description="A low-yield test at or above this price is vetoed.")
    hitl_threshold_usd: float | None = Field(None, ge=0,
                                             description="Pause for a person before tests above this price.")
    evidence_k: int = Field(2, ge=0, le=10, description="Passages retrieved per hypothesis.")
    max_passages_in_prompt: int = Field(4, ge=0, le=20)
    max_calculators: int = Field(3, ge=0, le=10, description="Calculators run per round at most.")
    ensemble_size: int = Field(3, ge=1, le=10)
    perspective: str = Field("", description="Extra instruction for one ensemble member.")


def config_for(variant: str = "budgeted", *, budget: float | None = None, **overrides: object) -> PanelConfig:
    """The configuration of a named variant; `budget` applies to budgeted (default: settings)."""
    if variant not in VARIANTS:
        raise ConfigError(f"variant: {variant!r} is not a panel variant (accepted: {', '.join(VARIANTS)})")
    values: dict[str, object] = {"variant": variant}
    if variant == "instant":
        values.update(max_rounds=0, min_rounds=0)
    elif variant == "question-only":
        values.update(allow_tests=False)
    elif variant == "budgeted":
        if budget is None:
            from dxkit.settings import get_settings

            budget = get_settings().budget.default_usd
        values["budget_usd"] = budget
    values.update({k: v for k, v in overrides.items() if v is not None})
    return PanelConfig.model_validate(values)
