"""Write and print a structured-mode report: per-calculator accuracy and every disagreement."""

from __future__ import annotations

import json
from pathlib import Path

from rich.console import Console
from rich.table import Table

from dxkit.evals.medcalc.structured import StructuredReport


def summary(report: StructuredReport) -> dict[str, object]:
    return {
        "csv": report.csv, "rows": report.rows, "correct": report.correct,
        "accuracy": round(report.accuracy, 4),
        "correct_after_label_errors": report.correct_after_label_errors,
        "accuracy_after_label_errors": round(report.accuracy_after_label_errors, 4),
        "per_calculator": [
            {"calculator_id": s.calculator_id, "name": s.name, "rows": s.rows, "correct": s.correct,
             "correct_after_label_errors": s.correct_after_label_errors} for s in report.per_calculator
        ],
    }


def write_report(report: StructuredReport, out: Path) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    paths = [out / "summary.json", out / "disagreements.jsonl", out / "disagreements.md"]
    paths[0].write_text(json.dumps(summary(report), indent=2), encoding="utf-8")
    with paths[1].open("w", encoding="utf-8") as handle:
        for outcome in report.disagreements():
            handle.write(outcome.model_dump_json() + "\n")
    lines = [
        "# MedCalc-Bench structured mode: disagreements", "",
        f"CSV: `{report.csv}`; rows {report.rows}; accuracy {report.accuracy:.1%} raw, "
        f"{report.accuracy_after_label_errors:.1%} after documented label errors.", "",
        "| row | id | calculator | label | limits | dxkit | documented label error | error |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for o in report.disagreements():
        limits = f"{o.lower_limit}..{o.upper_limit}" if o.lower_limit else ""
        cells = [str(o.row_number), str(o.calculator_id), o.calculator_name, o.label, limits,
                 o.dxkit_value, o.label_error or "", o.error or ""]
        lines.append("| " + " | ".join(c.replace("|", "/").replace("\n", " ") for c in cells) + " |")
    paths[2].write_text("\n".join(lines) + "\n", encoding="utf-8")
    return paths


def print_report(report: StructuredReport, console: Console | None = None) -> None:
    console = console or Console()
    table = Table(title=f"MedCalc-Bench structured mode ({report.rows} rows)")
    for column in ("id", "calculator", "rows", "correct", "acc", "acc after label errors"):
        table.add_column(column, justify="right" if column != "calculator" else "left")
    for s in report.per_calculator:
        table.add_row(str(s.calculator_id), s.name, str(s.rows), str(s.correct), f"{s.accuracy:.0%}",
                      f"{s.accuracy_after_label_errors:.0%}")
    console.print(table)
    console.print(f"[bold]overall[/] {report.correct}/{report.rows} = {report.accuracy:.1%} raw; "
                  f"{report.correct_after_label_errors}/{report.rows} = "
                  f"{report.accuracy_after_label_errors:.1%} after documented label errors")
    disagreements = report.disagreements()
    if disagreements:
        shown = Table(title=f"{len(disagreements)} disagreements with the label")
        for column in ("row", "id", "label", "dxkit", "note"):
            shown.add_column(column)
        for o in disagreements[:40]:
            note = o.error or (f"label error: {o.label_error}" if o.label_error else "")
            shown.add_row(str(o.row_number), str(o.calculator_id), o.label, o.dxkit_value, note[:80])
        console.print(shown)
        if len(disagreements) > 40:
            console.print(f"... and {len(disagreements) - 40} more (see --out)")
