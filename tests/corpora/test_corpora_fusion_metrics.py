"""Reciprocal-rank fusion, MMR and the retrieval metrics, checked against hand computations."""

from __future__ import annotations

import math

import numpy as np
import pytest

from dxkit.corpora.fusion import maximal_marginal_relevance, reciprocal_rank_fusion
from dxkit.corpora.lexical import tokenize
from dxkit.evals.retrieval.metrics import ndcg, reciprocal_rank, score_rankings


def test_rrf_by_hand():
    # list A: 7, 3, 9   list B: 3, 5
    # 3: 1/62 + 1/61 = 0.032522...; 7: 1/61; 5: 1/62; 9: 1/63
    fused = reciprocal_rank_fusion([[7, 3, 9], [3, 5]])
    assert [item for item, _ in fused] == [3, 7, 5, 9]
    assert fused[0][1] == pytest.approx(1 / 62 + 1 / 61)
    assert fused[1][1] == pytest.approx(1 / 61)


def test_mmr_by_hand():
    # Two near-identical candidates and one different: with lambda 0.5 the second pick is the different one.
    query = np.array([1.0, 0.0])
    a = np.array([1.0, 0.0])
    a_twin = np.array([0.99, 0.141])
    b = np.array([0.6, 0.8])
    candidates = np.stack([a, a_twin, b])
    candidates /= np.linalg.norm(candidates, axis=1, keepdims=True)
    # second step scores: a_twin 0.5*0.99 - 0.5*0.99 = 0; b 0.5*0.6 - 0.5*0.6 = 0 ... use lambda 0.7:
    # a_twin 0.7*0.990 - 0.3*0.990 = 0.396; b 0.7*0.6 - 0.3*0.6 = 0.24 -> twin; with lambda 0.3 -> b
    assert maximal_marginal_relevance(query, candidates, 2, lambda_mult=0.7) == [0, 1]
    assert maximal_marginal_relevance(query, candidates, 2, lambda_mult=0.3) == [0, 2]


def test_metrics_by_hand():
    ranking, gold = ["a", "b", "c"], {"b", "x"}
    assert reciprocal_rank(ranking, gold) == 0.5
    # DCG = 1/log2(3); ideal = 1 + 1/log2(3)
    assert ndcg(ranking, gold) == pytest.approx((1 / math.log2(3)) / (1 + 1 / math.log2(3)))
    scores = score_rankings([ranking, ["z", "q"]], [gold, {"q"}])
    assert scores.queries == 2
    assert scores.recall_at_1 == 0.0
    assert scores.recall_at_5 == pytest.approx((0.5 + 1.0) / 2)
    assert scores.mrr_at_10 == pytest.approx((0.5 + 0.5) / 2)


def test_queries_without_gold_are_not_scored():
    assert score_rankings([["a"], ["b"]], [set(), {"b"}]).queries == 1


def test_bm25_tokens_fold_plurals_and_drop_stop_words():
    assert tokenize("The kidneys and the stones of patients with diabetes") == [
        "kidney", "stone", "patient", "diabete"]
    assert tokenize("COVID 19 vaccines") == ["covid", "19", "vaccine"]
