"""`dxkit index build|add|search|info`: build and query evidence indexes."""

from __future__ import annotations

import json
from pathlib import Path

import typer

EMBEDDER_HELP = "Embedder: 'minilm' (packaged), a local sentence-transformers folder, or 'hashing' (no model)."
KIND_HELP = "Dense index kind: auto (flat, then IVF, then IVF-PQ by size), flat, hnsw, ivf or ivfpq."


def register(app: typer.Typer) -> None:
    index_app = typer.Typer(help="Evidence index: build, extend, search and inspect.", no_args_is_help=True)
    app.add_typer(index_app, name="index")

    @index_app.command("build")
    def build(
        source: Path = typer.Argument(..., help="PubMedQA .json, PubMed .xml[.gz], .jsonl, or a folder of .md/.txt."),
        out: Path = typer.Option(..., "--out", "-o", help="Index folder (created; an unfinished build resumes)."),
        embedder: str = typer.Option(None, "--embedder", help=EMBEDDER_HELP),
        kind: str = typer.Option("auto", "--kind", help=KIND_HELP),
        fmt: str = typer.Option(None, "--format", help="Force a loader: pubmedqa, pubmed-xml, jsonl, text."),
        batch_size: int = typer.Option(64, "--batch-size", min=1, help="Texts per embedding batch."),
        shard_size: int = typer.Option(8192, "--shard-size", min=1, help="Chunks per saved embedding shard."),
        device: str = typer.Option("auto", "--device", help="auto, cpu or cuda (fp16 on CUDA)."),
    ) -> None:
        """Build an index from SOURCE into --out (resumes after a kill)."""
        from rich.console import Console

        from dxkit.corpora import EvidenceIndex, VectorIndexConfig, iter_documents

        console = Console()
        model = _embedder(embedder, device)
        index = EvidenceIndex.build(iter_documents(source, fmt), out, model, config=VectorIndexConfig(kind=kind),
                                    batch_size=batch_size, shard_size=shard_size, show_progress=True)
        m = index.manifest
        console.print(f"[green]built[/] {out}: {m.documents} documents, {m.chunks} chunks, "
                      f"{m.index_type} index, embedder {m.embedder}, {m.build_seconds:.1f} s")

    @index_app.command("add")
    def add(
        index_dir: Path = typer.Argument(..., help="An existing index folder."),
        source: Path = typer.Argument(..., help="Documents to add (same formats as build)."),
        fmt: str = typer.Option(None, "--format", help="Force a loader: pubmedqa, pubmed-xml, jsonl, text."),
        device: str = typer.Option("auto", "--device", help="auto, cpu or cuda."),
    ) -> None:
        """Add documents to an index; duplicates are skipped and only new chunks are embedded."""
        from rich.console import Console

        from dxkit.corpora import iter_documents

        index = _open(index_dir, device)
        report = index.add(iter_documents(source, fmt), show_progress=True)
        Console().print(f"[green]added[/] {report.added} documents ({report.chunks} chunks), "
                        f"skipped {report.duplicates} duplicates; index now {len(index)} chunks")

    @index_app.command("search")
    def search(
        index_dir: Path = typer.Argument(..., help="An index folder."),
        query: str = typer.Argument(..., help="The question or keywords."),
        k: int = typer.Option(10, "-k", "--k", min=1, help="Passages to return."),
        mode: str = typer.Option("hybrid", "--mode", help="hybrid (RRF of dense and BM25), dense or bm25."),
        mmr: bool = typer.Option(False, "--mmr", help="Re-rank for diversity (maximal marginal relevance)."),
        as_json: bool = typer.Option(False, "--json", help="Print JSON lines instead of a table."),
        device: str = typer.Option("auto", "--device", help="auto, cpu or cuda."),
    ) -> None:
        """Search an index; each hit shows its citation id, which `resolve` turns back into text."""
        from rich.console import Console
        from rich.table import Table

        index = _open(index_dir, device)
        passages = index.search(query, k=k, mode=mode, mmr=mmr)
        console = Console()
        if as_json:
            for passage in passages:
                console.print_json(passage.model_dump_json())
            return
        table = Table(title=f"{mode} search: {query}", show_lines=True)
        for column in ("#", "citation", "year", "scores", "text"):
            table.add_column(column)
        for rank, passage in enumerate(passages, start=1):
            scores = ", ".join(f"{name} {value:.3g}" for name, value in passage.scores.items())
            snippet = passage.text if len(passage.text) <= 300 else passage.text[:297] + "..."
            table.add_row(str(rank), passage.citation.id, str(passage.citation.year or ""), scores, snippet)
        console.print(table)

    @index_app.command("info")
    def info(
        index_dir: Path = typer.Argument(..., help="An index folder."),
        verify: bool = typer.Option(True, "--verify/--no-verify", help="Check file hashes against the manifest."),
    ) -> None:
        """Show an index's manifest (embedder, sizes, index type, build time) and verify it."""
        from rich.console import Console

        from dxkit.corpora.manifest import read_manifest

        manifest = read_manifest(index_dir)
        if verify:
            from dxkit.corpora import EvidenceIndex

            EvidenceIndex._verify(Path(index_dir), _store(index_dir), manifest)
        Console().print_json(json.dumps({"folder": str(index_dir), "verified": verify,
                                         **manifest.model_dump(mode="json")}))


def _embedder(spec: str | None, device: str):
    from dxkit.corpora.embedding import HashingEmbedder

    if spec in ("hashing",) or (spec or "").startswith("dxkit/hashing"):
        return HashingEmbedder()
    try:
        from dxkit.models import get_embedder
    except ImportError:
        from dxkit.models.embedder import get_embedder
    return get_embedder(device=device, name=spec) if spec else get_embedder(device=device)


def _open(index_dir: Path, device: str):
    from dxkit.corpora import EvidenceIndex
    from dxkit.corpora.manifest import read_manifest

    manifest = read_manifest(index_dir)
    return EvidenceIndex.load(index_dir, _embedder(manifest.embedder, device))


def _store(index_dir: Path):
    from dxkit.corpora.store import DocumentStore

    return DocumentStore(Path(index_dir) / "store.sqlite")
