"""`EvidenceIndex`: a document store plus dense (FAISS) and lexical (BM25) views, searchable
alone or fused, with every hit carrying a citation that resolves to stored text.

Folder layout: `store.sqlite` (the truth), `vectors/shard-*.npy` (embeddings, resumable),
`dense.faiss`, `bm25/`, and `manifest.json` written last, so a folder without a manifest is
an unfinished build that `build` resumes.
"""

from __future__ import annotations

import shutil
import tempfile
import time
import weakref
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal

import numpy as np

from dxkit.corpora.chunking import ChunkingConfig, chunk_document
from dxkit.corpora.documents import Citation, Document, Passage
from dxkit.corpora.embedding import VectorShards, resolve_embedder
from dxkit.corpora.fusion import maximal_marginal_relevance, reciprocal_rank_fusion
from dxkit.corpora.lexical import LexicalIndex
from dxkit.corpora.manifest import (
    MANIFEST,
    Manifest,
    file_sha256,
    folder_sha256,
    read_manifest,
    write_manifest,
)
from dxkit.corpora.store import AddReport, DocumentStore, StoredChunk, UnknownCitation
from dxkit.corpora.vector_index import (
    VectorIndexConfig,
    build_index,
    kind_of,
    load_index,
    save_index,
    search_index,
)
from dxkit.errors import DxkitError, InputError, IntegrityError

SearchMode = Literal["hybrid", "dense", "bm25"]
MODES = ("hybrid", "dense", "bm25")


def _check_embedder(embedder: Any, manifest: Manifest, folder: Path) -> None:
    if embedder.name != manifest.embedder or int(embedder.dimension) != manifest.dimension:
        raise IntegrityError(
            f"{folder}: index built with embedder {manifest.embedder!r} ({manifest.dimension}-d); "
            f"refusing to query it with {embedder.name!r} ({embedder.dimension}-d). "
            "Load it with the same embedder or rebuild it.")


