"""Ranking metrics over document ids (binary relevance).

recall@k  = |top-k ∩ gold| / |gold|, averaged over queries
MRR@10    = 1 / rank of the first gold document within the top 10 (0 if none)
nDCG@10   = sum_{i<=10} rel_i / log2(i+1), divided by the same sum for an ideal ranking
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from pydantic import BaseModel


class RetrievalScores(BaseModel):
    queries: int
    recall_at_1: float
    recall_at_5: float
    recall_at_10: float
    mrr_at_10: float
    ndcg_at_10: float


def recall_at(ranking: Sequence[str], gold: set[str], k: int) -> float:
    return len(set(ranking[:k]) & gold) / len(gold)


def reciprocal_rank(ranking: Sequence[str], gold: set[str], k: int = 10) -> float:
    for rank, doc in enumerate(ranking[:k], start=1):
        if doc in gold:
            return 1.0 / rank
    return 0.0


def ndcg(ranking: Sequence[str], gold: set[str], k: int = 10) -> float:
    dcg = sum(1.0 / math.log2(rank + 1) for rank, doc in enumerate(ranking[:k], start=1) if doc in gold)
    ideal = sum(1.0 / math.log2(rank + 1) for rank in range(1, min(len(gold), k) + 1))
    return dcg / ideal


def score_rankings(rankings: Sequence[Sequence[str]], golds: Sequence[set[str]]) -> RetrievalScores:
    """Mean metrics over queries; each ranking is a list of distinct document ids, best first."""
    pairs = [(r, g) for r, g in zip(rankings, golds, strict=True) if g]
    n = len(pairs)
    if n == 0:
        return RetrievalScores(queries=0, recall_at_1=0, recall_at_5=0, recall_at_10=0, mrr_at_10=0, ndcg_at_10=0)
    return RetrievalScores(
        queries=n,
        recall_at_1=sum(recall_at(r, g, 1) for r, g in pairs) / n,
        recall_at_5=sum(recall_at(r, g, 5) for r, g in pairs) / n,
        recall_at_10=sum(recall_at(r, g, 10) for r, g in pairs) / n,
        mrr_at_10=sum(reciprocal_rank(r, g) for r, g in pairs) / n,
        ndcg_at_10=sum(ndcg(r, g) for r, g in pairs) / n,
    )
