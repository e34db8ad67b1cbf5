"""A LangChain callback handler that writes every chat-model call into a Ledger.

Token usage comes from the message's `usage_metadata` (LangChain's standard) or, for older
providers, from `llm_output["token_usage"]`; latency is measured between start and end.
"""

from __future__ import annotations

import threading
import time
from typing import TYPE_CHECKING, Any
from uuid import UUID

from langchain_core.callbacks import BaseCallbackHandler
from langchain_core.outputs import LLMResult

if TYPE_CHECKING:
    from dxkit.ledger.ledger import Ledger


def _model_name(serialized: dict[str, Any] | None, metadata: dict[str, Any] | None,
                invocation: dict[str, Any] | None) -> str | None:
    for source in (metadata or {}, invocation or {}, (serialized or {}).get("kwargs", {})):
        for key in ("ls_model_name", "model_name", "model", "model_id"):
            value = source.get(key)
            if isinstance(value, str) and value:
                return value
    name = (serialized or {}).get("name")  # e.g. the class name of a fake model
    return name if isinstance(name, str) and name else None


def usage_from_result(response: LLMResult) -> tuple[int, int, str | None]:
    """(prompt tokens, completion tokens, model name) summed over the result's generations."""
    prompt = completion = 0
    found = False
    model = None
    for generations in response.generations:
        for generation in generations:
            message = getattr(generation, "message", None)
            usage = getattr(message, "usage_metadata", None)
            if usage:
                prompt += int(usage.get("input_tokens", 0))
                completion += int(usage.get("output_tokens", 0))
                found = True
            meta = getattr(message, "response_metadata", None) or {}
            model = model or meta.get("model_name") or meta.get("model")
    output = response.llm_output or {}
    model = model or output.get("model_name") or output.get("model")
    if not found:
        usage = output.get("token_usage") or output.get("usage") or {}
        prompt = int(usage.get("prompt_tokens", usage.get("input_tokens", 0)) or 0)
        completion = int(usage.get("completion_tokens", usage.get("output_tokens", 0)) or 0)
    return prompt, completion, model


class LedgerCallbackHandler(BaseCallbackHandler):
    """Records model, tokens, latency (and the USD from the price table) per LLM call."""

    raise_error = True

    def __init__(self, ledger: Ledger) -> None:
        self.ledger = ledger
        self._started: dict[UUID, tuple[float, str | None]] = {}
        self._lock = threading.Lock()

    def _start(self, run_id: UUID, serialized: dict[str, Any] | None, kwargs: dict[str, Any]) -> None:
        name = _model_name(serialized, kwargs.get("metadata"), kwargs.get("invocation_params"))
        with self._lock:
            self._started[run_id] = (time.perf_counter(), name)

    def on_chat_model_start(self, serialized: dict[str, Any], messages: Any, *, run_id: UUID,
                            **kwargs: Any) -> None:
        self._start(run_id, serialized, kwargs)

    def on_llm_start(self, serialized: dict[str, Any], prompts: list[str], *, run_id: UUID,
                     **kwargs: Any) -> None:
        self._start(run_id, serialized, kwargs)

    def on_llm_end(self, response: LLMResult, *, run_id: UUID, **kwargs: Any) -> None:
        with self._lock:
            started, name = self._started.pop(run_id, (None, None))
        latency = time.perf_counter() - started if started is not None else 0.0
        prompt, completion, reported = usage_from_result(response)
        self.ledger.llm_call(reported or name or "unknown", prompt, completion, latency)

    def on_llm_error(self, error: BaseException, *, run_id: UUID, **kwargs: Any) -> None:
        with self._lock:
            self._started.pop(run_id, None)
