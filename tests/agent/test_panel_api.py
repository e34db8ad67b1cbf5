"""The same graph behind dxkit.diagnose, the simulator's solver factory and the CLI."""

from __future__ import annotations

import pytest
from conftest import deliberation
from typer.testing import CliRunner

from dxkit.agent.panel.solver import PanelSolver, make_solver
from dxkit.errors import ConfigError
from dxkit.ledger import Ledger
from dxkit.tools.encounter import Encounter
from dxkit.tools.gatekeeper import Gatekeeper

REPLIES = [deliberation([("Community-acquired pneumonia", 0.6)], "order", tests=[("chest X-ray", "high")]),
           deliberation([("Community-acquired pneumonia", 0.9)], "diagnose")]


@pytest.mark.parametrize("variant, budget, expected", [
    (None, 800.0, ("budgeted", 800.0, True)), ("no-budget", None, ("no-budget", None, True)),
    ("question-only", None, ("question-only", None, False)), ("instant", None, ("instant", None, True)),
    ("ensemble", None, ("ensemble", None, True))])
def test_make_solver_builds_each_variant(variant, budget, expected):
    solver = make_solver(variant=variant, model="local:smollm2", budget=budget)
    assert isinstance(solver, PanelSolver)
    assert (solver.config.variant, solver.config.budget_usd, solver.config.allow_tests) == expected


def test_unknown_variant_is_a_config_error():
    with pytest.raises(ConfigError, match="not a panel variant"):
        make_solver(variant="everything")


def test_solver_works_a_simulator_encounter(scripted, tmp_path, demo_case, prices):
    ledger = Ledger(run_id="sim-case", root=tmp_path)
    encounter = Encounter(demo_case, Gatekeeper(demo_case), prices, ledger=ledger, budget=2000)
    outcome = make_solver(variant="budgeted", model=scripted(*REPLIES), budget=2000).solve(encounter)
    assert outcome.diagnosis == "Community-acquired pneumonia"
    assert encounter.final is not None and encounter.final.diagnosis == outcome.diagnosis
    assert encounter.tests_ordered == 1 and "panel:budgeted" in outcome.notes
    assert (ledger.dir / "checkpoints.sqlite").is_file()


def test_diagnose_api_runs_a_case_file(scripted, tmp_path):
    import dxkit
    from dxkit.agent.demo import case_path

    result = dxkit.diagnose(case_path(), scripted(*REPLIES), variant="no-budget", ledger_root=tmp_path / "ledger",
                            checkpoint_path=tmp_path / "cp.sqlite")
    assert result.diagnosis == "Community-acquired pneumonia"
    assert result.ledger_path and result.run_id and result.thread_id == result.run_id
    assert result.clinical_cost_usd == round(result.tests[0].price_usd, 2)


def test_cli_registers_diagnose_and_demo():
    from dxkit.cli.app import app

    for command in ("diagnose", "demo"):
        output = CliRunner().invoke(app, [command, "--help"]).output
        assert "--model" in output and "--variant" in output
