"""Markdown and self-contained HTML reports of a synthesis (the forest plot embedded as base64)."""

from __future__ import annotations

import html
import os
import tempfile
from pathlib import Path

from dxkit.agent.synthesis.schemas import OutcomeAnalysis, SynthesisResult
from dxkit.tools.meta.forest import heterogeneity_line


def _fmt(analysis: OutcomeAnalysis, value: float | None) -> str:
    result = analysis.result
    if result is None or value is None:
        return ""
    shown = result.display(value)
    return f"{shown:.3f}" if shown is not None else ""


def _tables(result: SynthesisResult) -> dict[str, tuple[list[str], list[list[str]]]]:
    """Every table of the report as (header, rows), shared by both renderers."""
    screening = (["study", "decision", "criterion", "votes", "passage"],
                 [[d.study_id, d.decision, d.criterion, ",".join(d.votes), (d.passage or "")[:200]]
                  for d in result.screening])
    extraction_rows = []
    texts = {s.id: s.text for s in result.studies}
    for e in result.extractions:
        text = texts.get(e.source_id, "")
        for name, number in e.fields.items():
            span = ""
            if number.span:
                around = text[max(0, number.span.start - 40):number.span.end + 25].replace("\n", " ")
                span = f"[{number.span.start}:{number.span.end}] \u2026{around}\u2026"
            extraction_rows.append([e.source_id, e.target.outcome, name, number.shown(), span])
    extraction = (["study", "outcome", "field", "value", "source span"], extraction_rows)
    meta_rows = []
    for a in result.analyses:
        for r in ([a.result] if a.result else []) + a.sensitivity:
            meta_rows.append([a.outcome.name, f"{r.model} {r.method}", str(r.k),
                              f"{r.display(r.estimate):.3f}", f"{r.display(r.ci_low):.3f} to {r.display(r.ci_high):.3f}",
                              f"{r.tau2:.4f}", f"{r.i2:.1f}", f"{r.q:.2f} ({r.q_df})",
                              "" if r.pi_low is None else f"{r.display(r.pi_low):.3f} to {r.display(r.pi_high):.3f}"])
    meta = (["outcome", "model", "k", "estimate", "95% CI", "tau2", "I2 %", "Q (df)", "prediction interval"], meta_rows)
    weights = (["outcome", "study", "estimate", "95% CI", "weight %"],
               [[a.outcome.name, s.study_id, _fmt(a, s.estimate), f"{_fmt(a, s.ci_low)} to {_fmt(a, s.ci_high)}",
                 f"{s.weight_percent:.1f}"] for a in result.analyses if a.result for s in a.result.studies])
    return {"Screening": screening, "Extraction": extraction, "Meta-analysis": meta, "Study weights": weights}


