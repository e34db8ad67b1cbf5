"""Runner: traces, reports, resume after interruption or kill, determinism, parallel backends."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from simulator_fakes import JUDGE_SPEC, PRICES_SPEC, logged_cases

from dxkit.errors import ConfigError, InputError
from dxkit.evals.simulator.agents import make_solver
from dxkit.evals.simulator.runner import RunConfig, run_simulation
from dxkit.evals.simulator.traces import read_trace

HERE = Path(__file__).parent


def _config(shared_data: Path, out: Path, **overrides) -> RunConfig:
    values = dict(cases=shared_data / "agentclinic" / "agentclinic_medqa.jsonl", out=out, agent="random",
                  limit=5, prices=PRICES_SPEC, judge=JUDGE_SPEC, embedder=False)
    values.update(overrides)
    return RunConfig(**values)


def _comparable(results) -> list[dict]:
    return [r.model_dump(exclude={"duration_s"}) for r in results]


def test_run_writes_traces_summary_plot_and_report(shared_data: Path, tmp_path: Path) -> None:
    config = _config(shared_data, tmp_path / "run", agent="simulator_fakes:make_scripted")
    results = run_simulation(config)
    assert [r.case_id for r in results] == [f"agentclinic_medqa-{i:04d}" for i in range(1, 6)]
    # The scripted solver answers "Myasthenia gravis", the first case's diagnosis only.
    assert [r.correct for r in results] == [True, False, False, False, False]
    assert all(r.cost_usd == 310.0 and r.questions == 1 and r.tests == 1 for r in results)
    records = read_trace(tmp_path / "run" / "traces" / "agentclinic_medqa-0001.jsonl")
    assert [r["type"] for r in records] == ["case", "step", "step", "step", "outcome", "costs", "judgement",
                                            "result"]
    assert "Myasthenia" not in json.dumps(records[0]) and records[0]["policy"] == "not_available"
    summary = json.loads((tmp_path / "run" / "summary.json").read_text())
    assert summary["n_cases"] == 5 and summary["accuracy"] == 0.2 and summary["mean_cost_usd"] == 310.0
    assert (tmp_path / "run" / "accuracy_vs_cost.png").read_bytes()[:4] == b"\x89PNG"
    html = (tmp_path / "run" / "report.html").read_text()
    assert "data:image/png;base64," in html and "http" not in html.replace("https://", "")
    assert all(f"agentclinic_medqa-{i:04d}" in html for i in range(1, 6))
    ledgers = sorted(p.name for p in (tmp_path / "run" / "ledger").iterdir())
    assert ledgers == [f"agentclinic_medqa-{i:04d}-a1" for i in range(1, 6)]


def test_interrupted_run_resumes_without_redoing_cases(shared_data: Path, tmp_path: Path, monkeypatch) -> None:
    log = tmp_path / "solved.log"
    monkeypatch.setenv("DXKIT_TEST_LOG", str(log))
    monkeypatch.setenv("DXKIT_TEST_STOP_AT", "agentclinic_medqa-0003")
    with pytest.raises(KeyboardInterrupt):
        run_simulation(_config(shared_data, tmp_path / "run", agent="simulator_fakes:make_interrupting"))
    assert logged_cases(log) == ["agentclinic_medqa-0001", "agentclinic_medqa-0002"]
    monkeypatch.setenv("DXKIT_TEST_STOP_AT", "none")
    run_simulation(_config(shared_data, tmp_path / "run", agent="simulator_fakes:make_interrupting"))
    assert logged_cases(log) == [f"agentclinic_medqa-{i:04d}" for i in range(1, 6)]


@pytest.mark.slow
def test_killed_run_resumes_without_redoing_cases(shared_data: Path, tmp_path: Path) -> None:
    """SIGKILL the process in the middle of case 4, then resume: cases 1-3 are not redone."""
    log = tmp_path / "solved.log"
    script = (
        "import os, signal, sys\n"
        "from pathlib import Path\n"
        "from dxkit.evals.simulator.runner import RunConfig, run_simulation\n"
        "import simulator_fakes\n"
        "class Killer(simulator_fakes.ScriptedSolver):\n"
        "    def solve(self, encounter):\n"
        "        if encounter.case_id.endswith('0004'):\n"
        "            os.kill(os.getpid(), signal.SIGKILL)\n"
        "        with open(os.environ['DXKIT_TEST_LOG'], 'a') as h:\n"
        "            h.write(encounter.case_id + '\\n')\n"
        "        return super().solve(encounter)\n"
        "simulator_fakes.make_killer = lambda **kw: Killer()\n"
        f"run_simulation(RunConfig(cases={str(shared_data / 'agentclinic' / 'agentclinic_medqa.jsonl')!r}, "
        f"out={str(tmp_path / 'run')!r}, agent='simulator_fakes:make_killer', limit=6, "
        f"prices={PRICES_SPEC!r}, judge={JUDGE_SPEC!r}, embedder=False))\n"
    )
    env = {**os.environ, "DXKIT_TEST_LOG": str(log), "PYTHONPATH": str(HERE)}
    completed = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, timeout=120)
    assert completed.returncode == -signal.SIGKILL
    assert logged_cases(log) == [f"agentclinic_medqa-{i:04d}" for i in range(1, 4)]
    assert sorted(p.name for p in (tmp_path / "run" / "traces").glob("*.jsonl")) == \
        [f"agentclinic_medqa-{i:04d}.jsonl" for i in range(1, 4)]
    env_resume = {**env}
    resume = script.replace("endswith('0004')", "endswith('never')")
    subprocess.run([sys.executable, "-c", resume], env=env_resume, check=True, capture_output=True, timeout=120)
    assert logged_cases(log) == [f"agentclinic_medqa-{i:04d}" for i in range(1, 7)]


def test_failing_cases_are_recorded_and_redone_on_resume(shared_data: Path, tmp_path: Path, monkeypatch) -> None:
    log = tmp_path / "solved.log"
    monkeypatch.setenv("DXKIT_TEST_LOG", str(log))
    monkeypatch.setenv("DXKIT_TEST_FAIL", "1")
    config = _config(shared_data, tmp_path / "run", agent="simulator_fakes:make_failing", limit=2)
    results = run_simulation(config)
    assert all(r.error == "RuntimeError: model server unavailable" and not r.correct for r in results)
    summary = json.loads((tmp_path / "run" / "summary.json").read_text())
    assert summary["n_errors"] == 2 and summary["accuracy"] == 0.0
    monkeypatch.setenv("DXKIT_TEST_FAIL", "0")
    results = run_simulation(config)
    assert logged_cases(log) == ["agentclinic_medqa-0001", "agentclinic_medqa-0002"]
    assert [r.error for r in results] == [None, None] and results[0].correct


def test_unknown_model_is_an_error_not_a_crash(shared_data: Path, tmp_path: Path) -> None:
    results = run_simulation(_config(shared_data, tmp_path / "run", agent="instant", model="no-such:x", limit=1))
    assert results[0].error and results[0].diagnosis == ""


def test_same_seed_same_results_other_seed_differs(shared_data: Path, tmp_path: Path) -> None:
    first = run_simulation(_config(shared_data, tmp_path / "a", seed=7))
    second = run_simulation(_config(shared_data, tmp_path / "b", seed=7))
    other = run_simulation(_config(shared_data, tmp_path / "c", seed=8))
    assert _comparable(first) == _comparable(second)
    assert _comparable(first) != _comparable(other)
    steps = [read_trace(tmp_path / d / "traces" / "agentclinic_medqa-0002.jsonl")[1:-1] for d in ("a", "b")]
    assert steps[0] == steps[1]


def test_resume_refuses_changed_settings(shared_data: Path, tmp_path: Path) -> None:
    run_simulation(_config(shared_data, tmp_path / "run", limit=1))
    with pytest.raises(InputError, match="seed"):
        run_simulation(_config(shared_data, tmp_path / "run", limit=1, seed=3))


@pytest.mark.slow
def test_process_pool_matches_sequential(shared_data: Path, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("PYTHONPATH", str(HERE))
    sequential = run_simulation(_config(shared_data, tmp_path / "seq", limit=4))
    parallel = run_simulation(_config(shared_data, tmp_path / "par", limit=4, workers=2))
    assert _comparable(sequential) == _comparable(parallel)


@pytest.mark.slow
@pytest.mark.ray
def test_ray_backend_in_local_mode(shared_data: Path, tmp_path: Path, monkeypatch) -> None:
    ray = pytest.importorskip("ray")
    monkeypatch.setenv("PYTHONPATH", str(HERE))
    sequential = run_simulation(_config(shared_data, tmp_path / "seq", limit=3))
    ray.init(num_cpus=1, include_dashboard=False, runtime_env={"env_vars": {"PYTHONPATH": str(HERE)}})
    try:
        distributed = run_simulation(_config(shared_data, tmp_path / "ray", limit=3, backend="ray"))
    finally:
        ray.shutdown()
    assert _comparable(sequential) == _comparable(distributed)


def test_agent_specs() -> None:
    assert type(make_solver("random", seed=1)).__name__ == "RandomSolver"
    assert make_solver("order-everything:cost-only").cost_only
    with pytest.raises(ConfigError, match="accepted"):
        make_solver("oracle")
    with pytest.raises(ConfigError, match="variant"):
        make_solver("order-everything", variant="cheap")
    with pytest.raises(ConfigError, match="importable"):
        make_solver("simulator_fakes:no_such_factory")


def test_rejudge_and_compare(shared_data: Path, tmp_path: Path) -> None:
    from dxkit.evals.simulator.rejudge import rejudge
    from dxkit.evals.simulator.report import write_comparison

    run_simulation(_config(shared_data, tmp_path / "a", agent="simulator_fakes:make_scripted", limit=2))
    run_simulation(_config(shared_data, tmp_path / "b", limit=2))
    results = rejudge(tmp_path / "a", judge="simulator_fakes:never_judge")
    assert [r.correct for r in results] == [False, False]
    assert json.loads((tmp_path / "a" / "run.json").read_text())["judge"] == "simulator_fakes:never_judge"
    assert read_trace(tmp_path / "a" / "traces" / "agentclinic_medqa-0001.jsonl")[-2]["method"] == "never"
    summaries = write_comparison([tmp_path / "a", tmp_path / "b"], tmp_path / "cmp")
    assert [s.label for s in summaries] == ["simulator_fakes:make_scripted", "random"]
    assert (tmp_path / "cmp" / "comparison.png").read_bytes()[:4] == b"\x89PNG"
    assert "| random | 2 |" in (tmp_path / "cmp" / "comparison.md").read_text()


def test_nejm_cases_run_end_to_end(tmp_path: Path) -> None:
    config = RunConfig(cases=HERE / "data" / "nejm_tiny.jsonl", out=tmp_path / "run", agent="random",
                       prices=PRICES_SPEC, judge=JUDGE_SPEC, embedder=False)
    results = run_simulation(config)
    assert [r.truth for r in results] == ["Pretibial myxedema", "Bacterial keratitis"]
    header = read_trace(tmp_path / "run" / "traces" / "nejm_tiny-0001.jsonl")[0]
    assert header["options"] == ["Erythema nodosum", "Pretibial myxedema", "Necrobiosis lipoidica"]
    assert "myxedema" not in header["abstract"].lower()
