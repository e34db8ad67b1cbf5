"""Checkpoints: a SQLite saver (one thread id per case run) that may rebuild the panel's models."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from langgraph.checkpoint.serde.jsonplus import JsonPlusSerializer
from langgraph.checkpoint.sqlite import SqliteSaver

from dxkit.agent.panel.state import STATE_MODELS


def serializer() -> JsonPlusSerializer:
    """LangGraph's serializer, allowed to rebuild exactly the panel's state classes."""
    return JsonPlusSerializer(allowed_msgpack_modules=[(cls.__module__, cls.__name__) for cls in STATE_MODELS])


def default_checkpoint_path() -> Path:
    from dxkit.settings import get_settings

    return get_settings().data_dir / "checkpoints" / "panel.sqlite"


def sqlite_saver(path: str | Path | None = None) -> SqliteSaver:
    """A SqliteSaver on `path` (default <data_dir>/checkpoints/panel.sqlite); WAL keeps writes atomic."""
    target = Path(path) if path is not None else default_checkpoint_path()
    target.parent.mkdir(parents=True, exist_ok=True)
    connection = sqlite3.connect(str(target), check_same_thread=False)
    connection.execute("PRAGMA journal_mode=WAL")
    return SqliteSaver(connection, serde=serializer())
