"""Resolve `--agent SPEC` to a solver: baselines by name, the panel lazily, or 'module:factory'."""

from __future__ import annotations

from importlib import import_module
from typing import Any

from dxkit.cases import Solver
from dxkit.errors import ConfigError

BASELINES = ("instant", "order-everything", "random")


def make_solver(agent: str, *, variant: str | None = None, model: Any = None, budget: float | None = None,
                seed: int = 0) -> Solver:
    """A solver for `agent`: instant | order-everything | random | panel[:variant] | module:factory."""
    name, _, inline_variant = agent.partition(":") if not _is_factory(agent) else (agent, "", "")
    variant = variant or inline_variant or None
    if name == "instant":
        from dxkit.evals.simulator.baselines import InstantSolver

        return InstantSolver(model)
    if name == "order-everything":
        from dxkit.evals.simulator.baselines import OrderEverythingSolver

        if variant not in (None, "llm", "cost-only"):
            raise ConfigError(f"variant: {variant!r} is not a variant of order-everything (accepted: llm, cost-only)")
        return OrderEverythingSolver(model, cost_only=variant == "cost-only")
    if name == "random":
        from dxkit.evals.simulator.baselines import RandomSolver

        return RandomSolver(seed=seed)
    if name == "panel":
        try:
            module = import_module("dxkit.agent.panel.solver")
        except ModuleNotFoundError as exc:
            raise ConfigError("agent: 'panel' needs dxkit.agent.panel.solver, which is not installed in this "
                              f"checkout yet ({exc.name} missing); accepted now: {', '.join(BASELINES)}") from exc
        return module.make_solver(variant=variant, model=model, budget=budget)
    if _is_factory(agent):
        module_name, attribute = agent.rsplit(":", 1)
        try:
            factory = getattr(import_module(module_name), attribute)
        except (ModuleNotFoundError, AttributeError) as exc:
            raise ConfigError(f"agent: {agent!r} does not name an importable factory ({exc})") from exc
        return factory(variant=variant, model=model, budget=budget, seed=seed)
    raise ConfigError(f"agent: {agent!r} is not a solver (accepted: {', '.join(BASELINES)}, panel[:variant], "
                      "or module.path:factory)")


def _is_factory(agent: str) -> bool:
    """'package.module:factory' (or 'module:factory' for a module that is not a known agent name)."""
    module, sep, attribute = agent.rpartition(":")
    known = module in (*BASELINES, "panel")
    return bool(sep) and not known and all(p.isidentifier() for p in module.split(".")) and attribute.isidentifier()
