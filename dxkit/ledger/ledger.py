"""The run ledger: an append-only, hash-chained JSONL log of every step and dollar of a run.

Layout: <ledger_dir>/<run_id>/ledger.jsonl (the source of truth) and index.sqlite (a query
index rebuilt from the JSONL when it lags). Each append is one os.write of a whole line on
an O_APPEND descriptor followed by fsync, so a kill leaves at most one torn trailing line,
which readers ignore and the next writer truncates. One process writes a run at a time;
threads in that process may share a Ledger (a lock orders the appends).
"""

from __future__ import annotations

import json
import os
import threading
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field

from dxkit.errors import InputError, IntegrityError
from dxkit.ledger.index import LedgerIndex
from dxkit.ledger.records import (
    CHARGE,
    GENESIS_HASH,
    LLM_CALL,
    TOOL_CALL,
    LedgerRecord,
    canonical_json,
    check_cost,
    check_kind,
    check_run_id,
    record_hash,
    to_plain_json,
)

LOG_NAME = "ledger.jsonl"
INDEX_NAME = "index.sqlite"


def new_run_id() -> str:
    """A sortable, unique run id: UTC time plus 8 random hex digits."""
    return datetime.now(UTC).strftime("%Y%m%dT%H%M%S") + "-" + uuid.uuid4().hex[:8]


def default_root() -> Path:
    from dxkit.settings import get_settings

    return get_settings().resolved_ledger_dir


def read_log(path: Path) -> tuple[list[bytes], int]:
    """Complete lines of a ledger file (without newlines) and the size of a torn tail in bytes."""
    if not path.exists():
        return [], 0
    data = path.read_bytes()
    cut = data.rfind(b"\n") + 1  # everything after the last newline is an unfinished write
    lines = data[:cut].split(b"\n")[:-1]
    return lines, len(data) - cut


def list_runs(root: Path | None = None) -> list[str]:
    """Run ids under `root` (default: settings' ledger dir), oldest first."""
    base = Path(root) if root is not None else default_root()
    if not base.is_dir():
        return []
    runs = [p for p in base.iterdir() if (p / LOG_NAME).is_file()]
    return [p.name for p in sorted(runs, key=lambda p: ((p / LOG_NAME).stat().st_mtime, p.name))]


class LedgerSummary(BaseModel):
    """What a run cost: clinical and LLM dollars, tokens, wall time and records by kind."""

    run_id: str
    records: int = Field(description="Number of intact records.")
    clinical_usd: float = Field(description="USD of every record that is not an LLM call (tests, visits).")
    llm_usd: float = Field(description="USD of LLM calls (token prices; local models cost 0).")
    prompt_tokens: int
    completion_tokens: int
    llm_latency_s: float = Field(description="Sum of LLM call latencies.")
    wall_time_s: float = Field(description="Seconds between the first and the last record.")
    started: str | None
    ended: str | None
    count_by_kind: dict[str, int]
    usd_by_kind: dict[str, float]

    @property
    def total_usd(self) -> float:
        return self.clinical_usd + self.llm_usd


