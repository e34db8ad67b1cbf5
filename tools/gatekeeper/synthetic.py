"""Synthetic normal results for tests a case does not hold (policy "synthetic_normal").

reference_ranges.csv carries lab names, units, reference ranges and LOINC codes taken from the
MIMIC-IV/III demo reference ranges (ODbL 1.0; see /shared/data/README.md); panels.yaml expands
panels (CBC, BMP, ...) into its analytes. A synthetic result is the midpoint of the range,
labelled as synthetic, so it is reproducible and never outside the range.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from importlib import resources
from pathlib import Path

import yaml

from dxkit.errors import InputError
from dxkit.tools.gatekeeper.names import Vocabulary, vocabulary


@dataclass(frozen=True)
class ReferenceRange:
    name: str
    unit: str
    low: Decimal
    high: Decimal
    loinc: str

    def normal_value(self) -> str:
        places = max(-self.low.as_tuple().exponent, -self.high.as_tuple().exponent, 0)  # type: ignore[operator]
        mid = (self.low + self.high) / 2
        return f"{mid:.{places}f}"

    def render(self) -> str:
        unit = f" {self.unit}" if self.unit else ""
        return f"{self.name}: {self.normal_value()}{unit} (reference {self.low}-{self.high}{unit})"


class ReferenceTable:
    """Analytes and panels by normalised name; `lookup(request)` gives the ranges to report."""

    def __init__(self, ranges: list[ReferenceRange], synonyms: dict[str, list[str]],
                 panels: dict[str, list[str]], vocab: Vocabulary | None = None) -> None:
        self.vocab = vocab or vocabulary()
        self.ranges = {r.name: r for r in ranges}
        self._by_key: dict[str, list[ReferenceRange]] = {}
        for r in ranges:
            for name in (r.name, *synonyms.get(r.name, [])):
                self._by_key.setdefault(self.vocab.canonical_key(name), [r])
        for panel, analytes in panels.items():
            unknown = [a for a in analytes if a not in self.ranges]
            if unknown:
                raise InputError(f"panels.{panel}", unknown, "names analytes missing from the range table")
            self._by_key[self.vocab.canonical_key(panel)] = [self.ranges[a] for a in analytes]
        self.analyte_names = {r.name: [r.name, *synonyms.get(r.name, [])] for r in ranges}

    @classmethod
    def from_files(cls, ranges_csv: str | Path, panels_yaml: str | Path | None = None) -> ReferenceTable:
        """A table from a CSV (name, synonyms '|'-separated, fluid, unit, low, high, loinc) and panels."""
        with open(ranges_csv, encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle))
        return cls._build(rows, yaml.safe_load(Path(panels_yaml).read_text("utf-8")) if panels_yaml else {})

    @classmethod
    def default(cls) -> ReferenceTable:
        """The packaged table (built once per process; treat it as read-only)."""
        return _default_table()

    @classmethod
    def _packaged(cls) -> ReferenceTable:
        package = resources.files(__package__)
        rows = list(csv.DictReader(package.joinpath("reference_ranges.csv").read_text("utf-8").splitlines()))
        return cls._build(rows, yaml.safe_load(package.joinpath("panels.yaml").read_text("utf-8")))

    @classmethod
    def _build(cls, rows: list[dict[str, str]], panel_data: dict) -> ReferenceTable:
        ranges, synonyms, panels = [], {}, {}
        for number, row in enumerate(rows, start=2):
            try:
                ranges.append(ReferenceRange(row["name"].strip(), (row.get("unit") or "").strip(),
                                             Decimal(row["low"]), Decimal(row["high"]),
                                             (row.get("loinc") or "").strip()))
            except (KeyError, ArithmeticError) as exc:
                raise InputError(f"reference ranges line {number}", row, "is not a valid range row",
                                 accepted="columns name, synonyms, unit, low, high, loinc") from exc
            synonyms[row["name"].strip()] = [s.strip() for s in (row.get("synonyms") or "").split("|") if s.strip()]
        for panel, spec in (panel_data or {}).items():
            panels[panel] = list(spec["analytes"])
            for alias in spec.get("synonyms", []):
                panels[alias] = list(spec["analytes"])
        return cls(ranges, synonyms, panels)

    def lookup(self, request: str) -> list[ReferenceRange]:
        """Ranges for a requested analyte or panel; [] when the table has no such test."""
        return list(self._by_key.get(self.vocab.canonical_key(request), []))

    def render(self, request: str) -> str | None:
        found = self.lookup(request)
        if not found:
            return None
        return "\n".join(r.render() for r in found) + "\n(synthetic normal result: the case does not hold this test)"


@lru_cache(maxsize=1)
def _default_table() -> ReferenceTable:
    return ReferenceTable._packaged()
