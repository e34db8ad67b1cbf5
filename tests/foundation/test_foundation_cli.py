"""`dxkit ledger list|show|verify` and `dxkit models check --help` through typer's runner."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from dxkit.cli.app import app
from dxkit.ledger import Ledger
from dxkit.ledger.records import canonical_json

runner = CliRunner()


def _run(tmp_path: Path) -> Ledger:
    ledger = Ledger("cli-run", tmp_path)
    ledger.charge("85025", "Complete blood count", 7.77)
    ledger.llm_call("gpt-4o-mini", 1000, 1000, 0.3)
    ledger.close()
    return ledger


def test_show_prints_costs(tmp_path: Path) -> None:
    _run(tmp_path)
    result = runner.invoke(app, ["ledger", "show", "cli-run", "--root", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert "7.77" in result.output  # clinical USD
    # gpt-4o-mini 0.15/0.60 USD per 1M tokens: 1000*0.15/1e6 + 1000*0.6/1e6 = 0.00075 -> "0.0008" at 4 places
    assert "0.0008" in result.output
    assert "charge" in result.output and "llm_call" in result.output


def test_list_names_the_run(tmp_path: Path) -> None:
    _run(tmp_path)
    result = runner.invoke(app, ["ledger", "list", "--root", str(tmp_path)], terminal_width=200)
    assert result.exit_code == 0 and "cli-run" in result.output


def test_verify_exit_codes(tmp_path: Path) -> None:
    ledger = _run(tmp_path)
    ok = runner.invoke(app, ["ledger", "verify", "cli-run", "--root", str(tmp_path)])
    assert ok.exit_code == 0 and "ok" in ok.output

    lines = ledger.path.read_text().splitlines()
    first = json.loads(lines[0])
    first["cost_usd"] = 0.77
    lines[0] = canonical_json(first)
    ledger.path.write_text("\n".join(lines) + "\n")
    bad = runner.invoke(app, ["ledger", "verify", "cli-run", "--root", str(tmp_path)])
    assert bad.exit_code == 1 and "first bad step 0" in bad.output


def test_models_check_is_registered() -> None:
    result = runner.invoke(app, ["models", "check", "--help"])
    assert result.exit_code == 0 and "--skip-chat" in result.output
