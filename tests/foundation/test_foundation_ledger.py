"""Ledger: hash chain, tamper detection, replay, summary, index, thread safety, bad input."""

from __future__ import annotations

import json
import threading
from pathlib import Path

import pytest

from dxkit.errors import InputError
from dxkit.ledger import Ledger, LedgerRecord, list_runs, verify
from dxkit.ledger.records import GENESIS_HASH, canonical_json, record_hash


def _filled(root: Path, run_id: str = "run-a") -> Ledger:
    ledger = Ledger(run_id, root)
    ledger.charge("71046", "Chest X-ray, 2 views", 37.5, confidence=0.9)
    ledger.llm_call("gpt-4.1", prompt_tokens=1000, completion_tokens=500, latency_s=1.5)
    ledger.tool_call("calculator", {"name": "chads2"}, {"score": 2}, duration_s=0.01)
    ledger.record("visit", {"round": 1}, cost_usd=300.0)
    ledger.llm_call("local:smollm2", prompt_tokens=40, completion_tokens=10, latency_s=0.5)
    ledger.close()
    return ledger


def _lines(ledger: Ledger) -> list[str]:
    return ledger.path.read_text("utf-8").splitlines()


def _write_lines(ledger: Ledger, lines: list[str]) -> None:
    ledger.path.write_text("".join(line + "\n" for line in lines), "utf-8")


def test_chain_links_each_record_to_the_previous(tmp_path: Path) -> None:
    ledger = _filled(tmp_path)
    records = list(Ledger.open("run-a", tmp_path).records())
    assert [r.step for r in records] == [0, 1, 2, 3, 4]
    assert records[0].prev_hash == GENESIS_HASH
    for before, after in zip(records, records[1:], strict=False):
        assert after.prev_hash == before.hash
    # The hash is SHA-256 over the canonical JSON of every other field, recomputed here by hand.
    import hashlib

    first = json.loads(_lines(ledger)[0])
    body = {k: v for k, v in first.items() if k != "hash"}
    text = json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    assert first["hash"] == hashlib.sha256(text.encode()).hexdigest()
    assert verify("run-a", tmp_path).ok


def test_summary_totals_are_hand_computed(tmp_path: Path) -> None:
    summary = _filled(tmp_path).summary()
    assert summary.records == 5
    assert summary.clinical_usd == pytest.approx(37.5 + 300.0)
    # gpt-4.1 list price 2 USD / 8 USD per 1M tokens: 1000*2/1e6 + 500*8/1e6 = 0.002 + 0.004.
    assert summary.llm_usd == pytest.approx(0.006)
    assert summary.prompt_tokens == 1040 and summary.completion_tokens == 510
    assert summary.count_by_kind == {"charge": 1, "llm_call": 2, "tool_call": 1, "visit": 1}
    assert summary.wall_time_s >= 0


def test_edit_is_caught_at_the_edited_step(tmp_path: Path) -> None:
    ledger = _filled(tmp_path)
    lines = _lines(ledger)
    record = json.loads(lines[2])
    record["payload"]["outputs"]["score"] = 5
    lines[2] = canonical_json(record)
    _write_lines(ledger, lines)
    report = verify("run-a", tmp_path)
    assert not report.ok and report.first_bad_step == 2 and "edited" in report.problem


def test_cost_edit_even_with_recomputed_hash_breaks_the_link(tmp_path: Path) -> None:
    ledger = _filled(tmp_path)
    lines = _lines(ledger)
    record = json.loads(lines[0])
    record["cost_usd"] = 3.75
    record["payload"]["price_usd"] = 3.75
    record["hash"] = record_hash({k: v for k, v in record.items() if k != "hash"})
    lines[0] = canonical_json(record)
    _write_lines(ledger, lines)
    report = verify("run-a", tmp_path)
    assert not report.ok and report.first_bad_step == 1 and "link" in report.problem


def test_removal_in_the_middle_is_caught(tmp_path: Path) -> None:
    ledger = _filled(tmp_path)
    lines = _lines(ledger)
    del lines[1]
    _write_lines(ledger, lines)
    report = verify("run-a", tmp_path)
    assert not report.ok and report.first_bad_step == 1


def test_removal_at_the_end_is_caught_by_the_index(tmp_path: Path) -> None:
    ledger = _filled(tmp_path)
    _write_lines(ledger, _lines(ledger)[:3])
    report = verify("run-a", tmp_path)
    assert not report.ok and report.first_bad_step == 3 and "removed from the end" in report.problem


def test_reorder_is_caught(tmp_path: Path) -> None:
    ledger = _filled(tmp_path)
    lines = _lines(ledger)
    lines[1], lines[2] = lines[2], lines[1]
    _write_lines(ledger, lines)
    report = verify("run-a", tmp_path)
    assert not report.ok and report.first_bad_step == 1


def test_insertion_is_caught(tmp_path: Path) -> None:
    ledger = _filled(tmp_path)
    lines = _lines(ledger)
    forged = json.loads(lines[1])
    forged["payload"]["model"] = "forged"
    lines.insert(2, canonical_json(forged))
    _write_lines(ledger, lines)
    report = verify("run-a", tmp_path)
    assert not report.ok and report.first_bad_step == 2


