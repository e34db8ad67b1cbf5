"""Rich views of a panel run: each round as it happens, then the costed, cited result."""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from dxkit.agent.panel.result import DiagnosisResult


def _money(value: float) -> str:
    return f"${value:,.2f}"


class RoundPrinter:
    """An `on_update(node, update)` hook that prints the panel's rounds."""

    def __init__(self, console: Console, show_evidence: bool = True) -> None:
        self.console, self.show_evidence = console, show_evidence
        self._last_calculators: list[str] = []

    def __call__(self, node: str, update: dict[str, Any]) -> None:
        handler = getattr(self, f"_on_{node}", None)
        if handler is not None:
            handler(update)

    def _on_evidence(self, update: dict[str, Any]) -> None:
        if self.show_evidence and update.get("evidence"):
            ids = ", ".join(f"[{e.citation_id}]" for e in update["evidence"])
            self.console.print(f"  [dim]evidence retrieved: {escape(ids)}[/]")

    def _on_calculators(self, update: dict[str, Any]) -> None:
        lines = []
        for run in update.get("calculators", []):
            if run.missing and not run.possible_bands:
                continue  # applicable but far from complete
            if run.missing:
                lines.append(f"{run.name}: missing {', '.join(run.missing)} -> possible {run.possible_low:g}-"
                             f"{run.possible_high:g} {run.unit} ({', '.join(run.possible_bands)})")
            else:
                lines.append(f"{run.name}: {run.value} {run.unit}" + (f" ({run.band})" if run.band else ""))
        if lines and lines != self._last_calculators:
            for line in lines:
                self.console.print(f"  [magenta]calculator[/] {escape(line)}")
        self._last_calculators = lines

    def _on_checklist(self, update: dict[str, Any]) -> None:
        differential = update.get("differential") or []
        if differential:
            shown = "; ".join(f"{h.diagnosis} {h.probability:.2f}" + (f" [{', '.join(h.citations)}]" if h.citations
                                                                      else "") for h in differential)
            self.console.print(f"  [cyan]differential[/] {escape(shown)}")
        for issue in update.get("issues", []):
            self.console.print(f"  [yellow]checklist[/] {escape(issue)}")

    def _on_stewardship(self, update: dict[str, Any]) -> None:
        for test in update.get("priced", []):
            colour = "green" if test.status in ("approved", "substituted") else "red"
            note = f" ({test.reason})" if test.reason else ""
            self.console.print(f"  [{colour}]stewardship[/] {escape(test.requested)} -> {escape(test.name)} "
                               f"{_money(test.price_usd)} {test.status}{escape(note)}")

    def _on_act(self, update: dict[str, Any]) -> None:
        log = update["rounds"][0]
        action = log.action
        title = f"[bold]Round {log.round}[/]: {action.kind}" + (" [yellow](fallback)[/]" if action.fallback else "")
        self.console.rule(title)
        for finding in log.findings:
            price = f" [dim]{_money(finding.price_usd)}[/]" if finding.price_usd else ""
            text = finding.text if len(finding.text) <= 220 else finding.text[:217] + "..."
            self.console.print(f"  [bold]{escape(finding.request)}[/]{price}\n    {escape(' '.join(text.split()))}")
        self.console.print(f"  [dim]spent so far: {_money(log.spent_usd)}[/]")

    def _on_finish(self, update: dict[str, Any]) -> None:
        final = update["final"]
        self.console.rule(f"[bold green]Diagnosis[/]: {escape(final.diagnosis)}")


def print_result(console: Console, result: DiagnosisResult, index: Any = None) -> None:
    code = f" (ICD-10-CM {result.icd10}: {escape(result.icd10_name or '')})" if result.icd10 else ""
    console.print(f"\n[bold green]Final diagnosis:[/] {escape(result.diagnosis)}{code}")
    if result.members:
        console.print(f"Ensemble members: {escape('; '.join(result.members))}")
    table = Table(title="Differential", show_lines=False)
    for column in ("#", "diagnosis", "probability", "citations"):
        table.add_column(column)
    for rank, h in enumerate(result.differential, start=1):
        table.add_row(str(rank), escape(h.diagnosis), f"{h.probability:.2f}", escape(", ".join(h.citations)))
    console.print(table)
    if result.tests:
        tests = Table(title="Tests ordered")
        for column in ("test", "codes", "price"):
            tests.add_column(column)
        for t in result.tests:
            tests.add_row(escape(t.name), ", ".join(t.codes), _money(t.price_usd))
        console.print(tests)
    for run in result.calculators:
        if run.missing and not run.possible_bands:
            continue
        value = f"{run.value} {run.unit} ({run.band})" if not run.missing else \
            f"{run.possible_low:g}-{run.possible_high:g} {run.unit} ({', '.join(run.possible_bands)}); missing {', '.join(run.missing)}"
        console.print(f"[magenta]{escape(run.name)}[/]: {escape(value)}")
    if result.rationale:
        console.print("[bold]Rationale and evidence[/]")
        for claim in result.rationale:
            console.print(f"  - {escape(claim.statement)}")
            for cid in claim.citations:
                title = index.resolve(cid).citation.title if index is not None else ""
                console.print(f"      [{escape(cid)}] {escape(title)}")
    console.print(f"Clinical cost: [bold]{_money(result.clinical_cost_usd)}[/] over {result.rounds} round(s)"
                  + (f" (budget {_money(result.budget_usd)})" if result.budget_usd is not None else ""))
    console.print(f"LLM: {result.llm_calls} call(s), {result.llm_prompt_tokens} prompt + "
                  f"{result.llm_completion_tokens} completion tokens, {_money(result.llm_cost_usd)}; "
                  f"fallbacks: {result.fallbacks}")
    if result.ledger_path:
        console.print(f"Ledger: {escape(result.ledger_path)} (run {escape(result.run_id or '')})")
