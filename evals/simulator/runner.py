"""Run a solver over a case file: per-case traces, resumable, parallel across cases.

Each case runs in `run_case` (a plain function, so a process pool or Ray can ship it): build
the gatekeeper, the price table, a per-case ledger and the encounter, let the solver work,
judge the answer, and write the trace atomically. `run_simulation` skips cases whose trace is
finished, so a killed run continues where it stopped; per-case seeds derive from the run seed
and the case id, so the order and the number of workers do not change results.
"""

from __future__ import annotations

import hashlib
import json
import time
import traceback
from collections.abc import Callable, Iterator
from functools import lru_cache
from importlib import import_module
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, Field

from dxkit.cases import Case, MissingPolicy, SolverOutcome
from dxkit.errors import ConfigError, InputError
from dxkit.evals.simulator.traces import (
    CaseResult,
    read_result,
    trace_path,
    write_jsonl_atomic,
    write_text_atomic,
)

DEFAULT_JUDGE = "dxkit.evals.judge:judge_diagnosis"
DEFAULT_PRICES = "dxkit.tools.prices:PriceTable.default"
# Settings that change results; a resumed run must match them.
RESULT_KEYS = ("cases", "agent", "variant", "budget", "model", "seed", "policy", "embedder", "judge",
               "judge_model", "visit_usd", "prices", "gatekeeper_model")


class RunConfig(BaseModel):
    """One simulation run (the CLI's options)."""

    cases: Path = Field(description="Case file: AgentClinic OSCE/NEJM JSONL or native YAML/JSON/JSONL.")
    out: Path = Field(description="Output folder (traces/, summary.json, report.html, ...).")
    agent: str = Field("instant", description="instant | order-everything | random | panel[:variant] | mod:factory")
    variant: str | None = Field(None, description="Solver variant (e.g. panel budgeted, order-everything cost-only).")
    budget: float | None = Field(None, ge=0, description="Clinical budget per case in USD (None: unlimited).")
    model: str | None = Field(None, description="Chat model spec for LLM solvers (default: settings.model).")
    seed: int = Field(0, description="Run seed; per-case seeds derive from it and the case id.")
    limit: int | None = Field(None, ge=1, description="Run only the first N cases of the file.")
    workers: int = Field(1, ge=1, le=256, description="Cases run in parallel.")
    backend: Literal["process", "ray"] = "process"
    policy: MissingPolicy = Field("not_available", description="Gatekeeper reply for tests the case lacks.")
    embedder: bool = Field(True, description="Use the packaged embedder when lexical matching fails.")
    judge: str = Field(DEFAULT_JUDGE, description="module:function judging (predicted, truth, model=...).")
    judge_model: str | None = Field(None, description="Chat model spec for the LLM judge (None: deterministic).")
    visit_usd: float | None = Field(None, ge=0, description="Override the physician-visit price.")
    gatekeeper_model: str | None = Field(None, description="Chat model spec for the LLM matching stage (off: None).")
    prices: str = Field(DEFAULT_PRICES, description="module:callable returning the price table.")

    def result_settings(self) -> dict[str, Any]:
        data = self.model_dump(mode="json")
        data["cases"] = str(Path(self.cases).resolve())
        return {key: data[key] for key in RESULT_KEYS}


def case_seed(seed: int, case_id: str) -> int:
    return int.from_bytes(hashlib.sha256(f"{seed}:{case_id}".encode()).digest()[:4], "big")


def _import(spec: str, field: str) -> Any:
    module, _, attributes = spec.rpartition(":")
    try:
        value = import_module(module)
        for attribute in attributes.split("."):
            value = getattr(value, attribute)
        return value
    except (ModuleNotFoundError, AttributeError, ValueError) as exc:
        raise ConfigError(f"{field}: {spec!r} is not an importable module:function ({exc})") from exc


@lru_cache(maxsize=4)
def _price_table(spec: str) -> Any:
    """One price table per process (loading the CMS schedules takes a moment)."""
    return _import(spec, "prices")()


def _attempt_ledger(out: Path, case_id: str) -> Any:
    """A fresh ledger per attempt at a case, so a redone case's costs are not mixed with the last try."""
    from dxkit.ledger.ledger import Ledger

    root = out / "ledger"
    attempt = 1
    while (root / f"{case_id}-a{attempt}").exists():
        attempt += 1
    return Ledger(run_id=f"{case_id}-a{attempt}", root=root)


def _judge(config: RunConfig, predicted: str, truth: str) -> dict[str, Any]:
    if not predicted.strip():
        return {"score": 1.0, "correct": False, "levels": {}, "method": "no-answer"}
    judge = _import(config.judge, "judge")
    model = None
    if config.judge_model:
        from dxkit.models import get_chat_model

        model = get_chat_model(config.judge_model)
    result = judge(predicted, truth, model=model)
    data = result.model_dump() if hasattr(result, "model_dump") else dict(vars(result))
    return {"score": data.get("score"), "correct": bool(data.get("correct")),
            "levels": {k: bool(v) for k, v in (data.get("levels") or {}).items()}, "method": data.get("method")}


