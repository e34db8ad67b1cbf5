"""A LangChain chat model over a local transformers causal LM (SmolLM2 by default).

Greedy decoding unless a temperature is set; the tokenizer's chat template builds the
prompt; replies carry `usage_metadata` so ledger callbacks see token counts. Structured
output goes through outlines' constrained decoding (see `generate_structured`).
"""

from __future__ import annotations

import threading
from typing import Any

from langchain_core.callbacks import CallbackManagerForLLMRun
from langchain_core.language_models import BaseChatModel
from langchain_core.messages import AIMessage, BaseMessage
from langchain_core.outputs import ChatGeneration, ChatResult
from pydantic import BaseModel, ConfigDict, Field, PrivateAttr

from dxkit.models.messages import role_of, text_of


class LocalTransformersChat(BaseChatModel):
    """Chat with a transformers model already in memory (build it with get_chat_model)."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    hf_model: Any = Field(description="The transformers causal LM.", exclude=True)
    tokenizer: Any = Field(description="Its tokenizer (with a chat template).", exclude=True)
    model_name: str = Field("local", description="Identifier recorded in ledgers (e.g. local:smollm2).")
    max_new_tokens: int = Field(256, ge=1, description="Token allowance of a free-text reply.")
    structured_max_new_tokens: int = Field(256, ge=1, description="First allowance of a constrained JSON reply.")
    temperature: float = Field(0.0, ge=0.0, description="0 means greedy decoding.")

    _lock: threading.Lock = PrivateAttr(default_factory=threading.Lock)
    _outlines_model: Any = PrivateAttr(default=None)
    _generators: dict[type, Any] = PrivateAttr(default_factory=dict)

    @property
    def _llm_type(self) -> str:
        return "local-transformers"

    @property
    def _identifying_params(self) -> dict[str, Any]:
        return {"model_name": self.model_name, "max_new_tokens": self.max_new_tokens,
                "temperature": self.temperature}

    def _get_ls_params(self, stop: list[str] | None = None, **kwargs: Any) -> Any:
        params = super()._get_ls_params(stop=stop, **kwargs)
        params["ls_model_name"] = self.model_name
        params["ls_provider"] = "local"
        return params

    def prompt_text(self, messages: list[BaseMessage]) -> str:
        turns = [{"role": role_of(m), "content": text_of(m)} for m in messages]
        return self.tokenizer.apply_chat_template(turns, add_generation_prompt=True, tokenize=False)

    def _generate(self, messages: list[BaseMessage], stop: list[str] | None = None,
                  run_manager: CallbackManagerForLLMRun | None = None, **kwargs: Any) -> ChatResult:
        import torch

        prompt = self.prompt_text(messages)
        encoded = self.tokenizer(prompt, return_tensors="pt", add_special_tokens=False).to(self.hf_model.device)
        max_new = int(kwargs.get("max_new_tokens", self.max_new_tokens))
        temperature = float(kwargs.get("temperature", self.temperature))
        sampling = {"do_sample": True, "temperature": temperature} if temperature > 0 else {"do_sample": False}
        with self._lock, torch.inference_mode():
            output = self.hf_model.generate(**encoded, max_new_tokens=max_new,
                                            pad_token_id=self.tokenizer.pad_token_id or self.tokenizer.eos_token_id,
                                            **sampling)
        prompt_tokens = int(encoded["input_ids"].shape[1])
        new_tokens = output[0, prompt_tokens:]
        text = self.tokenizer.decode(new_tokens, skip_special_tokens=True)
        for marker in stop or []:
            if marker in text:
                text = text[: text.index(marker)]
        completion_tokens = int(new_tokens.shape[0])
        message = AIMessage(
            content=text,
            usage_metadata={"input_tokens": prompt_tokens, "output_tokens": completion_tokens,
                            "total_tokens": prompt_tokens + completion_tokens},
            response_metadata={"model_name": self.model_name},
        )
        return ChatResult(generations=[ChatGeneration(message=message)])

    def generate_structured(self, schema: type[BaseModel], messages: list[BaseMessage],
                            max_new_tokens: int | None = None) -> tuple[str, int, int]:
        """Constrained JSON for `schema`: (raw text, prompt tokens, completion tokens)."""
        import outlines
        import torch

        prompt = self.prompt_text(messages)
        with self._lock, torch.inference_mode():
            if self._outlines_model is None:
                self._outlines_model = outlines.from_transformers(self.hf_model, self.tokenizer)
            generator = self._generators.get(schema)
            if generator is None:
                generator = self._generators[schema] = outlines.Generator(self._outlines_model, schema)
            raw = generator(prompt, max_new_tokens=max_new_tokens or self.structured_max_new_tokens)
        prompt_tokens = len(self.tokenizer(prompt, add_special_tokens=False)["input_ids"])
        completion_tokens = len(self.tokenizer(raw, add_special_tokens=False)["input_ids"])
        return raw, prompt_tokens, completion_tokens
