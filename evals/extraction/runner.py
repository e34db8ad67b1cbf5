"""Run an extractor over annotated rows, write per-row results as it goes, and score them.

Results go to `<out>/predictions.jsonl` (one line per row, appended as each finishes), so a
restarted run skips the rows already done. The report is `<out>/report.json`.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from pydantic import BaseModel

from dxkit.evals.extraction.dataset import load_rows, markdown_for
from dxkit.evals.extraction.scoring import TypeScores, score_row
from dxkit.tools.rct_extraction.schemas import ExtractionResult, ExtractionTarget, field_names

Extractor = Callable[[str, ExtractionTarget, str], ExtractionResult]


class ExtractionReport(BaseModel):
    extractor: str
    annotations: str
    rows: int
    missing_documents: list[str]
    binary: TypeScores
    continuous: TypeScores

    def summary(self) -> dict[str, object]:
        return {
            "extractor": self.extractor,
            "rows": self.rows,
            "binary_rows": self.binary.rows,
            "binary_exact_match": self.binary.exact_rate,
            "continuous_rows": self.continuous.rows,
            "continuous_exact_match": self.continuous.exact_rate,
            "binary_field_accuracy": self.binary.field_rates(),
            "continuous_field_accuracy": self.continuous.field_rates(),
            "log_or_pairs": self.binary.effect_pairs,
            "log_or_mean_abs_error": self.binary.mean_abs_effect_error,
            "smd_pairs": self.continuous.effect_pairs,
            "smd_mean_abs_error": self.continuous.mean_abs_effect_error,
            "missing_documents": self.missing_documents,
        }


def _done(path: Path) -> dict[str, dict]:
    if not path.is_file():
        return {}
    done = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            record = json.loads(line)
            done[record["row_id"]] = record
    return done


def run_extraction_eval(annotations: Path, markdown_dir: Path, extractor: Extractor, name: str,
                        out_dir: Path | None = None, limit: int | None = None, every: int = 1,
                        progress: Callable[[int, int], None] | None = None) -> ExtractionReport:
    """Score `extractor` on every row of `annotations` (resumable when `out_dir` is given)."""
    rows = load_rows(annotations)[::every][:limit]  # `every`: a systematic sample for slow extractors
    predictions_path = out_dir / "predictions.jsonl" if out_dir else None
    done = _done(predictions_path) if predictions_path else {}
    if out_dir:
        out_dir.mkdir(parents=True, exist_ok=True)
    scores = {"binary": TypeScores(), "continuous": TypeScores()}
    missing: list[str] = []
    for index, row in enumerate(rows):
        if row.row_id in done:
            predicted = done[row.row_id]["predicted"]
        else:
            document = markdown_for(markdown_dir, row.pmcid)
            if document is None:
                missing.append(row.pmcid)
                predicted = {name_: None for name_ in field_names(row.target.outcome_type)}
            else:
                result = extractor(document, row.target, f"PMC{row.pmcid}")
                predicted = {k: v.value for k, v in result.fields.items()}
            if predictions_path:
                record = {"row_id": row.row_id, "pmcid": row.pmcid, "predicted": predicted,
                          "reference": row.reference}
                with predictions_path.open("a", encoding="utf-8") as handle:
                    handle.write(json.dumps(record) + "\n")
        score_row(scores[row.target.outcome_type], row.target.outcome_type, predicted, row.reference)
        if progress:
            progress(index + 1, len(rows))
    report = ExtractionReport(extractor=name, annotations=str(annotations), rows=len(rows),
                              missing_documents=sorted(set(missing)), binary=scores["binary"],
                              continuous=scores["continuous"])
    if out_dir:
        fd, tmp = tempfile.mkstemp(dir=out_dir, suffix=".json.tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(report.summary(), handle, indent=2)
        os.replace(tmp, out_dir / "report.json")
    return report
