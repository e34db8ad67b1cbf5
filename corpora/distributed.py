"""The embedding step on a Ray cluster (the `distributed` extra): Ray Data with embedding actors.

The driver lists the shards that are not yet on disk, streams their chunk texts through an
actor pool (`num_gpus` per actor on a GPU cluster; CPU actors in local mode), and writes each
shard atomically as soon as all its rows are back, so a killed job resumes where it stopped.
Shards land in the same `vectors/` folder that `EvidenceIndex.build` reads.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from pydantic import BaseModel, Field

from dxkit.corpora.embedding import VectorShards, atomic_save_npy, embed_texts, resolve_embedder
from dxkit.errors import ProviderNotInstalled


class RayOptions(BaseModel):
    """How the embedding step is spread over Ray actors."""

    actors: int = Field(1, ge=1, description="Embedding actors (one per GPU on a GPU cluster).")
    num_gpus: float = Field(0.0, ge=0, description="GPUs per actor (0 in local/CPU mode).")
    batch_size: int = Field(256, ge=1, description="Texts per Ray batch handed to an actor.")
    device: str = Field("auto", description="Device each actor loads the embedder on.")


class _EmbedActor:
    """Loads the embedder once per actor and embeds batches of {row, text}."""

    def __init__(self, embedder_name: str, device: str) -> None:
        if embedder_name.startswith("dxkit/hashing"):
            self.embedder = resolve_embedder(embedder_name)
        else:
            from dxkit.models import get_embedder

            self.embedder = get_embedder(device=device, name=embedder_name)

    def __call__(self, batch: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
        vectors = embed_texts(self.embedder, [str(t) for t in batch["text"]], batch_size=64)
        return {"row": np.asarray(batch["row"]), "vector": vectors}


def ray_fill(shards: VectorShards, embedder_name: str, texts_for: Callable[[int, int], list[str]], total: int,
             shard_size: int, options: RayOptions | None = None) -> int:
    """Embed rows [covered, total) with Ray Data; returns the number of rows embedded."""
    try:
        import ray
    except ImportError:
        raise ProviderNotInstalled("ray", "ray[data]") from None
    options = options or RayOptions()
    start = shards.covered()
    if start >= total:
        return 0
    items = []
    for shard_start in range(start, total, shard_size):
        shard_end = min(shard_start + shard_size, total)
        items += [{"row": row, "text": text}
                  for row, text in zip(range(shard_start, shard_end), texts_for(shard_start, shard_end), strict=True)]
    if not ray.is_initialized():
        ray.init(num_cpus=max(1, options.actors), include_dashboard=False, log_to_driver=False)
    dataset = ray.data.from_items(items).map_batches(
        _EmbedActor, fn_constructor_args=(embedder_name, options.device), batch_size=options.batch_size,
        concurrency=options.actors, num_gpus=options.num_gpus, batch_format="numpy")
    pending: dict[int, dict[int, np.ndarray]] = {}
    written = 0
    for batch in dataset.iter_batches(batch_size=None, batch_format="numpy"):
        for row, vector in zip(batch["row"], batch["vector"], strict=True):
            shard_start = start + ((int(row) - start) // shard_size) * shard_size
            pending.setdefault(shard_start, {})[int(row)] = vector
            shard_end = min(shard_start + shard_size, total)
            if len(pending[shard_start]) == shard_end - shard_start:
                rows = pending.pop(shard_start)
                atomic_save_npy(shards.path_for(shard_start, shard_end),
                                np.stack([rows[r] for r in range(shard_start, shard_end)]).astype(np.float32))
                written += shard_end - shard_start
    return written


def ray_available() -> bool:
    try:
        import ray  # noqa: F401
    except ImportError:
        return False
    return True


__all__ = ["RayOptions", "ray_available", "ray_fill"]
