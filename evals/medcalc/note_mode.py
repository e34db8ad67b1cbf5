"""MedCalc-Bench from the note alone: selection, extraction and end-to-end accuracy.

For each row:
- selection with the question hidden: is the row's calculator dxkit's top-1 / top-3?
- end to end: `assess(note, question)` as a user would call it; the calculator it picks is
  run on the inputs read from the note (unmentioned findings taken as absent, the
  benchmark's convention) and scored with the benchmark's rule;
- extraction: field-level precision and recall against the row's Relevant Entities, mapped
  to dxkit inputs by the same adapters as the structured mode;
- failure cause for each wrong row: selection (wrong calculator), unit (a value matches the
  entity's number but not after conversion), extraction (an input missing or different from
  the entities), formula (inputs agree, result does not: calculator or label).
"""

from __future__ import annotations

import json
import math
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field

from dxkit.calculators.base import Calculator
from dxkit.calculators.registry import registry
from dxkit.errors import DxkitError, InputError
from dxkit.evals.medcalc.adapters import collect_adapters
from dxkit.evals.medcalc.dataset import MedCalcRow, default_csv, load_rows
from dxkit.evals.medcalc.scoring import is_correct


class NoteRowOutcome(BaseModel):
    row_number: int
    calculator_id: int
    selected_top3: list[str]
    selection_top1: bool
    selection_top3: bool
    chosen_with_question: str | None
    value: Any = None
    label: str
    correct: bool
    cause: str | None = None  # selection | extraction | unit | formula
    field_tp: int = 0
    field_fp: int = 0
    field_fn: int = 0
    mismatched_fields: list[str] = Field(default_factory=list)


def _canonical(calc: Calculator, inputs: dict[str, Any]) -> dict[str, Any]:
    """Inputs converted to the calculator's units, one field at a time (bad ones dropped)."""
    from dxkit.calculators.base import _coerce_one  # the calculator's own per-field conversion

    out = {}
    for name, value in inputs.items():
        try:
            out[name] = _coerce_one(calc.Inputs, name, value)
        except (InputError, KeyError):
            continue
    return out


def _same(a: Any, b: Any) -> bool:
    if isinstance(a, int | float) and isinstance(b, int | float) and not isinstance(a, bool):
        return math.isclose(float(a), float(b), rel_tol=0.02, abs_tol=1e-6)
    return a == b


def _raw_number(value: Any) -> float | None:
    if isinstance(value, list | tuple) and value and isinstance(value[0], int | float):
        return float(value[0])
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else None


def _compare(calc: Calculator, predicted: dict[str, Any], gold: dict[str, Any]) -> tuple[int, int, int, list[str], bool]:
    """Field-level TP/FP/FN (a False flag counts as 'not asserted'), mismatches, unit-only?"""
    pred_c, gold_c = _canonical(calc, predicted), _canonical(calc, gold)
    tp = fp = fn = 0
    mismatched: list[str] = []
    unit_only = True
    for name in calc.Inputs.model_fields:
        p, g = pred_c.get(name), gold_c.get(name)
        p_asserted = p is not None and p is not False
        g_asserted = g is not None and g is not False
        if p_asserted and g_asserted and _same(p, g):
            tp += 1
            continue
        if p_asserted:
            fp += 1
        if g_asserted:
            fn += 1
        if (p_asserted or g_asserted) and not (p is False and g is None) and not (p is None and g is False):
            mismatched.append(name)
            raw_p, raw_g = _raw_number(predicted.get(name)), _raw_number(gold.get(name))
            if raw_p is None or raw_g is None or not math.isclose(raw_p, raw_g, rel_tol=0.01):
                unit_only = False
    return tp, fp, fn, mismatched, unit_only and bool(mismatched)


def score_note_row(row: MedCalcRow, adapters: dict[int, Any], llm: Any = None) -> NoteRowOutcome:
    from dxkit.agent.risk.pipeline import assess
    from dxkit.tools.calculator_selection import rank_calculators
    from dxkit.tools.extraction import extract
    from dxkit.tools.extraction.to_inputs import fill_inputs

    reg = registry()
    target = reg.by_medcalc_id(row.calculator_id)
    facts = extract(row.patient_note)  # the question stays hidden for the selection measure
    hidden = rank_calculators(row.patient_note, None, k=3, facts=facts)
    top3 = [c.calculator_id for c in hidden]
    with_question = assess(row.patient_note, row.question, top_k=1, llm=llm, facts=facts)
    chosen = with_question.best
    outcome = NoteRowOutcome(
        row_number=row.row_number, calculator_id=row.calculator_id, selected_top3=top3,
        selection_top1=bool(target and top3 and top3[0] == target.id),
        selection_top3=bool(target and target.id in top3),
        chosen_with_question=chosen.calculator_id if chosen else None, label=row.ground_truth, correct=False,
    )
    if target is None or chosen is None or chosen.calculator_id != target.id:
        outcome.cause = "selection"
        return outcome
    predicted = {k: v.value for k, v in chosen.inputs_from_note.items()}
    try:
        value = target.run(predicted, missing="assume_absent").value
    except InputError:
        value = None
    outcome.value = value
    outcome.correct = is_correct(value, calculator_id=row.calculator_id, output_type=row.output_type,
                                 ground_truth=row.ground_truth, lower=row.lower_limit, upper=row.upper_limit)
    gold: dict[str, Any] = {}
    adapter = adapters.get(row.calculator_id)
    if adapter is not None:
        try:
            gold = adapter(row.entities)
        except (InputError, KeyError, ValueError, TypeError):
            gold = {}
    tp, fp, fn, mismatched, unit_only = _compare(target, fill_inputs(target, facts).inputs | predicted, gold)
    outcome.field_tp, outcome.field_fp, outcome.field_fn = tp, fp, fn
    outcome.mismatched_fields = mismatched
    if not outcome.correct:
        outcome.cause = ("unit" if unit_only else "extraction") if mismatched else "formula"
    return outcome


