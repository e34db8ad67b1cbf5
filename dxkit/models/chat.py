"""`get_chat_model(spec)`: one string picks the chat model.

- `local:smollm2` (default): SmolLM2-135M-Instruct from the packaged GGUF, cached as a
  transformers folder after the first load (see dxkit.models.smollm2);
- `hf:<folder or model id>`: a local transformers causal LM (no downloads: files must be on
  disk or in the Hugging Face cache);
- `vllm:<model>`: an OpenAI-compatible server at `base_url` (or settings.base_url);
- anything `langchain.chat_models.init_chat_model` accepts, e.g. `openai:gpt-4.1`,
  `anthropic:claude-sonnet-4-0`, `ollama:llama3.1`. The provider's package is imported only
  when asked for; a missing one raises ProviderNotInstalled naming the pip package.
"""

from __future__ import annotations

import importlib.util
import os
import threading
from pathlib import Path
from typing import Any

from langchain_core.language_models import BaseChatModel

from dxkit.errors import ConfigError, ProviderNotInstalled
from dxkit.models.local_chat import LocalTransformersChat

LOCAL_MODELS = {"smollm2": "local:smollm2", "smollm2-135m": "local:smollm2", "smollm2-135m-instruct": "local:smollm2"}

# provider prefix -> (python module to look for, pip package that provides it)
PROVIDER_PACKAGES: dict[str, tuple[str, str]] = {
    "openai": ("langchain_openai", "langchain-openai"),
    "azure_openai": ("langchain_openai", "langchain-openai"),
    "anthropic": ("langchain_anthropic", "langchain-anthropic"),
    "ollama": ("langchain_ollama", "langchain-ollama"),
    "google_genai": ("langchain_google_genai", "langchain-google-genai"),
    "google_vertexai": ("langchain_google_vertexai", "langchain-google-vertexai"),
    "bedrock": ("langchain_aws", "langchain-aws"),
    "bedrock_converse": ("langchain_aws", "langchain-aws"),
    "groq": ("langchain_groq", "langchain-groq"),
    "mistralai": ("langchain_mistralai", "langchain-mistralai"),
    "huggingface": ("langchain_huggingface", "langchain-huggingface"),
    "fireworks": ("langchain_fireworks", "langchain-fireworks"),
    "together": ("langchain_together", "langchain-together"),
    "deepseek": ("langchain_deepseek", "langchain-deepseek"),
    "xai": ("langchain_xai", "langchain-xai"),
    "cohere": ("langchain_cohere", "langchain-cohere"),
}

_loaded: dict[tuple[str, str], tuple[Any, Any]] = {}
_load_lock = threading.Lock()


def require_provider(provider: str) -> None:
    """Raise ProviderNotInstalled when `provider`'s LangChain package is missing."""
    module, package = PROVIDER_PACKAGES.get(provider, (f"langchain_{provider}", f"langchain-{provider}"))
    if importlib.util.find_spec(module) is None:
        raise ProviderNotInstalled(provider, package)


def _load_transformers(folder: str, device: str) -> tuple[Any, Any]:
    """(model, tokenizer) from a local folder or cached id, on `device`, cached per process."""
    key = (folder, device)
    with _load_lock:
        if key not in _loaded:
            os.environ.setdefault("HF_HUB_OFFLINE", "1")
            import torch
            from transformers import AutoModelForCausalLM, AutoTokenizer

            dtype = torch.float32
            if device.startswith("cuda"):
                dtype = torch.bfloat16 if torch.cuda.is_bf16_supported() else torch.float16
            try:
                tokenizer = AutoTokenizer.from_pretrained(folder, local_files_only=True)
                model = AutoModelForCausalLM.from_pretrained(folder, local_files_only=True, dtype=dtype)
            except OSError as exc:
                raise ConfigError(f"model: cannot load {folder!r} from local files ({exc}); "
                                  "accepted: a folder with config.json and weights, or a model id "
                                  "already in the Hugging Face cache") from exc
            model.to(device).eval()
            if tokenizer.pad_token_id is None:
                tokenizer.pad_token = tokenizer.eos_token
            _loaded[key] = (model, tokenizer)
        return _loaded[key]


def _local(spec: str, device: str, **kw: Any) -> LocalTransformersChat:
    from dxkit.models.embedder import resolve_device

    resolved = resolve_device(device)
    if spec == "local:smollm2":
        from dxkit.models.smollm2 import ensure_converted

        folder, _ = ensure_converted()
        model, tokenizer = _load_transformers(str(folder), resolved)
        return LocalTransformersChat(hf_model=model, tokenizer=tokenizer, model_name=spec, **kw)
    target = spec.removeprefix("hf:")
    if not target:
        raise ConfigError("model: 'hf:' needs a folder or model id after the colon (e.g. hf:/models/qwen)")
    path = Path(target).expanduser()
    model, tokenizer = _load_transformers(str(path.resolve()) if path.exists() else target, resolved)
    return LocalTransformersChat(hf_model=model, tokenizer=tokenizer, model_name=spec, **kw)


def get_chat_model(spec: str | None = None, *, device: str | None = None, base_url: str | None = None,
                   **kw: Any) -> BaseChatModel:
    """A LangChain chat model for `spec` (default settings.model); see the module docstring.

    Extra keywords go to the model (e.g. max_new_tokens for local models, temperature or
    api_key for API models).
    """
    from dxkit.settings import get_settings

    settings = get_settings()
    spec = (spec or settings.model).strip()
    device = device or settings.device
    base_url = base_url or settings.base_url

    name = spec.lower()
    if name in LOCAL_MODELS or name == "local":
        spec = LOCAL_MODELS.get(name, "local:smollm2")
    if spec.startswith(("local:", "hf:")):
        kw.setdefault("max_new_tokens", settings.local_max_new_tokens)
    if spec.startswith("local:"):
        if spec != "local:smollm2":
            raise ConfigError(f"model: {spec!r} is not a packaged local model "
                              "(accepted: local:smollm2, or hf:<folder> for any transformers model)")
        return _local(spec, device, **kw)
    if spec.startswith("hf:"):
        return _local(spec, device, **kw)

    provider, _, model_name = spec.partition(":")
    if not model_name:  # no prefix: an OpenAI-compatible server when a base_url is set
        provider, model_name = ("openai", spec) if base_url else ("", spec)
    if provider == "vllm":
        if not base_url:
            raise ConfigError(f"model: {spec!r} needs a server URL (pass base_url= or set DXKIT_BASE_URL)")
        provider = "openai"
        kw.setdefault("api_key", os.environ.get("OPENAI_API_KEY", "EMPTY"))
    if provider:
        require_provider(provider)
    if base_url:
        kw["base_url"] = base_url

    from langchain.chat_models import init_chat_model

    try:
        return init_chat_model(model_name, model_provider=provider or None, **kw)
    except ImportError as exc:  # a provider init_chat_model inferred from the model name
        missing = getattr(exc, "name", None) or str(exc)
        raise ProviderNotInstalled(provider or "inferred", missing.replace("_", "-")) from exc
    except ValueError as exc:
        raise ConfigError(f"model: {spec!r} cannot be created: {exc}") from exc
