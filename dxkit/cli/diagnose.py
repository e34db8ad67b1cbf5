"""`dxkit diagnose CASE` and `dxkit demo`: run the diagnostic panel and print its rounds."""

from __future__ import annotations

import time
from pathlib import Path

import typer

VARIANT_HELP = "instant | question-only | budgeted | no-budget | ensemble"
MODEL_HELP = "Chat model spec (default settings.model, local:smollm2), e.g. openai:gpt-4.1, hf:/models/qwen."


def register(app: typer.Typer) -> None:
    @app.command("diagnose")
    def diagnose_command(
        case: Path = typer.Argument(..., help="A native dxkit case file (.yaml or .json, one case)."),
        model: str = typer.Option(None, "--model", help=MODEL_HELP),
        variant: str = typer.Option("budgeted", "--variant", help=VARIANT_HELP),
        budget: float = typer.Option(None, "--budget", min=0, help="USD budget for budgeted (default settings)."),
        hitl_threshold: float = typer.Option(None, "--hitl-threshold", min=0,
                                             help="Ask before ordering any test above this price (USD)."),
        index: Path = typer.Option(None, "--index", help="An evidence index folder (dxkit index build)."),
        max_rounds: int = typer.Option(None, "--max-rounds", min=0, help="Rounds before the panel must commit."),
        resume: str = typer.Option(None, "--resume", help="Run id of a killed run to resume."),
        as_json: bool = typer.Option(False, "--json", help="Print the DiagnosisResult as JSON at the end."),
    ) -> None:
        """Run the diagnostic panel on CASE, printing each round, the result and the ledger path."""
        from rich.console import Console

        console = Console()
        evidence = _load_index(index) if index else None
        _run(console, case, model, variant, budget, hitl_threshold, evidence, max_rounds, resume, as_json)

    @app.command("demo")
    def demo_command(
        model: str = typer.Option(None, "--model", help=MODEL_HELP),
        variant: str = typer.Option("budgeted", "--variant", help=VARIANT_HELP),
        budget: float = typer.Option(1000.0, "--budget", min=0, help="USD budget for the budgeted demo."),
        max_rounds: int = typer.Option(4, "--max-rounds", min=0, help="Rounds before the panel must commit."),
        hitl_threshold: float = typer.Option(None, "--hitl-threshold", min=0,
                                             help="Ask before ordering any test above this price (USD)."),
    ) -> None:
        """Run the panel end to end on the shipped demo case and evidence corpus (offline)."""
        import os

        from rich.console import Console

        from dxkit.agent.demo import build_demo_index, case_path
        from dxkit.settings import get_settings

        console = Console()
        started = time.perf_counter()
        # One constrained attempt per model call unless the user asks for more: a 135M model that
        # fills its token allowance once rarely closes its JSON with more room, and each retry
        # doubles the allowance (minutes on 2 CPU cores). A failed call is a safe panel fallback.
        os.environ.setdefault("DXKIT_MAX_RETRIES", "0")
        get_settings.cache_clear()
        with console.status("building the demo evidence index"):
            evidence = build_demo_index()
        console.print(f"[dim]demo evidence index: {len(evidence)} passages[/]")
        _run(console, case_path(), model, variant, budget, hitl_threshold, evidence, max_rounds, None, False)
        console.print(f"[dim]demo finished in {time.perf_counter() - started:.1f} s[/]")


def _load_index(folder: Path):
    from dxkit.corpora import EvidenceIndex

    return EvidenceIndex.load(folder)


def _reviewer(console):
    def review(request):
        from dxkit.agent.panel.schemas import ReviewDecision

        console.rule(f"[bold yellow]Review needed[/] (round {request.round})")
        for test in request.tests:
            console.print(f"  {test.requested} -> {test.name}: ${test.price_usd:,.2f}")
        keep = [t.requested for t in request.tests
                if typer.confirm(f"Order {t.requested} (${t.price_usd:,.2f})?", default=True)]
        return ReviewDecision(approve=bool(keep), keep=keep)

    return review


def _run(console, case, model, variant, budget, hitl_threshold, evidence, max_rounds, resume, as_json) -> None:
    from dxkit.agent.api import diagnose, load_case
    from dxkit.agent.panel.report import RoundPrinter, print_result

    the_case = load_case(case)
    console.print(f"[bold]Case {the_case.id}[/]: {the_case.abstract()}")
    console.print(f"[dim]variant {variant}, model {model or 'settings default'}"
                  + (f", budget ${budget:,.0f}" if budget is not None and variant == "budgeted" else "") + "[/]")
    with console.status("loading the chat model"):
        from dxkit.agent.panel.solver import resolve_model

        chat = resolve_model(model)
    result = diagnose(the_case, chat, variant=variant, budget=budget, index=evidence, hitl_threshold=hitl_threshold,
                      review=_reviewer(console) if hitl_threshold is not None else None, thread_id=resume,
                      max_rounds=max_rounds, on_update=RoundPrinter(console))
    print_result(console, result, evidence)
    if as_json:
        console.print_json(result.model_dump_json())
