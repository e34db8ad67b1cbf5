"""`dxkit simulate`: run a solver over a case file (sequential diagnosis, SDBench style)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import typer


def register(app: typer.Typer) -> None:
    @app.command("simulate")
    def simulate(
        cases: Path = typer.Option(None, "--cases", help="AgentClinic OSCE/NEJM JSONL or native YAML/JSON case file."),
        agent: str = typer.Option("instant", "--agent",
                                  help="instant | order-everything | random | panel[:variant] | module:factory"),
        variant: str = typer.Option(None, "--variant", help="Solver variant (order-everything: llm | cost-only)."),
        budget: float = typer.Option(None, "--budget", help="Clinical budget per case in USD (default: none)."),
        model: str = typer.Option(None, "--model", help="Chat model spec for LLM solvers (default: settings)."),
        workers: int = typer.Option(1, "--workers", min=1, help="Cases run in parallel."),
        out: Path = typer.Option(..., "--out", help="Output folder; rerun with the same folder to resume."),
        seed: int = typer.Option(0, "--seed", help="Run seed (per-case seeds derive from it)."),
        limit: int = typer.Option(None, "--limit", min=1, help="Only the first N cases."),
        policy: str = typer.Option("not_available", "--gatekeeper-policy",
                                   help="Tests the case lacks: not_available | normal | synthetic_normal."),
        backend: str = typer.Option("process", "--backend", help="process | ray (needs the distributed extra)."),
        no_embedder: bool = typer.Option(False, "--no-embedder", help="Lexical matching only (no MiniLM)."),
        judge_model: str = typer.Option(None, "--judge-model", help="LLM judge model spec (default: deterministic)."),
        gatekeeper_model: str = typer.Option(None, "--gatekeeper-model",
                                             help="Chat model spec for the LLM matching stage (default: off)."),
        rejudge: bool = typer.Option(False, "--rejudge", help="Only re-judge the finished run in --out."),
        compare: list[Path] = typer.Option(None, "--compare",
                                           help="Finished run folders to compare (repeat); writes into --out."),
    ) -> None:
        """Run a solver over cases; writes traces/, summary.json/.md, accuracy_vs_cost.png, report.html."""
        from pydantic import ValidationError
        from rich.console import Console

        from dxkit.errors import InputError
        from dxkit.evals.simulator.runner import RunConfig, run_simulation

        console = Console()
        if compare:
            from dxkit.evals.simulator.report import write_comparison
            from dxkit.evals.simulator.summary import summary_table

            console.print(summary_table(write_comparison(list(compare), out)))
            console.print(f"plot: {out / 'comparison.png'}")
            return
        if rejudge:
            from dxkit.evals.simulator.rejudge import rejudge as rejudge_run

            rejudge_run(out, judge_model=judge_model)
        else:
            if cases is None:
                raise InputError("--cases", None, "is required", accepted="a case file (or --rejudge)")
            try:
                config = RunConfig(cases=cases, out=out, agent=agent, variant=variant, budget=budget, model=model,
                                   seed=seed, limit=limit, workers=workers, backend=backend, policy=policy,
                                   embedder=not no_embedder, judge_model=judge_model,
                                   gatekeeper_model=gatekeeper_model)
            except ValidationError as exc:
                first = exc.errors()[0]
                raise InputError(str(first["loc"][0]), first.get("input"), first["msg"].lower()) from exc

            def progress(result: Any, done: int, total: int) -> None:
                mark = "[green]correct[/]" if result.correct else ("[red]error[/]" if result.error else "wrong")
                console.print(f"[{done}/{total}] {result.case_id}: {mark} {result.diagnosis!r} "
                              f"(truth {result.truth!r}) ${result.cost_usd:,.0f}")

            run_simulation(config, progress=progress)
        _print_summary(out, console)
        console.print(f"report: {out / 'report.html'}")


def _print_summary(out: Path, console: Any) -> None:
    from rich.table import Table

    from dxkit.evals.simulator.summary import RunSummary

    summary = RunSummary.model_validate_json((out / "summary.json").read_text("utf-8"))
    table = Table(title=f"dxkit simulate: {summary.label}")
    for column in ("cases", "errors", "accuracy", "concept", "category", "block", "chapter", "mean $",
                   "median $", "questions", "tests"):
        table.add_column(column)
    levels = summary.accuracy_by_level
    table.add_row(str(summary.n_cases), str(summary.n_errors), f"{summary.accuracy:.1%}",
                  *(f"{levels[k]:.1%}" for k in ("concept", "category", "block", "chapter")),
                  f"{summary.mean_cost_usd:,.0f}", f"{summary.median_cost_usd:,.0f}",
                  f"{summary.mean_questions:.1f}", f"{summary.mean_tests:.1f}")
    console.print(table)
