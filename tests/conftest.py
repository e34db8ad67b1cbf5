"""Shared fixtures. Real models are loaded at most once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED_DATA = ROOT.parent / "shared" / "data"


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """../shared/data beside the checkout; tests that need it skip when it is absent."""
    if not SHARED_DATA.is_dir():
        pytest.skip("../shared/data is absent (it ships beside the checkout in CI only)")
    return SHARED_DATA


@pytest.fixture(scope="session")
def embedder():
    """The packaged MiniLM embedder, loaded once (tests using it should be marked slow)."""
    from dxkit.models import get_embedder

    return get_embedder()


@pytest.fixture(scope="session")
def local_chat_model():
    """SmolLM2-135M-Instruct as a LangChain chat model, loaded once (mark tests slow).

    The first run converts the packaged GGUF into <data_dir>/models/ (about 35 s); later runs load
    the converted folder.
    """
    from dxkit.models.chat import get_chat_model

    return get_chat_model("local:smollm2", max_new_tokens=32)
