"""Points from a table of thresholds: the shape of most physiology-based scores.

A table is a sequence of (lower_bound, points) in descending order of lower_bound; the first
row whose bound the value reaches gives the points. The last row's bound should be -inf so
every value lands somewhere. Keeping tables as data lets tests and docs read the same figures.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

BOTTOM = -math.inf


def points_at_or_above(value: float, table: Sequence[tuple[float, int]]) -> int:
    """Points of the first row whose lower bound `value` reaches (table sorted high -> low)."""
    for lower_bound, points in table:
        if value >= lower_bound:
            return points
    raise ValueError(f"{value} is below every row of the table")  # tables end with BOTTOM