def test_torn_trailing_line_is_ignored_then_truncated(tmp_path: Path) -> None:
    ledger = _filled(tmp_path)
    with open(ledger.path, "ab") as handle:
        handle.write(b'{"run_id":"run-a","step":5,"ti')  # a write cut short by a kill
    report = verify("run-a", tmp_path)
    assert report.ok and report.records == 5 and report.torn_tail_bytes == len(b'{"run_id":"run-a","step":5,"ti')
    assert len(list(Ledger.open("run-a", tmp_path).records())) == 5
    resumed = Ledger.open("run-a", tmp_path)
    record = resumed.charge(None, "visit", 300.0)
    resumed.close()
    assert record.step == 5
    report = verify("run-a", tmp_path)
    assert report.ok and report.records == 6 and report.torn_tail_bytes == 0


def test_reopened_ledger_continues_the_chain(tmp_path: Path) -> None:
    _filled(tmp_path)
    again = Ledger("run-a", tmp_path)
    again.tool_call("search", {"q": "x"}, {"hits": []}, 0.2)
    again.close()
    records = list(Ledger.open("run-a", tmp_path).records())
    assert records[-1].step == 5 and records[-1].prev_hash == records[-2].hash
    assert verify("run-a", tmp_path).ok


def test_threads_share_one_ledger(tmp_path: Path) -> None:
    ledger = Ledger("threads", tmp_path, fsync=False)

    def work(worker: int) -> None:
        for item in range(40):
            ledger.tool_call("t", {"worker": worker, "item": item}, {}, 0.0)

    threads = [threading.Thread(target=work, args=(n,)) for n in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    ledger.close()
    records = list(ledger.records())
    assert [r.step for r in records] == list(range(240))
    assert verify(ledger).ok


def test_index_answers_queries_and_rebuilds(tmp_path: Path) -> None:
    ledger = _filled(tmp_path)
    ledger.index_path.unlink()
    index = Ledger.open("run-a", tmp_path).index()
    assert index.steps(kind="llm_call") == [1, 4]
    assert index.steps(min_cost_usd=100) == [3]
    assert index.totals_by_kind()["charge"] == (1, 37.5)


def test_payload_types_are_stored_as_plain_json(tmp_path: Path) -> None:
    from pydantic import BaseModel

    class Finding(BaseModel):
        name: str
        value: float

    ledger = Ledger("types", tmp_path)
    record = ledger.record("note", {"finding": Finding(name="hr", value=88.0), "path": Path("/x"), "tags": {"b"}})
    ledger.close()
    assert record.payload == {"finding": {"name": "hr", "value": 88.0}, "path": "/x", "tags": ["b"]}
    assert verify(ledger).ok


@pytest.mark.parametrize(
    ("call", "field"),
    [
        (lambda ledger: ledger.record("Bad Kind", {}), "kind"),
        (lambda ledger: ledger.record("note", {}, cost_usd=-1), "cost_usd"),
        (lambda ledger: ledger.record("note", {"x": float("nan")}), "payload"),
        (lambda ledger: ledger.record("note", ["not", "a", "dict"]), "payload"),
        (lambda ledger: ledger.charge("1", "test", float("inf")), "price_usd"),
        (lambda ledger: ledger.charge("1", "test", 10.0, confidence=1.5), "confidence"),
    ],
)
def test_bad_input_names_the_field(tmp_path: Path, call, field: str) -> None:
    ledger = Ledger("bad", tmp_path)
    with pytest.raises(InputError) as caught:
        call(ledger)
    assert caught.value.field == field
    ledger.close()


@pytest.mark.parametrize("run_id", ["../escape", "", "a/b", ".hidden"])
def test_bad_run_ids_are_refused(tmp_path: Path, run_id: str) -> None:
    with pytest.raises(InputError):
        Ledger(run_id, tmp_path)


def test_open_missing_run_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="has no ledger"):
        Ledger.open("nothing-here", tmp_path)


def test_list_runs_and_default_root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from dxkit.settings import get_settings

    monkeypatch.setenv("DXKIT_LEDGER_DIR", str(tmp_path / "ledgers"))
    get_settings.cache_clear()
    try:
        ledger = Ledger()
        ledger.record("note", {})
        ledger.close()
        assert ledger.path.parent.parent == tmp_path / "ledgers"
        assert list_runs() == [ledger.run_id]
    finally:
        get_settings.cache_clear()


def test_record_model_round_trips(tmp_path: Path) -> None:
    ledger = _filled(tmp_path)
    for line in _lines(ledger):
        record = LedgerRecord.model_validate_json(line)
        assert record.expected_hash() == record.hash


def test_any_json_payload_round_trips_and_verifies() -> None:
    import tempfile

    from hypothesis import given, settings
    from hypothesis import strategies as st

    scalars = st.none() | st.booleans() | st.integers(-10**12, 10**12) | st.floats(allow_nan=False,
                                                                                 allow_infinity=False) | st.text()
    values = st.recursive(scalars, lambda inner: st.lists(inner, max_size=4)
                          | st.dictionaries(st.text(max_size=8), inner, max_size=4), max_leaves=12)

    @settings(max_examples=25, deadline=None)
    @given(payload=st.dictionaries(st.text(max_size=8), values, max_size=5))
    def check(payload: dict) -> None:
        with tempfile.TemporaryDirectory() as root:
            ledger = Ledger("prop", Path(root), fsync=False)
            written = ledger.record("note", payload)
            ledger.close()
            (read,) = list(Ledger.open("prop", Path(root)).records())
            assert read.payload == payload == written.payload
            assert verify("prop", Path(root)).ok

    check()
