"""Read a MedCalc-Bench CSV exactly as published (v1.0 columns) into typed rows."""

from __future__ import annotations

import ast
import csv
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from dxkit.errors import InputError

DEFAULT_DEV_CSV = Path(__file__).resolve().parents[2] / ".." / "shared" / "data" / "medcalc_bench" / \
    "medcalc_bench_v1.0_dev.csv"

_COLUMNS = {
    "Row Number": "row_number", "Calculator ID": "calculator_id", "Calculator Name": "calculator_name",
    "Category": "category", "Output Type": "output_type", "Note ID": "note_id", "Note Type": "note_type",
    "Patient Note": "patient_note", "Question": "question", "Relevant Entities": "relevant_entities",
    "Ground Truth Answer": "ground_truth", "Lower Limit": "lower_limit", "Upper Limit": "upper_limit",
    "Ground Truth Explanation": "explanation",
}


class MedCalcRow(BaseModel):
    """One benchmark row. `entities` is the parsed Relevant Entities dict."""

    row_number: int
    calculator_id: int
    calculator_name: str
    category: str = ""
    output_type: str
    note_id: str = ""
    note_type: str = ""
    patient_note: str = ""
    question: str = ""
    relevant_entities: str = "{}"
    ground_truth: str
    lower_limit: str = ""
    upper_limit: str = ""
    explanation: str = ""

    @property
    def entities(self) -> dict[str, Any]:
        # a Python literal (single quotes, True/False): literal_eval, never eval
        parsed = ast.literal_eval(self.relevant_entities) if self.relevant_entities.strip() else {}
        if not isinstance(parsed, dict):
            raise InputError("Relevant Entities", self.relevant_entities[:60], "is not a dict literal")
        return parsed


def default_csv() -> Path | None:
    """The shared dev split when it sits beside the checkout."""
    path = DEFAULT_DEV_CSV.resolve()
    return path if path.is_file() else None


def load_rows(path: str | Path, ids: set[int] | None = None) -> list[MedCalcRow]:
    path = Path(path)
    if not path.is_file():
        raise InputError("csv", str(path), "is not a file", accepted="a MedCalc-Bench CSV")
    with path.open(newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        missing = {"Row Number", "Calculator ID", "Output Type", "Ground Truth Answer"} - set(reader.fieldnames or [])
        if missing:
            raise InputError("csv", str(path), f"lacks the columns {sorted(missing)}",
                             accepted="the MedCalc-Bench v1.0 columns")
        rows = [MedCalcRow(**{_COLUMNS[k]: v for k, v in record.items() if k in _COLUMNS})
                for record in reader]
    return [r for r in rows if ids is None or r.calculator_id in ids]
