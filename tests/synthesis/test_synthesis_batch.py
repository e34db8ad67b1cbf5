"""Batch jobs: resumable, reports written, ledger entries, CLI, Ray in local mode."""

from __future__ import annotations

import json

import pytest
import yaml
from typer.testing import CliRunner

from dxkit.agent.synthesis.batch import run_batch

STUDY_TEXT = ("Patients were randomly assigned to drug Z or placebo. Death occurred in {a}/100 given drug Z "
              "and {c}/100 given placebo.")


def write_questions(tmp_path, n: int = 2):
    studies = [{"id": f"t{i}", "text": STUDY_TEXT.format(a=10 + i, c=20 + i)} for i in range(3)]
    questions = {"defaults": {"config": {"pooling": "DL"}},
                 "questions": [{"id": f"q{j}", "question": f"drug Z and death, variant {j}",
                                "pico": {"population": "adults", "intervention": "drug Z", "comparator": "placebo",
                                         "outcomes": [{"name": "death", "type": "binary"}]},
                                "studies": studies} for j in range(n)]}
    path = tmp_path / "questions.yaml"
    path.write_text(yaml.safe_dump(questions), encoding="utf-8")
    return path


@pytest.mark.slow
def test_batch_writes_reports_and_resumes(tmp_path):
    questions = write_questions(tmp_path)
    out = tmp_path / "out"
    first = run_batch(questions, out)
    assert [o.status for o in first] == ["done", "done"]
    html = (out / "q0" / "report.html").read_text(encoding="utf-8")
    assert "data:image/png;base64," in html and "<script" not in html
    markdown = (out / "q0" / "report.md").read_text(encoding="utf-8")
    for section in ("## PICO", "## Search", "## Screening", "## Extraction", "## Meta-analysis",
                    "## Recommendation", "Certainty"):
        assert section in markdown
    assert (out / "q0" / "forest_1.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert (out / "q0" / "forest_1.svg").read_text(encoding="utf-8").lstrip().startswith("<?xml")
    from dxkit.ledger import Ledger

    ledger = Ledger.open(first[0].run_id, out / "ledger")
    kinds = {record.kind for record in ledger.records()}
    assert {"synthesis_search", "synthesis_screening", "synthesis_extraction", "synthesis_analysis",
            "synthesis_recommendation"} <= kinds
    second = run_batch(questions, out)
    assert [o.status for o in second] == ["skipped", "skipped"]
    assert json.loads((out / "summary.json").read_text())[0]["status"] == "skipped"


def test_batch_reports_a_failing_question_and_goes_on(tmp_path):
    path = tmp_path / "q.yaml"
    path.write_text(yaml.safe_dump([{"id": "nopico", "question": "x", "studies": []}]), encoding="utf-8")
    outcomes = run_batch(path, tmp_path / "out", model="no-such-provider:model")
    assert outcomes[0].status == "failed" and outcomes[0].error


def test_cli_synthesize(tmp_path):
    from dxkit.cli.app import app

    questions = write_questions(tmp_path, n=1)
    result = CliRunner().invoke(app, ["synthesize", str(questions), "--out", str(tmp_path / "cli")])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "cli" / "q0" / "result.json").is_file()


@pytest.mark.ray
@pytest.mark.slow
def test_ray_backend_local_mode(tmp_path):
    ray = pytest.importorskip("ray")
    ray.init(num_cpus=1, include_dashboard=False, ignore_reinit_error=True)
    try:
        outcomes = run_batch(write_questions(tmp_path), tmp_path / "out", workers=1, backend="ray")
    finally:
        ray.shutdown()
    assert sorted(o.status for o in outcomes) == ["done", "done"]
    assert (tmp_path / "out" / "q1" / "report.html").is_file()


def test_batch_with_two_worker_processes(tmp_path):
    outcomes = run_batch(write_questions(tmp_path), tmp_path / "out", workers=2)
    assert [o.status for o in outcomes] == ["done", "done"]
