"""get_chat_model spec parsing and provider errors (no network, no model loads)."""

from __future__ import annotations

import importlib.util

import pytest

from dxkit.errors import ConfigError, ProviderNotInstalled
from dxkit.models.chat import get_chat_model


@pytest.mark.skipif(importlib.util.find_spec("langchain_anthropic") is not None,
                    reason="langchain-anthropic is installed here")
def test_missing_provider_names_the_pip_package() -> None:
    with pytest.raises(ProviderNotInstalled) as caught:
        get_chat_model("anthropic:claude-x")
    assert caught.value.package == "langchain-anthropic"
    assert "pip install langchain-anthropic" in str(caught.value)


def test_unknown_provider_names_a_guessed_package() -> None:
    with pytest.raises(ProviderNotInstalled, match="langchain-nosuchvendor"):
        get_chat_model("nosuchvendor:model-1")


@pytest.mark.skipif(importlib.util.find_spec("langchain_openai") is None, reason="needs langchain-openai")
def test_openai_compatible_server_gets_the_base_url() -> None:
    model = get_chat_model("vllm:Qwen/Qwen2.5-7B-Instruct", base_url="http://localhost:8000/v1")
    assert type(model).__name__ == "ChatOpenAI"
    assert model.model_name == "Qwen/Qwen2.5-7B-Instruct"
    assert str(model.openai_api_base).startswith("http://localhost:8000")


@pytest.mark.skipif(importlib.util.find_spec("langchain_openai") is None, reason="needs langchain-openai")
def test_openai_spec_builds_without_calling_the_api() -> None:
    model = get_chat_model("openai:gpt-4.1", api_key="sk-test")
    assert type(model).__name__ == "ChatOpenAI" and model.model_name == "gpt-4.1"


def test_vllm_without_url_is_a_config_error(monkeypatch: pytest.MonkeyPatch) -> None:
    from dxkit.settings import get_settings

    monkeypatch.delenv("DXKIT_BASE_URL", raising=False)
    get_settings.cache_clear()
    try:
        with pytest.raises(ConfigError, match="base_url"):
            get_chat_model("vllm:some-model")
    finally:
        get_settings.cache_clear()


@pytest.mark.parametrize("spec", ["local:llama-70b", "hf:"])
def test_bad_local_specs_are_config_errors(spec: str) -> None:
    with pytest.raises(ConfigError):
        get_chat_model(spec)


def test_hf_spec_with_missing_folder_is_a_config_error(tmp_path) -> None:
    with pytest.raises(ConfigError, match="local files"):
        get_chat_model(f"hf:{tmp_path / 'absent-model'}", device="cpu")
