"""The embedded models really load and produce output (slow: real weights)."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

import numpy as np
import pytest
from pydantic import BaseModel, Field

pytestmark = [pytest.mark.slow, pytest.mark.models]


def test_embedder_shape_norm_and_meaning(embedder) -> None:
    assert embedder.name == "sentence-transformers/all-MiniLM-L6-v2"
    assert embedder.dimension == 384 and embedder.max_tokens == 256
    texts = ["heart attack", "myocardial infarction", "recipe for banana bread"]
    vectors = embedder.encode(texts)
    assert vectors.shape == (3, 384) and vectors.dtype == np.float32
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-4)
    similarity = vectors @ vectors.T
    assert similarity[0, 1] > similarity[0, 2] + 0.2  # synonyms far closer than an unrelated text
    assert embedder.encode([]).shape == (0, 384)
    assert len(embedder.tokenizer("heart attack")["input_ids"]) > 2


def test_embedder_is_cached(embedder) -> None:
    from dxkit.models import get_embedder

    assert get_embedder(device=embedder.device).model is embedder.model
    smaller = get_embedder(device=embedder.device, batch_size=8)
    assert smaller.model is embedder.model and smaller.batch_size == 8


def test_embedder_rejects_a_single_string(embedder) -> None:
    with pytest.raises(TypeError):
        embedder.encode("one string")


def test_local_chat_model_generates_with_usage_seen_by_the_ledger(local_chat_model, tmp_path: Path) -> None:
    from dxkit.ledger import Ledger

    ledger = Ledger("local-callback", tmp_path)
    reply = local_chat_model.invoke([("user", "Name one symptom of influenza.")],
                                    config={"callbacks": [ledger.callback_handler()]})
    assert isinstance(reply.content, str) and reply.content.strip()
    usage = reply.usage_metadata
    assert usage["input_tokens"] > 5 and 0 < usage["output_tokens"] <= 32
    (call,) = list(ledger.records(kind="llm_call"))
    assert call.payload["model"] == "local:smollm2" and call.cost_usd == 0.0
    assert call.payload["prompt_tokens"] == usage["input_tokens"]
    assert call.payload["completion_tokens"] == usage["output_tokens"]
    ledger.close()


class Triage(BaseModel):
    diagnosis: str = Field(max_length=60)
    urgency: Literal["low", "medium", "high"]


@pytest.mark.parametrize("note", [
    "A 64-year-old man has crushing chest pain spreading to his left arm and sweating.",
    "A 20-year-old woman has a runny nose and a mild sore throat for two days.",
])
def test_structured_output_on_the_local_model(local_chat_model, note: str, tmp_path: Path) -> None:
    from dxkit.ledger import Ledger
    from dxkit.models import structured

    ledger = Ledger("local-structured", tmp_path)
    result = structured(local_chat_model, Triage, [("user", f"{note}\nGive a diagnosis and the urgency.")],
                        ledger=ledger)
    assert isinstance(result, Triage) and result.diagnosis.strip()
    (call,) = list(ledger.records(kind="llm_call"))
    assert call.payload["model"] == "local:smollm2" and call.cost_usd == 0.0
    assert call.payload["completion_tokens"] > 0
    ledger.close()

