"""`dxkit assess`: a clinical note to a cited risk assessment (one note, or a batch)."""

from __future__ import annotations

import csv
import json
import os
from pathlib import Path
from typing import Any

import typer

from dxkit.errors import InputError


def _print_assessment(assessment: Any) -> None:
    from rich.console import Console
    from rich.panel import Panel
    from rich.table import Table

    console = Console()
    ranked = Table(title="Calculators that apply", show_lines=False)
    for column in ("calculator", "score", "why"):
        ranked.add_column(column)
    for cand in assessment.candidates:
        ranked.add_row(cand.name, f"{cand.score:.2f}", cand.reason)
    console.print(ranked)
    for item in assessment.assessments:
        result = item.result
        if result.value is not None:
            headline = f"[bold]{result.value} {result.unit}[/]"
        else:
            rng = result.possible_range
            span = f"{rng.low:g} to {rng.high:g}" if rng and rng.low is not None else "unknown"
            headline = (f"[bold]incomplete[/]: possible range {span} {result.unit}; "
                        f"{item.value_if_unmentioned_absent} if unmentioned findings are absent")
        sources = Table(show_header=True, box=None)
        for column in ("input", "value", "from the note"):
            sources.add_column(column)
        for name, src in item.inputs_from_note.items():
            where = f"[{src.span_start}:{src.span_end}] \"{src.quote}\"" + (f" ({src.note})" if src.note else "")
            sources.add_row(name, str(src.value), where)
        for name in item.missing:
            sources.add_row(name, "[yellow]missing[/]", "not stated in the note")
        body = [headline]
        if item.interpretation:
            body.append(item.interpretation)
        body += result.steps
        body.append(f"Source: {item.reference.citation}"
                    + (f" PMID {item.reference.pmid}" if item.reference.pmid else "")
                    + (f" doi:{item.reference.doi}" if item.reference.doi else ""))
        console.print(Panel("\n".join(body), title=item.name))
        console.print(sources)


def _read_batch(path: Path, text_column: str, id_column: str, question_column: str | None) -> list[dict[str, Any]]:
    if not path.is_file():
        raise InputError("batch", str(path), "is not a file", accepted="a .csv or .jsonl of notes")
    if path.suffix.lower() == ".jsonl":
        rows = [json.loads(line) for line in path.read_text().splitlines() if line.strip()]
    elif path.suffix.lower() == ".csv":
        with path.open(newline="") as handle:
            rows = list(csv.DictReader(handle))
    else:
        raise InputError("batch", str(path), "has an unsupported extension", accepted=".csv, .jsonl")
    out = []
    for number, row in enumerate(rows, start=1):
        if text_column not in row:
            raise InputError(text_column, f"row {number}", "is not a column of the batch file",
                             accepted=", ".join(row))
        out.append({"id": str(row.get(id_column) or number), "note": row[text_column],
                    "question": row.get(question_column) if question_column else None})
    return out


def _done_ids(out: Path) -> set[str]:
    """Ids already written; a torn last line (a run killed mid-write) is cut off first."""
    if not out.exists():
        return set()
    data = out.read_bytes()
    if data and not data.endswith(b"\n"):
        with out.open("r+b") as handle:
            handle.truncate(data.rfind(b"\n") + 1)
    done = set()
    for line in out.read_text().splitlines():
        try:
            done.add(json.loads(line)["id"])
        except (json.JSONDecodeError, KeyError):
            continue  # a torn last line from a killed run is simply redone
    return done


def _append(out: Path, record: dict[str, Any]) -> None:
    line = (json.dumps(record) + "\n").encode()
    fd = os.open(out, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
    try:
        os.write(fd, line)  # one write per record: a kill leaves at most one torn line
        os.fsync(fd)
    finally:
        os.close(fd)


def register(app: typer.Typer) -> None:
    @app.command("assess")
    def assess_command(
        note: Path = typer.Argument(None, help="A text file holding one clinical note."),
        question: str = typer.Option(None, "--question", "-q", help="What you want to know (optional)."),
        calculator: str = typer.Option(None, "--calculator", "-c", help="Force one calculator (id or name)."),
        top_k: int = typer.Option(3, "--top-k", help="How many applicable calculators to compute."),
        llm: str = typer.Option(None, "--llm", help="Optional chat model spec for LLM-assisted extraction."),
        as_json: bool = typer.Option(False, "--json", help="Print the RiskAssessment as JSON."),
        batch: Path = typer.Option(None, "--batch", help="A CSV or JSONL of notes (resumable batch mode)."),
        out: Path = typer.Option(None, "--out", help="Batch output JSONL (appended; finished ids are skipped)."),
        text_column: str = typer.Option("note", "--text-column", help="Batch column holding the note text."),
        id_column: str = typer.Option("id", "--id-column", help="Batch column holding a note id."),
        question_column: str = typer.Option(None, "--question-column", help="Batch column holding a question."),
    ) -> None:
        """Find the calculators that apply to a note, fill them from the text, compute and explain."""
        from dxkit.agent.risk import assess
        from dxkit.ledger import Ledger

        if batch is None:
            if note is None or not note.is_file():
                raise InputError("NOTE", str(note), "is not a readable file", accepted="a text file")
            ledger = Ledger()
            result = assess(note.read_text(), question, top_k=top_k, calculator=calculator, llm=llm, ledger=ledger)
            if as_json:
                typer.echo(result.model_dump_json(indent=2))
            else:
                _print_assessment(result)
                typer.echo(f"ledger: {ledger.path}")
            return
        if out is None:
            raise InputError("--out", None, "is required with --batch", accepted="a .jsonl path")
        from rich.progress import track

        rows = _read_batch(batch, text_column, id_column, question_column)
        done = _done_ids(out)
        todo = [row for row in rows if row["id"] not in done]
        ledger = Ledger()
        for row in track(todo, description=f"assessing {len(todo)} notes ({len(done)} already done)"):
            result = assess(row["note"], row["question"], top_k=top_k, calculator=calculator, llm=llm,
                            ledger=ledger)
            _append(out, {"id": row["id"], "assessment": result.model_dump(mode="json")})
        typer.echo(f"{len(todo)} assessed, {len(done)} skipped as done; results in {out}; ledger {ledger.path}")