class EvidenceIndex:
    """Open with `EvidenceIndex.build`, `EvidenceIndex.load` or `EvidenceIndex.from_documents`."""

    def __init__(self, folder: Path, store: DocumentStore, embedder: Any, manifest: Manifest,
                 dense, lexical: LexicalIndex) -> None:
        self.folder = Path(folder)
        self.store = store
        self.embedder = embedder
        self.manifest = manifest
        self.dense = dense
        self.lexical = lexical
        self.shards = VectorShards(self.folder / "vectors", manifest.dimension)

    # -- building -------------------------------------------------------------------------
    @classmethod
    def build(cls, documents: Iterable[Document], out_dir: str | Path, embedder: Any | None = None, *,
              config: VectorIndexConfig | None = None, chunking: ChunkingConfig | None = None,
              shard_size: int = 8192, batch_size: int = 64, show_progress: bool = False,
              ray: Any | None = None) -> EvidenceIndex:
        """Build (or resume, or extend) the index in `out_dir` from `documents`.

        Rerunning after a kill skips documents already stored and shards already embedded.
        `ray` (a `dxkit.corpora.distributed.RayOptions`) embeds with Ray Data actors instead.
        """
        folder = Path(out_dir)
        folder.mkdir(parents=True, exist_ok=True)
        embedder = resolve_embedder(embedder)
        previous = read_manifest(folder) if (folder / MANIFEST).is_file() else None
        if previous is not None:
            _check_embedder(embedder, previous, folder)
            config = config or previous.config
            chunking = chunking or ChunkingConfig(max_tokens=previous.chunk_max_tokens,
                                                  overlap=previous.chunk_overlap)
        config = config or VectorIndexConfig()
        chunking = chunking or ChunkingConfig(max_tokens=int(getattr(embedder, "max_tokens", 256)))
        store = DocumentStore(folder / "store.sqlite")
        tokenizer = getattr(embedder, "tokenizer", None)
        store.add_documents(documents, lambda d: chunk_document(d, tokenizer, chunking))
        return cls._finish(folder, store, embedder, config, chunking, previous, shard_size, batch_size,
                           show_progress, ray)

    @classmethod
    def _finish(cls, folder: Path, store: DocumentStore, embedder: Any, config: VectorIndexConfig,
                chunking: ChunkingConfig, previous: Manifest | None, shard_size: int, batch_size: int,
                show_progress: bool, ray: Any | None = None) -> EvidenceIndex:
        started = time.perf_counter()
        total = store.chunk_count()
        if total == 0:
            raise InputError("documents", 0, "contain no text to index", accepted="at least one non-empty document")
        shards = VectorShards(folder / "vectors", int(embedder.dimension))
        if shards.covered() > total:
            raise IntegrityError(f"{folder}: more stored vectors ({shards.covered()}) than chunks ({total})")

        def texts_for(start: int, end: int) -> list[str]:
            return [text for _, text in store.iter_index_texts(start, end)]

        if ray is not None:
            from dxkit.corpora.distributed import ray_fill

            ray_fill(shards, embedder.name, texts_for, total, shard_size, ray)
        else:
            shards.fill(embedder, texts_for, total, shard_size=shard_size, batch_size=batch_size,
                        show_progress=show_progress)
        dense = cls._dense_view(folder, shards, total, config, previous)
        lexical = LexicalIndex.build([text for _, text in store.iter_index_texts()])
        lexical_dir = folder / "bm25"
        staging = folder / "bm25.tmp"
        shutil.rmtree(staging, ignore_errors=True)
        lexical.save(staging)
        shutil.rmtree(lexical_dir, ignore_errors=True)
        staging.rename(lexical_dir)
        from dxkit import __version__

        manifest = Manifest(
            embedder=embedder.name, dimension=int(embedder.dimension), index_type=kind_of(dense), config=config,
            chunk_max_tokens=chunking.max_tokens, chunk_overlap=chunking.overlap,
            documents=store.document_count(), chunks=total, corpus_hash=store.corpus_hash(),
            files={"dense.faiss": file_sha256(folder / "dense.faiss"), "bm25": folder_sha256(lexical_dir)},
            built_at=datetime.now(UTC).isoformat(timespec="seconds"),
            build_seconds=round(time.perf_counter() - started + (previous.build_seconds if previous else 0.0), 3),
            dxkit_version=__version__)
        write_manifest(folder, manifest)
        return cls(folder, store, embedder, manifest, dense, lexical)

    @staticmethod
    def _dense_view(folder: Path, shards: VectorShards, total: int, config: VectorIndexConfig,
                    previous: Manifest | None):
        path = folder / "dense.faiss"
        kind = config.pick(total)
        if previous is not None and path.is_file() and previous.index_type == kind:
            dense = load_index(path, config)
            if dense.ntotal == previous.chunks:  # incremental add of the new rows only
                for start, array in shards.iter_arrays():
                    end = start + len(array)
                    if end > dense.ntotal:
                        dense.add(np.ascontiguousarray(array[max(0, dense.ntotal - start):], dtype=np.float32))
                save_index(dense, path)
                return dense
        dense = build_index([a for _, a in shards.iter_arrays()], shards.dimension, total, config, kind)
        save_index(dense, path)
        return dense

    @classmethod
    def from_documents(cls, documents: Iterable[Document], embedder: Any | None = None,
                       **kwargs: Any) -> EvidenceIndex:
        """A throw-away index in a temporary folder (removed when the object is collected)."""
        folder = Path(tempfile.mkdtemp(prefix="dxkit-index-"))
        index = cls.build(documents, folder, embedder, **kwargs)
        weakref.finalize(index, shutil.rmtree, folder, True)
        return index

    def add(self, documents: Iterable[Document], show_progress: bool = False,
            batch_size: int = 64, shard_size: int = 8192) -> AddReport:
        """Add new documents (duplicates skipped); only their chunks are embedded."""
        tokenizer = getattr(self.embedder, "tokenizer", None)
        chunking = ChunkingConfig(max_tokens=self.manifest.chunk_max_tokens, overlap=self.manifest.chunk_overlap)
        report = self.store.add_documents(documents, lambda d: chunk_document(d, tokenizer, chunking))
        if report.chunks:
            fresh = self._finish(self.folder, self.store, self.embedder, self.manifest.config, chunking,
                                 self.manifest, shard_size, batch_size, show_progress)
            self.manifest, self.dense, self.lexical = fresh.manifest, fresh.dense, fresh.lexical
        return report

    # -- loading --------------------------------------------------------------------------
    @classmethod
    def load(cls, folder: str | Path, embedder: Any | None = None, verify: bool = True) -> EvidenceIndex:
        """Open a built index. `embedder=None` loads the one named in the manifest; another
        embedder is refused. `verify` checks every file's hash against the manifest."""
        folder = Path(folder)
        manifest = read_manifest(folder)
        embedder = resolve_embedder(manifest.embedder if embedder is None else embedder)
        _check_embedder(embedder, manifest, folder)
        store_path = folder / "store.sqlite"
        if not store_path.is_file():
            raise IntegrityError(f"{folder}: store.sqlite is missing")
        store = DocumentStore(store_path)
        if verify:
            cls._verify(folder, store, manifest)
        dense = load_index(folder / "dense.faiss", manifest.config)
        if dense.ntotal != manifest.chunks or dense.d != manifest.dimension:
            raise IntegrityError(f"{folder}: dense.faiss holds {dense.ntotal} vectors of {dense.d}-d; "
                                 f"the manifest says {manifest.chunks} of {manifest.dimension}-d")
        return cls(folder, store, embedder, manifest, dense, LexicalIndex.load(folder / "bm25", manifest.chunks))

    @staticmethod
    def _verify(folder: Path, store: DocumentStore, manifest: Manifest) -> None:
        checks = {"dense.faiss": lambda: file_sha256(folder / "dense.faiss"),
                  "bm25": lambda: folder_sha256(folder / "bm25")}
        for name, digest in checks.items():
            if not (folder / name).exists():
                raise IntegrityError(f"{folder}: {name} is missing; rebuild with `dxkit index build`")
            if digest() != manifest.files.get(name):
                raise IntegrityError(f"{folder}: {name} does not match the manifest's hash (modified or corrupt)")
        if store.chunk_count() != manifest.chunks or store.corpus_hash() != manifest.corpus_hash:
            raise IntegrityError(f"{folder}: store.sqlite does not match the manifest's corpus hash "
                                 "(modified after the build)")

    # -- querying -------------------------------------------------------------------------
    def __len__(self) -> int:
        return self.manifest.chunks

    def _dense_hits(self, query: str, n: int, vector: np.ndarray | None = None
                    ) -> tuple[np.ndarray, list[tuple[int, float]]]:
        vector = self.embedder.encode([query])[0] if vector is None else np.asarray(vector, dtype=np.float32)
        compressed = self.manifest.index_type == "ivfpq"
        scores, rows = search_index(self.dense, vector[None, :], 4 * n if compressed else n)
        hits = [(int(r), float(s)) for r, s in zip(rows[0], scores[0], strict=True) if r >= 0]
        if compressed and hits:
            # PQ scores are approximate: re-rank the candidates by exact cosine from the shards.
            candidates = [r for r, _ in hits]
            exact = self.shards.rows(candidates) @ vector
            hits = sorted(zip(candidates, exact.tolist(), strict=True), key=lambda h: -h[1])[:n]
        return vector, hits

    def search(self, query: str, k: int = 10, mode: SearchMode = "hybrid", mmr: bool = False,
               candidates: int | None = None, mmr_lambda: float = 0.5,
               query_vector: np.ndarray | None = None) -> list[Passage]:
        """The `k` best passages for `query`; `mode` is hybrid (RRF of dense and BM25), dense or bm25.

        `mmr` re-ranks the candidate pool for diversity (maximal marginal relevance).
        `query_vector` skips embedding the query (callers that embed many queries in one batch).
        """
        if mode not in MODES:
            raise InputError("mode", mode, "is not a search mode", accepted=", ".join(MODES))
        if not isinstance(k, int) or k < 1:
            raise InputError("k", k, "is not a positive whole number of passages", accepted="1 or more")
        if not query or not query.strip():
            raise InputError("query", query, "is empty", accepted="a question or keywords")
        pool = candidates or max(4 * k, 40)
        dense_scores: dict[int, float] = {}
        lexical_scores: dict[int, float] = {}
        query_vector = None
        if mode in ("dense", "hybrid") or mmr:
            query_vector, hits = self._dense_hits(query, pool, query_vector)
            dense_scores = dict(hits) if mode != "bm25" else {}
        if mode in ("bm25", "hybrid"):
            lexical_scores = dict(self.lexical.search(query, pool))
        if mode == "hybrid":
            fused = reciprocal_rank_fusion([list(dense_scores), list(lexical_scores)])
        else:
            fused = list((dense_scores or lexical_scores).items())
        ranked = fused[:pool] if mmr else fused[:k]
        score_of = dict(ranked)
        rows = [row for row, _ in ranked]
        mmr_scores: dict[int, float] = {}
        if mmr and rows:
            chosen = maximal_marginal_relevance(query_vector, self.shards.rows(rows), k, mmr_lambda)
            rows = [rows[i] for i in chosen]
            mmr_scores = {row: float(len(rows) - rank) for rank, row in enumerate(rows)}
        passages = []
        for stored in self.store.chunks_by_rows(rows):
            row = stored.row
            scores = {name: table[row] for name, table in
                      (("dense", dense_scores), ("bm25", lexical_scores)) if row in table}
            if mode == "hybrid":
                scores["rrf"] = score_of[row]
            if mmr:
                scores["mmr_rank_score"] = mmr_scores[row]
            passages.append(self._passage(stored, score_of[row], scores))
        return passages

    @staticmethod
    def _passage(stored: StoredChunk, score: float, scores: dict[str, float]) -> Passage:
        chunk, document = stored.chunk, stored.document
        citation = Citation(id=chunk.id, chunk_id=chunk.id, doc_id=document.id, pmid=document.pmid,
                            title=document.title, year=document.year, source=document.source,
                            start=chunk.start, end=chunk.end)
        return Passage(text=chunk.text, citation=citation, score=score, scores=scores)

    def embed_queries(self, queries: list[str], batch_size: int = 64) -> np.ndarray:
        """Query vectors for `search(..., query_vector=...)`, embedded in batches."""
        from dxkit.corpora.embedding import embed_texts

        return embed_texts(self.embedder, list(queries), batch_size=batch_size)

    def resolve(self, citation: str | Citation) -> Passage:
        """The stored passage of a citation id (or Citation); raises `UnknownCitation` if absent."""
        citation_id = citation.id if isinstance(citation, Citation) else str(citation)
        stored = self.store.chunk_by_id(citation_id)
        if stored.document.text[stored.chunk.start:stored.chunk.end] != stored.chunk.text:
            raise IntegrityError(f"citation {citation_id!r}: stored span no longer matches its document")
        return self._passage(stored, 0.0, {})

    def document(self, doc_id: str) -> Document:
        """The full stored document (raises `UnknownCitation` for an unknown id)."""
        return self.store.document(doc_id)

    def info(self) -> dict[str, Any]:
        return {"folder": str(self.folder), **self.manifest.model_dump(exclude={"files"})}

    def close(self) -> None:
        self.store.close()


__all__ = ["EvidenceIndex", "UnknownCitation", "DxkitError"]
