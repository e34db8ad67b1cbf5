"""Embedding for the index: length-sorted batches, a progress bar, atomic resumable shards.

Any object with `encode(texts, batch_size=None, show_progress=False) -> float32 unit rows`,
`dimension` and `name` works (`EmbedderLike`); `dxkit.models.get_embedder()` is the default.
`HashingEmbedder` is a deterministic, model-free stand-in for tests and offline smoke runs.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

import numpy as np

from dxkit.corpora.chunking import token_spans


@runtime_checkable
class EmbedderLike(Protocol):
    name: str
    dimension: int

    def encode(self, texts: list[str], batch_size: int | None = None,
               show_progress: bool = False) -> np.ndarray: ...


class HashingEmbedder:
    """Signed feature hashing of word unigrams and bigrams, L2-normalised.

    Not a language model: texts that share words get similar vectors. It makes tests fast and
    deterministic and lets the whole pipeline run where no model weights are installed.
    """

    max_tokens = 256
    tokenizer = None

    def __init__(self, dimension: int = 384) -> None:
        self.dimension = dimension
        self.name = f"dxkit/hashing-{dimension}"

    def _vector(self, text: str) -> np.ndarray:
        words = re.findall(r"\w+", text.lower())
        features = words + [f"{a} {b}" for a, b in zip(words, words[1:], strict=False)]
        vector = np.zeros(self.dimension, dtype=np.float32)
        for feature in features:
            digest = hashlib.blake2b(feature.encode(), digest_size=8).digest()
            value = int.from_bytes(digest, "little")
            vector[value % self.dimension] += 1.0 if (value >> 63) else -1.0
        norm = float(np.linalg.norm(vector))
        return vector / norm if norm else vector

    def encode(self, texts: list[str], batch_size: int | None = None, show_progress: bool = False) -> np.ndarray:
        if isinstance(texts, str):
            raise TypeError("encode() takes a list of strings, not one string")
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        return np.stack([self._vector(t) for t in texts]).astype(np.float32)


def resolve_embedder(embedder: Any | None) -> Any:
    """`None` means the settings' embedder; the string 'hashing' means `HashingEmbedder()`."""
    if embedder is None or isinstance(embedder, str):
        if embedder == "hashing":
            return HashingEmbedder()
        if isinstance(embedder, str) and embedder.startswith("dxkit/hashing-"):
            return HashingEmbedder(dimension=int(embedder.rsplit("-", 1)[1]))
        try:
            from dxkit.models import get_embedder
        except ImportError:  # the models package re-exports it; the module is the fallback
            from dxkit.models.embedder import get_embedder
        return get_embedder(name=embedder) if embedder else get_embedder()
    return embedder


def _lengths(texts: list[str], tokenizer: Any | None) -> list[int]:
    if tokenizer is None:
        return [len(t) for t in texts]
    return [len(token_spans(t, tokenizer)) for t in texts]


def embed_texts(embedder: Any, texts: list[str], batch_size: int = 64, show_progress: bool = False,
                description: str = "embedding") -> np.ndarray:
    """Embed `texts` in batches of similar token length (less padding), in the input order."""
    if not texts:
        return np.zeros((0, embedder.dimension), dtype=np.float32)
    order = np.argsort(_lengths(texts, getattr(embedder, "tokenizer", None)), kind="stable")[::-1]
    out = np.empty((len(texts), embedder.dimension), dtype=np.float32)
    batches = [order[i:i + batch_size] for i in range(0, len(order), batch_size)]
    with _progress(show_progress, description, len(texts)) as advance:
        for batch in batches:
            out[batch] = embedder.encode([texts[i] for i in batch], batch_size=len(batch))
            advance(len(batch))
    return out


class _progress:
    """A rich progress bar when shown, a no-op otherwise."""

    def __init__(self, shown: bool, description: str, total: int) -> None:
        self.shown, self.description, self.total = shown, description, total

    def __enter__(self) -> Callable[[int], None]:
        if not self.shown:
            return lambda n: None
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

        self.bar = Progress("[progress.description]{task.description}", BarColumn(), MofNCompleteColumn(),
                            TimeRemainingColumn(), transient=False)
        self.bar.start()
        task = self.bar.add_task(self.description, total=self.total)
        return lambda n: self.bar.advance(task, n)

    def __exit__(self, *exc: object) -> None:
        if self.shown:
            self.bar.stop()


def atomic_save_npy(path: Path, array: np.ndarray) -> None:
    """Write `array` to `path` so a kill leaves either the old file or the complete new one."""
    tmp = path.with_name(path.name + f".tmp-{os.getpid()}")
    with open(tmp, "wb") as handle:
        np.save(handle, array)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(tmp, path)


class VectorShards:
    """Embeddings on disk as `shard-<start>-<end>.npy` files covering row ranges."""

    def __init__(self, folder: Path, dimension: int) -> None:
        self.folder = Path(folder)
        self.folder.mkdir(parents=True, exist_ok=True)
        self.dimension = dimension
        self._cache: dict[Path, np.ndarray] = {}

    def shards(self) -> list[tuple[int, int, Path]]:
        found = []
        for path in self.folder.glob("shard-*-*.npy"):
            _, start, end = path.stem.split("-")
            found.append((int(start), int(end), path))
        return sorted(found)

    def covered(self) -> int:
        """Rows 0..covered-1 have vectors (shards are contiguous from 0)."""
        covered = 0
        for start, end, _ in self.shards():
            if start != covered:
                break
            covered = end
        return covered

    def path_for(self, start: int, end: int) -> Path:
        return self.folder / f"shard-{start:010d}-{end:010d}.npy"

    def fill(self, embedder: Any, texts_for: Callable[[int, int], list[str]], total: int,
             shard_size: int = 8192, batch_size: int = 64, show_progress: bool = False) -> int:
        """Embed rows [covered, total) shard by shard; returns the number of rows embedded."""
        done = self.covered()
        embedded = 0
        with _progress(show_progress and total > done, "embedding", total - done) as advance:
            for start in range(done, total, shard_size):
                end = min(start + shard_size, total)
                vectors = embed_texts(embedder, texts_for(start, end), batch_size=batch_size)
                atomic_save_npy(self.path_for(start, end), vectors)
                embedded += end - start
                advance(end - start)
        return embedded

    def iter_arrays(self, mmap: bool = True) -> Iterator[tuple[int, np.ndarray]]:
        for start, _, path in self.shards():
            yield start, np.load(path, mmap_mode="r" if mmap else None)

    def rows(self, rows: list[int]) -> np.ndarray:
        """The vectors of `rows` (memory-mapped reads)."""
        shards = self.shards()
        out = np.empty((len(rows), self.dimension), dtype=np.float32)
        for i, row in enumerate(rows):
            for start, end, path in shards:
                if start <= row < end:
                    array = self._cache.get(path)
                    if array is None:
                        array = self._cache[path] = np.load(path, mmap_mode="r")
                    out[i] = array[row - start]
                    break
            else:
                raise IndexError(f"row {row} has no stored vector")
        return out
