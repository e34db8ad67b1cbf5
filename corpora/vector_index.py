"""FAISS indexes over unit vectors (inner product = cosine), chosen by corpus size.

`auto`: exact flat search up to `flat_max` vectors, IVF-Flat up to `ivfpq_min`, IVF-PQ
above; HNSW on request. The metric is always inner product on L2-normalised vectors and is
recorded in the manifest, never inferred from a model name.
"""

from __future__ import annotations

import math
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Literal

import numpy as np
from pydantic import BaseModel, Field

from dxkit.errors import InputError

IndexKind = Literal["auto", "flat", "hnsw", "ivf", "ivfpq"]


class VectorIndexConfig(BaseModel):
    """How the dense index is built and searched (all thresholds configurable)."""

    kind: IndexKind = Field("auto", description="auto picks by size: flat, then ivf, then ivfpq.")
    flat_max: int = Field(200_000, ge=0, description="Largest corpus searched exactly (auto).")
    ivfpq_min: int = Field(5_000_000, ge=0, description="Smallest corpus compressed with IVF-PQ (auto).")
    nlist: int | None = Field(None, ge=1, description="IVF lists; default about 4*sqrt(n), at most n/39.")
    nprobe: int = Field(32, ge=1, description="IVF lists searched per query.")
    pq_m: int = Field(48, ge=1, description="IVF-PQ sub-quantisers (must divide the dimension).")
    pq_bits: int = Field(8, ge=4, le=12, description="Bits per IVF-PQ code.")
    hnsw_m: int = Field(32, ge=4, description="HNSW neighbours per node.")
    ef_construction: int = Field(80, ge=8, description="HNSW build beam.")
    ef_search: int = Field(64, ge=8, description="HNSW search beam.")
    train_max: int = Field(200_000, ge=1000, description="Vectors sampled to train IVF centroids.")

    def pick(self, n: int) -> str:
        if self.kind != "auto":
            return self.kind
        if n <= self.flat_max:
            return "flat"
        return "ivfpq" if n >= self.ivfpq_min else "ivf"

    def nlist_for(self, n: int) -> int:
        if self.nlist:
            return self.nlist
        # ~4*sqrt(n) lists, with at least 39 training points per centroid (FAISS's minimum).
        return max(1, min(int(4 * math.sqrt(n)), n // 39))


def _faiss():
    import faiss

    return faiss


def new_index(kind: str, dimension: int, n: int, config: VectorIndexConfig):
    """An empty (untrained) FAISS index of `kind` for `n` vectors."""
    faiss = _faiss()
    if kind == "flat":
        return faiss.IndexFlatIP(dimension)
    if kind == "hnsw":
        index = faiss.IndexHNSWFlat(dimension, config.hnsw_m, faiss.METRIC_INNER_PRODUCT)
        index.hnsw.efConstruction = config.ef_construction
        return index
    nlist = config.nlist_for(n)
    quantizer = faiss.IndexFlatIP(dimension)
    if kind == "ivf":
        return faiss.IndexIVFFlat(quantizer, dimension, nlist, faiss.METRIC_INNER_PRODUCT)
    if kind == "ivfpq":
        if dimension % config.pq_m:
            raise InputError("pq_m", config.pq_m, f"does not divide the dimension {dimension}",
                             accepted="a divisor of the embedding dimension, e.g. 48 or 96 for 384")
        return faiss.IndexIVFPQ(quantizer, dimension, nlist, config.pq_m, config.pq_bits,
                                faiss.METRIC_INNER_PRODUCT)
    raise InputError("index kind", kind, "is not a known index kind", accepted="flat, hnsw, ivf, ivfpq, auto")


def kind_of(index) -> str:
    faiss = _faiss()
    if isinstance(index, faiss.IndexHNSWFlat):
        return "hnsw"
    if isinstance(index, faiss.IndexIVFPQ):
        return "ivfpq"
    if isinstance(index, faiss.IndexIVFFlat):
        return "ivf"
    return "flat"


def apply_search_params(index, config: VectorIndexConfig) -> None:
    faiss = _faiss()
    if isinstance(index, faiss.IndexHNSWFlat):
        index.hnsw.efSearch = config.ef_search
    elif hasattr(index, "nprobe"):
        index.nprobe = config.nprobe


def train_sample(arrays: list[np.ndarray], limit: int, seed: int = 0) -> np.ndarray:
    """Up to `limit` rows drawn evenly at random from the shard arrays."""
    total = sum(len(a) for a in arrays)
    rng = np.random.default_rng(seed)
    if total <= limit:
        return np.ascontiguousarray(np.concatenate([np.asarray(a) for a in arrays]), dtype=np.float32)
    chosen = np.sort(rng.choice(total, size=limit, replace=False))
    out, offset = [], 0
    for array in arrays:
        local = chosen[(chosen >= offset) & (chosen < offset + len(array))] - offset
        out.append(np.asarray(array[local]))
        offset += len(array)
    return np.ascontiguousarray(np.concatenate(out), dtype=np.float32)


def build_index(arrays: Iterator[np.ndarray] | list[np.ndarray], dimension: int, n: int,
                config: VectorIndexConfig, kind: str | None = None):
    """Build and fill an index from arrays of vectors (in row order)."""
    arrays = list(arrays)
    kind = kind or config.pick(n)
    index = new_index(kind, dimension, n, config)
    if not index.is_trained:
        index.train(train_sample(arrays, config.train_max))
    for array in arrays:
        index.add(np.ascontiguousarray(array, dtype=np.float32))
    apply_search_params(index, config)
    return index


def save_index(index, path: Path) -> None:
    """Write the FAISS index atomically (temp file, then rename)."""
    tmp = Path(path).with_name(Path(path).name + f".tmp-{os.getpid()}")
    _faiss().write_index(index, str(tmp))
    os.replace(tmp, path)


def load_index(path: Path, config: VectorIndexConfig):
    index = _faiss().read_index(str(path))
    apply_search_params(index, config)
    return index


def search_index(index, queries: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
    """(scores, rows) of shape (len(queries), k); rows are -1 where fewer than k were found."""
    k = max(1, min(k, index.ntotal))
    return index.search(np.ascontiguousarray(queries, dtype=np.float32), k)
