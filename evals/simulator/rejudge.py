"""Judge a finished run again (a new judge, or an LLM judge) without re-running any solver."""

from __future__ import annotations

import json
from pathlib import Path

from dxkit.errors import InputError
from dxkit.evals.simulator.runner import DEFAULT_JUDGE, RunConfig, _judge
from dxkit.evals.simulator.traces import CaseResult, read_trace, write_jsonl_atomic, write_text_atomic


def rejudge(out: Path, judge: str = DEFAULT_JUDGE, judge_model: str | None = None) -> list[CaseResult]:
    """Rewrite each finished trace's judgement and result, update run.json, and redo the reports."""
    manifest = out / "run.json"
    if not manifest.is_file():
        raise InputError("out", str(out), "holds no simulation run (run.json missing)",
                         accepted="a folder written by `dxkit simulate`")
    settings = json.loads(manifest.read_text("utf-8"))
    settings.update(judge=judge, judge_model=judge_model)
    config = RunConfig.model_validate({**settings, "out": out})
    results: list[CaseResult] = []
    for path in sorted((out / "traces").glob("*.jsonl")):
        records = read_trace(path)
        if not records or records[-1].get("type") != "result":
            continue
        result = CaseResult.model_validate({k: v for k, v in records[-1].items() if k != "type"})
        if result.error is None:
            judgement = _judge(config, result.diagnosis, result.truth)
            result = result.model_copy(update={"correct": judgement["correct"], "score": judgement["score"],
                                               "levels": judgement["levels"], "judge_method": judgement["method"]})
            records = [r for r in records if r.get("type") not in ("judgement", "result")]
            records.append({"type": "judgement", "truth": result.truth, "predicted": result.diagnosis, **judgement})
            records.append({"type": "result", **result.model_dump(mode="json")})
            write_jsonl_atomic(path, records)
        results.append(result)
    write_text_atomic(manifest, json.dumps(config.result_settings(), indent=2))
    from dxkit.evals.simulator.loaders import load_cases

    order = {case.id: i for i, case in enumerate(load_cases(config.cases))}
    results.sort(key=lambda r: order.get(r.case_id, len(order)))
    from dxkit.evals.simulator.report import write_reports

    write_reports(config, results)
    return results
