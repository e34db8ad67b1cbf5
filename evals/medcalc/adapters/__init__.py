"""Adapters from MedCalc-Bench "Relevant Entities" dicts to dxkit calculator inputs.

Each module here exposes `ADAPTERS: dict[int, Callable[[dict], dict]]` keyed by the MedCalc
calculator id. `collect_adapters()` merges them; two modules claiming one id is an error.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable
from typing import Any

Adapter = Callable[[dict[str, Any]], dict[str, Any]]


def collect_adapters() -> dict[int, Adapter]:
    found: dict[int, Adapter] = {}
    for info in pkgutil.iter_modules(__path__, prefix=f"{__name__}."):
        module = importlib.import_module(info.name)
        for medcalc_id, adapter in getattr(module, "ADAPTERS", {}).items():
            if medcalc_id in found:
                raise ValueError(f"MedCalc id {medcalc_id} has two adapters ({info.name})")
            found[int(medcalc_id)] = adapter
    return found
