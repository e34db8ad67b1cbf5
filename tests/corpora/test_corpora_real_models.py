"""Integration with the packaged MiniLM embedder and with Ray local mode (slow, marked)."""

from __future__ import annotations

import numpy as np
import pytest

from dxkit.corpora import Document, EvidenceIndex, HashingEmbedder
from dxkit.errors import IntegrityError
from dxkit.evals.retrieval import evaluate_task, load_pubmedqa


@pytest.mark.slow
@pytest.mark.models
def test_minilm_pubmedqa_subset_and_embedder_mismatch(shared_data, tmp_path):
    from dxkit.models import get_embedder

    embedder = get_embedder(device="cpu")
    task = load_pubmedqa(shared_data / "pubmedqa" / "ori_pqal.json", limit=30)
    index = EvidenceIndex.build(task.documents, tmp_path / "pqa", embedder)
    scores = evaluate_task(task, embedder, index=index)
    # On all 1,000 items dense recall@10 measured 0.995 (docs/evidence_index.md); a subset is easier.
    assert scores["dense"].recall_at_10 >= 0.95
    assert scores["hybrid"].recall_at_10 >= 0.95
    with pytest.raises(IntegrityError, match="refusing"):
        EvidenceIndex.load(tmp_path / "pqa", HashingEmbedder())
    assert EvidenceIndex.load(tmp_path / "pqa", embedder).manifest.embedder == embedder.name


@pytest.mark.slow
@pytest.mark.ray
def test_ray_local_mode_embeds_the_same_vectors(tmp_path):
    ray = pytest.importorskip("ray")
    from dxkit.corpora.distributed import RayOptions

    documents = [Document(id=f"d:{i}", text=f"ward note {i}: sodium {130 + i} mmol/L, potassium low") for i in range(12)]
    ray.init(num_cpus=1, include_dashboard=False, log_to_driver=False)
    try:
        index = EvidenceIndex.build(documents, tmp_path / "ray", HashingEmbedder(), shard_size=5,
                                    ray=RayOptions(actors=1, batch_size=4))
    finally:
        ray.shutdown()
    assert [(s, e) for s, e, _ in index.shards.shards()] == [(0, 5), (5, 10), (10, 12)]
    expected = HashingEmbedder().encode([t for _, t in index.store.iter_index_texts()])
    np.testing.assert_array_equal(index.shards.rows(list(range(12))), expected)
    assert index.search("sodium 135", k=1, mode="bm25")[0].citation.doc_id == "d:5"