class NoteModeReport(BaseModel):
    rows: list[NoteRowOutcome]

    def figures(self) -> dict[str, Any]:
        n = len(self.rows) or 1
        tp = sum(r.field_tp for r in self.rows)
        fp = sum(r.field_fp for r in self.rows)
        fn = sum(r.field_fn for r in self.rows)
        return {
            "rows": len(self.rows),
            "end_to_end_accuracy": sum(r.correct for r in self.rows) / n,
            "selection_top1_question_hidden": sum(r.selection_top1 for r in self.rows) / n,
            "selection_top3_question_hidden": sum(r.selection_top3 for r in self.rows) / n,
            "selection_top1_with_question": sum(r.cause != "selection" for r in self.rows) / n,
            "extraction_field_precision": tp / (tp + fp) if tp + fp else 0.0,
            "extraction_field_recall": tp / (tp + fn) if tp + fn else 0.0,
            "failure_causes": dict(Counter(r.cause for r in self.rows if not r.correct)),
        }

    def per_calculator(self) -> dict[int, tuple[int, int]]:
        table: dict[int, list[int]] = defaultdict(lambda: [0, 0])
        for r in self.rows:
            table[r.calculator_id][0] += int(r.correct)
            table[r.calculator_id][1] += 1
        return {k: (v[0], v[1]) for k, v in sorted(table.items())}


def run_note_mode(csv_path: str | Path | None = None, ids: set[int] | None = None, llm: Any = None,
                  progress: bool = True) -> NoteModeReport:
    path = csv_path or default_csv()
    if path is None:
        raise DxkitError("no --csv given and the shared MedCalc-Bench dev split is not beside the checkout")
    rows = load_rows(path, ids)
    adapters = collect_adapters()
    outcomes = []
    if progress:
        from rich.progress import track

        iterator = track(rows, description="MedCalc note mode")
    else:
        iterator = rows
    for row in iterator:
        outcomes.append(score_note_row(row, adapters, llm))
    return NoteModeReport(rows=outcomes)


def print_note_report(report: NoteModeReport) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console()
    figures = report.figures()
    table = Table(title="MedCalc-Bench, note mode (no LLM unless --llm)")
    table.add_column("figure")
    table.add_column("value", justify="right")
    for key, value in figures.items():
        table.add_row(key, f"{value:.3f}" if isinstance(value, float) else str(value))
    console.print(table)
    per = Table(title="accuracy per calculator")
    per.add_column("MedCalc id", justify="right")
    per.add_column("calculator")
    per.add_column("correct", justify="right")
    for cid, (correct, total) in report.per_calculator().items():
        calc = registry().by_medcalc_id(cid)
        per.add_row(str(cid), calc.name if calc else "?", f"{correct}/{total}")
    console.print(per)


def run(csv_path: str | Path | None = None, out_dir: str | Path | None = None, ids: set[int] | None = None,
        llm: Any = None) -> NoteModeReport:
    """Entry point of `dxkit eval medcalc --mode note`."""
    if isinstance(llm, str):
        from dxkit.models import get_chat_model

        llm = get_chat_model(llm)
    report = run_note_mode(csv_path, ids, llm)
    print_note_report(report)
    if out_dir:
        out = Path(out_dir)
        out.mkdir(parents=True, exist_ok=True)
        (out / "note_mode_summary.json").write_text(json.dumps(report.figures(), indent=2))
        with (out / "note_mode_rows.jsonl").open("w") as handle:
            for row in report.rows:
                handle.write(row.model_dump_json() + "\n")
    return report


def main() -> None:
    import argparse

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--csv", default=None)
    parser.add_argument("--out", default=None)
    parser.add_argument("--ids", default=None, help="comma-separated MedCalc calculator ids")
    parser.add_argument("--llm", default=None, help="optional chat model spec for LLM-assisted extraction")
    args = parser.parse_args()
    ids = {int(i) for i in args.ids.split(",")} if args.ids else None
    run(args.csv, args.out, ids, args.llm)


if __name__ == "__main__":
    main()
