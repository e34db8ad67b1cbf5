"""Retrieval evaluation: PubMedQA and BioASQ-format tasks, scored for dense, BM25 and hybrid search."""

from dxkit.evals.retrieval.datasets import RetrievalTask, load_bioasq, load_pubmedqa
from dxkit.evals.retrieval.harness import evaluate_task
from dxkit.evals.retrieval.metrics import RetrievalScores, score_rankings

__all__ = ["RetrievalScores", "RetrievalTask", "evaluate_task", "load_bioasq", "load_pubmedqa", "score_rankings"]
