"""Per-case traces: one JSONL file per case, written atomically when the case finishes.

Lines, in order: `case` (what the solver saw and the run settings), one `step` per action
(the action, its observations with their charges, cumulative spending), `outcome` (what the
solver returned), `judgement`, and last `result` (the row the summary is built from). A file
whose last line is a `result` without an error marks a finished case; resuming skips it.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field

from dxkit.errors import IntegrityError

LEVELS = ("concept", "category", "block", "chapter")


class CaseResult(BaseModel):
    """One finished case: the summary's row."""

    case_id: str
    truth: str
    diagnosis: str
    correct: bool = False
    score: float | None = None
    levels: dict[str, bool] = Field(default_factory=dict)
    judge_method: str | None = None
    cost_usd: float = 0.0
    visits: int = 0
    questions: int = 0
    tests: int = 0
    steps: int = 0
    llm_prompt_tokens: int = 0
    llm_completion_tokens: int = 0
    llm_cost_usd: float = 0.0
    duration_s: float = 0.0
    error: str | None = None


def trace_path(out: Path, case_id: str) -> Path:
    return out / "traces" / f"{case_id}.jsonl"


def write_jsonl_atomic(path: Path, records: list[dict[str, Any]]) -> None:
    """Write all lines to a temporary file in the same folder, then rename it into place."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    os.fchmod(fd, 0o644)  # mkstemp creates 0600; outputs are meant to be read by others
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            for record in records:
                handle.write(json.dumps(record, ensure_ascii=False, allow_nan=False) + "\n")
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def write_text_atomic(path: Path, text: str | bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    os.fchmod(fd, 0o644)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(text.encode("utf-8") if isinstance(text, str) else text)
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def read_trace(path: Path) -> list[dict[str, Any]]:
    lines = path.read_text(encoding="utf-8").splitlines()
    try:
        return [json.loads(line) for line in lines if line.strip()]
    except json.JSONDecodeError as exc:
        raise IntegrityError(f"trace {path} is not valid JSONL ({exc.msg}); delete it to redo the case") from exc


def read_result(path: Path) -> CaseResult | None:
    """The case's result if its trace is complete, else None."""
    if not path.is_file():
        return None
    records = read_trace(path)
    if not records or records[-1].get("type") != "result":
        return None
    return CaseResult.model_validate({k: v for k, v in records[-1].items() if k != "type"})


def is_finished(out: Path, case_id: str) -> bool:
    result = read_result(trace_path(out, case_id))
    return result is not None and result.error is None
