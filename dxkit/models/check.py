"""Load-and-measure checks for the model layer (used by `dxkit models check` and the bench)."""

from __future__ import annotations

import time

from pydantic import BaseModel, Field

# Short synthetic clinical sentences (written for dxkit) combined into benchmark passages.
_SENTENCES = [
    "The patient reports chest pressure that began two hours ago while climbing stairs.",
    "Serum creatinine rose from 1.1 to 2.3 mg/dL over forty-eight hours.",
    "A chest radiograph shows a right lower lobe consolidation without effusion.",
    "Heart rate is 112 beats per minute and blood pressure is 96/60 mmHg.",
    "She has a history of type 2 diabetes treated with metformin.",
    "The D-dimer is elevated and the Wells score places him at moderate risk.",
    "Blood cultures were drawn before starting empirical antibiotics.",
    "Neurological examination shows weakness of the left arm and facial droop.",
    "Liver enzymes are three times the upper limit of normal with a normal bilirubin.",
    "An electrocardiogram shows ST elevation in leads II, III and aVF.",
    "Oxygen saturation is 89 percent on room air and improves with two litres by nasal cannula.",
    "He drinks about four units of alcohol a day and smokes twenty cigarettes.",
]


def sample_passages(count: int = 64, sentences_per_passage: int = 8) -> list[str]:
    """`count` distinct passages of about 120 words, deterministic."""
    n = len(_SENTENCES)
    return [" ".join(_SENTENCES[(i * 5 + j * 7) % n] for j in range(sentences_per_passage)) + f" (case {i})"
            for i in range(count)]


class ChatCheck(BaseModel):
    spec: str
    device: str
    load_kind: str = Field(description="'converted' (first GGUF conversion), 'cached folder', 'in memory' or 'api'.")
    load_s: float
    reply_excerpt: str
    completion_tokens: int
    generation_s: float

    @property
    def tokens_per_s(self) -> float:
        return self.completion_tokens / self.generation_s if self.generation_s > 0 else 0.0


class EmbedderCheck(BaseModel):
    name: str
    device: str
    dimension: int
    load_s: float
    passages: int
    encode_s: float

    @property
    def passages_per_s(self) -> float:
        return self.passages / self.encode_s if self.encode_s > 0 else 0.0


def check_chat(spec: str | None = None, max_new_tokens: int = 32, device: str | None = None) -> ChatCheck:
    from dxkit.models import chat, smollm2
    from dxkit.settings import get_settings

    settings = get_settings()
    spec = spec or settings.model
    resolved = spec.strip()
    load_kind = "api"
    if resolved.lower() in chat.LOCAL_MODELS or resolved.startswith("local:"):
        converted = smollm2.is_converted(smollm2.cache_folder())
        in_memory = any(key[0] == str(smollm2.cache_folder()) for key in chat._loaded)
        load_kind = "in memory" if in_memory else ("cached folder" if converted else "converted")
    elif resolved.startswith("hf:"):
        load_kind = "folder"
    started = time.perf_counter()
    model = chat.get_chat_model(spec, device=device, max_new_tokens=max_new_tokens)
    load_s = time.perf_counter() - started
    started = time.perf_counter()
    reply = model.invoke([("user", "List three common causes of chest pain.")])
    generation_s = time.perf_counter() - started
    usage = reply.usage_metadata or {}
    content = reply.content if isinstance(reply.content, str) else str(reply.content)
    return ChatCheck(spec=spec, device=str(getattr(getattr(model, "hf_model", None), "device", "remote")),
                     load_kind=load_kind, load_s=load_s, reply_excerpt=content[:80],
                     completion_tokens=int(usage.get("output_tokens", 0)), generation_s=generation_s)


def check_embedder(passages: int = 64, device: str = "auto", batch_size: int = 64) -> EmbedderCheck:
    from dxkit.models.embedder import get_embedder

    started = time.perf_counter()
    embedder = get_embedder(device=device, batch_size=batch_size)
    load_s = time.perf_counter() - started
    texts = sample_passages(passages)
    embedder.encode(texts[:2])  # warm-up: first call allocates buffers
    started = time.perf_counter()
    vectors = embedder.encode(texts)
    encode_s = time.perf_counter() - started
    return EmbedderCheck(name=embedder.name, device=embedder.device, dimension=int(vectors.shape[1]),
                         load_s=load_s, passages=len(texts), encode_s=encode_s)
