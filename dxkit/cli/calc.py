"""`dxkit calc list|show|run`: the calculator registry from the command line."""

from __future__ import annotations

import json
from typing import Any

import typer

from dxkit.errors import InputError


def parse_free_options(args: list[str]) -> dict[str, Any]:
    """`--creatinine "1.4 mg/dL" --age 67 --chf` -> {"creatinine": "1.4 mg/dL", "age": "67", "chf": "true"}.

    A flag with no value (followed by another option or nothing) means yes.
    """
    out: dict[str, Any] = {}
    index = 0
    while index < len(args):
        token = args[index]
        if not token.startswith("--") or token == "--":
            raise InputError("option", token, "is not an --input option", accepted='--name value, e.g. --age 67')
        key, _, inline = token[2:].partition("=")
        if inline:
            out[key] = inline
            index += 1
        elif index + 1 < len(args) and not args[index + 1].startswith("--"):
            out[key] = args[index + 1]
            index += 2
        else:
            out[key] = "true"
            index += 1
    return out


def _typed(value: Any) -> Any:
    """Numbers typed as text become numbers; booleans stay words for the calculator to read."""
    if isinstance(value, str):
        try:
            return float(value)
        except ValueError:
            return value
    return value


def register(app: typer.Typer) -> None:
    calc_app = typer.Typer(help="Clinical calculators: list, show, run.", no_args_is_help=True)
    app.add_typer(calc_app, name="calc")

    @calc_app.command("list")
    def list_calculators(
        category: str = typer.Option(None, "--category", help="Only this category."),
        as_json: bool = typer.Option(False, "--json", help="Print JSON."),
    ) -> None:
        """List every calculator (id, name, category, MedCalc-Bench id)."""
        from rich.console import Console
        from rich.table import Table

        from dxkit.calculators.registry import registry

        calcs = [c for c in registry() if category is None or c.category.lower() == category.lower()]
        if as_json:
            typer.echo(json.dumps([{"id": c.id, "name": c.name, "category": c.category,
                                    "medcalc_id": c.medcalc_id, "kind": c.kind} for c in calcs], indent=2))
            return
        table = Table(title=f"{len(calcs)} calculators")
        for column in ("id", "name", "category", "kind", "MedCalc"):
            table.add_column(column)
        for c in sorted(calcs, key=lambda c: (c.category, c.id)):
            table.add_row(c.id, c.name, c.category, c.kind, str(c.medcalc_id or ""))
        Console().print(table)

    @calc_app.command("show")
    def show(name: str = typer.Argument(..., help="Calculator id, name, synonym or MedCalc id.")) -> None:
        """Inputs (units, ranges, options), bands and reference of one calculator."""
        from rich.console import Console
        from rich.table import Table

        from dxkit.calculators.registry import registry
        from dxkit.tools.calculator_inputs import describe_field

        calc = registry().get(name)
        console = Console()
        console.print(f"[bold]{calc.name}[/] ({calc.id}; {calc.category}; {calc.kind}; output {calc.output_unit})")
        console.print(f"{calc.purpose}\nPopulation: {calc.population}")
        table = Table(title="inputs")
        table.add_column("input")
        table.add_column("required")
        table.add_column("unit, range, options")
        for field, info in calc.Inputs.model_fields.items():
            table.add_row(field, "yes" if info.is_required() else "no", describe_field(calc, field))
        console.print(table)
        if calc.bands:
            bands = Table(title="bands")
            for column in ("band", "from", "to", "meaning"):
                bands.add_column(column)
            for b in calc.bands:
                bands.add_row(b.label, "" if b.low is None else f"{b.low:g}", "" if b.high is None else f"{b.high:g}",
                              b.interpretation)
            console.print(bands)
        for ref in (calc.reference, *calc.extra_references):
            ids = ", ".join(x for x in (ref.pmid and f"PMID {ref.pmid}", ref.doi and f"doi {ref.doi}", ref.url) if x)
            console.print(f"Reference: {ref.citation} {ids}")

    @calc_app.command("run", context_settings={"allow_extra_args": True, "ignore_unknown_options": True})
    def run(
        ctx: typer.Context,
        name: str = typer.Argument(..., help="Calculator id, name, synonym or MedCalc id."),
        as_json: bool = typer.Option(False, "--json", help="Print the result as JSON."),
        assume_absent: bool = typer.Option(False, "--assume-absent",
                                           help="Treat absent findings as no and absent values as normal."),
    ) -> None:
        """Run a calculator: dxkit calc run ckd_epi_2021 --creatinine "1.4 mg/dL" --age 67 --sex female."""
        from rich.console import Console

        from dxkit.calculators.registry import registry
        from dxkit.tools.calculator_inputs import resolve_inputs

        calc = registry().get(name)
        raw = {k: _typed(v) for k, v in parse_free_options(list(ctx.args)).items()}
        result = calc.run(resolve_inputs(calc, raw), missing="assume_absent" if assume_absent else "report")
        if as_json:
            typer.echo(result.model_dump_json(indent=2))
            return
        console = Console()
        if result.missing:
            console.print(f"[yellow]missing:[/] {', '.join(result.missing)}")
            pr = result.possible_range
            if pr and pr.low is not None:
                console.print(f"possible result {pr.low:g} to {pr.high:g} {result.unit} "
                              f"(bands: {', '.join(pr.bands) or 'n/a'}; {pr.method})")
            else:
                console.print("the result cannot be bounded without the missing inputs")
        else:
            band = f" [bold]({result.band.label})[/]" if result.band else ""
            console.print(f"[bold]{result.name}[/] = [bold cyan]{result.value}[/] {result.unit}{band}")
            for step in result.steps:
                console.print(f"  {step}")
        for key, value in result.assumed.items():
            console.print(f"[dim]assumed {key} = {value}[/]")
        for warning in result.warnings:
            console.print(f"[yellow]warning:[/] {warning}")
        ref = result.reference
        console.print(f"[dim]{ref.citation} {'PMID ' + ref.pmid if ref.pmid else ''} {'doi ' + ref.doi if ref.doi else ''}[/]")
