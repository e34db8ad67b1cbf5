"""Ledger records and the canonical JSON their SHA-256 hash chain is computed over."""

from __future__ import annotations

import hashlib
import json
import math
import re
from typing import Any

from pydantic import BaseModel, ConfigDict, Field
from pydantic_core import to_jsonable_python

from dxkit.errors import InputError

GENESIS_HASH = "0" * 64
RUN_ID_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$")
KIND_PATTERN = re.compile(r"^[a-z][a-z0-9_.-]{0,63}$")

# Kinds written by the Ledger's helper methods; anything else a caller records is allowed
# if it matches KIND_PATTERN. Costs of every kind except LLM calls count as clinical USD.
LLM_CALL = "llm_call"
TOOL_CALL = "tool_call"
CHARGE = "charge"


class LedgerRecord(BaseModel):
    """One line of ledger.jsonl. `hash` = SHA-256 of the canonical JSON of all other fields."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    run_id: str = Field(description="The run this record belongs to.")
    step: int = Field(ge=0, description="Position in the run, 0-based, increasing by one.")
    time: str = Field(description="UTC ISO-8601 timestamp when the record was written.")
    kind: str = Field(description="What happened: llm_call, tool_call, charge, or a caller's kind.")
    payload: dict[str, Any] = Field(description="Kind-specific details, plain JSON.")
    cost_usd: float = Field(ge=0, description="USD this step cost (clinical or LLM).")
    prev_hash: str = Field(description="Hash of the previous record (64 zeros for step 0).")
    hash: str = Field(description="SHA-256 over the canonical JSON of the other fields.")

    def expected_hash(self) -> str:
        return record_hash(self.model_dump(exclude={"hash"}))


def canonical_json(value: Any) -> str:
    """Sorted keys, no whitespace, UTF-8 kept, NaN refused: one byte string per value."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False)


def record_hash(fields: dict[str, Any]) -> str:
    return hashlib.sha256(canonical_json(fields).encode("utf-8")).hexdigest()


def _fallback(value: Any) -> Any:
    # numpy scalars and arrays have .item()/.tolist(); anything else is stored as its text.
    if hasattr(value, "tolist"):
        return value.tolist()
    if hasattr(value, "item"):
        return value.item()
    return str(value)


def to_plain_json(payload: dict[str, Any], field: str = "payload") -> dict[str, Any]:
    """Convert a payload (pydantic models, paths, numpy...) to plain JSON, refusing NaN/inf.

    The stored payload is exactly this conversion, so the hash a reader recomputes matches.
    """
    if not isinstance(payload, dict):
        raise InputError(field, type(payload).__name__, "is not a mapping", accepted="a dict of JSON values")
    plain = to_jsonable_python(payload, fallback=_fallback)
    try:
        text = canonical_json(plain)
    except ValueError as exc:
        raise InputError(field, "NaN/inf", "contains a non-finite number", accepted="finite JSON numbers") from exc
    return json.loads(text)


def check_run_id(run_id: str) -> str:
    if not isinstance(run_id, str) or not RUN_ID_PATTERN.match(run_id) or ".." in run_id:
        raise InputError("run_id", run_id, "is not a valid run id",
                         accepted="1-128 characters of letters, digits, '.', '_' or '-', no '..'")
    return run_id


def check_kind(kind: str) -> str:
    if not isinstance(kind, str) or not KIND_PATTERN.match(kind):
        raise InputError("kind", kind, "is not a valid record kind",
                         accepted="lower-case identifier such as llm_call, tool_call, charge, visit")
    return kind


def check_cost(cost_usd: float, field: str = "cost_usd") -> float:
    try:
        value = float(cost_usd)
    except (TypeError, ValueError) as exc:
        raise InputError(field, cost_usd, "is not a number", unit="USD", accepted="a finite number >= 0") from exc
    if not math.isfinite(value) or value < 0:
        raise InputError(field, cost_usd, "is negative or not finite", unit="USD", accepted="a finite number >= 0")
    return value
