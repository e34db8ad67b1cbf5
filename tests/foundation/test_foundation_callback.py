"""The LangChain callback handler feeds each chat call's tokens, latency and USD to the ledger."""

from __future__ import annotations

from pathlib import Path

import pytest
from langchain_core.language_models.fake_chat_models import GenericFakeChatModel
from langchain_core.messages import AIMessage
from langchain_core.outputs import ChatGeneration, Generation, LLMResult

from dxkit.ledger import Ledger
from dxkit.ledger.callback import usage_from_result


def test_callback_records_usage_metadata(tmp_path: Path) -> None:
    reply = AIMessage("ok", usage_metadata={"input_tokens": 2000, "output_tokens": 1000, "total_tokens": 3000},
                      response_metadata={"model_name": "gpt-4.1-mini"})
    model = GenericFakeChatModel(messages=iter([reply]))
    ledger = Ledger("cb", tmp_path)
    model.invoke("hello", config={"callbacks": [ledger.callback_handler()]})
    (record,) = list(ledger.records())
    assert record.kind == "llm_call"
    assert record.payload["model"] == "gpt-4.1-mini"
    assert record.payload["prompt_tokens"] == 2000 and record.payload["completion_tokens"] == 1000
    assert record.payload["latency_s"] >= 0 and record.payload["priced"] is True
    # gpt-4.1-mini: 0.40 USD / 1.60 USD per 1M tokens -> 2000*0.4/1e6 + 1000*1.6/1e6 = 0.0008 + 0.0016
    assert record.cost_usd == pytest.approx(0.0024)
    ledger.close()


def test_usage_from_llm_output_token_usage() -> None:
    result = LLMResult(generations=[[Generation(text="x")]],
                       llm_output={"token_usage": {"prompt_tokens": 11, "completion_tokens": 7}, "model_name": "m"})
    assert usage_from_result(result) == (11, 7, "m")


def test_usage_sums_over_generations() -> None:
    def gen(i: int, o: int) -> ChatGeneration:
        return ChatGeneration(message=AIMessage("x", usage_metadata={"input_tokens": i, "output_tokens": o,
                                                                       "total_tokens": i + o}))

    assert usage_from_result(LLMResult(generations=[[gen(3, 4)], [gen(5, 6)]])) == (8, 10, None)


def test_unknown_model_is_recorded_unpriced(tmp_path: Path) -> None:
    ledger = Ledger("unpriced", tmp_path)
    record = ledger.llm_call("some-new-model", 100, 100, 0.1)
    assert record.cost_usd == 0.0 and record.payload["priced"] is False
    ledger.close()
