"""The calculator registry: discovers every `CALCULATOR` under dxkit.calculators.library.

One registry serves the CLI, the MCP server, the LangChain tools, the note pipeline and the
agent. Lookup accepts the id, the MedCalc-Bench id, the name or a synonym.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
from functools import lru_cache
from typing import Any

from dxkit.calculators.base import Calculator, CalculatorResult, MissingPolicy
from dxkit.errors import InputError

_LIBRARY = "dxkit.calculators.library"


def _key(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", text.lower()).strip()


class Registry:
    def __init__(self, calculators: list[Calculator]) -> None:
        self._by_id: dict[str, Calculator] = {}
        self._by_key: dict[str, Calculator] = {}
        for calc in sorted(calculators, key=lambda c: c.id):
            if calc.id in self._by_id:
                raise ValueError(f"duplicate calculator id {calc.id!r}")
            self._by_id[calc.id] = calc
            names = [calc.id, calc.name, *calc.synonyms]
            if calc.medcalc_id is not None:
                names.append(str(calc.medcalc_id))
            for name in names:
                self._by_key.setdefault(_key(name), calc)

    def __iter__(self):
        return iter(self._by_id.values())

    def __len__(self) -> int:
        return len(self._by_id)

    def ids(self) -> list[str]:
        return list(self._by_id)

    def get(self, name: str | int) -> Calculator:
        calc = self._by_id.get(str(name)) or self._by_key.get(_key(str(name)))
        if calc is None:
            raise InputError("calculator", name, "is not a known calculator",
                             accepted="see `dxkit calc list`")
        return calc

    def by_medcalc_id(self, medcalc_id: int) -> Calculator | None:
        return next((c for c in self if c.medcalc_id == medcalc_id), None)

    def search(self, query: str, k: int = 10) -> list[Calculator]:
        """Simple lexical search over names, synonyms, purpose and category."""
        words = set(_key(query).split())
        scored = []
        for calc in self:
            text = " ".join([calc.id, calc.name, *calc.synonyms, calc.purpose, calc.category])
            hay = set(_key(text).split())
            score = len(words & hay) + (3 if _key(query) in _key(text) else 0)
            if score:
                scored.append((score, calc.id, calc))
        return [c for _, _, c in sorted(scored, key=lambda t: (-t[0], t[1]))[:k]]

    def run(self, name: str | int, inputs: dict[str, Any] | None = None, *,
            missing: MissingPolicy = "report") -> CalculatorResult:
        return self.get(name).run(inputs or {}, missing=missing)

    def json_schemas(self) -> dict[str, dict[str, Any]]:
        return {calc.id: calc.json_schema() for calc in self}


def _discover() -> list[Calculator]:
    package = importlib.import_module(_LIBRARY)
    found: list[Calculator] = []
    for info in pkgutil.walk_packages(package.__path__, prefix=f"{_LIBRARY}."):
        module = importlib.import_module(info.name)
        calc = getattr(module, "CALCULATOR", None)
        if isinstance(calc, Calculator):
            found.append(calc)
    return found


@lru_cache(maxsize=1)
def registry() -> Registry:
    """The process-wide registry of every calculator dxkit ships."""
    return Registry(_discover())
