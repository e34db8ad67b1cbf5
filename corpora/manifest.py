"""The manifest kept beside an index: what built it, and hashes that detect tampering."""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

from pydantic import BaseModel, Field

from dxkit.corpora.vector_index import VectorIndexConfig
from dxkit.errors import IntegrityError

FORMAT_VERSION = 1
MANIFEST = "manifest.json"


class Manifest(BaseModel):
    format_version: int = FORMAT_VERSION
    embedder: str = Field(description="Embedder name; loading with another embedder is refused.")
    dimension: int
    normalized: bool = True
    metric: str = "inner_product"
    index_type: str
    config: VectorIndexConfig
    chunk_max_tokens: int
    chunk_overlap: int
    documents: int
    chunks: int
    corpus_hash: str = Field(description="sha256 over chunk ids and texts in row order.")
    files: dict[str, str] = Field(default_factory=dict, description="sha256 of each index file.")
    built_at: str
    build_seconds: float
    dxkit_version: str = ""


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def folder_sha256(folder: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(p for p in Path(folder).rglob("*") if p.is_file()):
        digest.update(path.relative_to(folder).as_posix().encode())
        digest.update(file_sha256(path).encode())
    return digest.hexdigest()


def write_manifest(folder: Path, manifest: Manifest) -> None:
    path = Path(folder) / MANIFEST
    tmp = path.with_name(path.name + f".tmp-{os.getpid()}")
    tmp.write_text(manifest.model_dump_json(indent=2), encoding="utf-8")
    os.replace(tmp, path)


def read_manifest(folder: Path) -> Manifest:
    path = Path(folder) / MANIFEST
    if not path.is_file():
        raise IntegrityError(f"{folder}: no {MANIFEST}; not a dxkit index or its build did not finish "
                             "(rerun `dxkit index build`, which resumes)")
    try:
        manifest = Manifest.model_validate(json.loads(path.read_text(encoding="utf-8")))
    except (ValueError, TypeError) as exc:
        raise IntegrityError(f"{path}: unreadable manifest ({exc})") from None
    if manifest.format_version != FORMAT_VERSION:
        raise IntegrityError(f"{path}: index format {manifest.format_version}, this dxkit reads {FORMAT_VERSION}")
    return manifest
