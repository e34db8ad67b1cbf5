"""Baseline solvers with a fake chat model; the summary's arithmetic; the CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from langchain_core.language_models import FakeListChatModel
from simulator_fakes import FakePrices
from typer.testing import CliRunner

from dxkit.cases import load_native_cases
from dxkit.evals.simulator.baselines import InstantSolver, OrderEverythingSolver, RandomSolver
from dxkit.evals.simulator.summary import summarise, summary_table
from dxkit.evals.simulator.traces import CaseResult
from dxkit.tools.encounter import Encounter
from dxkit.tools.gatekeeper import Gatekeeper

DATA = Path(__file__).parent / "data"


@pytest.fixture()
def case():
    return load_native_cases(DATA / "native_cases.yaml")[0]


def _encounter(case):
    return Encounter(case, Gatekeeper(case), FakePrices())


def test_instant_answers_from_the_abstract_alone(case) -> None:
    model = FakeListChatModel(responses=['{"diagnosis": "Iron deficiency anemia", "icd10": "D50.9"}'])
    encounter = _encounter(case)
    outcome = InstantSolver(model).solve(encounter)
    assert outcome.diagnosis == "Iron deficiency anemia" and outcome.icd10 == "D50.9"
    assert encounter.finished and encounter.spent_usd == 0 and len(encounter.trace) == 1


def test_order_everything_asks_every_field_and_orders_every_test(case) -> None:
    model = FakeListChatModel(responses=['{"diagnosis": "Iron deficiency anemia"}'])
    encounter = _encounter(case)
    outcome = OrderEverythingSolver(model).solve(encounter)
    assert outcome.diagnosis == "Iron deficiency anemia"
    assert encounter.questions_asked == len(case.history) + len(case.exam)
    assert encounter.tests_ordered == len(case.tests)
    answered = {p for step in encounter.trace for o in step.observations for p in o.field_paths}
    top_level = {f"{s}/{k}" for s in ("history", "exam", "tests") for k in case.section(s)}
    assert answered == top_level
    assert encounter.costs.visits == 1


def test_order_everything_cost_only_makes_no_model_call(case) -> None:
    encounter = _encounter(case)
    outcome = OrderEverythingSolver(model=object(), cost_only=True).solve(encounter)
    assert outcome.diagnosis == "" and encounter.tests_ordered == len(case.tests)


def test_random_solver_is_seeded_per_case(case) -> None:
    def actions(seed: int) -> list[dict]:
        encounter = _encounter(case)
        RandomSolver(seed=seed).solve(encounter)
        return [step.action for step in encounter.trace]

    assert actions(1) == actions(1)
    assert any(actions(1) != actions(seed) for seed in range(2, 6))
    assert actions(1)[-1]["kind"] == "diagnose"


def test_summary_arithmetic() -> None:
    def row(case_id: str, correct: bool, cost: float, questions: int, tests: int, levels: dict) -> CaseResult:
        return CaseResult(case_id=case_id, truth="t", diagnosis="d", correct=correct, score=5 if correct else 2,
                          levels=levels, cost_usd=cost, questions=questions, tests=tests, visits=1)

    everything = dict.fromkeys(("concept", "category", "block", "chapter"), True)
    chapter_only = {"concept": False, "category": False, "block": False, "chapter": True}
    results = [row("a", True, 300, 2, 0, everything), row("b", False, 1000, 4, 3, chapter_only),
               row("c", False, 500, 0, 1, {})]
    summary = summarise(results, "demo")
    assert summary.accuracy == pytest.approx(1 / 3, abs=1e-4)
    assert summary.accuracy_by_level == {"concept": pytest.approx(1 / 3, abs=1e-4),
                                         "category": pytest.approx(1 / 3, abs=1e-4),
                                         "block": pytest.approx(1 / 3, abs=1e-4),
                                         "chapter": pytest.approx(2 / 3, abs=1e-4)}
    assert summary.mean_cost_usd == 600.0 and summary.median_cost_usd == 500.0
    assert summary.mean_questions == 2.0 and summary.mean_tests == pytest.approx(4 / 3, abs=1e-4)
    assert summary.mean_score == 3.0
    assert "| demo | 3 | 0 | 33.3% |" in summary_table([summary])


def test_cli_rejects_a_bad_policy(tmp_path: Path) -> None:
    from dxkit.cli.app import app

    result = CliRunner().invoke(app, ["simulate", "--cases", str(DATA / "native_cases.yaml"), "--out",
                                      str(tmp_path / "out"), "--gatekeeper-policy", "guess"])
    assert result.exit_code != 0
    assert "policy" in str(result.exception) and "guess" in str(result.exception)


def _real_prices_and_judge() -> bool:
    try:
        from dxkit.evals.judge import judge_diagnosis  # noqa: F401
        from dxkit.tools.prices import PriceTable  # noqa: F401
    except ImportError:
        return False
    return True


@pytest.mark.skipif(not _real_prices_and_judge(), reason="needs the price table and the judge")
def test_cli_runs_order_everything_on_native_cases(tmp_path: Path) -> None:
    from dxkit.cli.app import app

    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["simulate", "--cases", str(DATA / "native_cases.yaml"), "--agent",
                                      "order-everything", "--variant", "cost-only", "--out", str(out),
                                      "--no-embedder"])
    assert result.exit_code == 0, result.output
    summary = json.loads((out / "summary.json").read_text())
    # anemia: 4 tests; gout: the 3 analytes of the "Blood Test" container + uric acid
    assert summary["n_cases"] == 2 and summary["mean_tests"] == 4.0 and summary["mean_visits"] == 1.0
    assert (out / "report.html").is_file()
