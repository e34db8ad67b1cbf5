"""The retrieval harness on a BioASQ-format fixture and a PubMedQA subset (hashing embedder)."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from dxkit.cli.app import app
from dxkit.corpora import HashingEmbedder
from dxkit.evals.retrieval import evaluate_task, load_bioasq, load_pubmedqa

DATA = Path(__file__).parent / "data"


def test_bioasq_corpus_is_the_snippets_documents_and_gold_is_restricted_to_it():
    task = load_bioasq(DATA / "bioasq_mini.json")
    assert {d.id for d in task.documents} == {f"pmid:1000000{i}" for i in range(1, 6)}
    kidney = next(d for d in task.documents if d.id == "pmid:10000004")
    assert "thiazide" in kidney.text
    by_id = {q.id: q for q in task.queries}
    assert set(by_id) == {"q-hemo-1", "q-thyroid-2", "q-kidney-3"}  # the orphan question has no corpus gold
    assert by_id["q-hemo-1"].gold == {"pmid:10000001", "pmid:10000002"}  # 10000099 has no snippet
    assert any("1 questions had no gold" in note for note in task.notes)


def test_bioasq_evaluation_scores_each_mode():
    task = load_bioasq(DATA / "bioasq_mini.json")
    scores = evaluate_task(task, HashingEmbedder())
    assert set(scores) == {"dense", "bm25", "hybrid"}
    # Each fixture question shares distinctive words with its own snippets only.
    assert scores["bm25"].recall_at_5 == 1.0
    assert scores["hybrid"].mrr_at_10 == 1.0


def test_pubmedqa_subset(shared_data):
    task = load_pubmedqa(shared_data / "pubmedqa" / "ori_pqal.json", limit=40)
    assert len(task.documents) == len(task.queries) == 40
    scores = evaluate_task(task, HashingEmbedder(), modes=("bm25",))
    assert scores["bm25"].queries == 40
    assert scores["bm25"].recall_at_10 >= 0.9  # questions restate their abstract's topic


def test_cli_eval_retrieval_writes_json(tmp_path):
    out = tmp_path / "scores.json"
    result = CliRunner().invoke(app, ["eval", "retrieval", "--bioasq", str(DATA / "bioasq_mini.json"),
                                      "--embedder", "hashing", "--out", str(out)])
    assert result.exit_code == 0, result.output
    report = json.loads(out.read_text())
    assert set(report["bioasq"]["scores"]) == {"dense", "bm25", "hybrid"}
    assert "recall@10" in result.output
