"""Run outputs: summary.json, summary.md, accuracy_vs_cost.png and a self-contained report.html."""

from __future__ import annotations

import base64
import html
import json
from pathlib import Path
from typing import Any

from dxkit.evals.simulator.plot import accuracy_cost_png
from dxkit.evals.simulator.summary import RunSummary, summarise, summary_table
from dxkit.evals.simulator.traces import CaseResult, read_trace, trace_path, write_text_atomic

_STYLE = """body{font-family:system-ui,sans-serif;margin:2em;max-width:1100px}
table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:3px 8px;font-size:13px}
details{margin:.3em 0;border:1px solid #ddd;padding:.3em .6em}summary{cursor:pointer}
pre{white-space:pre-wrap;background:#f7f7f7;padding:.4em;margin:.2em 0}.ok{color:#186a00}.bad{color:#a00}
.meta{color:#555;font-size:12px}"""


def run_label(config: Any) -> str:
    label = config.agent + (f":{config.variant}" if config.variant else "")
    return label + (f" [{config.model}]" if config.model else "")


def write_reports(config: Any, results: list[CaseResult]) -> RunSummary:
    out: Path = config.out
    summary = summarise(results, run_label(config))
    write_text_atomic(out / "summary.json", summary.model_dump_json(indent=2))
    write_text_atomic(out / "summary.md", summary_table([summary]) + "\n")
    png = accuracy_cost_png([(summary, results)])
    write_text_atomic(out / "accuracy_vs_cost.png", png)
    write_text_atomic(out / "report.html", render_html(config, summary, results, png))
    return summary


def _e(value: Any) -> str:
    return html.escape(str(value))


def _case_html(out: Path, result: CaseResult) -> str:
    mark = '<span class="ok">correct</span>' if result.correct else '<span class="bad">incorrect</span>'
    head = (f"<summary><b>{_e(result.case_id)}</b>: {mark}; predicted <i>{_e(result.diagnosis) or '(none)'}</i>; "
            f"truth <i>{_e(result.truth)}</i>; ${result.cost_usd:,.0f}; {result.questions} questions, "
            f"{result.tests} tests</summary>")
    parts = [head]
    if result.error:
        parts.append(f'<p class="bad">error: {_e(result.error)}</p>')
    for record in read_trace(trace_path(out, result.case_id)):
        kind = record.get("type")
        if kind == "case":
            parts.append(f"<p><b>Abstract:</b> {_e(record['abstract'])}</p>"
                         f"<p class=meta>policy {_e(record['policy'])}, seed {_e(record['seed'])}, "
                         f"ledger {_e(record.get('ledger_run'))}</p>")
        elif kind == "step":
            action = dict(record["action"])
            parts.append(f"<p><b>Step {record['step']}</b> {_e(action.pop('kind'))}: "
                         f"{_e(json.dumps(action, ensure_ascii=False))} "
                         f"<span class=meta>(spent ${record['spent_usd']:,.2f})</span></p>")
            for obs in record["observations"]:
                charge = obs.get("charge")
                price = f" ${charge['price_usd']:,.2f} {_e(','.join(charge['codes']))} ({_e(charge['method'])})" \
                    if charge else ""
                where = f" &larr; {_e(', '.join(obs['field_paths']))}" if obs.get("field_paths") else ""
                policy = f" policy={_e(obs['policy'])}" if obs.get("policy") else ""
                parts.append(f"<div class=meta>{_e(obs['request'])} [{_e(obs['status'])}{policy}]{where}{price}"
                             f"</div><pre>{_e(obs['text'])}</pre>")
        elif kind == "judgement":
            parts.append(f"<p><b>Judge</b> ({_e(record.get('method'))}): score {_e(record.get('score'))}, "
                         f"levels {_e(json.dumps(record.get('levels')))}</p>")
    return "<details>" + "\n".join(parts) + "</details>"


def render_html(config: Any, summary: RunSummary, results: list[CaseResult], png: bytes) -> str:
    """One HTML file with the summary table, the plot (inline PNG) and each case's trace."""
    rows = "".join(f"<tr><th>{_e(k)}</th><td>{_e(v)}</td></tr>" for k, v in summary.model_dump().items())
    settings = "".join(f"<tr><th>{_e(k)}</th><td>{_e(v)}</td></tr>"
                       for k, v in config.model_dump(mode="json").items())
    image = base64.b64encode(png).decode("ascii")
    cases = "\n".join(_case_html(config.out, r) for r in results)
    return (f"<!doctype html><html><head><meta charset=utf-8><title>dxkit simulation: {_e(summary.label)}</title>"
            f"<style>{_STYLE}</style></head><body><h1>Sequential-diagnosis run: {_e(summary.label)}</h1>"
            f"<h2>Summary</h2><table>{rows}</table><h2>Accuracy vs cost</h2>"
            f"<img alt='accuracy versus cost' src='data:image/png;base64,{image}'>"
            f"<h2>Settings</h2><table>{settings}</table><h2>Cases ({len(results)})</h2>{cases}</body></html>")


def write_comparison(run_dirs: list[Path], out: Path) -> list[RunSummary]:
    """comparison.md (one row per run) and comparison.png (accuracy vs cost) for finished runs."""
    from dxkit.errors import InputError
    from dxkit.evals.simulator.traces import read_result

    runs: list[tuple[RunSummary, list[CaseResult]]] = []
    for run in run_dirs:
        path = Path(run) / "summary.json"
        if not path.is_file():
            raise InputError("compare", str(run), "holds no summary.json", accepted="folders written by simulate")
        summary = RunSummary.model_validate_json(path.read_text("utf-8"))
        results = [r for p in sorted((Path(run) / "traces").glob("*.jsonl")) if (r := read_result(p))]
        runs.append((summary, results))
    summaries = [summary for summary, _ in runs]
    write_text_atomic(out / "comparison.md", summary_table(summaries) + "\n")
    write_text_atomic(out / "comparison.png", accuracy_cost_png(runs))
    return summaries
