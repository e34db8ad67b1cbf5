"""A writer killed with SIGKILL mid-appends leaves a ledger whose intact prefix verifies."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from dxkit.ledger import Ledger, verify

WRITER = """
import sys
from pathlib import Path
from dxkit.ledger import Ledger
ledger = Ledger("killed", Path(sys.argv[1]))
blob = "x" * 20000  # large lines make a kill during a write more likely
step = 0
while True:
    ledger.tool_call("writer", {"step": step, "blob": blob}, {"ok": True}, 0.0)
    step += 1
"""


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs POSIX signals")
@pytest.mark.parametrize("wanted", [5, 40])
def test_sigkill_mid_append_leaves_a_verifiable_prefix(tmp_path: Path, wanted: int) -> None:
    process = subprocess.Popen([sys.executable, "-c", WRITER, str(tmp_path)])
    log = tmp_path / "killed" / "ledger.jsonl"
    deadline = time.monotonic() + 120
    try:
        while time.monotonic() < deadline:
            if log.exists() and log.read_bytes().count(b"\n") >= wanted:
                break
            time.sleep(0.01)
        else:
            pytest.fail("writer produced too few records")
    finally:
        os.kill(process.pid, signal.SIGKILL)
        process.wait()
    assert process.returncode == -signal.SIGKILL

    report = verify("killed", tmp_path)
    assert report.ok, report.problem
    assert report.records >= wanted
    steps = [record.step for record in Ledger.open("killed", tmp_path).records()]
    assert steps == list(range(report.records))

    # A new writer resumes after the intact prefix and the chain still verifies.
    resumed = Ledger.open("killed", tmp_path)
    record = resumed.tool_call("resume", {}, {}, 0.0)
    resumed.close()
    assert record.step == report.records
    after = verify("killed", tmp_path)
    assert after.ok and after.records == report.records + 1 and after.torn_tail_bytes == 0
