"""A SQLite index over one run's ledger.jsonl, for queries. Always rebuildable from the JSONL.

The index is written after the JSONL line is on disk, so it can lag the log after a crash
(it is then rebuilt) but never lead it; an index that leads the log means records were
removed from the end of ledger.jsonl, which `verify` reports.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from pathlib import Path

from dxkit.ledger.records import LedgerRecord

_SCHEMA = """
CREATE TABLE IF NOT EXISTS records (
    step INTEGER PRIMARY KEY,
    time TEXT NOT NULL,
    kind TEXT NOT NULL,
    cost_usd REAL NOT NULL,
    hash TEXT NOT NULL,
    payload TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS records_kind ON records(kind);
"""


class LedgerIndex:
    """Thin wrapper on index.sqlite; callers serialise access (the Ledger holds a lock)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._conn = sqlite3.connect(str(path), check_same_thread=False, isolation_level=None)
        # The JSONL is the source of truth; the index may lose its last rows on a crash.
        self._conn.execute("PRAGMA journal_mode=WAL")
        self._conn.execute("PRAGMA synchronous=OFF")
        self._conn.executescript(_SCHEMA)

    def add(self, record: LedgerRecord) -> None:
        self._conn.execute(
            "INSERT OR REPLACE INTO records(step, time, kind, cost_usd, hash, payload) VALUES (?,?,?,?,?,?)",
            (record.step, record.time, record.kind, record.cost_usd, record.hash,
             json.dumps(record.payload, ensure_ascii=False)),
        )

    def rebuild(self, records: Iterable[LedgerRecord]) -> None:
        self._conn.execute("BEGIN")
        self._conn.execute("DELETE FROM records")
        for record in records:
            self.add(record)
        self._conn.execute("COMMIT")

    def head(self) -> tuple[int, str] | None:
        """(last step, its hash) as the index knows it, or None when empty."""
        row = self._conn.execute("SELECT step, hash FROM records ORDER BY step DESC LIMIT 1").fetchone()
        return (int(row[0]), str(row[1])) if row else None

    def count(self) -> int:
        return int(self._conn.execute("SELECT COUNT(*) FROM records").fetchone()[0])

    def totals_by_kind(self) -> dict[str, tuple[int, float]]:
        rows = self._conn.execute("SELECT kind, COUNT(*), SUM(cost_usd) FROM records GROUP BY kind ORDER BY kind")
        return {str(kind): (int(n), float(total or 0.0)) for kind, n, total in rows}

    def steps(self, kind: str | None = None, min_cost_usd: float | None = None) -> list[int]:
        """Steps matching the filters, in order (read the records themselves from the Ledger)."""
        sql, args = "SELECT step FROM records WHERE 1=1", []
        if kind is not None:
            sql += " AND kind = ?"
            args.append(kind)
        if min_cost_usd is not None:
            sql += " AND cost_usd >= ?"
            args.append(min_cost_usd)
        return [int(row[0]) for row in self._conn.execute(sql + " ORDER BY step", args)]

    def close(self) -> None:
        self._conn.close()
