"""Split documents into chunks that fit the embedder, keeping each chunk's character span.

Windows are counted in the embedder's own word pieces (256 for MiniLM, of which two are
the [CLS]/[SEP] markers and some go to the title that is embedded with every chunk), so
nothing is silently truncated at embedding time. Windows end at a sentence boundary when
one falls in their last quarter and overlap by `overlap` tokens.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Sequence
from typing import Any

from pydantic import BaseModel, Field

from dxkit.corpora.documents import Chunk, Document

_WORD = re.compile(r"\w+|[^\w\s]")
SPECIAL_TOKENS = 2  # [CLS] and [SEP]
MAX_TITLE_TOKENS = 48


class ChunkingConfig(BaseModel):
    max_tokens: int = Field(256, ge=16, description="The embedder's limit, special tokens included.")
    overlap: int = Field(32, ge=0, description="Tokens shared by consecutive chunks.")
    min_tokens: int = Field(32, ge=1, description="Smallest window left for text after the title.")


_backends: dict[int, Any] = {}


def _plain_backend(tokenizer: Any) -> Any | None:
    """A copy of the fast tokenizer without the padding/truncation stored in tokenizer.json."""
    key = id(tokenizer)
    if key not in _backends:
        backend = getattr(tokenizer, "backend_tokenizer", None)
        if backend is not None:
            backend = copy.deepcopy(backend)
            backend.no_truncation()
            backend.no_padding()
        _backends[key] = backend
    return _backends[key]


def token_spans(text: str, tokenizer: Any | None = None) -> list[tuple[int, int]]:
    """Character spans of the tokens of `text` (the embedder's word pieces when it has a fast tokenizer)."""
    backend = _plain_backend(tokenizer) if tokenizer is not None else None
    if backend is not None:
        encoding = backend.encode(text, add_special_tokens=False)
        return [(start, end) for start, end in encoding.offsets if end > start]
    return [(m.start(), m.end()) for m in _WORD.finditer(text)]


def embedding_text(title: str, text: str) -> str:
    """The string that is embedded and BM25-indexed for a chunk: its title, then its text."""
    return f"{title}\n{text}" if title else text


def _window_end(text: str, spans: Sequence[tuple[int, int]], start: int, budget: int) -> int:
    end = min(start + budget, len(spans))
    if end == len(spans):
        return end
    earliest = start + (3 * budget) // 4
    for k in range(end - 1, earliest - 1, -1):
        if text[spans[k][1] - 1] in ".!?":
            return k + 1
    return end


def _word_start(text: str, spans: Sequence[tuple[int, int]], index: int, floor: int) -> int:
    # Step back while the token continues a word (e.g. '##ase'), so chunks start on a word.
    while index > floor and spans[index][0] == spans[index - 1][1] and text[spans[index][0]].isalnum():
        index -= 1
    return index


def chunk_document(document: Document, tokenizer: Any | None = None,
                   config: ChunkingConfig | None = None) -> list[Chunk]:
    """Chunks of `document` with spans into `document.text`; ordinals count from 0."""
    config = config or ChunkingConfig()
    text = document.text
    spans = token_spans(text, tokenizer)
    if not spans:
        return []
    title_tokens = min(len(token_spans(document.title, tokenizer)), MAX_TITLE_TOKENS) if document.title else 0
    budget = max(config.max_tokens - SPECIAL_TOKENS - title_tokens - (1 if title_tokens else 0), config.min_tokens)
    overlap = min(config.overlap, budget // 2)
    chunks: list[Chunk] = []
    start = 0
    while True:
        end = _window_end(text, spans, start, budget)
        begin_char, end_char = spans[start][0], spans[end - 1][1]
        ordinal = len(chunks)
        chunks.append(Chunk(id=Chunk.make_id(document.id, ordinal), doc_id=document.id, ordinal=ordinal,
                            start=begin_char, end=end_char, text=text[begin_char:end_char]))
        if end >= len(spans):
            return chunks
        start = _word_start(text, spans, max(end - overlap, start + 1), start + 1)
