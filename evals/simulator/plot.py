"""Accuracy versus cost: each run's mean point, and its cases as a strip of dots."""

from __future__ import annotations

import io

from dxkit.evals.simulator.summary import RunSummary
from dxkit.evals.simulator.traces import CaseResult


def accuracy_cost_png(runs: list[tuple[RunSummary, list[CaseResult]]]) -> bytes:
    """PNG bytes: x = cost per case (USD), y = accuracy; one colour per run."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    figure, axes = plt.subplots(figsize=(7, 4.5), dpi=110)
    for number, (summary, results) in enumerate(runs):
        colour = f"C{number % 10}"
        # Cases: correct at y=1, wrong at y=0, spread a little so they stay visible.
        for i, result in enumerate(results):
            offset = ((i * 37) % 21 - 10) / 400
            axes.scatter(result.cost_usd, float(result.correct) + offset, s=8, alpha=0.25, color=colour)
        axes.scatter(summary.mean_cost_usd, summary.accuracy, s=90, color=colour, edgecolor="black",
                     label=f"{summary.label} ({summary.accuracy:.0%}, ${summary.mean_cost_usd:,.0f})", zorder=3)
    axes.set_xlabel("clinical cost per case (USD; large marker = mean)")
    axes.set_ylabel("accuracy (dots: cases, 1 = correct)")
    axes.set_ylim(-0.08, 1.08)
    axes.grid(alpha=0.3)
    axes.legend(fontsize=8, loc="center right")
    axes.set_title("Sequential diagnosis: accuracy vs cost")
    figure.tight_layout()
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png")
    plt.close(figure)
    return buffer.getvalue()
