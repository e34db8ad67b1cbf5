"""`dxkit synthesize QUESTIONS.yaml --out DIR`: batch evidence synthesis, resumable."""

from __future__ import annotations

from pathlib import Path

import typer


def register(app: typer.Typer) -> None:
    @app.command("synthesize")
    def synthesize_command(
        questions: Path = typer.Argument(..., help="YAML list of questions (see docs/synthesis.md)."),
        out: Path = typer.Option(..., "--out", help="Output folder: one sub-folder per question."),
        index: Path | None = typer.Option(None, "--index", help="Evidence index folder (dxkit index build)."),
        model: str | None = typer.Option(None, "--model", help="Chat model spec for LLM stages (default: settings)."),
        workers: int = typer.Option(1, "--workers", min=1, max=256, help="Questions run in parallel."),
        backend: str = typer.Option("local", "--backend", help="'local' (processes) or 'ray' (distributed extra)."),
    ) -> None:
        """Run every question of QUESTIONS.yaml; questions already done are skipped."""
        from rich.console import Console
        from rich.table import Table

        from dxkit.agent.synthesis.batch import QuestionOutcome, run_batch
        from dxkit.errors import InputError

        if index is not None and not index.is_dir():
            raise InputError("--index", str(index), "is not a folder", accepted="an index built by dxkit index build")
        console = Console()

        def show(outcome: QuestionOutcome) -> None:
            colour = {"done": "green", "skipped": "cyan", "failed": "red"}[outcome.status]
            console.print(f"[{colour}]{outcome.status}[/] {outcome.id} ({outcome.seconds:.1f} s)"
                          + (f": {outcome.error}" if outcome.error else ""))

        outcomes = run_batch(questions, out, index, model, workers, backend, progress=show)
        table = Table(title=f"Synthesis batch -> {out}")
        for column in ("question", "status", "seconds", "cost USD", "run"):
            table.add_column(column)
        for o in outcomes:
            table.add_row(o.id, o.status, f"{o.seconds:.1f}", f"{o.cost_usd:.4f}", o.run_id or "")
        console.print(table)
        if any(o.status == "failed" for o in outcomes):
            raise typer.Exit(1)
