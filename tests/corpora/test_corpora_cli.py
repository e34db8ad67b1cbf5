"""`dxkit index build|add|search|info` end to end with the hashing embedder."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from dxkit.cli.app import app

DATA = Path(__file__).parent / "data"


def run(*args: str):
    result = CliRunner().invoke(app, ["index", *args])
    assert result.exit_code == 0, result.output
    return result.output


def flat(text: str) -> str:
    return " ".join(text.split())  # rich wraps lines at the terminal width


def test_build_search_add_info(tmp_path):
    out = tmp_path / "idx"
    assert "2 documents, 2 chunks" in flat(run("build", str(DATA / "notes"), "--out", str(out), "--embedder", "hashing"))
    hits = run("search", str(out), "ferritin iron", "-k", "1", "--mode", "bm25", "--json")
    assert json.loads(hits)["citation"]["id"] == "file:anaemia#c0"
    assert "added 2 documents" in flat(run("add", str(out), str(DATA / "pubmed_mini.xml")))
    info = json.loads(run("info", str(out)))
    assert info["documents"] == 4 and info["verified"] is True and info["embedder"] == "dxkit/hashing-384"
    table = run("search", str(out), "troponin infarction", "-k", "2")
    assert "pmid:20000001#c0" in table


def test_search_on_a_non_index_fails_with_one_line(tmp_path):
    result = CliRunner().invoke(app, ["index", "search", str(tmp_path), "anything"])
    assert result.exit_code != 0
    assert "no manifest.json" in str(result.exception)
