"""From extracted note facts to one calculator's inputs, keeping where each value came from.

Each calculator input declares a shared `concept` (see dxkit.calculators.fields). The bridge
below says which extractor concepts can fill it. Yes/no inputs are True only for affirmed
mentions (not negated, not uncertain, about the patient); a negated mention gives False; no
mention leaves the input missing, and the calculator reports its possible range.
"""

from __future__ import annotations

import re
from typing import Any

from pydantic import BaseModel, Field

from dxkit.calculators.base import Calculator, Flag, Measure, field_meta, literal_options
from dxkit.calculators.units import is_convertible
from dxkit.tools.extraction.categorical import resolve_choice
from dxkit.tools.extraction.derived import DERIVED
from dxkit.tools.extraction.medications import STEROIDS
from dxkit.tools.extraction.model import Finding, NoteFacts
from dxkit.tools.extraction.quantities import UNLABELLED

# calculator concept -> extractor concepts that can fill it (first match wins)
BRIDGE: dict[str, tuple[str, ...]] = {
    "stroke_tia_history": ("stroke", "tia", "thromboembolism"),
    "stroke_history": ("stroke",),
    "tia_history": ("tia",),
    "stroke_tia_thromboembolism": ("stroke", "tia", "thromboembolism"),
    "previous_dvt": ("dvt",),
    "previous_pe": ("pulmonary_embolism",),
    "previous_dvt_or_pe": ("dvt", "pulmonary_embolism"),
    "active_cancer": ("cancer",),
    "malignancy": ("cancer",),
    "vascular_disease": ("myocardial_infarction", "peripheral_vascular_disease"),
    "ischemic_heart_disease": ("coronary_artery_disease", "myocardial_infarction"),
    "insulin_treatment": ("insulin_use",),
    "hypercholesterolemia": ("hyperlipidemia",),
    "family_history_cad": ("family_history_cvd",),
    "cerebrovascular_disease": ("cerebrovascular_disease", "stroke", "tia"),
    "antiplatelet_or_nsaid": ("antiplatelet_nsaid_use",),
    "leg_paralysis_or_cast": ("paralysis_leg",),
    "calf_swelling": ("leg_swelling",),
    "unilateral_leg_swelling": ("leg_swelling",),
    "altered_mental_status": ("confusion",),
    "cvvhd": ("dialysis",),
    "chronic_dialysis": ("dialysis",),
    "copd_history": ("copd",),
    "hormone_use": ("estrogen_use",),
    "recent_surgery_or_trauma": ("recent_surgery", "trauma"),
    "hepatic_disease": ("liver_disease",),
    "cardiac_failure": ("chf_history",),
    "neoplastic_disease": ("cancer",),
    "nursing_home_resident": ("nursing_home",),
    "solid_tumor": ("cancer",),
    "mi_history": ("myocardial_infarction",),
    "myocardial_infarction_history": ("myocardial_infarction",),
    "peripheral_vascular_disease_history": ("peripheral_vascular_disease",),
    "troponin": ("troponin",),
    "target_bmi": ("bmi",),
    "menstrual_cycle_length": ("cycle_length",),
    "previous_vte": ("dvt", "pulmonary_embolism"),
    "malignancy_history": ("cancer",),
    "recent_stroke": ("stroke",),
    "acute_mi": ("myocardial_infarction",),
    "plaster_cast": ("paralysis_leg",),
    "major_surgery_last_month": ("recent_surgery",),
    "peptic_ulcer_disease": ("peptic_ulcer",),
    "moderate_severe_ckd": ("renal_disease",),
    "tender_anterior_cervical_nodes": ("tender_anterior_nodes",),
    "arterial_ph": ("ph",),
    "a_a_gradient": ("aa_gradient",),
    "alcohol_drinks_per_week": ("alcohol_drinks_per_week",),
    "stroke_tia_thromboembolism_history": ("stroke", "tia", "thromboembolism"),
    "known_cad": ("coronary_artery_disease", "myocardial_infarction"),
    "nausea_vomiting": ("nausea", "vomiting"),
    "acute_infection_or_rheumatologic_disorder": ("acute_infection", "sepsis", "pneumonia",
                                                  "connective_tissue_disease"),
    "acute_mi_or_ischemic_stroke": ("myocardial_infarction", "stroke"),
    "chronic_cardiopulmonary_disease": ("chf_history", "copd"),
    "current_smoker": ("smoking",),
    "heart_or_respiratory_failure": ("chf_history", "respiratory_failure"),
    "hormonal_treatment": ("estrogen_use",),
    "recent_trauma_or_surgery": ("recent_surgery", "trauma"),
    "reduced_mobility": ("immobilization",),
    "renal_replacement_therapy": ("dialysis",),
    "vte_history": ("dvt", "pulmonary_embolism"),
}
_FAMILY_CONCEPTS = {"family_history_cvd"}
_QUESTION_CONCEPTS = {"target_steroid"}  # inputs read from the user's question, not the note


