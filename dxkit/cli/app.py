"""Entry point of the `dxkit` CLI.

Every command group lives in a module of its own (dxkit/cli/<group>.py) exposing
`register(app)`. Modules here import nothing heavy at import time: models, torch and
faiss are imported inside the command bodies, so `dxkit --help` stays fast.
"""

from __future__ import annotations

from importlib import import_module

import typer

from dxkit import __version__
from dxkit.errors import DxkitError

app = typer.Typer(
    name="dxkit",
    help="dxkit: agentic clinical decision support (diagnostic panel, calculators, evidence, costs).",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)
eval_app = typer.Typer(help="Benchmarks and evaluation harnesses.", no_args_is_help=True)
app.add_typer(eval_app, name="eval")

# Modules that add commands to `app`; those named eval_* add to `eval_app`.
COMMAND_MODULES = [
    "models",      # dxkit models check
    "ledger",      # dxkit ledger show|verify
    "calc",        # dxkit calc list|show|run
    "mcp",         # dxkit mcp serve
    "index",       # dxkit index build|add|search|info
    "simulate",    # dxkit simulate
    "diagnose",    # dxkit diagnose, dxkit demo
    "assess",      # dxkit assess
    "synthesize",  # dxkit synthesize
    "eval_medcalc",
    "eval_retrieval",
    "eval_extraction",
]


def _version(value: bool) -> None:
    if value:
        typer.echo(f"dxkit {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                 help="Print the version and exit."),
) -> None:
    """dxkit command line."""


def _register_all() -> None:
    for name in COMMAND_MODULES:
        try:
            module = import_module(f"dxkit.cli.{name}")
        except ModuleNotFoundError as exc:  # a group not written yet must not break the others
            if exc.name == f"dxkit.cli.{name}":
                continue
            raise
        module.register(eval_app if name.startswith("eval_") else app)


_register_all()


def main() -> None:
    """Run the CLI; a DxkitError prints as one clear line, not a traceback."""
    from rich.console import Console

    try:
        app()
    except DxkitError as exc:
        Console(stderr=True).print(f"[bold red]error:[/] {exc}")
        raise SystemExit(2) from None


if __name__ == "__main__":
    main()
