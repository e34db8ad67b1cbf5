"""`dxkit eval medcalc`: MedCalc-Bench in structured mode (given entities) or note mode."""

from __future__ import annotations

from importlib import import_module
from pathlib import Path

import typer

from dxkit.errors import DxkitError


def register(app: typer.Typer) -> None:
    @app.command("medcalc")
    def medcalc(
        csv: Path = typer.Option(None, "--csv", help="MedCalc-Bench CSV (default: the shared dev split)."),
        mode: str = typer.Option("structured", "--mode", help="structured (given entities) or note."),
        out: Path = typer.Option(None, "--out", help="Folder for summary.json and the disagreement report."),
        ids: list[int] = typer.Option(None, "--id", help="Only these MedCalc calculator ids (repeatable)."),
    ) -> None:
        """Score dxkit's calculators on MedCalc-Bench with the benchmark's own rule."""
        if mode == "structured":
            from dxkit.evals.medcalc.report import print_report, write_report
            from dxkit.evals.medcalc.structured import run_structured

            report = run_structured(csv, set(ids) if ids else None)
            print_report(report)
            if out:
                for path in write_report(report, out):
                    typer.echo(f"wrote {path}")
            return
        if mode == "note":
            try:
                note_mode = import_module("dxkit.evals.medcalc.note_mode")
            except ModuleNotFoundError as exc:
                if exc.name == "dxkit.evals.medcalc.note_mode":
                    raise DxkitError("note mode is not available: dxkit.evals.medcalc.note_mode is "
                                     "not installed in this build") from None
                raise
            note_mode.run(csv, out)
            return
        raise DxkitError(f"--mode: {mode!r} is not a mode (accepted: structured, note)")