class InputSource(BaseModel):
    """Where one input value came from: the finding's span, or why it is absent."""

    field: str
    value: Any
    concept: str | None
    span_start: int | None = None
    span_end: int | None = None
    quote: str | None = None
    source: str = "rules"
    note: str | None = None


class FilledInputs(BaseModel):
    inputs: dict[str, Any] = Field(default_factory=dict)
    provenance: dict[str, InputSource] = Field(default_factory=dict)
    missing: list[str] = Field(default_factory=list)


def _candidates(concept: str) -> tuple[str, ...]:
    return BRIDGE.get(concept, ()) + (concept,)


def _source(name: str, value: Any, finding: Finding, note: str | None = None) -> InputSource:
    return InputSource(field=name, value=value, concept=finding.concept, span_start=finding.span.start,
                       span_end=finding.span.end, quote=finding.span.text, source=finding.source,
                       note=note or finding.note)


def _quantity(facts: NoteFacts, concept: str, meta: Measure) -> Finding | None:
    """The first labelled value of the concept; a value known only by its unit comes last."""
    for candidate in _candidates(concept):
        ordered = sorted(facts.for_concept(candidate), key=lambda f: UNLABELLED in (f.note or ""))
        for finding in ordered:
            if finding.unit and isinstance(finding.value, int | float) and is_convertible(
                    finding.unit, meta.unit, meta.analyte):
                return finding
            if finding.unit is None and isinstance(finding.value, int | float):
                return finding
    return None


def _flag(facts: NoteFacts, concept: str) -> tuple[bool, Finding] | None:
    negated: Finding | None = None
    for candidate in _candidates(concept):
        for finding in facts.for_concept(candidate):
            family_ok = candidate in _FAMILY_CONCEPTS
            if finding.negated:
                negated = negated or finding
            elif not finding.uncertain and (family_ok or not finding.family):
                return True, finding
    return (False, negated) if negated else None


_MED_FIELD = re.compile(r"(?P<drug>[a-z_]+?)_(?P<what>doses_per_day|dose)$")


def _medication(facts: NoteFacts, concept: str) -> tuple[Any, Finding] | None:
    """`<drug>_dose` -> [dose, unit]; `<drug>_doses_per_day` -> count; `steroid_dose` -> first steroid."""
    match = _MED_FIELD.match(concept)
    if not match:
        return None
    drug, what = match.group("drug"), match.group("what")
    if drug == "steroid":
        found = next((f for f in facts.findings if f.concept.removeprefix("med:") in STEROIDS), None)
    else:
        found = facts.first(f"med:{drug}")
    if found is None:
        return None
    if what == "dose":
        return [found.value["dose"], found.value["unit"]], found
    per_day = found.value.get("per_day")
    return (per_day, found) if per_day is not None else None


def _direct(facts: NoteFacts, concept: str) -> Finding | None:
    for candidate in _candidates(concept):
        found = facts.first(candidate)
        if found is not None:
            return found
    return None


def fill_inputs(calculator: Calculator, facts: NoteFacts) -> FilledInputs:
    """The inputs of `calculator` that the note supports, each with its source span."""
    asks = any(getattr(field_meta(calculator.Inputs, n), "concept", None) in _QUESTION_CONCEPTS
               for n in calculator.Inputs.model_fields)
    key = ("fill", calculator.id, facts.question if asks else None, len(facts.findings))
    if key not in facts._memo:
        facts._memo[key] = _fill(calculator, facts)
    return facts._memo[key].model_copy(deep=True)  # callers may edit their copy


def _fill(calculator: Calculator, facts: NoteFacts) -> FilledInputs:
    filled = FilledInputs()
    for name, info in calculator.Inputs.model_fields.items():
        meta = field_meta(calculator.Inputs, name)
        concept = getattr(meta, "concept", None) or name
        value: Any = None
        finding: Finding | None = None
        if concept in DERIVED and (info.annotation is bool or isinstance(meta, Flag)):
            hit = DERIVED[concept](facts)
            if hit is not None:
                value, finding = hit
        elif isinstance(meta, Measure) and _MED_FIELD.match(concept) and not _quantity(facts, concept, meta):
            hit = _medication(facts, concept)
            if hit is not None:
                value, finding = hit
        elif isinstance(meta, Measure):
            finding = _quantity(facts, concept, meta)
            if finding is not None:
                value = [finding.value, finding.unit] if finding.unit else finding.value
        elif isinstance(meta, Flag) or info.annotation is bool:
            hit = _flag(facts, concept)
            if hit is not None:
                value, finding = hit
        elif literal_options(info.annotation):
            options = literal_options(info.annotation)
            resolved = resolve_choice(concept, options, facts)
            if resolved is not None:
                value, finding = resolved
        else:  # dates and other plain values (e.g. the last menstrual period)
            finding = _direct(facts, concept)
            if finding is not None:
                value = finding.value
        if value is None or finding is None:
            if info.is_required():
                filled.missing.append(name)
            continue
        filled.inputs[name] = value
        filled.provenance[name] = _source(name, value, finding)
    return filled
