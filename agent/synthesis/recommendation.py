"""Stage 9: a recommendation whose every evidence sentence cites included studies by id.

Sentences are built from the analysis itself (no free text from a model), so each number in
them is the pooled figure and each citation an included study.
"""

from __future__ import annotations

from typing import Any

from dxkit.agent.synthesis.audit import log_step
from dxkit.agent.synthesis.schemas import PICO, EvidenceSentence, OutcomeAnalysis, Recommendation

LABELS = {"RR": "risk ratio", "OR": "odds ratio", "RD": "risk difference", "MD": "mean difference",
          "SMD": "standardised mean difference"}


def _sentence(pico: PICO, analysis: OutcomeAnalysis) -> EvidenceSentence | None:
    result = analysis.result
    if result is None or analysis.certainty is None:
        return None
    est, low, high = (result.display(x) for x in (result.estimate, result.ci_low, result.ci_high))
    null = 1.0 if result.is_ratio else 0.0
    if low > null or high < null:  # type: ignore[operator]
        direction = "increased" if est > null else "reduced"  # type: ignore[operator]
        finding = f"{pico.intervention} {direction} {analysis.outcome.name}"
    else:
        finding = f"no clear difference in {analysis.outcome.name} was shown"
    text = (f"In {result.k} randomised trial{'s' if result.k != 1 else ''} "
            f"({analysis.total_participants} participants) comparing {pico.intervention} with {pico.comparator}, "
            f"{finding}: {LABELS[result.measure]} {est:.2f} (95% CI {low:.2f} to {high:.2f}; "
            f"{result.method}, I\u00b2 {result.i2:.0f}%), {analysis.certainty.level}-certainty evidence.")
    return EvidenceSentence(text=text, citations=list(analysis.study_ids))


def recommend(pico: PICO, analyses: list[OutcomeAnalysis], ledger: Any | None = None) -> Recommendation:
    sentences = [s for s in (_sentence(pico, a) for a in analyses) if s is not None]
    strength = "no recommendation"
    primary = next((a for a in analyses if a.result is not None and a.certainty is not None), None)
    if primary and primary.certainty and primary.certainty.level in ("high", "moderate"):
        r = primary.result
        assert r is not None
        null = 0.0
        low, high = r.ci_low, r.ci_high  # analysis scale: log ratios and differences share null 0
        if low > null or high < null:
            benefit = (low > null) if primary.outcome.higher_is_better else (high < null)
            strength = "for" if benefit else "against"
    log_step(ledger, "recommendation", {"strength": strength, "sentences": [s.model_dump() for s in sentences]})
    return Recommendation(strength=strength, sentences=sentences)  # type: ignore[arg-type]
