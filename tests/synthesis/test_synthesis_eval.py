"""Scoring of the extraction evaluation, by hand."""

from __future__ import annotations

import json
import math

import pytest

from dxkit.evals.extraction.runner import run_extraction_eval
from dxkit.evals.extraction.scoring import TypeScores, same, score_row
from dxkit.tools.rct_extraction import extract_rule_based


def test_blank_reference_requires_not_reported():
    assert same(None, None)
    assert not same(5.0, None)
    assert not same(None, 5.0)
    assert same(35.0, 35)


def test_row_exact_match_field_rates_and_log_or_error():
    scores = TypeScores()
    reference = {"intervention_events": 10, "intervention_group_size": 100,
                 "comparator_events": 20, "comparator_group_size": 100}
    predicted = dict(reference, comparator_events=25)
    assert not score_row(scores, "binary", predicted, reference)
    assert score_row(scores, "binary", dict(reference), reference)
    assert scores.exact_rate == 0.5
    assert scores.field_rates()["comparator_events"] == 0.5
    # |log(10*75/(90*25)) - log(10*80/(90*20))| = |log(750/2250) - log(800/1800)|
    expected = abs(math.log(750 / 2250) - math.log(800 / 1800))
    assert scores.effect_abs_errors[0] == pytest.approx(expected)
    assert scores.effect_abs_errors[1] == 0.0


def test_runner_resumes_from_predictions(tmp_path):
    folder = tmp_path / "data"
    (folder / "markdown").mkdir(parents=True)
    (folder / "markdown" / "PMC1.md").write_text(
        "Death occurred in 3/50 in the drug group and 6/50 in the placebo group.", encoding="utf-8")
    row = {"id": 1, "pmcid": 1, "intervention": "drug", "comparator": "placebo", "outcome": "death",
           "outcome_type": "binary", "intervention_events": "3", "intervention_group_size": "50",
           "comparator_events": "6", "comparator_group_size": "50"}
    (folder / "rows.json").write_text(json.dumps([row]), encoding="utf-8")
    calls = []

    def counting(document, target, source_id):
        calls.append(source_id)
        return extract_rule_based(document, target, source_id)

    out = tmp_path / "out"
    first = run_extraction_eval(folder / "rows.json", folder / "markdown", counting, "rule", out)
    second = run_extraction_eval(folder / "rows.json", folder / "markdown", counting, "rule", out)
    assert calls == ["PMC1"]
    assert first.binary.exact_rate == second.binary.exact_rate == 1.0
    assert json.loads((out / "report.json").read_text())["binary_exact_match"] == 1.0


def test_cli_eval_extraction_rule_on_dev(shared_data, tmp_path):
    from typer.testing import CliRunner

    from dxkit.cli.app import app

    annotations = shared_data / "rct_extraction" / "annotated_rct_dev.json"
    result = CliRunner().invoke(app, ["eval", "extraction", "--annotations", str(annotations),
                                      "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    report = json.loads((tmp_path / "report.json").read_text())
    assert report["rows"] == 43 and report["binary_rows"] + report["continuous_rows"] == 43
    lines = (tmp_path / "predictions.jsonl").read_text().splitlines()
    assert len(lines) == 43
