"""Score dense, BM25 and hybrid search of one index on one task, at the document level."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from dxkit.corpora import EvidenceIndex
from dxkit.evals.retrieval.datasets import RetrievalTask
from dxkit.evals.retrieval.metrics import RetrievalScores, score_rankings

DEPTH = 10


def document_ranking(index: EvidenceIndex, query: str, mode: str, depth: int = DEPTH,
                     query_vector: Any = None) -> list[str]:
    """Distinct document ids in the order their best chunk ranks (chunks of one document merge)."""
    ranking: list[str] = []
    passages = index.search(query, k=depth * 5, mode=mode, query_vector=query_vector)
    for passage in passages:
        if passage.citation.doc_id not in ranking:
            ranking.append(passage.citation.doc_id)
    return ranking[:depth]


def evaluate_task(task: RetrievalTask, embedder: Any, modes: Sequence[str] = ("dense", "bm25", "hybrid"),
                  index: EvidenceIndex | None = None, show_progress: bool = False) -> dict[str, RetrievalScores]:
    """Build a temporary index of the task's corpus (unless given) and score each mode."""
    index = index or EvidenceIndex.from_documents(task.documents, embedder, show_progress=show_progress)
    golds = [q.gold for q in task.queries]
    vectors = index.embed_queries([q.text for q in task.queries])
    results = {}
    for mode in modes:
        rankings = [document_ranking(index, q.text, mode, query_vector=v) for q, v in zip(task.queries, vectors, strict=True)]
        results[mode] = score_rankings(rankings, golds)
    return results
