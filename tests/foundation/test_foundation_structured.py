"""structured(): the text parse-and-repair path, driven by LangChain's scripted fake models."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

import pytest
from langchain_core.language_models.fake_chat_models import FakeListChatModel, GenericFakeChatModel
from langchain_core.messages import AIMessage, HumanMessage, SystemMessage
from pydantic import BaseModel, Field

from dxkit.errors import InputError, ModelOutputError
from dxkit.ledger import Ledger
from dxkit.models import StructuredOutputError, structured
from dxkit.models.messages import to_messages
from dxkit.models.structured import json_candidates, parse_into


class Triage(BaseModel):
    diagnosis: str
    urgency: Literal["low", "medium", "high"]
    probability: float = Field(ge=0, le=1)


class RecordingFake(FakeListChatModel):
    """FakeListChatModel that keeps every message list it was sent."""

    seen: list = Field(default_factory=list)

    def _call(self, messages, stop=None, run_manager=None, **kwargs):  # type: ignore[override]
        self.seen.append(list(messages))
        return super()._call(messages, stop=stop, run_manager=run_manager, **kwargs)


def test_plain_json_reply_parses() -> None:
    model = FakeListChatModel(responses=['{"diagnosis": "pneumonia", "urgency": "medium", "probability": 0.6}'])
    result = structured(model, Triage, "Cough and fever for 3 days.")
    assert result == Triage(diagnosis="pneumonia", urgency="medium", probability=0.6)


def test_fenced_json_inside_prose_parses() -> None:
    reply = 'Here you go:\n```json\n{"diagnosis": "MI", "urgency": "high", "probability": 0.7}\n```\nHope it helps.'
    result = structured(FakeListChatModel(responses=[reply]), Triage, "chest pain")
    assert result.diagnosis == "MI" and result.urgency == "high"


def test_trailing_comma_and_wrapper_object_are_repaired() -> None:
    reply = '{"Triage": {"diagnosis": "PE", "urgency": "high", "probability": 0.4,},}'
    assert structured(FakeListChatModel(responses=[reply]), Triage, "dyspnoea").diagnosis == "PE"


def test_invalid_reply_is_re_asked_with_the_validation_error() -> None:
    model = RecordingFake(responses=[
        '{"diagnosis": "MI", "urgency": "urgent", "probability": 0.7}',
        '{"diagnosis": "MI", "urgency": "high", "probability": 0.7}',
    ])
    result = structured(model, Triage, "chest pain", retries=2)
    assert result.urgency == "high"
    assert len(model.seen) == 2
    repair_request = model.seen[1][-1]
    assert isinstance(repair_request, HumanMessage) and "urgency" in repair_request.content
    assert isinstance(model.seen[1][-2], AIMessage)  # the bad reply is shown back to the model
    assert isinstance(model.seen[0][0], SystemMessage) and '"urgency"' in model.seen[0][0].content


def test_exhausted_retries_raise_with_schema_raw_and_error() -> None:
    model = FakeListChatModel(responses=["I think it is pneumonia.", "Still pneumonia.", "Pneumonia!"])
    with pytest.raises(StructuredOutputError) as caught:
        structured(model, Triage, "cough", retries=2)
    error = caught.value
    assert isinstance(error, ModelOutputError)
    assert error.schema == "Triage" and error.attempts == 3
    assert error.raw == "Pneumonia!" and "no JSON object" in error.error
    assert "Triage" in str(error) and "Pneumonia!" in str(error)


def test_retries_default_comes_from_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    from dxkit.settings import get_settings

    monkeypatch.setenv("DXKIT_MAX_RETRIES", "0")
    get_settings.cache_clear()
    try:
        model = FakeListChatModel(responses=["no", '{"diagnosis": "x", "urgency": "low", "probability": 0}'])
        with pytest.raises(StructuredOutputError) as caught:
            structured(model, Triage, "x")
        assert caught.value.attempts == 1
    finally:
        get_settings.cache_clear()


def test_generic_fake_model_and_tuple_messages_with_ledger(tmp_path: Path) -> None:
    model = GenericFakeChatModel(messages=iter([
        AIMessage('{"diagnosis": "UTI", "urgency": "low", "probability": 0.8}',
                  usage_metadata={"input_tokens": 120, "output_tokens": 20, "total_tokens": 140}),
    ]))
    ledger = Ledger("structured", tmp_path)
    result = structured(model, Triage, [("system", "You are a triage nurse."), ("user", "Dysuria.")], ledger=ledger)
    assert result.diagnosis == "UTI"
    calls = list(ledger.records(kind="llm_call"))
    assert len(calls) == 1
    assert calls[0].payload["prompt_tokens"] == 120 and calls[0].payload["completion_tokens"] == 20
    ledger.close()


def test_message_forms() -> None:
    assert [type(m) for m in to_messages("hi")] == [HumanMessage]
    forms = to_messages([("system", "s"), ("assistant", "a"), {"role": "user", "content": "u"}, HumanMessage("h")])
    assert [m.content for m in forms] == ["s", "a", "u", "h"]
    with pytest.raises(InputError, match="roles"):
        to_messages([("doctor", "hello")])
    with pytest.raises(InputError):
        to_messages([])


def test_json_candidates_and_parse_into() -> None:
    assert json_candidates('a {"x": 1} b {"y": [1, 2,]}') == [{"x": 1}, {"y": [1, 2]}]
    assert json_candidates("no json here") == []
    with pytest.raises(ValueError, match="probability"):
        parse_into(Triage, '{"diagnosis": "a", "urgency": "low", "probability": 3}')
