"""Typed records of the evidence index: documents, chunks, citations and passages.

A `Citation` always points at text kept in the document store: `chunk_id` is
`<doc_id>#c<n>` and `start`/`end` are character offsets into the document's text, so a
reader can quote the exact words that were retrieved.
"""

from __future__ import annotations

import hashlib
import re
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator

_ID_PATTERN = re.compile(r"^[A-Za-z0-9_.:/\-]+$")


def content_hash(text: str) -> str:
    """Hash of whitespace-normalised text: the key for deduplication."""
    normalised = " ".join(text.split()).lower()
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()


class Document(BaseModel):
    """One source document (an abstract, a guideline page, a note)."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(description="Stable id, e.g. 'pmid:12345' or 'file:guidelines/chest-pain'.")
    text: str = Field(description="Full text; chunk spans are offsets into it.")
    title: str = Field("", description="Title (may be empty).")
    year: int | None = Field(None, ge=1000, le=3000, description="Publication year when known.")
    source: str = Field("unknown", description="Loader that produced it: pubmedqa, pubmed-xml, jsonl, file.")
    pmid: str | None = Field(None, description="PubMed id when known (digits only).")
    meta: dict[str, Any] = Field(default_factory=dict, description="Loader-specific metadata (JSON-safe).")

    @field_validator("id")
    @classmethod
    def _id_is_safe(cls, value: str) -> str:
        # '#' separates the chunk ordinal in citation ids, so it cannot appear in a document id.
        if not value or not _ID_PATTERN.match(value):
            raise ValueError(
                f"document id {value!r} is not accepted (accepted: letters, digits and _ . : / -)"
            )
        return value

    @field_validator("pmid")
    @classmethod
    def _pmid_digits(cls, value: str | None) -> str | None:
        if value is not None and not value.isdigit():
            raise ValueError(f"pmid {value!r} is not a PubMed id (accepted: digits only)")
        return value

    @property
    def hash(self) -> str:
        return content_hash(self.title + "\n" + self.text)


class Chunk(BaseModel):
    """A span of a document small enough for the embedder."""

    model_config = ConfigDict(extra="forbid")

    id: str
    doc_id: str
    ordinal: int = Field(ge=0)
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str

    @staticmethod
    def make_id(doc_id: str, ordinal: int) -> str:
        return f"{doc_id}#c{ordinal}"


class Citation(BaseModel):
    """Where a passage came from; `id` resolves with `EvidenceIndex.resolve`."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(description="Citation key, equal to the chunk id, e.g. 'pmid:12345#c0'.")
    chunk_id: str
    doc_id: str
    pmid: str | None = None
    title: str = ""
    year: int | None = None
    source: str = "unknown"
    start: int = Field(ge=0, description="Character offset of the passage in the document text.")
    end: int = Field(ge=0, description="End offset (exclusive).")

    @property
    def url(self) -> str | None:
        return f"https://pubmed.ncbi.nlm.nih.gov/{self.pmid}/" if self.pmid else None

    def label(self) -> str:
        """Short human label: 'pmid:123 (2011)'."""
        year = f" ({self.year})" if self.year else ""
        return f"{self.doc_id}{year}"


class Passage(BaseModel):
    """A retrieved chunk with its citation and the score each retriever gave it."""

    model_config = ConfigDict(extra="forbid")

    text: str
    citation: Citation
    score: float = Field(0.0, description="Score used for the final ranking (RRF in hybrid mode).")
    scores: dict[str, float] = Field(default_factory=dict,
                                     description="Per retriever: 'dense' (cosine), 'bm25', 'rrf', 'mmr'.")

    @property
    def id(self) -> str:
        return self.citation.id
