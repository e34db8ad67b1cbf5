"""Batch synthesis: many questions from a YAML file, resumable, in parallel (processes or Ray).

QUESTIONS.yaml is a list of questions, or a mapping with `questions:` and optional `defaults:`.
Each question: `id`, `question`, optional `pico`, `criteria`, `config`, and `studies` (a list of
studies, or a path to a folder of Markdown files / a YAML or JSON list; relative to the YAML).
A question whose `<out>/<id>/result.json` exists is skipped, so a killed batch resumes.
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field

from dxkit.agent.synthesis.audit import log_step
from dxkit.agent.synthesis.report import write_atomic
from dxkit.errors import InputError

SLUG = re.compile(r"[^A-Za-z0-9_.-]+")


class QuestionSpec(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: str = Field(min_length=1)
    question: str | None = None
    pico: dict[str, Any] | None = None
    criteria: list[dict[str, Any]] | None = None
    studies: list[dict[str, Any]] | str | None = None
    config: dict[str, Any] = Field(default_factory=dict)


class QuestionOutcome(BaseModel):
    id: str
    status: str  # "done", "skipped" or "failed"
    seconds: float = 0.0
    error: str | None = None
    cost_usd: float = 0.0
    run_id: str | None = None


def slug(text: str) -> str:
    return SLUG.sub("-", text).strip("-")[:80] or "question"


def load_questions(path: Path) -> list[QuestionSpec]:
    if not path.is_file():
        raise InputError("questions", str(path), "is not a file", accepted="a YAML file of questions")
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    defaults: dict[str, Any] = {}
    if isinstance(data, dict):
        defaults = data.get("defaults") or {}
        data = data.get("questions")
    if not isinstance(data, list) or not data:
        raise InputError("questions", str(path), "holds no list of questions",
                         accepted="a YAML list, or a mapping with a 'questions' list")
    specs = []
    for position, raw in enumerate(data):
        if isinstance(raw, str):
            raw = {"question": raw}
        raw = {**defaults, **raw}
        raw["config"] = {**defaults.get("config", {}), **raw.get("config", {})}
        raw.setdefault("id", slug(raw.get("question") or f"q{position + 1}"))
        if isinstance(raw.get("studies"), str):
            raw["studies"] = str((path.parent / raw["studies"]).resolve())
        specs.append(QuestionSpec.model_validate(raw))
    ids = [s.id for s in specs]
    if len(set(ids)) != len(ids):
        raise InputError("id", sorted({i for i in ids if ids.count(i) > 1}), "is used by several questions",
                         accepted="unique ids")
    return specs


def load_studies(source: list[dict[str, Any]] | str | None) -> list[dict[str, Any]] | None:
    if source is None or isinstance(source, list):
        return source
    path = Path(source)
    if path.is_dir():
        return [{"id": p.stem, "title": p.stem, "text": p.read_text(encoding="utf-8")} for p in sorted(path.glob("*.md"))]
    if path.is_file():
        text = path.read_text(encoding="utf-8")
        data = json.loads(text) if path.suffix == ".json" else yaml.safe_load(text)
        if isinstance(data, list):
            return data
    raise InputError("studies", source, "is neither a folder of .md files nor a YAML/JSON list of studies")


def run_question(spec: dict[str, Any], out_dir: str, index_dir: str | None, model: str | None,
                 ledger_root: str | None = None) -> dict[str, Any]:
    """Run one question in this process; returns a QuestionOutcome as a dict (picklable both ways)."""
    from dxkit.agent.synthesis.api import synthesize
    from dxkit.agent.synthesis.report import write_reports
    from dxkit.ledger import Ledger

    question = QuestionSpec.model_validate(spec)
    target = Path(out_dir) / slug(question.id)
    if (target / "result.json").is_file():
        return QuestionOutcome(id=question.id, status="skipped").model_dump()
    started = time.monotonic()
    ledger = Ledger(run_id=f"synthesis-{slug(question.id)}-{int(time.time() * 1000)}",
                    root=Path(ledger_root) if ledger_root else Path(out_dir) / "ledger")
    try:
        result = synthesize(question.pico or question.question or "", index=index_dir, model=model,
                            studies=load_studies(question.studies), criteria=question.criteria,
                            config=question.config, ledger=ledger, question=question.question)
        write_reports(result, target)
        return QuestionOutcome(id=question.id, status="done", seconds=time.monotonic() - started,
                               cost_usd=result.cost_usd, run_id=ledger.run_id).model_dump()
    except Exception as exc:  # one bad question must not stop the batch; the error is reported
        log_step(ledger, "error", {"question": question.id, "error": f"{type(exc).__name__}: {exc}"})
        return QuestionOutcome(id=question.id, status="failed", seconds=time.monotonic() - started,
                               error=f"{type(exc).__name__}: {exc}", run_id=ledger.run_id).model_dump()
    finally:
        ledger.close()


def run_batch(questions_file: Path, out_dir: Path, index_dir: Path | None = None, model: str | None = None,
              workers: int = 1, backend: str = "local",
              progress: Callable[[QuestionOutcome], None] | None = None) -> list[QuestionOutcome]:
    """Run every question not yet done; write `<out>/summary.json`."""
    specs = [s.model_dump() for s in load_questions(questions_file)]
    out_dir.mkdir(parents=True, exist_ok=True)
    args = (str(out_dir), str(index_dir) if index_dir else None, model)
    outcomes: list[QuestionOutcome] = []

    def collect(raw: dict[str, Any]) -> None:
        outcome = QuestionOutcome.model_validate(raw)
        outcomes.append(outcome)
        if progress:
            progress(outcome)

    if backend == "ray":
        try:
            import ray
        except ImportError as exc:
            raise InputError("backend", "ray", "needs the 'distributed' extra", accepted="pip install dxkit[distributed]") from exc
        if not ray.is_initialized():
            ray.init(num_cpus=max(1, workers), include_dashboard=False, ignore_reinit_error=True)
        remote = ray.remote(run_question)
        pending = [remote.remote(spec, *args) for spec in specs]
        while pending:
            done, pending = ray.wait(pending, num_returns=1)
            collect(ray.get(done[0]))
    elif backend == "local" and workers > 1:
        from concurrent.futures import ProcessPoolExecutor, as_completed

        with ProcessPoolExecutor(max_workers=workers) as pool:
            for future in as_completed([pool.submit(run_question, spec, *args) for spec in specs]):
                collect(future.result())
    elif backend == "local":
        for spec in specs:
            collect(run_question(spec, *args))
    else:
        raise InputError("backend", backend, "is not a batch backend", accepted="local, ray")
    order = {s["id"]: i for i, s in enumerate(specs)}
    outcomes.sort(key=lambda o: order.get(o.id, 0))
    write_atomic(out_dir / "summary.json", json.dumps([o.model_dump() for o in outcomes], indent=1))
    return outcomes
