"""Structured mode: run each row's Relevant Entities through the matching dxkit calculator.

    python -m dxkit.evals.medcalc.structured --csv FILE [--ids 2 3 5] [--out DIR]

Every row goes through `adapter(entities)` then
`registry().by_medcalc_id(id).run(inputs, missing="assume_absent")` and is scored by the
benchmark's rule. Nothing here looks at a row's label before computing its value.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field

from dxkit.calculators.registry import registry
from dxkit.errors import DxkitError
from dxkit.evals.medcalc.adapters import Adapter, collect_adapters
from dxkit.evals.medcalc.dataset import MedCalcRow, default_csv, load_rows
from dxkit.evals.medcalc.label_errors import LabelError, find, load_label_errors
from dxkit.evals.medcalc.scoring import format_value, is_correct


class RowOutcome(BaseModel):
    row_number: int
    calculator_id: int
    calculator_name: str
    label: str
    lower_limit: str = ""
    upper_limit: str = ""
    dxkit_value: str = ""
    correct: bool
    correct_after_label_errors: bool
    label_error: str | None = None
    error: str | None = None
    inputs: dict[str, Any] = Field(default_factory=dict)
    assumed: dict[str, Any] = Field(default_factory=dict)


class CalculatorScore(BaseModel):
    calculator_id: int
    name: str
    rows: int
    correct: int
    correct_after_label_errors: int

    @property
    def accuracy(self) -> float:
        return self.correct / self.rows if self.rows else 0.0

    @property
    def accuracy_after_label_errors(self) -> float:
        return self.correct_after_label_errors / self.rows if self.rows else 0.0


class StructuredReport(BaseModel):
    csv: str
    rows: int
    correct: int
    correct_after_label_errors: int
    per_calculator: list[CalculatorScore]
    outcomes: list[RowOutcome]

    @property
    def accuracy(self) -> float:
        return self.correct / self.rows if self.rows else 0.0

    @property
    def accuracy_after_label_errors(self) -> float:
        return self.correct_after_label_errors / self.rows if self.rows else 0.0

    def disagreements(self) -> list[RowOutcome]:
        return [o for o in self.outcomes if not o.correct]


def score_row(row: MedCalcRow, adapters: dict[int, Adapter], errors: list[LabelError]) -> RowOutcome:
    base = {"row_number": row.row_number, "calculator_id": row.calculator_id,
            "calculator_name": row.calculator_name, "label": row.ground_truth,
            "lower_limit": row.lower_limit, "upper_limit": row.upper_limit}
    adapter = adapters.get(row.calculator_id)
    calc = registry().by_medcalc_id(row.calculator_id)
    if adapter is None or calc is None:
        problem = "no adapter" if adapter is None else "no calculator"
        return RowOutcome(**base, correct=False, correct_after_label_errors=False,
                          error=f"{problem} for MedCalc id {row.calculator_id}")
    inputs: dict[str, Any] = {}
    try:
        inputs = adapter(row.entities)
        result = calc.run(inputs, missing="assume_absent")
    except (DxkitError, ValueError, KeyError, TypeError) as exc:
        documented = find(errors, row)  # a documented impossible input that dxkit rightly refuses
        refused_as_documented = documented is not None and documented.matches_value(None)
        return RowOutcome(**base, correct=False, correct_after_label_errors=refused_as_documented,
                          error=str(exc), inputs=_jsonable(inputs),
                          label_error=documented.reason if documented else None)
    if result.missing:
        return RowOutcome(**base, correct=False, correct_after_label_errors=False, inputs=_jsonable(inputs),
                          error=f"missing inputs: {', '.join(result.missing)}", assumed=result.assumed)
    correct = is_correct(result.value, calculator_id=row.calculator_id, output_type=row.output_type,
                         ground_truth=row.ground_truth, lower=row.lower_limit, upper=row.upper_limit)
    documented = find(errors, row)
    corrected = correct or (documented is not None and documented.matches_value(result.value))
    return RowOutcome(**base, dxkit_value=format_value(result.value, row.calculator_id), correct=correct,
                      correct_after_label_errors=corrected,
                      label_error=documented.reason if documented else None,
                      inputs=_jsonable(result.inputs), assumed=_jsonable(result.assumed))


def _jsonable(data: dict[str, Any]) -> dict[str, Any]:
    return {k: v if isinstance(v, str | int | float | bool | type(None)) else repr(v) for k, v in data.items()}


def run_structured(csv_path: str | Path | None = None, ids: set[int] | None = None) -> StructuredReport:
    path = Path(csv_path) if csv_path else default_csv()
    if path is None:
        raise DxkitError("no --csv given and the shared MedCalc-Bench dev split is absent")
    rows = load_rows(path, ids)
    adapters = collect_adapters()
    errors = load_label_errors()
    outcomes = [score_row(row, adapters, errors) for row in rows]
    per: dict[int, CalculatorScore] = {}
    for o in outcomes:
        score = per.setdefault(o.calculator_id, CalculatorScore(
            calculator_id=o.calculator_id, name=o.calculator_name, rows=0, correct=0,
            correct_after_label_errors=0))
        score.rows += 1
        score.correct += o.correct
        score.correct_after_label_errors += o.correct_after_label_errors
    return StructuredReport(
        csv=str(path), rows=len(outcomes), correct=sum(o.correct for o in outcomes),
        correct_after_label_errors=sum(o.correct_after_label_errors for o in outcomes),
        per_calculator=[per[k] for k in sorted(per)], outcomes=outcomes,
    )


def main(argv: list[str] | None = None) -> None:
    from dxkit.evals.medcalc.report import print_report, write_report

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--csv", default=None, help="a MedCalc-Bench CSV (default: the shared dev split)")
    parser.add_argument("--ids", type=int, nargs="*", default=None, help="MedCalc calculator ids to run")
    parser.add_argument("--out", default=None, help="folder for disagreements.jsonl/.md and summary.json")
    args = parser.parse_args(argv)
    report = run_structured(args.csv, set(args.ids) if args.ids else None)
    print_report(report)
    if args.out:
        write_report(report, Path(args.out))


if __name__ == "__main__":
    main()
