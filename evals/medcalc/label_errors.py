"""Documented MedCalc-Bench label errors (label_errors.yaml, mirrored in medcalc_label_errors.md).

An entry says: on this row the label disagrees with the published formula, and the
formula gives `dxkit`. A row counts as correct "after label errors" only when the entry
matches the row (row number, calculator id and label) and dxkit still produces that value,
so a later regression is never hidden by the list.
"""

from __future__ import annotations

from pathlib import Path

import yaml
from pydantic import BaseModel

from dxkit.evals.medcalc.dataset import MedCalcRow
from dxkit.evals.medcalc.scoring import DATE_IDS, WEEKS_DAYS_IDS, parse_date, parse_weeks_days, to_float

LABEL_ERRORS_YAML = Path(__file__).with_name("label_errors.yaml")


REFUSED = "refused"  # dxkit rejects the row's input as physiologically impossible


class LabelError(BaseModel):
    row: int
    calculator_id: int
    label: str
    dxkit: str
    reason: str
    source: str

    def applies_to(self, row: MedCalcRow) -> bool:
        return (row.row_number == self.row and row.calculator_id == self.calculator_id
                and row.ground_truth.strip() == self.label.strip())

    def matches_value(self, value: object) -> bool:
        """dxkit's current value equals the documented one (0.5% for decimals)."""
        if self.dxkit == REFUSED:
            return value is None
        if self.calculator_id in DATE_IDS:
            return parse_date(str(value)) == parse_date(self.dxkit)
        if self.calculator_id in WEEKS_DAYS_IDS:
            return parse_weeks_days(value) == parse_weeks_days(self.dxkit)
        mine, documented = to_float(value), to_float(self.dxkit)
        if mine is None or documented is None:
            return False
        return abs(mine - documented) <= max(0.005 * abs(documented), 1e-6)


def load_label_errors(path: Path = LABEL_ERRORS_YAML) -> list[LabelError]:
    if not path.is_file():
        return []
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    return [LabelError(**item) for item in data]


def find(errors: list[LabelError], row: MedCalcRow) -> LabelError | None:
    return next((e for e in errors if e.applies_to(row)), None)
