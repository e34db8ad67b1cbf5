"""Check a run's hash chain: edits, removals, insertions and reorders all break it.

Each record's hash covers its own fields and the previous record's hash, and steps must
run 0, 1, 2, ... So an edited record fails its own hash, a removed or inserted one breaks
the step sequence and the prev_hash link, and a reorder breaks both. Removing records from
the end leaves a valid shorter chain; that is caught when index.sqlite (written after each
line) still knows a later head than the log.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from pydantic import BaseModel, Field

from dxkit.ledger.ledger import Ledger, read_log
from dxkit.ledger.records import GENESIS_HASH, LedgerRecord, record_hash


class VerifyReport(BaseModel):
    run_id: str
    path: str
    ok: bool
    records: int = Field(description="Records checked (all, or up to the first bad one).")
    first_bad_step: int | None = Field(None, description="Step (line position) of the first bad record.")
    problem: str | None = None
    head_hash: str | None = Field(None, description="Hash of the last intact record.")
    torn_tail_bytes: int = Field(0, description="Bytes of an unfinished last line (a crash), ignored.")


def _index_head(path: Path) -> tuple[int, str] | None:
    if not path.is_file():
        return None
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        row = conn.execute("SELECT step, hash FROM records ORDER BY step DESC LIMIT 1").fetchone()
    except sqlite3.DatabaseError:
        return None
    finally:
        conn.close()
    return (int(row[0]), str(row[1])) if row else None


def verify(run: Ledger | str, root: Path | None = None) -> VerifyReport:
    """Walk the chain of `run` (a Ledger or a run id) and report the first break."""
    ledger = run if isinstance(run, Ledger) else Ledger.open(run, root)
    lines, torn = read_log(ledger.path)
    prev_hash, count, hashes = GENESIS_HASH, 0, []

    def bad(position: int, problem: str) -> VerifyReport:
        return VerifyReport(run_id=ledger.run_id, path=str(ledger.path), ok=False, records=position,
                            first_bad_step=position, problem=problem, head_hash=prev_hash,
                            torn_tail_bytes=torn)

    for position, line in enumerate(lines):
        try:
            raw = json.loads(line)
            record = LedgerRecord.model_validate(raw)
        except ValueError as exc:
            return bad(position, f"line {position + 1} is not a valid record ({type(exc).__name__})")
        if record.run_id != ledger.run_id:
            return bad(position, f"record belongs to run {record.run_id!r}")
        if record.step != position:
            return bad(position, f"expected step {position}, found step {record.step} "
                                 "(a record was removed, inserted or moved)")
        # Hash the fields exactly as stored (not as pydantic coerced them).
        fields = {key: value for key, value in raw.items() if key != "hash"}
        if record_hash(fields) != record.hash:
            return bad(position, f"step {position} was edited (its hash does not match its content)")
        if record.prev_hash != prev_hash:
            return bad(position, f"step {position} does not link to the previous record")
        prev_hash, count = record.hash, count + 1
        hashes.append(record.hash)

    index_head = _index_head(ledger.index_path)
    if index_head is not None and index_head[0] >= count:
        return bad(count, f"the index knows step {index_head[0]} but the log ends at step {count - 1}: "
                          "records were removed from the end")
    if index_head is not None and hashes[index_head[0]] != index_head[1]:
        return bad(index_head[0], f"step {index_head[0]} differs from the hash the index recorded: "
                                  "the log was rewritten")
    return VerifyReport(run_id=ledger.run_id, path=str(ledger.path), ok=True, records=count,
                        head_hash=prev_hash, torn_tail_bytes=torn)
