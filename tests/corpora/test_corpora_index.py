"""EvidenceIndex with the deterministic hashing embedder: build, search, resolve, add, resume, refuse."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from dxkit.corpora import (
    Document,
    EvidenceIndex,
    HashingEmbedder,
    UnknownCitation,
    VectorIndexConfig,
    load_documents,
)
from dxkit.errors import InputError, IntegrityError

DATA = Path(__file__).parent / "data"

TOPICS = {
    "asthma": "Inhaled corticosteroids reduce asthma exacerbations in children with persistent wheeze.",
    "gout": "Allopurinol lowers serum urate and prevents recurrent gout flares.",
    "sepsis": "Early antibiotics and fluid resuscitation reduce mortality in septic shock.",
    "stroke": "Alteplase within four and a half hours improves outcome after ischaemic stroke.",
    "anaemia": "Oral ferrous sulfate corrects iron deficiency anaemia in most adults.",
    "diabetes": "Metformin is the first-line drug for type 2 diabetes mellitus.",
}


def topic_documents() -> list[Document]:
    return [Document(id=f"pmid:{1000 + i}", pmid=str(1000 + i), title=f"{name.title()} trial", year=2000 + i,
                     text=text, source="test") for i, (name, text) in enumerate(TOPICS.items())]


class CountingEmbedder(HashingEmbedder):
    """Hashing embedder that counts the texts it embeds and can fail after a number of calls."""

    def __init__(self, fail_after_calls: int | None = None) -> None:
        super().__init__()
        self.texts = 0
        self.calls = 0
        self.fail_after_calls = fail_after_calls

    def encode(self, texts, batch_size=None, show_progress=False):
        if self.fail_after_calls is not None and self.calls >= self.fail_after_calls:
            raise KeyboardInterrupt("simulated kill")
        self.calls += 1
        self.texts += len(texts)
        return super().encode(texts)


@pytest.fixture()
def built(tmp_path) -> EvidenceIndex:
    return EvidenceIndex.build(topic_documents(), tmp_path / "idx", HashingEmbedder())


@pytest.mark.parametrize("mode", ["hybrid", "dense", "bm25"])
def test_each_mode_finds_the_matching_document_first(built, mode):
    passages = built.search("allopurinol for gout flares", k=3, mode=mode)
    assert passages[0].citation.doc_id == "pmid:1001"
    assert passages[0].citation.pmid == "1001" and passages[0].citation.year == 2001
    assert passages[0].citation.title == "Gout trial"
    expected_scores = {"hybrid": {"dense", "bm25", "rrf"}, "dense": {"dense"}, "bm25": {"bm25"}}[mode]
    assert set(passages[0].scores) == expected_scores


def test_hybrid_score_is_reciprocal_rank_fusion_of_the_two_lists(built):
    dense = [p.id for p in built.search("septic shock antibiotics", k=6, mode="dense")]
    lexical = [p.id for p in built.search("septic shock antibiotics", k=6, mode="bm25")]
    top = built.search("septic shock antibiotics", k=1)[0]
    expected = 1 / (60 + dense.index(top.id) + 1) + 1 / (60 + lexical.index(top.id) + 1)
    assert top.scores["rrf"] == pytest.approx(expected)


def test_every_citation_resolves_to_its_stored_text(built):
    for passage in built.search("anaemia iron", k=6):
        resolved = built.resolve(passage.citation.id)
        assert resolved.text == passage.text
        document = built.document(passage.citation.doc_id)
        assert document.text[passage.citation.start:passage.citation.end] == passage.text
    assert built.resolve(built.search("stroke", k=1)[0].citation).citation.doc_id == "pmid:1003"


def test_unknown_citation_is_a_clear_error(built):
    with pytest.raises(UnknownCitation, match=r"'pmid:999#c0' is not in this index"):
        built.resolve("pmid:999#c0")


def test_bad_search_arguments(built):
    with pytest.raises(InputError, match="mode: 'fuzzy'.*accepted: hybrid, dense, bm25"):
        built.search("gout", mode="fuzzy")
    with pytest.raises(InputError, match="k: 0"):
        built.search("gout", k=0)
    with pytest.raises(InputError, match="query"):
        built.search("   ")


def test_mmr_prefers_diverse_passages(tmp_path):
    docs = [Document(id=f"d:{i}", text="metformin lowers glucose in type 2 diabetes" + " metformin" * i) for i in range(4)]
    docs.append(Document(id="d:other", text="metformin lactic acidosis risk in kidney disease"))
    index = EvidenceIndex.build(docs, tmp_path / "mmr", HashingEmbedder())
    plain = [p.citation.doc_id for p in index.search("metformin diabetes", k=2, mode="dense")]
    diverse = [p.citation.doc_id for p in index.search("metformin diabetes", k=2, mode="dense", mmr=True)]
    assert "d:other" not in plain and "d:other" in diverse


def test_load_round_trip_and_manifest(built):
    loaded = EvidenceIndex.load(built.folder, HashingEmbedder())
    assert len(loaded) == len(built) == 6
    m = loaded.manifest
    assert (m.embedder, m.dimension, m.metric, m.normalized, m.index_type) == (
        "dxkit/hashing-384", 384, "inner_product", True, "flat")
    query = "metformin type 2 diabetes"
    assert [p.id for p in loaded.search(query)] == [p.id for p in built.search(query)]
    # embedder=None loads the embedder the manifest names.
    assert EvidenceIndex.load(built.folder).embedder.name == "dxkit/hashing-384"


def test_index_built_with_another_embedder_is_refused(built):
    with pytest.raises(IntegrityError, match="built with embedder 'dxkit/hashing-384'.*refusing"):
        EvidenceIndex.load(built.folder, HashingEmbedder(dimension=128))


def test_tampered_vector_index_is_refused(built):
    path = built.folder / "dense.faiss"
    data = bytearray(path.read_bytes())
    data[-5] ^= 0xFF
    path.write_bytes(bytes(data))
    with pytest.raises(IntegrityError, match="dense.faiss does not match"):
        EvidenceIndex.load(built.folder)


def test_edited_store_text_is_refused(built):
    built.store.db.execute("UPDATE chunks SET text = 'Ignore the evidence.' WHERE row = 0")
    built.store.db.commit()
    with pytest.raises(IntegrityError, match="store.sqlite does not match"):
        EvidenceIndex.load(built.folder)


def test_missing_manifest_means_unfinished(tmp_path):
    (tmp_path / "empty").mkdir()
    with pytest.raises(IntegrityError, match="no manifest.json"):
        EvidenceIndex.load(tmp_path / "empty")


def test_add_embeds_only_new_chunks_and_skips_duplicates(built):
    counting = CountingEmbedder()
    index = EvidenceIndex.load(built.folder, counting)
    new = Document(id="pmid:2000", pmid="2000", text="Colchicine treats acute pericarditis and prevents recurrence.")
    same_text_other_id = topic_documents()[0].model_copy(update={"id": "copy:asthma"})
    report = index.add([new, topic_documents()[1], same_text_other_id])
    assert (report.added, report.duplicates, report.chunks) == (1, 2, 1)
    assert counting.texts == 1  # only the new chunk was embedded
    assert index.search("pericarditis colchicine", k=1)[0].citation.doc_id == "pmid:2000"
    reloaded = EvidenceIndex.load(built.folder)
    assert len(reloaded) == 7 and reloaded.manifest.documents == 7


def test_same_id_with_new_text_is_rejected(built):
    changed = topic_documents()[0].model_copy(update={"text": "Different words entirely."})
    with pytest.raises(InputError, match="already indexed with different text"):
        built.add([changed])


def test_killed_build_resumes_without_redoing_finished_shards(tmp_path):
    documents = [Document(id=f"d:{i}", text=f"note {i} on renal function and potassium {i * 7}") for i in range(10)]
    out = tmp_path / "resumable"
    with pytest.raises(KeyboardInterrupt):
        EvidenceIndex.build(documents, out, CountingEmbedder(fail_after_calls=2), shard_size=3, batch_size=3)
    assert not (out / "manifest.json").exists()
    assert len(list((out / "vectors").glob("shard-*.npy"))) == 2  # rows 0-5 finished before the kill
    resumed = CountingEmbedder()
    index = EvidenceIndex.build(documents, out, resumed, shard_size=3, batch_size=3)
    assert resumed.texts == 4  # rows 6-9 only
    assert len(index) == 10
    vectors = index.shards.rows(list(range(10)))
    expected = HashingEmbedder().encode([t for _, t in index.store.iter_index_texts()])
    np.testing.assert_allclose(vectors, expected)


def test_ivf_and_hnsw_are_chosen_by_configured_size(tmp_path):
    docs = [Document(id=f"d:{i}", text=f"record {i} " + " ".join(f"term{(i * j) % 97}" for j in range(12)))
            for i in range(200)]
    ivf = EvidenceIndex.build(docs, tmp_path / "ivf", HashingEmbedder(),
                              config=VectorIndexConfig(flat_max=50, nprobe=64))
    assert ivf.manifest.index_type == "ivf"
    target = docs[17]
    assert ivf.search(target.text, k=1, mode="dense")[0].citation.doc_id == "d:17"
    hnsw = EvidenceIndex.build(docs, tmp_path / "hnsw", HashingEmbedder(), config=VectorIndexConfig(kind="hnsw"))
    assert hnsw.manifest.index_type == "hnsw"
    assert hnsw.search(target.text, k=1, mode="dense")[0].citation.doc_id == "d:17"
    assert EvidenceIndex.load(tmp_path / "ivf").manifest.index_type == "ivf"


def test_from_documents_builds_a_throwaway_index_from_markdown():
    index = EvidenceIndex.from_documents(load_documents(DATA / "notes"), HashingEmbedder())
    top = index.search("troponin ECG chest pain", k=1)[0]
    assert top.citation.doc_id == "file:cardiology/chest-pain"
    assert "troponin" in index.resolve(top.id).text


def test_document_text_is_never_interpreted(tmp_path):
    hostile = Document(id="evil:1", text="__import__('os').system('echo pwned') ; DROP TABLE chunks; --")
    index = EvidenceIndex.build([hostile], tmp_path / "evil", HashingEmbedder())
    assert index.resolve("evil:1#c0").text == hostile.text
    assert index.store.chunk_count() == 1


def test_killed_ingestion_keeps_committed_documents(tmp_path):
    from dxkit.corpora.store import DocumentStore

    def documents():
        for i in range(7):
            yield Document(id=f"d:{i}", text=f"entry {i} about hyponatraemia")
        raise KeyboardInterrupt("simulated kill while reading the source")

    store = DocumentStore(tmp_path / "store.sqlite")
    with pytest.raises(KeyboardInterrupt):
        store.add_documents(documents(), lambda d: [], commit_every=3)
    store.close()
    reopened = DocumentStore(tmp_path / "store.sqlite")
    assert reopened.document_count() == 6  # two commits of three; the seventh was rolled back


def test_ivfpq_candidates_are_reranked_by_exact_cosine(tmp_path):
    docs = [Document(id=f"d:{i}", text=f"case {i} " + " ".join(f"finding{(i * j) % 89}" for j in range(10)))
            for i in range(300)]
    config = VectorIndexConfig(kind="ivfpq", nlist=4, nprobe=4, pq_m=8, pq_bits=4)
    index = EvidenceIndex.build(docs, tmp_path / "pq", HashingEmbedder(), config=config)
    assert index.manifest.index_type == "ivfpq"
    top = index.search(docs[42].text, k=3, mode="dense")
    assert top[0].citation.doc_id == "d:42"
    exact = HashingEmbedder().encode([docs[42].text])[0] @ HashingEmbedder().encode([docs[42].text])[0]
    assert top[0].scores["dense"] == pytest.approx(exact, abs=1e-5)  # exact, not the PQ estimate
