"""The public entry points: `dxkit.diagnose`, `dxkit.assess`, `dxkit.synthesize`.

`diagnose` runs the diagnostic panel on a case (a `Case`, a native-format mapping, or a path
to a .yaml/.json case file) behind the SDBench-style gatekeeper. `assess` and `synthesize`
delegate lazily to their own packages, so importing this module stays cheap.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from dxkit.errors import InputError


def load_case(case: Any) -> Any:
    """A `Case` from a Case, a native mapping, or a path to a native case file (one case)."""
    from dxkit.cases import Case, case_from_dict, load_native_cases

    if isinstance(case, Case):
        return case
    if isinstance(case, dict):
        return case_from_dict(case)
    if isinstance(case, str | Path):
        cases = load_native_cases(case)
        if len(cases) != 1:
            raise InputError("case", str(case), f"holds {len(cases)} cases", accepted="a file with exactly one case")
        return cases[0]
    raise InputError("case", type(case).__name__, "is not a case", accepted="a Case, a mapping or a case file path")


def diagnose(case: Any, model: Any = None, variant: str = "budgeted", budget: float | None = None, *,
             index: Any = None, hitl_threshold: float | None = None,
             review: Callable[[Any], Any] | None = None, thread_id: str | None = None,
             checkpoint_path: str | Path | None = None, ledger_root: str | Path | None = None,
             max_rounds: int | None = None, ensemble_size: int | None = None,
             on_update: Callable[[str, dict[str, Any]], None] | None = None) -> Any:
    """Run the diagnostic panel on `case`; returns a `DiagnosisResult`.

    model: a chat-model spec ("local:smollm2", "openai:gpt-4.1", ...), a LangChain chat model, or
        None for settings.model. variant: instant | question-only | budgeted | no-budget | ensemble.
    budget: USD for budgeted (default settings.budget.default_usd). index: an EvidenceIndex for
        cited evidence (None: no evidence search). hitl_threshold: pause before tests above this
        price and call `review(ReviewRequest) -> ReviewDecision | bool`. thread_id: the checkpoint
        thread (and ledger run id); calling again with the same id resumes a killed run.
    """
    from dxkit.agent.panel.checkpoint import sqlite_saver
    from dxkit.agent.panel.config import config_for
    from dxkit.agent.panel.solver import solve_encounter
    from dxkit.ledger import Ledger
    from dxkit.tools.encounter import Encounter
    from dxkit.tools.gatekeeper import Gatekeeper
    from dxkit.tools.prices import PriceTable

    the_case = load_case(case)
    config = config_for(variant, budget=budget, hitl_threshold_usd=hitl_threshold, max_rounds=max_rounds,
                        ensemble_size=ensemble_size)
    ledger = Ledger(run_id=thread_id, root=Path(ledger_root) if ledger_root else None)
    prices = PriceTable.default()
    from dxkit.models import get_embedder

    gatekeeper = Gatekeeper(the_case, embedder=get_embedder)  # the embedder loads only if lexical matching fails
    encounter = Encounter(the_case, gatekeeper, prices, ledger=ledger, budget=config.budget_usd)
    checkpointer = sqlite_saver(checkpoint_path)
    try:
        return solve_encounter(encounter, model, config, index=index, prices=prices, ledger=ledger,
                               checkpointer=checkpointer, thread_id=ledger.run_id, review=review,
                               on_update=on_update)
    finally:
        checkpointer.conn.close()
        ledger.close()


def assess(*args: Any, **kwargs: Any) -> Any:
    """Note -> calculators -> cited risk assessment (see dxkit.agent.risk)."""
    from dxkit.agent.risk import assess as _assess

    return _assess(*args, **kwargs)


def synthesize(*args: Any, **kwargs: Any) -> Any:
    """Question -> PICO -> search -> screening -> meta-analysis -> GRADE (see dxkit.agent.synthesis)."""
    from dxkit.agent.synthesis.api import synthesize as _synthesize

    return _synthesize(*args, **kwargs)
