"""`dxkit ledger list|show|verify`: inspect and check run ledgers."""

from __future__ import annotations

from pathlib import Path

import typer

RootOption = typer.Option(None, "--root", help="Ledger folder (default: settings' ledger dir).")


def register(app: typer.Typer) -> None:
    ledger_app = typer.Typer(help="Run ledgers: costs, replay, tamper checks.", no_args_is_help=True)
    app.add_typer(ledger_app, name="ledger")

    @ledger_app.command("list")
    def list_command(root: Path | None = RootOption) -> None:
        """List runs, oldest first, with their record count and cost."""
        from rich.console import Console
        from rich.table import Table

        from dxkit.ledger import Ledger, list_runs

        table = Table(title="Ledger runs")
        for column in ("run", "records", "clinical USD", "LLM USD", "ended"):
            table.add_column(column, no_wrap=True,
                             justify="right" if "USD" in column or column == "records" else "left")
        for run_id in list_runs(root):
            summary = Ledger.open(run_id, root).summary()
            table.add_row(run_id, str(summary.records), f"{summary.clinical_usd:,.2f}",
                          f"{summary.llm_usd:,.4f}", summary.ended or "")
        Console().print(table)

    @ledger_app.command("show")
    def show_command(run: str = typer.Argument(..., help="Run id."), root: Path | None = RootOption) -> None:
        """Cost summary of one run: clinical USD, LLM USD, tokens, wall time, records by kind."""
        from rich.console import Console
        from rich.table import Table

        from dxkit.ledger import Ledger

        summary = Ledger.open(run, root).summary()
        totals = Table(title=f"Run {summary.run_id}", show_header=False)
        totals.add_column("what")
        totals.add_column("value", justify="right")
        for label, value in (
            ("records", str(summary.records)),
            ("clinical USD", f"{summary.clinical_usd:,.2f}"),
            ("LLM USD", f"{summary.llm_usd:,.4f}"),
            ("total USD", f"{summary.total_usd:,.2f}"),
            ("prompt tokens", f"{summary.prompt_tokens:,}"),
            ("completion tokens", f"{summary.completion_tokens:,}"),
            ("LLM latency (s)", f"{summary.llm_latency_s:,.2f}"),
            ("wall time (s)", f"{summary.wall_time_s:,.2f}"),
            ("started", summary.started or "-"),
            ("ended", summary.ended or "-"),
        ):
            totals.add_row(label, value)
        kinds = Table(title="Records by kind")
        kinds.add_column("kind")
        kinds.add_column("records", justify="right")
        kinds.add_column("USD", justify="right")
        for kind, count in sorted(summary.count_by_kind.items()):
            kinds.add_row(kind, str(count), f"{summary.usd_by_kind.get(kind, 0.0):,.4f}")
        console = Console()
        console.print(totals)
        console.print(kinds)

    @ledger_app.command("verify")
    def verify_command(run: str = typer.Argument(..., help="Run id."), root: Path | None = RootOption) -> None:
        """Check the hash chain; exit 0 when intact, 1 when tampered (the first bad step is named)."""
        from rich.console import Console

        from dxkit.ledger import verify

        report = verify(run, root)
        console = Console()
        if report.ok:
            torn = f" (ignored an unfinished last line of {report.torn_tail_bytes} bytes)" if report.torn_tail_bytes else ""
            console.print(f"[green]ok[/]: {report.records} records, chain intact, head {report.head_hash}{torn}")
            return
        console.print(f"[bold red]tampered[/]: first bad step {report.first_bad_step}: {report.problem}")
        raise typer.Exit(1)