def run_case(config_data: dict[str, Any], case_data: dict[str, Any]) -> dict[str, Any]:
    """Work one case end to end and write its trace; returns the CaseResult as a dict."""
    from dxkit.evals.simulator.agents import make_solver
    from dxkit.tools.encounter import Encounter
    from dxkit.tools.gatekeeper import Gatekeeper, GatekeeperConfig
    from dxkit.tools.gatekeeper.gatekeeper import describe

    config = RunConfig.model_validate(config_data)
    case = Case.model_validate(case_data)
    started = time.perf_counter()
    seed = case_seed(config.seed, case.id)
    embedder = None
    if config.embedder:
        from dxkit.models import get_embedder

        embedder = get_embedder  # built only if a request needs it
    ledger = _attempt_ledger(config.out, case.id)
    matcher = None
    if config.gatekeeper_model:
        from dxkit.models import get_chat_model
        from dxkit.tools.gatekeeper.llm import LLMFieldMatcher

        matcher = LLMFieldMatcher(get_chat_model(config.gatekeeper_model), ledger=ledger)
    gatekeeper = Gatekeeper(case, GatekeeperConfig(policy=config.policy), embedder=embedder, matcher=matcher)
    encounter = Encounter(case, gatekeeper, _price_table(config.prices), ledger=ledger, budget=config.budget,
                          visit_usd=config.visit_usd)
    header = {"type": "case", "case_id": case.id, "source": case.source, "abstract": encounter.abstract,
              "options": encounter.options, "agent": config.agent, "variant": config.variant,
              "model": config.model, "budget": config.budget, "seed": seed, "policy": config.policy,
              "gatekeeper": describe(gatekeeper), "ledger_run": ledger.run_id}
    error = None
    try:
        solver = make_solver(config.agent, variant=config.variant, model=config.model, budget=config.budget,
                             seed=seed)
        outcome = solver.solve(encounter)
        if not outcome.diagnosis and encounter.final is not None and "cost-only" not in outcome.notes:
            outcome = outcome.model_copy(update={"diagnosis": encounter.final.diagnosis})
    except Exception as exc:  # noqa: BLE001 - a failing case is recorded, and redone on resume
        error = f"{type(exc).__name__}: {exc}"
        outcome = SolverOutcome(diagnosis="", notes=traceback.format_exc(limit=5))
    judgement = _judge(config, outcome.diagnosis, case.truth.diagnosis) if error is None else \
        {"score": None, "correct": False, "levels": {}, "method": None}
    costs = encounter.costs
    result = CaseResult(
        case_id=case.id, truth=case.truth.diagnosis, diagnosis=outcome.diagnosis, correct=judgement["correct"],
        score=judgement["score"], levels=judgement["levels"], judge_method=judgement["method"],
        cost_usd=costs.total_usd, visits=costs.visits, questions=encounter.questions_asked,
        tests=encounter.tests_ordered, steps=len(encounter.trace), llm_prompt_tokens=outcome.llm_prompt_tokens,
        llm_completion_tokens=outcome.llm_completion_tokens, llm_cost_usd=outcome.llm_cost_usd,
        duration_s=round(time.perf_counter() - started, 3), error=error,
    )
    records = [header]
    records += [{"type": "step", **step.model_dump(mode="json")} for step in encounter.trace]
    records.append({"type": "outcome", **outcome.model_dump(mode="json")})
    records.append({"type": "costs", **costs.model_dump(mode="json")})
    records.append({"type": "judgement", "truth": case.truth.diagnosis, "predicted": outcome.diagnosis,
                    **judgement})
    records.append({"type": "result", **result.model_dump(mode="json")})
    ledger.close()
    write_jsonl_atomic(trace_path(config.out, case.id), records)
    return result.model_dump(mode="json")


def _check_manifest(config: RunConfig) -> None:
    manifest = config.out / "run.json"
    settings = config.result_settings()
    if manifest.is_file():
        previous = json.loads(manifest.read_text("utf-8"))
        changed = {k: (previous.get(k), settings[k]) for k in settings if previous.get(k) != settings[k]}
        if changed:
            detail = ", ".join(f"{k}: {old!r} -> {new!r}" for k, (old, new) in changed.items())
            raise InputError("out", str(config.out), f"holds a run with other settings ({detail})",
                             accepted="the same settings to resume, or a new --out folder")
    else:
        write_text_atomic(manifest, json.dumps(settings, indent=2))


def _execute(config: RunConfig, todo: list[Case]) -> Iterator[dict[str, Any]]:
    config_data = config.model_dump(mode="json")
    if config.backend == "ray":
        from dxkit.evals.simulator.ray_backend import run_with_ray

        yield from run_with_ray(config_data, [c.model_dump(mode="json") for c in todo], config.workers)
    elif config.workers == 1 or len(todo) <= 1:
        for case in todo:
            yield run_case(config_data, case.model_dump(mode="json"))
    else:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor, as_completed

        # spawn: torch and tokenizers are not fork-safe once loaded
        context = multiprocessing.get_context("spawn")
        with ProcessPoolExecutor(max_workers=config.workers, mp_context=context) as pool:
            futures = [pool.submit(run_case, config_data, c.model_dump(mode="json")) for c in todo]
            for future in as_completed(futures):
                yield future.result()


def run_simulation(config: RunConfig, progress: Callable[[CaseResult, int, int], None] | None = None
                   ) -> list[CaseResult]:
    """Run (or resume) every case; returns all results in case-file order and writes the reports."""
    from dxkit.evals.simulator.loaders import load_cases

    cases = load_cases(config.cases)
    if config.limit is not None:
        cases = cases[:config.limit]
    config.out.mkdir(parents=True, exist_ok=True)
    _check_manifest(config)
    done = {c.id for c in cases if (r := read_result(trace_path(config.out, c.id))) and r.error is None}
    todo = [c for c in cases if c.id not in done]
    finished = len(done)
    for row in _execute(config, todo):
        finished += 1
        if progress is not None:
            progress(CaseResult.model_validate(row), finished, len(cases))
    results = [read_result(trace_path(config.out, c.id)) for c in cases]
    complete = [r for r in results if r is not None]
    from dxkit.evals.simulator.report import write_reports

    write_reports(config, complete)
    return complete
