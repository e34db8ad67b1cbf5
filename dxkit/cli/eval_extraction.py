"""`dxkit eval extraction`: exact-match rates of numeric RCT extraction (Yun et al. 2024 format)."""

from __future__ import annotations

from pathlib import Path

import typer


def register(app: typer.Typer) -> None:
    @app.command("extraction")
    def extraction_command(
        annotations: Path = typer.Option(..., "--annotations", help="annotated_rct_*.json (a JSON list of rows)."),
        markdown: Path | None = typer.Option(None, "--markdown", help="Folder of PMC<id>.md (default: beside it)."),
        extractor: str = typer.Option("rule", "--extractor", help="'rule', 'llm' or 'hybrid'."),
        model: str | None = typer.Option(None, "--model", help="Chat model spec for llm/hybrid (default: settings)."),
        out: Path | None = typer.Option(None, "--out", help="Folder for predictions.jsonl + report.json (resumable)."),
        limit: int | None = typer.Option(None, "--limit", min=1, help="Only the first N rows."),
        every: int = typer.Option(1, "--every", min=1, help="Every K-th row only (a sample for slow models)."),
    ) -> None:
        """Score an extractor: exact match per outcome type, per field, and log OR / SMD error."""
        import json

        from rich.console import Console
        from rich.table import Table

        from dxkit.errors import InputError
        from dxkit.evals.extraction.runner import run_extraction_eval
        from dxkit.tools.rct_extraction import extract_rule_based

        markdown_dir = markdown or annotations.parent / "markdown"
        if not markdown_dir.is_dir():
            raise InputError("--markdown", str(markdown_dir), "is not a folder", accepted="a folder of PMC<id>.md")
        if extractor == "rule":
            def run(document, target, source_id):
                return extract_rule_based(document, target, source_id)
        elif extractor in ("llm", "hybrid"):
            from dxkit.agent.synthesis.extraction import extract
            from dxkit.models import get_chat_model

            chat = get_chat_model(model)

            def run(document, target, source_id):
                return extract(document, target, extractor, chat, source_id)
        else:
            raise InputError("--extractor", extractor, "is not an extractor", accepted="rule, llm, hybrid")
        console = Console()
        report = run_extraction_eval(annotations, markdown_dir, run, extractor, out, limit, every,
                                     progress=lambda i, n: console.print(f"{i}/{n} rows") if i % 10 == 0 or i == n else None)
        summary = report.summary()
        table = Table(title=f"Extraction ({extractor}) on {annotations.name}")
        table.add_column("metric")
        table.add_column("value", justify="right")
        for key, value in summary.items():
            if isinstance(value, dict):
                for field, rate in value.items():
                    table.add_row(f"{key}: {field}", f"{rate:.3f}")
            elif isinstance(value, float):
                table.add_row(key, f"{value:.4f}")
            elif not isinstance(value, list):
                table.add_row(key, str(value))
        console.print(table)
        if out:
            console.print(f"report: {out / 'report.json'}")
        else:
            console.print_json(json.dumps({k: v for k, v in summary.items() if not isinstance(v, dict)}))
