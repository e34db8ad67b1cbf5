"""Calculators inside the panel: which apply, their inputs from the findings, what to ask next.

A calculator applies when one of its trigger words appears in the abstract, the findings or
the differential. Inputs are filled through the fields' `concept` metadata from the note
extractor (dxkit.tools.extraction: quantities, age, sex, yes/no conditions). A negated
mention fills a yes/no input with "no"; an uncertain one fills nothing. With inputs missing,
the calculator's possible range says whether they could change the band; if so, the panel
suggests the question or test that would fill them.
"""

from __future__ import annotations

import re
from typing import Any

from dxkit.agent.panel.schemas import CalculatorRun, SuggestedRequest
from dxkit.calculators.base import Choice, Flag, Measure, field_meta
from dxkit.errors import InputError

VITAL_CONCEPTS = {"heart_rate", "respiratory_rate", "systolic_bp", "diastolic_bp", "temperature",
                  "oxygen_saturation", "weight", "height", "bmi", "gcs_total"}
# Concepts answered by ordering a test; their display name is what the panel orders.
LAB_TESTS = {"bun": "blood urea nitrogen", "creatinine": "serum creatinine", "sodium": "basic metabolic panel",
             "potassium": "basic metabolic panel", "glucose": "basic metabolic panel",
             "bicarbonate": "basic metabolic panel", "chloride": "basic metabolic panel",
             "hemoglobin": "complete blood count", "hematocrit": "complete blood count",
             "wbc": "complete blood count", "platelets": "complete blood count", "albumin": "albumin",
             "bilirubin": "liver function tests", "ast": "liver function tests", "alt": "liver function tests",
             "inr": "prothrombin time INR", "pao2": "arterial blood gas", "ph": "arterial blood gas",
             "paco2": "arterial blood gas", "troponin": "troponin", "lactate": "lactate", "crp": "C-reactive protein",
             "d_dimer": "D-dimer"}


def _words(text: str) -> set[str]:
    return set(re.findall(r"[a-z0-9]+", text.lower()))


def applicable(registry: Any, text: str, limit: int) -> list[Any]:
    """Calculators whose trigger words (single words or phrases) occur in `text`, most hits first."""
    lowered = " " + " ".join(re.findall(r"[a-z0-9]+", text.lower())) + " "
    scored = []
    for calc in registry:
        hits = sum(1 for trigger in calc.triggers
                   if f" {' '.join(re.findall(r'[a-z0-9]+', trigger.lower()))} " in lowered)
        if hits:
            scored.append((-hits, calc.id, calc))
    return [calc for *_, calc in sorted(scored, key=lambda t: (t[0], t[1]))[:limit]]


class FindingFacts:
    """Concept values found in the text the panel has seen so far (extractor output, indexed)."""

    def __init__(self, text: str) -> None:
        from dxkit.tools.extraction.conditions import extract_conditions
        from dxkit.tools.extraction.demographics import extract_age, extract_sex
        from dxkit.tools.extraction.quantities import extract_quantities

        self.quantities: dict[str, Any] = {}
        for finding in extract_quantities(text) + extract_age(text):
            self.quantities.setdefault(finding.concept, finding)
        self.sex = next(iter(extract_sex(text)), None)
        self.flags: dict[str, bool] = {}
        for finding in extract_conditions(text):
            if finding.uncertain or finding.family:
                continue
            # an affirmed mention wins over a negated one ("no cough ... later: productive cough")
            self.flags[finding.concept] = self.flags.get(finding.concept, False) or not finding.negated

    def value_for(self, meta: Any) -> Any:
        concept = getattr(meta, "concept", None)
        if concept is None:
            return None
        if isinstance(meta, Measure):
            finding = self.quantities.get(concept)
            return None if finding is None else [float(finding.value), finding.unit or meta.unit]
        if isinstance(meta, Flag):
            return self.flags.get(concept)
        if isinstance(meta, Choice) and concept == "sex" and self.sex is not None:
            return self.sex.value
        return None


