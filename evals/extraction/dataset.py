"""Read the annotated RCT extraction file (a JSON list of rows) and the trial Markdown files."""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel

from dxkit.errors import InputError
from dxkit.tools.rct_extraction.schemas import ExtractionTarget, field_names


class AnnotatedRow(BaseModel):
    row_id: str
    pmcid: str
    target: ExtractionTarget
    reference: dict[str, float | None]


def _value(raw: object) -> float | None:
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return None
    try:
        return float(str(raw).replace(",", ""))
    except ValueError:
        return None


def load_rows(path: Path) -> list[AnnotatedRow]:
    """Rows of `annotated_rct_*.json`; fields absent from a row read as not reported."""
    if not path.is_file():
        raise InputError("annotations", str(path), "is not a file", accepted="annotated_rct_*.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(data, list):
        raise InputError("annotations", str(path), "is not a JSON list of rows")
    rows = []
    for raw in data:
        kind = raw.get("outcome_type")
        if kind not in ("binary", "continuous"):
            continue
        target = ExtractionTarget(intervention=raw["intervention"], comparator=raw["comparator"],
                                  outcome=raw["outcome"], outcome_type=kind)
        reference = {name: _value(raw.get(name)) for name in field_names(kind)}
        rows.append(AnnotatedRow(row_id=str(raw.get("id")), pmcid=str(raw["pmcid"]), target=target,
                                 reference=reference))
    return rows


def markdown_for(markdown_dir: Path, pmcid: str) -> str | None:
    path = markdown_dir / f"PMC{pmcid}.md"
    return path.read_text(encoding="utf-8") if path.is_file() else None
