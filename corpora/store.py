"""SQLite store of documents and chunks: the truth for every citation's text.

Chunk rows are numbered 0..N-1 in insertion order; that number is the chunk's vector id in
FAISS and its position in the BM25 index, both of which are rebuildable views of this store.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import threading
from collections.abc import Iterable, Iterator
from pathlib import Path

from pydantic import BaseModel

from dxkit.corpora.chunking import embedding_text
from dxkit.corpora.documents import Chunk, Document
from dxkit.errors import DxkitError, InputError

SCHEMA = """
CREATE TABLE IF NOT EXISTS documents (
    id TEXT PRIMARY KEY, title TEXT NOT NULL, text TEXT NOT NULL, year INTEGER, source TEXT NOT NULL,
    pmid TEXT, meta TEXT NOT NULL, hash TEXT NOT NULL UNIQUE
);
CREATE TABLE IF NOT EXISTS chunks (
    row INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, doc_id TEXT NOT NULL REFERENCES documents(id),
    ordinal INTEGER NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS chunks_doc ON chunks(doc_id);
"""


class UnknownCitation(DxkitError, KeyError):
    """A citation id that is not in the index."""

    def __init__(self, citation_id: str) -> None:
        super().__init__(f"citation {citation_id!r} is not in this index "
                         "(accepted: ids returned by search, e.g. 'pmid:12345#c0')")
        self.citation_id = citation_id

    def __str__(self) -> str:  # KeyError would otherwise quote the message
        return str(self.args[0])


class AddReport(BaseModel):
    """What one `add_documents` call did."""

    added: int = 0
    duplicates: int = 0
    chunks: int = 0


class StoredChunk(BaseModel):
    row: int
    chunk: Chunk
    document: Document


class DocumentStore:
    """Documents and chunks in one SQLite file (`store.sqlite`)."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.db = sqlite3.connect(str(self.path), check_same_thread=False)
        self.db.executescript(SCHEMA)
        self.db.commit()
        self._doc_cache: dict[str, Document] = {}
        # One connection shared by threads (agents may call tools from a pool): reads take this lock.
        self.lock = threading.RLock()

    def close(self) -> None:
        self.db.close()

    # -- writing --------------------------------------------------------------------------
    def add_documents(self, documents: Iterable[Document], chunker, commit_every: int = 5000) -> AddReport:
        """Insert new documents and their chunks in one transaction; skip content duplicates.

        A document id already present with the same text is a duplicate; with different
        text it is an error (an index is append-only: rebuild to change a document).
        """
        report = AddReport()
        next_row = self.chunk_count()
        seen: set[str] = set()
        # Commit every `commit_every` documents so a killed build keeps what it stored.
        with self.db:
            for document in documents:
                if report.added and report.added % commit_every == 0:
                    self.db.commit()
                digest = document.hash
                existing = self.db.execute("SELECT id, hash FROM documents WHERE id = ? OR hash = ?",
                                           (document.id, digest)).fetchone()
                if existing is not None or digest in seen:
                    if existing is not None and existing[0] == document.id and existing[1] != digest:
                        raise InputError("document id", document.id,
                                         "is already indexed with different text",
                                         accepted="new ids, or rebuild the index to change a document")
                    report.duplicates += 1
                    continue
                seen.add(digest)
                self.db.execute(
                    "INSERT INTO documents VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    (document.id, document.title, document.text, document.year, document.source,
                     document.pmid, json.dumps(document.meta, sort_keys=True), digest))
                for chunk in chunker(document):
                    self.db.execute("INSERT INTO chunks VALUES (?, ?, ?, ?, ?, ?, ?)",
                                    (next_row, chunk.id, chunk.doc_id, chunk.ordinal, chunk.start,
                                     chunk.end, chunk.text))
                    next_row += 1
                    report.chunks += 1
                report.added += 1
        return report

    # -- reading --------------------------------------------------------------------------
    def chunk_count(self) -> int:
        return int(self.db.execute("SELECT COUNT(*) FROM chunks").fetchone()[0])

    def document_count(self) -> int:
        return int(self.db.execute("SELECT COUNT(*) FROM documents").fetchone()[0])

    def document(self, doc_id: str) -> Document:
        with self.lock:
            return self._document(doc_id)

    def _document(self, doc_id: str) -> Document:
        cached = self._doc_cache.get(doc_id)
        if cached is not None:
            return cached
        row = self.db.execute("SELECT id, title, text, year, source, pmid, meta FROM documents WHERE id = ?",
                              (doc_id,)).fetchone()
        if row is None:
            raise UnknownCitation(doc_id)
        document = Document(id=row[0], title=row[1], text=row[2], year=row[3], source=row[4], pmid=row[5],
                            meta=json.loads(row[6]))
        if len(self._doc_cache) > 4096:
            self._doc_cache.clear()
        self._doc_cache[doc_id] = document
        return document

    def _stored(self, row: tuple) -> StoredChunk:
        chunk = Chunk(id=row[1], doc_id=row[2], ordinal=row[3], start=row[4], end=row[5], text=row[6])
        return StoredChunk(row=row[0], chunk=chunk, document=self._document(chunk.doc_id))

    def chunk_by_id(self, chunk_id: str) -> StoredChunk:
        with self.lock:
            return self._chunk_by_id(chunk_id)

    def _chunk_by_id(self, chunk_id: str) -> StoredChunk:
        row = self.db.execute('SELECT row, id, doc_id, ordinal, start, "end", text FROM chunks WHERE id = ?',
                              (chunk_id,)).fetchone()
        if row is None:
            raise UnknownCitation(chunk_id)
        return self._stored(row)

    def chunks_by_rows(self, rows: list[int]) -> list[StoredChunk]:
        """Stored chunks for vector ids `rows`, in the order given."""
        with self.lock:
            return self._chunks_by_rows(rows)

    def _chunks_by_rows(self, rows: list[int]) -> list[StoredChunk]:
        if not rows:
            return []
        marks = ",".join("?" * len(rows))
        found = {r[0]: r for r in self.db.execute(
            f'SELECT row, id, doc_id, ordinal, start, "end", text FROM chunks WHERE row IN ({marks})', rows)}
        missing = [r for r in rows if r not in found]
        if missing:
            raise DxkitError(f"vector ids {missing[:5]} have no chunk in {self.path}: the index and store disagree")
        return [self._stored(found[r]) for r in rows]

    def iter_index_texts(self, start_row: int = 0, end_row: int | None = None) -> Iterator[tuple[int, str]]:
        """(row, title + chunk text) for rows in [start_row, end_row), in row order."""
        end_row = self.chunk_count() if end_row is None else end_row
        cursor = self.db.execute(
            "SELECT c.row, d.title, c.text FROM chunks c JOIN documents d ON d.id = c.doc_id "
            "WHERE c.row >= ? AND c.row < ? ORDER BY c.row", (start_row, end_row))
        for row, title, text in cursor:
            yield row, embedding_text(title, text)

    def corpus_hash(self) -> str:
        """Hash over every chunk's id and text in row order: what the vectors were built from."""
        digest = hashlib.sha256()
        for chunk_id, text in self.db.execute("SELECT id, text FROM chunks ORDER BY row"):
            digest.update(chunk_id.encode())
            digest.update(b"\x00")
            digest.update(text.encode())
            digest.update(b"\x01")
        return digest.hexdigest()
