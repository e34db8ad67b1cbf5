"""`dxkit eval retrieval`: recall@1/5/10, MRR@10 and nDCG@10 of dense, BM25 and hybrid search."""

from __future__ import annotations

import json
import os
from pathlib import Path

import typer


def register(app: typer.Typer) -> None:
    @app.command("retrieval")
    def retrieval(
        pubmedqa: Path = typer.Option(None, "--pubmedqa", help="PubMedQA ori_pqal.json (questions vs pooled abstracts)."),
        bioasq: Path = typer.Option(None, "--bioasq", help="BioASQ golden JSON (questions, documents, snippets)."),
        embedder: str = typer.Option(None, "--embedder", help="minilm (default), a local folder, or hashing."),
        limit: int = typer.Option(None, "--limit", min=1, help="Use only the first N items of each file."),
        modes: str = typer.Option("dense,bm25,hybrid", "--modes", help="Comma-separated search modes."),
        out: Path = typer.Option(None, "--out", help="Also write the scores as JSON here."),
        device: str = typer.Option("auto", "--device", help="auto, cpu or cuda."),
    ) -> None:
        """Score each search mode on PubMedQA and/or a BioASQ-format file."""
        from rich.console import Console
        from rich.table import Table

        from dxkit.cli.index import _embedder
        from dxkit.errors import InputError
        from dxkit.evals.retrieval import evaluate_task, load_bioasq, load_pubmedqa

        if pubmedqa is None and bioasq is None:
            raise InputError("--pubmedqa/--bioasq", None, "neither was given", accepted="one or both files")
        chosen = [m.strip() for m in modes.split(",") if m.strip()]
        model = _embedder(embedder, device)
        console = Console()
        tasks = []
        if pubmedqa is not None:
            tasks.append(load_pubmedqa(pubmedqa, limit))
        if bioasq is not None:
            tasks.append(load_bioasq(bioasq, limit))
        report: dict[str, dict] = {}
        for task in tasks:
            console.print(f"[bold]{task.name}[/]: {len(task.documents)} documents, {len(task.queries)} queries, "
                          f"embedder {model.name}")
            for note in task.notes:
                console.print(f"  note: {note}")
            scores = evaluate_task(task, model, chosen, show_progress=True)
            table = Table(title=f"retrieval on {task.name} (document level)")
            for column in ("mode", "queries", "recall@1", "recall@5", "recall@10", "MRR@10", "nDCG@10"):
                table.add_column(column, justify="right")
            for mode, s in scores.items():
                table.add_row(mode, str(s.queries), f"{s.recall_at_1:.3f}", f"{s.recall_at_5:.3f}",
                              f"{s.recall_at_10:.3f}", f"{s.mrr_at_10:.3f}", f"{s.ndcg_at_10:.3f}")
            console.print(table)
            report[task.name] = {"embedder": model.name, "documents": len(task.documents), "notes": task.notes,
                                 "scores": {m: s.model_dump() for m, s in scores.items()}}
        if out is not None:
            tmp = out.with_name(out.name + f".tmp-{os.getpid()}")
            tmp.write_text(json.dumps(report, indent=2), encoding="utf-8")
            os.replace(tmp, out)
