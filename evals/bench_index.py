"""Benchmarks of the evidence index; prints its figures (nothing here is asserted in tests).

    python evals/bench_index.py embed [--passages 2000] [--device cpu]
    python evals/bench_index.py ann --sizes 10000,100000,1000000 [--queries 500] [--hnsw-max 100000]
    python evals/bench_index.py gpu --model-dir DIR [--passages 20000]

embed: the dxkit pipeline (token-length-sorted batches) against a plain
SentenceTransformer.encode on the same passages in the same process, alternating runs.
ann:   flat, HNSW and IVF (and IVF-PQ at 1M) over clustered synthetic 384-d unit vectors:
       build time, index memory, single-query latency p50/p95 at k=10, recall@10 against flat.
gpu:   fp16 embedding throughput on a CUDA device from a local model folder.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
PUBMEDQA = ROOT.parent / "shared" / "data" / "pubmedqa" / "ori_pqal.json"
WORDS = ("patient trial randomised placebo mortality cohort incidence hazard ratio interval serum creatinine "
         "troponin infarction stroke sepsis lactate antibiotic insulin glucose metformin statin cholesterol "
         "hypertension renal hepatic biopsy tumour carcinoma survival chemotherapy dose adverse event outcome "
         "follow-up baseline significant increase decrease compared versus group children adults elderly "
         "pregnancy imaging ultrasound tomography sensitivity specificity diagnosis treatment therapy").split()


def mixed_passages(n: int, seed: int = 0) -> list[str]:
    """PubMedQA questions and abstract chunks when the shared data is present (real text of
    mixed lengths), else synthetic sentences of 5 to 240 words."""
    rng = np.random.default_rng(seed)
    if PUBMEDQA.is_file():
        data = json.loads(PUBMEDQA.read_text())
        texts = [item["QUESTION"] for item in data.values()]
        texts += [ctx for item in data.values() for ctx in item["CONTEXTS"]]
        texts += ["\n\n".join(item["CONTEXTS"]) for item in data.values()]
        picked = rng.choice(len(texts), size=min(n, len(texts)), replace=False)
        return [texts[i] for i in picked]
    return [" ".join(rng.choice(WORDS, size=int(rng.integers(5, 240)))) for _ in range(n)]


def rss_gib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 2**20


# -- embedding throughput -----------------------------------------------------------------
def bench_embed(args: argparse.Namespace) -> None:
    from dxkit.corpora.embedding import embed_texts
    from dxkit.models import get_embedder

    embedder = get_embedder(device=args.device, name=args.model_dir) if args.model_dir else get_embedder(device=args.device)
    texts = mixed_passages(args.passages)
    lengths = [len(t.split()) for t in texts]
    print(f"embed: {len(texts)} passages, words min/median/max {min(lengths)}/{int(np.median(lengths))}/{max(lengths)}, "
          f"device {embedder.device}, batch {args.batch_size}, torch threads {_torch_threads()}, "
          f"load average {os.getloadavg()[0]:.1f}")
    embed_texts(embedder, texts[:64], batch_size=args.batch_size)  # warm-up
    timings: dict[str, list[float]] = {"dxkit": [], "plain": []}
    for _ in range(args.repeats):
        for name in ("plain", "dxkit"):
            started = time.perf_counter()
            if name == "dxkit":
                embed_texts(embedder, texts, batch_size=args.batch_size)
            else:
                embedder.model.encode(texts, batch_size=args.batch_size, normalize_embeddings=True,
                                      convert_to_numpy=True, show_progress_bar=False)
            timings[name].append(time.perf_counter() - started)
    rates = {name: len(texts) / min(values) for name, values in timings.items()}
    print(f"  plain SentenceTransformer.encode: {rates['plain']:.1f} passages/s (best of {args.repeats})")
    print(f"  dxkit pipeline:                   {rates['dxkit']:.1f} passages/s (best of {args.repeats})")
    print(f"  ratio dxkit/plain: {rates['dxkit'] / rates['plain']:.3f}")


def _torch_threads() -> int:
    import torch

    return torch.get_num_threads()


# -- ANN indexes --------------------------------------------------------------------------
def clustered_vectors(n: int, dim: int = 384, topics: int = 200, subtopics: int = 200, seed: int = 0,
                      chunk: int = 200_000) -> np.ndarray:
    """Unit vectors in a two-level cluster structure (topic -> subtopic -> point), so that
    neighbours come from overlapping regions rather than isolated blobs (median cosine to the
    nearest neighbour about 0.5 at 50k): IVF then needs several probes, as with real text."""
    rng = np.random.default_rng(seed)
    topic = rng.standard_normal((topics, dim)).astype(np.float32)
    topic /= np.linalg.norm(topic, axis=1, keepdims=True)
    sub = topic.repeat(subtopics, axis=0) + 1.0 * rng.standard_normal((topics * subtopics, dim)).astype(np.float32) / np.sqrt(dim)
    sub /= np.linalg.norm(sub, axis=1, keepdims=True)
    out = np.empty((n, dim), dtype=np.float32)
    for start in range(0, n, chunk):
        end = min(n, start + chunk)
        which = rng.integers(0, len(sub), size=end - start)
        block = sub[which] + 1.0 * rng.standard_normal((end - start, dim)).astype(np.float32) / np.sqrt(dim)
        out[start:end] = block / np.linalg.norm(block, axis=1, keepdims=True)
    return out


QUERY_THREADS = 1


def latency_ms(index, queries: np.ndarray, k: int = 10) -> tuple[float, float, np.ndarray]:
    import faiss

    found = np.empty((len(queries), k), dtype=np.int64)
    times = []
    threads = faiss.omp_get_max_threads()
    faiss.omp_set_num_threads(QUERY_THREADS)
    for i, query in enumerate(queries):
        started = time.perf_counter()
        _, rows = index.search(query[None, :], k)
        times.append((time.perf_counter() - started) * 1000)
        found[i] = rows[0]
    faiss.omp_set_num_threads(threads)
    times.sort()
    return statistics.median(times), times[int(0.95 * (len(times) - 1))], found


def recall_at_10(found: np.ndarray, truth: np.ndarray) -> float:
    return float(np.mean([len(set(f) & set(t)) / 10 for f, t in zip(found, truth, strict=True)]))


def bench_ann(args: argparse.Namespace) -> None:
    import faiss

    from dxkit.corpora.vector_index import VectorIndexConfig, build_index

    global QUERY_THREADS
    QUERY_THREADS = args.query_threads
    print(f"ann: faiss {faiss.__version__}, build threads {faiss.omp_get_max_threads()}, query threads "
          f"{QUERY_THREADS} (one query at a time), load average {os.getloadavg()[0]:.1f}")
    print("| n | index | params | build s | index MiB | p50 ms | p95 ms | recall@10 |")
    print("|---|---|---|---|---|---|---|---|")
    for n in [int(s) for s in args.sizes.split(",")]:
        data = clustered_vectors(n + args.queries, seed=n)
        base, queries = data[:n], data[n:]
        flat = faiss.IndexFlatIP(base.shape[1])
        flat.add(base)
        _, truth = flat.search(queries, 10)  # exact ground truth (batched)
        p50, p95, _ = latency_ms(flat, queries[: min(200, len(queries))])
        _row(n, "flat", "exact", 0.0, faiss.serialize_index(flat).nbytes, p50, p95, 1.0)
        del flat
        runs = [("ivf", VectorIndexConfig(kind="ivf", nlist=args.nlist, train_max=args.train_max), "nprobe", args.nprobe)]
        if n <= args.hnsw_max:
            runs.insert(0, ("hnsw", VectorIndexConfig(kind="hnsw", hnsw_m=args.hnsw_m,
                                                     ef_construction=args.ef_construction), "efSearch", args.ef_search))
        if n >= args.ivfpq_min:
            runs.append(("ivfpq", VectorIndexConfig(kind="ivfpq", pq_m=args.pq_m, nlist=args.nlist,
                                                    train_max=args.train_max), "nprobe", args.nprobe))
        for kind, config, knob, values in runs:
            started = time.perf_counter()
            index = build_index([base], base.shape[1], n, config, kind)
            build_s = time.perf_counter() - started
            size = faiss.serialize_index(index).nbytes
            for value in [int(v) for v in values.split(",")]:
                if kind == "hnsw":
                    index.hnsw.efSearch = value
                else:
                    index.nprobe = value
                p50, p95, found = latency_ms(index, queries)
                extra = f", nlist {index.nlist}" if kind != "hnsw" else f", M {config.hnsw_m}, efC {config.ef_construction}"
                _row(n, kind, f"{knob} {value}{extra}", build_s, size, p50, p95, recall_at_10(found, truth))
            del index
        print(f"  (after n={n}: peak RSS {rss_gib():.2f} GiB)", flush=True)


def _row(n: int, kind: str, params: str, build_s: float, size: int, p50: float, p95: float, recall: float) -> None:
    print(f"| {n:,} | {kind} | {params} | {build_s:.1f} | {size / 2**20:.0f} | {p50:.3f} | {p95:.3f} | {recall:.3f} |",
          flush=True)


# -- GPU embedding ------------------------------------------------------------------------
def bench_gpu(args: argparse.Namespace) -> None:
    import torch

    from dxkit.corpora.embedding import embed_texts
    from dxkit.models import get_embedder

    if not torch.cuda.is_available():
        sys.exit("gpu: no CUDA device visible")
    embedder = get_embedder(device="cuda", name=args.model_dir, batch_size=args.batch_size)
    dtype = next(embedder.model.parameters()).dtype
    texts = mixed_passages(args.passages)
    print(f"gpu: {torch.cuda.get_device_name(0)}, weights {dtype}, {len(texts)} passages, batch {args.batch_size}")
    embed_texts(embedder, texts[:512], batch_size=args.batch_size)
    for name in ("plain", "dxkit"):
        torch.cuda.synchronize()
        started = time.perf_counter()
        if name == "dxkit":
            embed_texts(embedder, texts, batch_size=args.batch_size)
        else:
            embedder.model.encode(texts, batch_size=args.batch_size, normalize_embeddings=True,
                                  convert_to_numpy=True, show_progress_bar=False)
        torch.cuda.synchronize()
        rate = len(texts) / (time.perf_counter() - started)
        print(f"  {name}: {rate:.0f} passages/s (fp16)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="what", required=True)
    embed = sub.add_parser("embed")
    embed.add_argument("--passages", type=int, default=2000)
    embed.add_argument("--batch-size", type=int, default=64)
    embed.add_argument("--repeats", type=int, default=2)
    embed.add_argument("--device", default="cpu")
    embed.add_argument("--model-dir", default=None, help="A local sentence-transformers folder (default: packaged MiniLM).")
    ann = sub.add_parser("ann")
    ann.add_argument("--sizes", default="10000,100000")
    ann.add_argument("--queries", type=int, default=500)
    ann.add_argument("--hnsw-max", type=int, default=100_000, help="Largest n at which HNSW is built.")
    ann.add_argument("--hnsw-m", type=int, default=32)
    ann.add_argument("--ef-construction", type=int, default=80)
    ann.add_argument("--ef-search", default="32,64,128")
    ann.add_argument("--nprobe", default="8,16,32,64")
    ann.add_argument("--ivfpq-min", type=int, default=1_000_000)
    ann.add_argument("--pq-m", type=int, default=48)
    ann.add_argument("--nlist", type=int, default=None, help="IVF lists (default about 4*sqrt(n)).")
    ann.add_argument("--train-max", type=int, default=200_000, help="Vectors sampled to train IVF.")
    ann.add_argument("--query-threads", type=int, default=1, help="FAISS threads while timing single queries.")
    gpu = sub.add_parser("gpu")
    gpu.add_argument("--model-dir", required=True, help="Local folder with the fp16/fp32 sentence-transformers model.")
    gpu.add_argument("--passages", type=int, default=20000)
    gpu.add_argument("--batch-size", type=int, default=256)
    args = parser.parse_args()
    {"embed": bench_embed, "ann": bench_ann, "gpu": bench_gpu}[args.what](args)


if __name__ == "__main__":
    main()
