"""Stages 5-8: effect sizes, meta-analysis, forest plot and GRADE for each outcome."""

from __future__ import annotations

import base64
from typing import Any

from dxkit.agent.synthesis.audit import log_step
from dxkit.agent.synthesis.schemas import OutcomeAnalysis, OutcomeSpec, Study, SynthesisConfig
from dxkit.errors import InputError
from dxkit.tools.meta import (
    BinaryCounts,
    ContinuousSummary,
    binary_effect,
    continuous_effect,
    mantel_haenszel,
    pool,
)
from dxkit.tools.meta.effects import UninformativeStudy
from dxkit.tools.meta.forest import render_forest
from dxkit.tools.meta.grade import GradeInputs, grade
from dxkit.tools.meta.schemas import MetaResult
from dxkit.tools.rct_extraction.schemas import ExtractionResult

ROB_ORDER = {"not assessed": 0, "low": 1, "some concerns": 2, "high": 3}


def _counts(result: ExtractionResult) -> BinaryCounts | None:
    v = result.value
    names = ("intervention_events", "intervention_group_size", "comparator_events", "comparator_group_size")
    if any(v(n) is None for n in names):
        return None
    try:
        return BinaryCounts(study_id=result.source_id, events_intervention=int(v(names[0])),  # type: ignore[arg-type]
                            total_intervention=int(v(names[1])), events_comparator=int(v(names[2])),  # type: ignore[arg-type]
                            total_comparator=int(v(names[3])))  # type: ignore[arg-type]
    except (InputError, ValueError):
        return None


def _summary(result: ExtractionResult) -> ContinuousSummary | None:
    v = result.value
    try:
        return ContinuousSummary(
            study_id=result.source_id, mean_intervention=v("intervention_mean"),  # type: ignore[arg-type]
            sd_intervention=v("intervention_standard_deviation"),  # type: ignore[arg-type]
            n_intervention=int(v("intervention_group_size")),  # type: ignore[arg-type]
            mean_comparator=v("comparator_mean"),  # type: ignore[arg-type]
            sd_comparator=v("comparator_standard_deviation"),  # type: ignore[arg-type]
            n_comparator=int(v("comparator_group_size")))  # type: ignore[arg-type]
    except (InputError, ValueError, TypeError):
        return None


def _overall_risk_of_bias(studies: list[Study], ids: list[str], user: GradeInputs) -> GradeInputs:
    """The user's setting wins; else the worst assessed study decides."""
    if user.risk_of_bias != "not assessed":
        return user
    levels = [s.risk_of_bias for s in studies if s.id in ids]
    worst = max(levels, key=lambda level: ROB_ORDER[level], default="not assessed")
    return user.model_copy(update={"risk_of_bias": worst})


def analyse_outcome(outcome: OutcomeSpec, extractions: list[ExtractionResult], studies: list[Study],
                    config: SynthesisConfig, ledger: Any | None = None) -> OutcomeAnalysis:
    """Pool the studies whose numbers for `outcome` are complete."""
    measure = outcome.effect_measure
    mine = [e for e in extractions if e.target.outcome == outcome.name]
    effects, excluded, counts, participants = [], [], [], 0
    for extraction in mine:
        if outcome.type == "binary":
            data = _counts(extraction)
            if data is None:
                excluded.append(f"{extraction.source_id}: numbers not reported")
                continue
            counts.append(data)
            participants += data.total_intervention + data.total_comparator
            try:
                effects.append(binary_effect(data, measure))
            except UninformativeStudy:
                excluded.append(f"{extraction.source_id}: no events in either arm")
        else:
            summary = _summary(extraction)
            if summary is None:
                excluded.append(f"{extraction.source_id}: numbers not reported")
                continue
            participants += summary.n_intervention + summary.n_comparator
            effects.append(continuous_effect(summary, measure))
    analysis = OutcomeAnalysis(outcome=outcome, study_ids=[e.study_id for e in effects],
                               total_participants=participants)
    if not effects:
        analysis.note = "no study reported complete numbers for this outcome"
        log_step(ledger, "analysis", {"outcome": outcome.name, "k": 0, "excluded": excluded})
        return analysis
    results: dict[str, MetaResult] = {}
    for method in ("FE", "DL", "REML"):
        results[method] = pool(effects, method, hartung_knapp=config.hartung_knapp and method != "FE",  # type: ignore[arg-type]
                               excluded=excluded)
    if outcome.type == "binary":
        results["MH"] = mantel_haenszel(counts, measure)
    main = results[config.pooling]
    analysis.result = main
    analysis.sensitivity = [r for key, r in results.items() if key != config.pooling]
    control_risk = None
    if counts:
        control_risk = sum(c.events_comparator for c in counts) / sum(c.total_comparator for c in counts)
    grade_inputs = _overall_risk_of_bias(studies, analysis.study_ids, config.grade)
    analysis.certainty = grade(main, grade_inputs, participants, control_risk)
    title = f"{outcome.name}"
    analysis.forest_png = base64.b64encode(render_forest(main, title, "png")).decode("ascii")
    analysis.forest_svg = render_forest(main, title, "svg").decode("utf-8")
    log_step(ledger, "analysis", {"outcome": outcome.name, "k": main.k, "method": main.method,
                                  "estimate": main.estimate, "ci": [main.ci_low, main.ci_high],
                                  "tau2": main.tau2, "i2": main.i2, "certainty": analysis.certainty.level,
                                  "excluded": excluded})
    return analysis
