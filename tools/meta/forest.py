"""Forest plot (PNG and SVG) of a meta-analysis: study rows, weights, CIs, pooled diamond."""

from __future__ import annotations

import io
import math
import os
import tempfile
from pathlib import Path

from dxkit.tools.meta.schemas import MetaResult

MEASURE_LABELS = {"RR": "Risk ratio", "OR": "Odds ratio", "RD": "Risk difference",
                  "MD": "Mean difference", "SMD": "Standardised mean difference (Hedges g)"}


def heterogeneity_line(result: MetaResult) -> str:
    return (f"Heterogeneity: tau\u00b2 = {result.tau2:.4f}; Q = {result.q:.2f}, df = {result.q_df} "
            f"(p = {result.q_p_value:.3g}); I\u00b2 = {result.i2:.1f}%")


AXES_BOTTOM, AXES_HEIGHT = 0.16, 0.74


def _fig_y(y: float, n: int) -> float:
    """Figure-fraction height of data row y (the axes span 0..n+2)."""
    return AXES_BOTTOM + AXES_HEIGHT * y / (n + 2)


def _figure(result: MetaResult, title: str | None):
    import matplotlib

    matplotlib.use("Agg", force=False)
    from matplotlib.figure import Figure  # a Figure without pyplot keeps no global state

    rows = result.studies
    n = len(rows)
    fig = Figure(figsize=(9, 1.6 + 0.38 * (n + 3)))
    ax = fig.add_axes((0.34, AXES_BOTTOM, 0.40, AXES_HEIGHT))
    shown = [result.display(x) for x in (result.estimate, result.ci_low, result.ci_high)]
    xs_low = [result.display(r.ci_low) for r in rows] + [shown[1]]
    xs_high = [result.display(r.ci_high) for r in rows] + [shown[2]]
    max_weight = max((r.weight_percent for r in rows), default=1.0) or 1.0
    for i, row in enumerate(rows):
        y = n - i + 1
        est, low, high = (result.display(x) for x in (row.estimate, row.ci_low, row.ci_high))
        ax.plot([low, high], [y, y], color="black", linewidth=1)
        size = 4 + 10 * math.sqrt(row.weight_percent / max_weight)
        ax.plot([est], [y], marker="s", markersize=size, color="#3b6ea5")
        fig.text(0.02, _fig_y(y, n),
                 row.study_id[:34], va="center", fontsize=8)
        fig.text(0.76, _fig_y(y, n),
                 f"{est:.2f} [{low:.2f}, {high:.2f}]   {row.weight_percent:5.1f}%", va="center",
                 fontsize=8, family="monospace")
    est, low, high = shown
    ax.fill([low, est, high, est], [0.5, 0.8, 0.5, 0.2], color="#b22222")
    label = f"{'Random effects' if result.model == 'random' else 'Fixed effect'} ({result.method})"
    ypos = _fig_y(0.5, n)
    fig.text(0.02, ypos, label, va="center", fontsize=8, weight="bold")
    fig.text(0.76, ypos, f"{est:.2f} [{low:.2f}, {high:.2f}]  100.0%", va="center", fontsize=8,
             family="monospace", weight="bold")
    null = 1.0 if result.is_ratio else 0.0
    ax.axvline(null, color="grey", linestyle="--", linewidth=0.8)
    if result.is_ratio:
        from matplotlib.ticker import FixedLocator, NullLocator, ScalarFormatter

        ax.set_xscale("log")
        ax.xaxis.set_major_locator(FixedLocator([0.01, 0.1, 0.2, 0.5, 1, 2, 5, 10, 100]))
        ax.xaxis.set_major_formatter(ScalarFormatter())
        ax.xaxis.set_minor_locator(NullLocator())
    finite = [x for x in xs_low + xs_high if x is not None and math.isfinite(x)]
    if result.is_ratio:
        lo, hi = min(finite + [null]) / 1.2, max(finite + [null]) * 1.2
    else:
        pad = 0.1 * (max(finite + [null]) - min(finite + [null]) or 1)
        lo, hi = min(finite + [null]) - pad, max(finite + [null]) + pad
    ax.set_xlim(lo, hi)
    ax.set_ylim(0, n + 2)
    ax.set_yticks([])
    ax.set_xlabel(MEASURE_LABELS[result.measure] + " (95% CI)", fontsize=8)
    ax.tick_params(labelsize=8)
    fig.text(0.76, 0.92, "Effect [95% CI]   Weight", fontsize=8, family="monospace")
    fig.text(0.02, 0.04, heterogeneity_line(result), fontsize=8)
    if title:
        fig.suptitle(title, fontsize=10)
    return fig


def render_forest(result: MetaResult, title: str | None = None, fmt: str = "png") -> bytes:
    """The plot as PNG or SVG bytes."""
    fig = _figure(result, title)
    buffer = io.BytesIO()
    fig.savefig(buffer, format=fmt, dpi=120)
    return buffer.getvalue()


def save_forest(result: MetaResult, out_stem: Path, title: str | None = None) -> dict[str, Path]:
    """Write `<stem>.png` and `<stem>.svg` atomically; return their paths."""
    out_stem.parent.mkdir(parents=True, exist_ok=True)
    written = {}
    for fmt in ("png", "svg"):
        target = out_stem.with_suffix(f".{fmt}")
        fd, tmp = tempfile.mkstemp(dir=target.parent, suffix=f".{fmt}.tmp")
        with os.fdopen(fd, "wb") as handle:
            handle.write(render_forest(result, title, fmt))
        os.replace(tmp, target)
        written[fmt] = target
    return written