def _md_table(header: list[str], rows: list[list[str]]) -> str:
    def cell(text: str) -> str:
        return text.replace("|", "\\|").replace("\n", " ")

    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(cell(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)


def to_markdown(result: SynthesisResult, figure_names: dict[str, str] | None = None) -> str:
    p = result.pico
    out = [f"# Evidence synthesis: {result.question}", "", "## PICO",
           f"- Population: {p.population}", f"- Intervention: {p.intervention}", f"- Comparator: {p.comparator}",
           "- Outcomes: " + "; ".join(f"{o.name} ({o.type}, {o.effect_measure})" for o in p.outcomes), "",
           "## Search", f"Source: {result.search.source}; unique studies: {result.search.unique_studies}; "
           f"duplicates removed: {result.search.duplicates_removed}"]
    out += [f"- `{q}`: {n} passages" for q, n in result.search.hits_per_query.items()]
    out += ["", "## Criteria"] + [f"- {c.id} ({c.kind}): {c.description}" for c in result.criteria]
    for title, (header, rows) in _tables(result).items():
        out += ["", f"## {title}", _md_table(header, rows)]
    for a in result.analyses:
        out += ["", f"## {a.outcome.name}"]
        if a.result is None:
            out.append(a.note or "not analysed")
            continue
        out.append(heterogeneity_line(a.result))
        if figure_names and a.outcome.name in figure_names:
            out.append(f"![forest plot]({figure_names[a.outcome.name]})")
        if a.certainty:
            out.append(f"Certainty: **{a.certainty.level}**")
            out += [f"- {s.domain}: -{s.downgrade}: {s.reason}" for s in a.certainty.steps]
    out += ["", f"## Recommendation: {result.recommendation.strength}"]
    out += [f"- {s.text} [{'; '.join(s.citations)}]" for s in result.recommendation.sentences]
    out += ["", f"Run {result.run_id or '-'}; cost USD {result.cost_usd:.4f}", ""]
    return "\n".join(out)


def to_html(result: SynthesisResult) -> str:
    e = html.escape
    p = result.pico
    parts = ["<!doctype html><html><head><meta charset='utf-8'>",
             f"<title>{e(result.question)}</title><style>body{{font-family:sans-serif;max-width:1100px;"
             "margin:auto}}table{{border-collapse:collapse;font-size:13px}}td,th{{border:1px solid #ccc;"
             "padding:3px 6px;vertical-align:top}}</style></head><body>",
             f"<h1>Evidence synthesis: {e(result.question)}</h1><h2>PICO</h2><ul>",
             f"<li>Population: {e(p.population)}</li><li>Intervention: {e(p.intervention)}</li>",
             f"<li>Comparator: {e(p.comparator)}</li><li>Outcomes: "
             + e("; ".join(f"{o.name} ({o.type}, {o.effect_measure})" for o in p.outcomes)) + "</li></ul>",
             f"<h2>Search</h2><p>Source: {e(result.search.source)}; unique studies: {result.search.unique_studies}; "
             f"duplicates removed: {result.search.duplicates_removed}</p><ul>"]
    parts += [f"<li><code>{e(q)}</code>: {n} passages</li>" for q, n in result.search.hits_per_query.items()]
    parts.append("</ul><h2>Criteria</h2><ul>")
    parts += [f"<li>{e(c.id)} ({c.kind}): {e(c.description)}</li>" for c in result.criteria]
    parts.append("</ul>")
    for title, (header, rows) in _tables(result).items():
        parts.append(f"<h2>{e(title)}</h2><table><tr>" + "".join(f"<th>{e(h)}</th>" for h in header) + "</tr>")
        parts += ["<tr>" + "".join(f"<td>{e(c)}</td>" for c in row) + "</tr>" for row in rows]
        parts.append("</table>")
    for a in result.analyses:
        parts.append(f"<h2>{e(a.outcome.name)}</h2>")
        if a.result is None:
            parts.append(f"<p>{e(a.note or 'not analysed')}</p>")
            continue
        parts.append(f"<p>{e(heterogeneity_line(a.result))}</p>")
        if a.forest_png:
            parts.append(f"<img alt='forest plot' src='data:image/png;base64,{a.forest_png}'>")
        if a.certainty:
            parts.append(f"<p>Certainty: <b>{e(a.certainty.level)}</b></p><ul>")
            parts += [f"<li>{e(s.domain)}: -{s.downgrade}: {e(s.reason)}</li>" for s in a.certainty.steps]
            parts.append("</ul>")
    parts.append(f"<h2>Recommendation: {e(result.recommendation.strength)}</h2><ul>")
    parts += [f"<li>{e(s.text)} [{e('; '.join(s.citations))}]</li>" for s in result.recommendation.sentences]
    parts.append(f"</ul><p>Run {e(result.run_id or '-')}; cost USD {result.cost_usd:.4f}</p></body></html>")
    return "".join(parts)


def write_atomic(path: Path, data: str | bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
    with os.fdopen(fd, "wb") as handle:
        handle.write(data.encode("utf-8") if isinstance(data, str) else data)
    os.replace(tmp, path)


def write_reports(result: SynthesisResult, out_dir: Path) -> dict[str, Path]:
    """report.md (+ forest PNG/SVG files), report.html (self-contained) and result.json; result.json last."""
    import base64

    figures = {}
    for i, a in enumerate(result.analyses):
        if a.forest_png:
            write_atomic(out_dir / f"forest_{i + 1}.png", base64.b64decode(a.forest_png))
            write_atomic(out_dir / f"forest_{i + 1}.svg", a.forest_svg or "")
            figures[a.outcome.name] = f"forest_{i + 1}.png"
    paths = {"markdown": out_dir / "report.md", "html": out_dir / "report.html", "json": out_dir / "result.json"}
    write_atomic(paths["markdown"], to_markdown(result, figures))
    write_atomic(paths["html"], to_html(result))
    write_atomic(paths["json"], result.model_dump_json(indent=1))  # written last: marks the question done
    return paths
