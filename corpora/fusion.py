"""Combining rankings: reciprocal-rank fusion and maximal marginal relevance."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

RRF_K = 60  # the constant of Cormack et al. (2009), also used by MedRAG


def reciprocal_rank_fusion(rankings: Sequence[Sequence[int]], k: int = RRF_K) -> list[tuple[int, float]]:
    """Fuse ranked lists of ids: score(id) = sum over lists of 1 / (k + rank), rank from 1."""
    scores: dict[int, float] = {}
    for ranking in rankings:
        for rank, item in enumerate(ranking, start=1):
            scores[item] = scores.get(item, 0.0) + 1.0 / (k + rank)
    # Ties broken by id so the order is deterministic.
    return sorted(scores.items(), key=lambda pair: (-pair[1], pair[0]))


def maximal_marginal_relevance(query: np.ndarray, candidates: np.ndarray, k: int,
                               lambda_mult: float = 0.5) -> list[int]:
    """Indices into `candidates` chosen greedily for relevance minus redundancy (unit vectors)."""
    if len(candidates) == 0:
        return []
    relevance = candidates @ query
    chosen: list[int] = [int(np.argmax(relevance))]
    similarity = candidates @ candidates.T
    while len(chosen) < min(k, len(candidates)):
        redundancy = similarity[:, chosen].max(axis=1)
        score = lambda_mult * relevance - (1.0 - lambda_mult) * redundancy
        score[chosen] = -np.inf
        chosen.append(int(np.argmax(score)))
    return chosen