class Ledger:
    """Costed, replayable, tamper-evident record of one run (see module docstring)."""

    def __init__(self, run_id: str | None = None, root: Path | None = None, *, fsync: bool | None = None) -> None:
        self.run_id = check_run_id(run_id) if run_id is not None else new_run_id()
        self.root = Path(root) if root is not None else default_root()
        self.dir = self.root / self.run_id
        self.path = self.dir / LOG_NAME
        self.index_path = self.dir / INDEX_NAME
        if fsync is None:
            from dxkit.settings import get_settings

            fsync = get_settings().ledger_fsync
        self.fsync = fsync
        self._lock = threading.RLock()
        self._fd: int | None = None
        self._next_step = 0
        self._head_hash = GENESIS_HASH
        self._index: LedgerIndex | None = None

    # -- opening -------------------------------------------------------------------------
    @classmethod
    def open(cls, run_id: str, root: Path | None = None) -> Ledger:
        """An existing run (for replay, verification or further appends)."""
        ledger = cls(run_id, root)
        if not ledger.path.is_file():
            raise InputError("run", run_id, f"has no ledger under {ledger.root}",
                             accepted="a run id listed by `dxkit ledger list`")
        return ledger

    def _open_for_append(self) -> None:
        """Find the chain head; drop a torn trailing line left by a killed writer."""
        self.dir.mkdir(parents=True, exist_ok=True)
        lines, torn = read_log(self.path)
        if torn:
            os.truncate(self.path, self.path.stat().st_size - torn)
        if lines:
            try:
                last = json.loads(lines[-1])
                self._next_step, self._head_hash = int(last["step"]) + 1, str(last["hash"])
            except (ValueError, KeyError, TypeError) as exc:
                raise IntegrityError(f"ledger {self.path}: last record is unreadable; "
                                     f"run `dxkit ledger verify {self.run_id}`") from exc
        self._fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)

    # -- writing -------------------------------------------------------------------------
    def record(self, kind: str, payload: dict[str, Any], cost_usd: float = 0.0) -> LedgerRecord:
        """Append one record; returns it with its step and hash."""
        check_kind(kind)
        cost = check_cost(cost_usd)
        plain = to_plain_json(payload)
        with self._lock:
            if self._fd is None:
                self._open_for_append()
            fields = {
                "run_id": self.run_id,
                "step": self._next_step,
                "time": datetime.now(UTC).isoformat(timespec="microseconds"),
                "kind": kind,
                "payload": plain,
                "cost_usd": cost,
                "prev_hash": self._head_hash,
            }
            record = LedgerRecord(**fields, hash=record_hash(fields))
            line = (canonical_json(record.model_dump()) + "\n").encode("utf-8")
            assert self._fd is not None
            written = os.write(self._fd, line)
            while written < len(line):  # regular files write whole buffers; this is a safety net
                written += os.write(self._fd, line[written:])
            if self.fsync:
                os.fsync(self._fd)
            self._next_step += 1
            self._head_hash = record.hash
            self._get_index().add(record)
        return record

    def tool_call(self, name: str, inputs: Any, outputs: Any, duration_s: float) -> LedgerRecord:
        return self.record(TOOL_CALL, {"name": name, "inputs": inputs, "outputs": outputs,
                                       "duration_s": float(duration_s)})

    def llm_call(self, model: str, prompt_tokens: int, completion_tokens: int, latency_s: float,
                 cost_usd: float | None = None, **details: Any) -> LedgerRecord:
        """An LLM call; without `cost_usd` the price table prices it (unknown models cost 0)."""
        priced = cost_usd is not None
        if cost_usd is None:
            from dxkit.models.prices import llm_price

            price = llm_price(model)
            priced = price is not None
            cost_usd = price.cost_usd(prompt_tokens, completion_tokens) if price else 0.0
        payload = {"model": model, "prompt_tokens": int(prompt_tokens),
                   "completion_tokens": int(completion_tokens), "latency_s": float(latency_s),
                   "priced": priced, **details}
        return self.record(LLM_CALL, payload, cost_usd)

    def charge(self, code: str | None, name: str, price_usd: float, confidence: float = 1.0,
               **details: Any) -> LedgerRecord:
        """A priced clinical action (a test, a visit); `code` is e.g. a CPT/HCPCS code or None."""
        price = check_cost(price_usd, "price_usd")
        if not (0.0 <= float(confidence) <= 1.0):
            raise InputError("confidence", confidence, "is outside 0..1", accepted="a number from 0 to 1")
        payload = {"code": code, "name": name, "price_usd": price, "confidence": float(confidence), **details}
        return self.record(CHARGE, payload, price)

    def callback_handler(self) -> Any:
        """A LangChain callback that records every chat-model call's tokens and latency here."""
        from dxkit.ledger.callback import LedgerCallbackHandler

        return LedgerCallbackHandler(self)

    # -- reading -------------------------------------------------------------------------
    def records(self, kind: str | None = None) -> Iterator[LedgerRecord]:
        """Replay the run in step order (a torn trailing line is skipped)."""
        lines, _ = read_log(self.path)
        for number, line in enumerate(lines):
            try:
                record = LedgerRecord.model_validate_json(line)
            except ValueError as exc:
                raise IntegrityError(f"ledger {self.path}: line {number + 1} is not a valid record; "
                                     f"run `dxkit ledger verify {self.run_id}`") from exc
            if kind is None or record.kind == kind:
                yield record

    def count(self) -> int:
        """Number of complete records on disk (a Ledger has no __len__, so `if ledger:` is always true)."""
        return len(read_log(self.path)[0])

    def _get_index(self) -> LedgerIndex:
        if self._index is None:
            self.dir.mkdir(parents=True, exist_ok=True)
            self._index = LedgerIndex(self.index_path)
        return self._index

    def index(self) -> LedgerIndex:
        """The SQLite index, brought in line with the JSONL first (rebuilt when it differs)."""
        with self._lock:
            index = self._get_index()
            records = list(self.records())
            head = (records[-1].step, records[-1].hash) if records else None
            if index.count() != len(records) or index.head() != head:
                index.rebuild(records)
            return index

    def verify(self) -> Any:
        from dxkit.ledger.verify import verify

        return verify(self)

    def summary(self) -> LedgerSummary:
        records = list(self.records())
        llm = [r for r in records if r.kind == LLM_CALL]
        count: dict[str, int] = {}
        usd: dict[str, float] = {}
        for r in records:
            count[r.kind] = count.get(r.kind, 0) + 1
            usd[r.kind] = usd.get(r.kind, 0.0) + r.cost_usd
        wall = 0.0
        if records:
            first, last = (datetime.fromisoformat(records[i].time) for i in (0, -1))
            wall = (last - first).total_seconds()
        return LedgerSummary(
            run_id=self.run_id,
            records=len(records),
            clinical_usd=sum(r.cost_usd for r in records if r.kind != LLM_CALL),
            llm_usd=sum(r.cost_usd for r in llm),
            prompt_tokens=sum(int(r.payload.get("prompt_tokens", 0)) for r in llm),
            completion_tokens=sum(int(r.payload.get("completion_tokens", 0)) for r in llm),
            llm_latency_s=sum(float(r.payload.get("latency_s", 0.0)) for r in llm),
            wall_time_s=wall,
            started=records[0].time if records else None,
            ended=records[-1].time if records else None,
            count_by_kind=count,
            usd_by_kind=usd,
        )

    # -- lifetime ------------------------------------------------------------------------
    def close(self) -> None:
        with self._lock:
            if self._fd is not None:
                os.close(self._fd)
                self._fd = None
            if self._index is not None:
                self._index.close()
                self._index = None

    def __enter__(self) -> Ledger:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __del__(self) -> None:
        # Only the descriptor: an index handed out by index() stays usable after this object goes.
        fd, self._fd = getattr(self, "_fd", None), None
        if fd is not None:
            try:
                os.close(fd)
            except OSError:
                pass

    def __repr__(self) -> str:
        return f"Ledger(run_id={self.run_id!r}, path={str(self.path)!r})"
