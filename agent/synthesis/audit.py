"""The one place synthesis writes to the ledger (no ledger, no record)."""

from __future__ import annotations

from typing import Any


def log_step(ledger: Any | None, step: str, payload: dict[str, Any], cost_usd: float = 0.0) -> None:
    """Record one synthesis step as kind `synthesis_<step>`."""
    if ledger is None:
        return
    ledger.record(f"synthesis_{step}", payload, cost_usd)
