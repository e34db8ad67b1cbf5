"""How far the deterministic judge can be trusted: agreement on pairs with a known answer.

Run: python -m dxkit.evals.judge.agreement [--agentclinic PATH] [--show-failures]

Reports (1) the share of exact-string-equal pairs judged correct (should be 100%), (2) the
share of synonym pairs judged correct, (3) the share of clearly different pairs wrongly
judged correct, and (4) the share of AgentClinic diagnoses that normalise to a concept.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from pydantic import BaseModel

from dxkit.evals.judge.deterministic import judge_deterministic
from dxkit.evals.judge.pairs import DIFFERENT_PAIRS, SYNONYM_PAIRS
from dxkit.evals.judge.result import JudgeResult
from dxkit.tools.ontology import normalise

DEFAULT_AGENTCLINIC = Path(__file__).resolve().parents[3] / "shared" / "data" / "agentclinic" / "agentclinic_medqa.jsonl"


class Rate(BaseModel):
    hits: int
    total: int
    failures: list[str] = []

    @property
    def share(self) -> float:
        return self.hits / self.total if self.total else float("nan")

    def line(self, label: str) -> str:
        return f"{label}: {self.hits}/{self.total} = {100 * self.share:.1f}%"


class AgreementReport(BaseModel):
    identical_correct: Rate
    synonyms_correct: Rate
    different_wrongly_correct: Rate
    agentclinic_normalised: Rate | None = None


def _describe(result: JudgeResult) -> str:
    return f"{result.predicted!r} vs {result.truth!r}: score {result.score} ({result.rationale})"


def rate_pairs(pairs: list[tuple[str, str]], *, count_correct: bool) -> Rate:
    """Count pairs judged correct (count_correct) or judged incorrect; keep the others as failures."""
    hits, failures = 0, []
    for predicted, truth in pairs:
        result = judge_deterministic(predicted, truth)
        if result.correct == count_correct:
            hits += 1
        else:
            failures.append(_describe(result))
    return Rate(hits=hits, total=len(pairs), failures=failures)


def agentclinic_diagnoses(path: Path) -> list[str]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line)["OSCE_Examination"]["Correct_Diagnosis"] for line in handle if line.strip()]


def normalisation_coverage(diagnoses: list[str]) -> Rate:
    hits, failures = 0, []
    for diagnosis in diagnoses:
        if normalise(diagnosis) is not None:
            hits += 1
        else:
            failures.append(repr(diagnosis))
    return Rate(hits=hits, total=len(diagnoses), failures=failures)


def agreement_report(agentclinic_path: Path | None = None) -> AgreementReport:
    diagnoses = agentclinic_diagnoses(agentclinic_path) if agentclinic_path and agentclinic_path.is_file() else []
    names = sorted({name for pair in SYNONYM_PAIRS + DIFFERENT_PAIRS for name in pair} | set(diagnoses))
    different = rate_pairs(DIFFERENT_PAIRS, count_correct=False)
    return AgreementReport(
        identical_correct=rate_pairs([(n, n) for n in names], count_correct=True),
        synonyms_correct=rate_pairs(SYNONYM_PAIRS, count_correct=True),
        # Reported as the share wrongly judged correct: the pairs that were NOT judged incorrect.
        different_wrongly_correct=Rate(hits=different.total - different.hits, total=different.total,
                                       failures=different.failures),
        agentclinic_normalised=normalisation_coverage(diagnoses) if diagnoses else None,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description="Deterministic judge agreement report.")
    parser.add_argument("--agentclinic", type=Path, default=DEFAULT_AGENTCLINIC)
    parser.add_argument("--show-failures", action="store_true")
    args = parser.parse_args()
    report = agreement_report(args.agentclinic)
    rows = [("identical strings judged correct", report.identical_correct),
            ("synonym pairs judged correct", report.synonyms_correct),
            ("different pairs wrongly judged correct", report.different_wrongly_correct)]
    if report.agentclinic_normalised:
        rows.append(("AgentClinic diagnoses normalised to a concept", report.agentclinic_normalised))
    else:
        print(f"(AgentClinic file not found at {args.agentclinic}; coverage skipped)")
    for label, rate in rows:
        print(rate.line(label))
        if args.show_failures:
            for failure in rate.failures:
                print(f"    - {failure}")


if __name__ == "__main__":
    main()
