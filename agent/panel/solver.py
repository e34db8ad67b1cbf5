"""The panel as a simulator solver: `make_solver(variant=..., model=..., budget=...)`.

`dxkit simulate --agent panel[:variant]` imports this module; `solve(encounter)` runs the same
graph as `dxkit.diagnose`, checkpointed in the encounter's ledger folder.
"""

from __future__ import annotations

from typing import Any

from dxkit.agent.panel.config import PanelConfig, config_for
from dxkit.agent.panel.result import DiagnosisResult
from dxkit.cases import SolverOutcome


def resolve_model(model: Any) -> Any:
    """A chat model from a spec string, None (settings' default) or an already-built model."""
    if model is None or isinstance(model, str):
        from dxkit.models import get_chat_model

        return get_chat_model(model)
    return model


def solve_encounter(encounter: Any, model: Any, config: PanelConfig, *, index: Any = None,
                    prices: Any = None, ledger: Any = None, checkpointer: Any = None, thread_id: str | None = None,
                    review: Any = None, on_update: Any = None, registry: Any = None) -> DiagnosisResult:
    """Run the panel (or the ensemble) on an encounter and return the result."""
    from dxkit.agent.panel.ensemble import run_ensemble
    from dxkit.agent.panel.runner import PanelRun
    from dxkit.agent.panel.tools import default_tools

    ledger = ledger if ledger is not None else getattr(encounter, "ledger", None)
    tools = default_tools(resolve_model(model), index=index, ledger=ledger, prices=prices, registry=registry)
    thread = thread_id or (ledger.run_id if ledger is not None else None)
    if config.variant == "ensemble":
        return run_ensemble(encounter, tools, config, checkpointer=checkpointer, thread_id=thread or "ensemble",
                            on_update=on_update)
    return PanelRun(encounter, tools, config, checkpointer, thread).run(review=review, on_update=on_update)


class PanelSolver:
    """Solver protocol adapter (dxkit.cases.Solver)."""

    def __init__(self, config: PanelConfig, model: Any = None, index: Any = None) -> None:
        self.config, self._model_spec, self._index = config, model, index
        self._model: Any = None

    def solve(self, encounter: Any) -> SolverOutcome:
        if self._model is None:
            self._model = resolve_model(self._model_spec)
        checkpointer = None
        ledger = getattr(encounter, "ledger", None)
        if ledger is not None:
            from dxkit.agent.panel.checkpoint import sqlite_saver

            checkpointer = sqlite_saver(ledger.dir / "checkpoints.sqlite")
        result = solve_encounter(encounter, self._model, self.config, index=self._index, checkpointer=checkpointer)
        return SolverOutcome(
            diagnosis=result.diagnosis, icd10=result.icd10, differential=[h.diagnosis for h in result.differential],
            llm_prompt_tokens=result.llm_prompt_tokens, llm_completion_tokens=result.llm_completion_tokens,
            llm_cost_usd=result.llm_cost_usd,
            notes=f"panel:{self.config.variant} rounds={result.rounds} fallbacks={result.fallbacks}")


def make_solver(variant: str | None = None, model: Any = None, budget: float | None = None,
                **options: Any) -> PanelSolver:
    """The simulator's factory: variant defaults to budgeted; unknown options are panel settings."""
    index = options.pop("index", None)
    options.pop("seed", None)
    return PanelSolver(config_for(variant or "budgeted", budget=budget, **options), model=model, index=index)
