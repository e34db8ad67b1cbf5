"""The one helper every model call that needs typed output goes through.

`structured(model, Schema, messages)` returns a validated `Schema` instance or raises
`StructuredOutputError` (a ModelOutputError) after 1 + retries attempts:

- local transformers models (LocalTransformersChat): constrained decoding with outlines, so
  the text can only be JSON matching the schema; a retry doubles the token allowance;
- API models with native structured output (`with_structured_output`): used first;
- everything else, and any native failure: ask for JSON in words, extract the JSON object
  from the reply (code fences, surrounding prose, trailing commas), validate, and on failure
  re-ask with the validation error. LangChain fake chat models take this path.
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Sequence
from typing import Any, TypeVar

from langchain_core.language_models import BaseChatModel
from langchain_core.messages import AIMessage, BaseMessage, HumanMessage, SystemMessage
from pydantic import BaseModel, ValidationError

from dxkit.errors import ModelOutputError
from dxkit.models.messages import text_of, to_messages

T = TypeVar("T", bound=BaseModel)
_FENCE = re.compile(r"```(?:json|JSON)?\s*(.*?)```", re.DOTALL)
_TRAILING_COMMA = re.compile(r",\s*([}\]])")
EXCERPT_CHARS = 400


class StructuredOutputError(ModelOutputError):
    """No schema-valid output within the retry bound; keeps the last raw output and error."""

    def __init__(self, schema: str, attempts: int, raw: str, error: str) -> None:
        self.schema, self.attempts, self.raw, self.error = schema, attempts, raw, error
        excerpt = raw if len(raw) <= EXCERPT_CHARS else raw[:EXCERPT_CHARS] + "..."
        super().__init__(f"{schema}: no valid output after {attempts} attempt(s); "
                         f"last output: {excerpt!r}; error: {error}")


def schema_instruction(schema: type[BaseModel]) -> str:
    return ("Reply with only one JSON object, no prose and no code fences, that matches this "
            f"JSON schema:\n{json.dumps(schema.model_json_schema(), separators=(',', ':'))}")


def json_candidates(text: str) -> list[Any]:
    """JSON values found in `text`: fenced blocks first, then each balanced {...} object."""
    decoder = json.JSONDecoder()
    sources = [m.group(1) for m in _FENCE.finditer(text)] + [text]
    found: list[Any] = []
    for source in sources:
        for variant in (source, _TRAILING_COMMA.sub(r"\1", source)):
            start = variant.find("{")
            while start != -1:
                try:
                    value, end = decoder.raw_decode(variant, start)
                except json.JSONDecodeError:
                    start = variant.find("{", start + 1)
                    continue
                if value not in found:
                    found.append(value)
                start = variant.find("{", end)
        if found:
            break
    return found


def parse_into(schema: type[T], text: str) -> T:
    """Validate the first JSON object in `text` that fits `schema` (also one level down,
    for replies like {"Answer": {...}}); raises ValueError describing the closest miss."""
    candidates = json_candidates(text)
    if not candidates:
        raise ValueError("the reply contains no JSON object")
    first_error: ValidationError | None = None
    for value in candidates:
        nested = [value] + ([v for v in value.values() if isinstance(v, dict)] if isinstance(value, dict) else [])
        for option in nested:
            try:
                return schema.model_validate(option)
            except ValidationError as exc:
                first_error = first_error or exc
    assert first_error is not None
    raise ValueError(str(first_error))


def _config(ledger: Any) -> dict[str, Any] | None:
    return {"callbacks": [ledger.callback_handler()]} if ledger is not None else None


def _native(model: BaseChatModel, schema: type[T], messages: list[BaseMessage], ledger: Any) -> tuple[T | None, str]:
    """Provider-native structured output; (None, raw text) when unsupported or unparsable."""
    try:
        runnable = model.with_structured_output(schema, include_raw=True)
    except (NotImplementedError, ValueError, TypeError):
        return None, ""
    result = runnable.invoke(messages, config=_config(ledger))
    parsed, raw = result.get("parsed"), result.get("raw")
    if isinstance(parsed, schema):
        return parsed, ""
    if isinstance(parsed, dict):
        try:
            return schema.model_validate(parsed), ""
        except ValidationError:
            pass
    return None, text_of(raw) if isinstance(raw, BaseMessage) else ""


def _supports_native(model: BaseChatModel) -> bool:
    # Fake and plain-text models inherit BaseChatModel.bind_tools, which raises; skip them.
    return type(model).bind_tools is not BaseChatModel.bind_tools


def structured(model: BaseChatModel, schema: type[T], messages: str | Sequence[Any], *,
               retries: int | None = None, ledger: Any = None) -> T:
    """Ask `model` for a `schema` instance; see the module docstring for the strategy."""
    if retries is None:
        from dxkit.settings import get_settings

        retries = get_settings().max_retries
    attempts = 1 + max(0, int(retries))
    conversation = to_messages(messages)

    constrained = getattr(model, "generate_structured", None)
    if callable(constrained):
        return _constrained(model, schema, conversation, attempts, ledger)

    if _supports_native(model):
        parsed, raw = _native(model, schema, conversation, ledger)
        if parsed is not None:
            return parsed
        attempts -= 1  # the native try counts as one attempt
        if attempts == 0:
            raise StructuredOutputError(schema.__name__, 1, raw, "native structured output did not parse")

    return _parse_and_repair(model, schema, conversation, attempts, ledger)


def _parse_and_repair(model: BaseChatModel, schema: type[T], conversation: list[BaseMessage],
                      attempts: int, ledger: Any) -> T:
    asked = [SystemMessage(schema_instruction(schema)), *conversation]
    raw, error = "", ""
    for _ in range(attempts):
        reply = model.invoke(asked, config=_config(ledger))
        raw = text_of(reply)
        try:
            return parse_into(schema, raw)
        except ValueError as exc:
            error = str(exc)
        asked = [*asked, AIMessage(raw), HumanMessage(
            f"That reply was not valid: {error}\nReply again with only the corrected JSON object.")]
    raise StructuredOutputError(schema.__name__, attempts, raw, error)


def _constrained(model: Any, schema: type[T], conversation: list[BaseMessage], attempts: int, ledger: Any) -> T:
    raw, error = "", ""
    max_new_tokens = int(getattr(model, "structured_max_new_tokens", 512))
    for _ in range(attempts):
        started = time.perf_counter()
        raw, prompt_tokens, completion_tokens = model.generate_structured(
            schema, [SystemMessage(schema_instruction(schema)), *conversation], max_new_tokens=max_new_tokens)
        if ledger is not None:
            ledger.llm_call(model.model_name, prompt_tokens, completion_tokens,
                            time.perf_counter() - started, structured=schema.__name__)
        try:
            return parse_into(schema, raw)
        except ValueError as exc:
            error = str(exc)
        max_new_tokens *= 2  # constrained JSON only fails when cut off; allow more room
    raise StructuredOutputError(schema.__name__, attempts, raw, error)
