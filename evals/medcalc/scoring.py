"""The MedCalc-Bench scoring rule.

Integer outputs: exact after rounding. Decimal outputs: within [Lower Limit, Upper Limit].
Dates (calculator ids 13 and 68): the same calendar day (MM/DD/YYYY). Gestational age
(id 69): the same (weeks, days) pair.
"""

from __future__ import annotations

import math
import re
from datetime import date, datetime
from typing import Any

DATE_IDS = {13, 68}
WEEKS_DAYS_IDS = {69}

_WEEKS_DAYS = re.compile(r"(\d+)\s*(?:weeks?)?['\"]?\s*,\s*['\"]?(\d+)")


def parse_date(text: str) -> date | None:
    text = str(text).strip()
    for fmt in ("%m/%d/%Y", "%Y-%m-%d"):
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    return None


def parse_weeks_days(value: Any) -> tuple[int, int] | None:
    if isinstance(value, list | tuple) and len(value) == 2:
        return int(value[0]), int(value[1])
    match = _WEEKS_DAYS.search(str(value))
    return (int(match.group(1)), int(match.group(2))) if match else None


def to_float(value: Any) -> float | None:
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return None if math.isnan(number) else number


def format_value(value: Any, calculator_id: int) -> str:
    """dxkit's value written the way the benchmark writes its labels."""
    if value is None:
        return ""
    if calculator_id in DATE_IDS:
        parsed = parse_date(str(value))
        return parsed.strftime("%m/%d/%Y") if parsed else str(value)
    if calculator_id in WEEKS_DAYS_IDS:
        pair = parse_weeks_days(value)
        return f"('{pair[0]} weeks', '{pair[1]} days')" if pair else str(value)
    number = to_float(value)
    return f"{number:.6g}" if number is not None else str(value)


def is_correct(value: Any, *, calculator_id: int, output_type: str, ground_truth: str,
               lower: str = "", upper: str = "") -> bool:
    """Apply the benchmark's rule to one dxkit value."""
    if value is None:
        return False
    if calculator_id in DATE_IDS:
        mine, theirs = parse_date(str(value)), parse_date(ground_truth)
        return mine is not None and mine == theirs
    if calculator_id in WEEKS_DAYS_IDS:
        pair = parse_weeks_days(value)
        return pair is not None and pair == parse_weeks_days(ground_truth)
    number = to_float(value)
    if number is None:
        return False
    if output_type.strip().lower() == "integer":
        truth = to_float(ground_truth)
        return truth is not None and round(number) == round(truth)
    low, high = to_float(lower), to_float(upper)
    if low is None or high is None:  # a decimal row without limits: the benchmark's ±5%
        truth = to_float(ground_truth)
        if truth is None:
            return False
        low, high = sorted((truth * 0.95, truth * 1.05))
    return low <= number <= high
