"""Benchmark the embedded models: GGUF conversion and cached load times, generation tokens/s,
embedder passages/s, and the structured-output parse rate of SmolLM2 on 20 prompts.

Run:  .venv/bin/python -m dxkit.evals.bench_models [--device cpu|cuda|auto] [--fresh-cache]
      [--prompts 20] [--passages 256] [--json OUT.json]

--fresh-cache converts the GGUF into a temporary data dir, so the first-conversion time is
measured even where a converted copy already exists.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import tempfile
import time
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, Field


class TriageAnswer(BaseModel):
    """The small schema of the parse-rate measurement."""

    likely_diagnosis: str = Field(max_length=80, description="The single most likely diagnosis.")
    urgency: Literal["low", "medium", "high"]
    needs_imaging: bool


# Twenty short vignettes written for this benchmark (no source text copied).
VIGNETTES = [
    "A 67-year-old man has crushing central chest pain for 40 minutes with sweating.",
    "A 24-year-old woman has dysuria and urinary frequency for two days, no fever.",
    "A 5-year-old boy has a barking cough and hoarse voice that is worse at night.",
    "A 45-year-old woman has sudden severe headache, the worst of her life, and neck stiffness.",
    "A 30-year-old man twisted his ankle playing football and cannot bear weight.",
    "A 72-year-old woman has new confusion, fever and a cough with green sputum.",
    "A 19-year-old student has a sore throat, fever, tender neck nodes and no cough.",
    "A 55-year-old smoker has calf swelling after a long flight and is short of breath.",
    "A 38-year-old woman has right upper quadrant pain after fatty meals and nausea.",
    "A 60-year-old man has sudden weakness of the right arm and slurred speech for 30 minutes.",
    "A 28-year-old man has right lower quadrant pain, fever and loss of appetite.",
    "A 50-year-old woman has fatigue, weight gain, cold intolerance and dry skin.",
    "A 8-year-old girl has itchy, scaly patches in the folds of her elbows.",
    "A 65-year-old man with diabetes has a red, hot, swollen lower leg and fever.",
    "A 35-year-old woman has palpitations, weight loss, tremor and heat intolerance.",
    "A 78-year-old man fell at home and has a shortened, externally rotated left leg.",
    "A 22-year-old has wheeze and breathlessness after a cold, relieved by an inhaler.",
    "A 48-year-old man has a painful, swollen big toe that started overnight.",
    "A 70-year-old woman has painless jaundice, weight loss and dark urine.",
    "A 33-year-old woman has a runny nose, sneezing and itchy eyes every spring.",
]


def measure_chat_loads(device: str, fresh_cache: bool) -> dict[str, float | str]:
    from dxkit.models import chat, smollm2
    from dxkit.settings import get_settings

    figures: dict[str, float | str] = {}
    data_dir = Path(tempfile.mkdtemp(prefix="dxkit-bench-")) if fresh_cache else get_settings().data_dir
    was_converted = smollm2.is_converted(smollm2.cache_folder(data_dir))
    started = time.perf_counter()
    folder, converted = smollm2.ensure_converted(data_dir)
    figures["gguf_conversion_s" if converted else "cache_check_s"] = time.perf_counter() - started
    figures["cache_state_before"] = "converted" if was_converted else "absent"
    chat._loaded.clear()
    started = time.perf_counter()
    chat._load_transformers(str(folder), device)
    figures["cached_load_s"] = time.perf_counter() - started
    if fresh_cache:  # the measurement copy (about 540 MB) is not kept; later loads use the real cache
        chat._loaded.clear()
        shutil.rmtree(data_dir, ignore_errors=True)
    return figures


def measure_generation(model, runs: int = 3, tokens: int = 64) -> dict[str, float]:
    rates = []
    for prompt in VIGNETTES[:runs]:
        started = time.perf_counter()
        reply = model.invoke([("user", f"{prompt} What is going on? Explain briefly.")], max_new_tokens=tokens)
        elapsed = time.perf_counter() - started
        rates.append(reply.usage_metadata["output_tokens"] / elapsed)
    return {"generation_tokens_per_s": statistics.mean(rates), "generation_runs": float(runs)}


def measure_embedder(device: str, passages: int) -> dict[str, float | str]:
    from dxkit.models.check import check_embedder

    result = check_embedder(passages=passages, device=device)
    return {"embedder_load_s": result.load_s, "embedder_passages_per_s": result.passages_per_s,
            "embedder_device": result.device, "embedder_passages": float(passages)}


def measure_structured(model, prompts: int) -> dict[str, float]:
    from dxkit.errors import ModelOutputError
    from dxkit.models import structured

    valid, seconds = 0, []
    for vignette in VIGNETTES[:prompts]:
        started = time.perf_counter()
        try:
            answer = structured(model, TriageAnswer, [("user", f"{vignette}\nAnswer as a triage nurse.")], retries=0)
            valid += isinstance(answer, TriageAnswer)
        except ModelOutputError as exc:
            print(f"  invalid: {vignette[:40]}... {exc}")
        seconds.append(time.perf_counter() - started)
        print(f"  structured {len(seconds)}/{prompts}: {seconds[-1]:.1f} s", flush=True)
    return {"structured_valid": float(valid), "structured_prompts": float(prompts),
            "structured_mean_s": statistics.mean(seconds), "structured_first_s": seconds[0],
            "structured_mean_after_first_s": statistics.mean(seconds[1:]) if len(seconds) > 1 else seconds[0]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--device", default="auto")
    parser.add_argument("--fresh-cache", action="store_true")
    parser.add_argument("--prompts", type=int, default=20)
    parser.add_argument("--passages", type=int, default=256)
    parser.add_argument("--json", type=Path, default=None)
    args = parser.parse_args()

    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    import torch

    from dxkit.models.chat import get_chat_model
    from dxkit.models.embedder import resolve_device

    device = resolve_device(args.device)
    figures: dict[str, float | str] = {"device": device, "torch_threads": float(torch.get_num_threads()),
                                       "cpu_count": float(os.cpu_count() or 0),
                                       "load_avg_1min_at_start": os.getloadavg()[0]}
    if device.startswith("cuda"):
        figures["gpu"] = torch.cuda.get_device_name(0)
    figures.update(measure_chat_loads(device, args.fresh_cache))
    print(f"  loads: {figures}", flush=True)
    model = get_chat_model("local:smollm2", device=device, max_new_tokens=64)
    figures.update(measure_generation(model))
    print(f"  generation: {figures['generation_tokens_per_s']:.2f} tokens/s", flush=True)
    figures.update(measure_embedder(args.device, args.passages))
    print(f"  embedder: {figures['embedder_passages_per_s']:.2f} passages/s", flush=True)
    figures.update(measure_structured(model, args.prompts))

    figures["load_avg_1min_at_end"] = os.getloadavg()[0]
    for key, value in figures.items():
        print(f"{key:34s} {value:.3f}" if isinstance(value, float) else f"{key:34s} {value}")
    print(f"structured parse rate              {int(figures['structured_valid'])}/{args.prompts}")
    if args.json:
        tmp = args.json.with_suffix(".tmp")
        tmp.write_text(json.dumps(figures, indent=2))
        os.replace(tmp, args.json)


if __name__ == "__main__":
    main()