def fill_inputs(calculator: Any, facts: FindingFacts) -> dict[str, Any]:
    inputs: dict[str, Any] = {}
    for name in calculator.input_names():
        value = facts.value_for(field_meta(calculator.Inputs, name))
        if value is not None:
            inputs[name] = value
    return inputs


def run_calculator(calculator: Any, inputs: dict[str, Any]) -> CalculatorRun:
    """Run with missing inputs reported; a value the calculator refuses is dropped, not guessed."""
    for _ in range(len(inputs) + 1):
        try:
            result = calculator.run(inputs, missing="report")
            break
        except InputError as exc:
            if exc.field not in inputs:
                raise
            inputs = {k: v for k, v in inputs.items() if k != exc.field}
    rng = result.possible_range
    band = result.band
    return CalculatorRun(
        calculator_id=result.calculator_id, name=result.name, inputs=dict(result.inputs), value=result.value,
        unit=result.unit, band=band.label if band else None, interpretation=band.interpretation if band else "",
        missing=list(result.missing), possible_low=rng.low if rng else None, possible_high=rng.high if rng else None,
        possible_bands=list(rng.bands) if rng else [], category_could_change=bool(rng and rng.category_could_change),
        reference=result.reference.citation)


MAX_MISSING_TO_RUN = 4  # beyond this a calculator is listed as applicable, not run
MAX_MISSING_TO_SUGGEST = 3  # a calculator missing more than this is too far from complete to chase


def suggestions_for(calculator: Any, run: CalculatorRun) -> list[SuggestedRequest]:
    """Requests that would fill the missing inputs, when they could change the band."""
    if not run.missing or not run.category_could_change or len(run.missing) > MAX_MISSING_TO_SUGGEST:
        return []
    out: list[SuggestedRequest] = []
    reason = f"{run.name}: missing inputs could move the result between {', '.join(run.possible_bands)}"
    for name in run.missing:
        meta = field_meta(calculator.Inputs, name)
        concept = getattr(meta, "concept", None) or name
        if concept in LAB_TESTS:
            out.append(SuggestedRequest(kind="order", text=LAB_TESTS[concept], reason=reason))
        elif concept in VITAL_CONCEPTS:
            out.append(SuggestedRequest(kind="ask", text="What are the vital signs?", reason=reason))
        else:
            words = concept.replace("_", " ")
            out.append(SuggestedRequest(kind="ask", text=f"Is there any {words}?", reason=reason))
    unique: dict[tuple[str, str], SuggestedRequest] = {}
    for item in out:
        unique.setdefault((item.kind, item.text), item)
    return list(unique.values())


def assess_calculators(registry: Any, text: str, limit: int) -> tuple[list[CalculatorRun], list[SuggestedRequest]]:
    """Every applicable calculator run on `text`, and the requests that would complete them."""
    if limit <= 0:
        return [], []
    facts = FindingFacts(text)
    runs: list[CalculatorRun] = []
    suggestions: list[SuggestedRequest] = []
    candidates = []
    for rank, calculator in enumerate(applicable(registry, text, 3 * limit)):
        inputs = fill_inputs(calculator, facts)
        missing = [n for n in calculator.required_names() if n not in inputs]
        if len(missing) > MAX_MISSING_TO_RUN:  # its possible range costs much and says little
            run = CalculatorRun(calculator_id=calculator.id, name=calculator.name, inputs=inputs, missing=missing,
                                unit=calculator.output_unit, category_could_change=True,
                                reference=calculator.reference.citation)
        else:
            run = run_calculator(calculator, inputs)
        candidates.append((len(run.missing), rank, calculator, run))
    # the most complete first: those are the ones whose result (or band) the panel can use now
    for _, _, calculator, run in sorted(candidates, key=lambda c: (c[0], c[1]))[:limit]:
        runs.append(run)
        suggestions += suggestions_for(calculator, run)
    return runs, suggestions
