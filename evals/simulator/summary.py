"""A run's summary: accuracy at each judge granularity, cost, questions and tests per case."""

from __future__ import annotations

import statistics

from pydantic import BaseModel, Field

from dxkit.evals.simulator.traces import LEVELS, CaseResult


class RunSummary(BaseModel):
    label: str = Field(description="agent[:variant] and model, for tables and plots.")
    n_cases: int
    n_errors: int = Field(description="Cases whose solver raised; counted as incorrect.")
    accuracy: float = Field(description="Share judged correct (score >= 4, or the deterministic judge).")
    accuracy_by_level: dict[str, float] = Field(description="Share matching at concept/category/block/chapter.")
    mean_score: float | None
    mean_cost_usd: float
    median_cost_usd: float
    mean_visits: float
    mean_questions: float
    mean_tests: float
    mean_llm_tokens: float
    llm_cost_usd: float


def _mean(values: list[float]) -> float:
    return round(statistics.fmean(values), 4) if values else 0.0


def summarise(results: list[CaseResult], label: str) -> RunSummary:
    n = len(results)
    scores = [r.score for r in results if r.score is not None]
    costs = [r.cost_usd for r in results]
    return RunSummary(
        label=label, n_cases=n, n_errors=sum(r.error is not None for r in results),
        accuracy=_mean([float(r.correct) for r in results]),
        accuracy_by_level={level: _mean([float(r.levels.get(level, False)) for r in results]) for level in LEVELS},
        mean_score=_mean(scores) if scores else None,
        mean_cost_usd=round(_mean(costs), 2), median_cost_usd=round(statistics.median(costs), 2) if costs else 0.0,
        mean_visits=_mean([r.visits for r in results]), mean_questions=_mean([r.questions for r in results]),
        mean_tests=_mean([r.tests for r in results]),
        mean_llm_tokens=_mean([r.llm_prompt_tokens + r.llm_completion_tokens for r in results]),
        llm_cost_usd=round(sum(r.llm_cost_usd for r in results), 6),
    )


def summary_table(summaries: list[RunSummary]) -> str:
    """A Markdown table, one row per run."""
    head = ("| run | cases | errors | accuracy | concept | category | block | chapter | mean cost | "
            "median cost | questions | tests | LLM tokens |")
    rule = "|" + "---|" * 13
    rows = [head, rule]
    for s in summaries:
        level = s.accuracy_by_level
        rows.append(f"| {s.label} | {s.n_cases} | {s.n_errors} | {s.accuracy:.1%} | {level['concept']:.1%} | "
                    f"{level['category']:.1%} | {level['block']:.1%} | {level['chapter']:.1%} | "
                    f"${s.mean_cost_usd:,.0f} | ${s.median_cost_usd:,.0f} | {s.mean_questions:.1f} | "
                    f"{s.mean_tests:.1f} | {s.mean_llm_tokens:.0f} |")
    return "\n".join(rows)
