"""Inputs that are judgements about the whole note rather than a phrase in it.

Each rule is general and written for clinicians to check:
- "cough absent": the note negates cough (True) or affirms it (False);
- "alternative diagnosis at least as likely as DVT" (Wells DVT): True unless the note raises
  DVT as the working diagnosis (a current, non-negated mention of DVT that is not history);
- "PE is the most likely diagnosis" (Wells PE): True when the note raises PE as the current
  working or confirmed diagnosis, False when PE is mentioned only as history or negated;
- "symptoms began within 3 days" (FeverPAIN): from the stated duration of the illness.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from dxkit.calculators.units import convert
from dxkit.errors import InputError
from dxkit.tools.extraction.model import Finding, NoteFacts, Span

Derived = tuple[bool, Finding] | None


def _cough_absent(facts: NoteFacts) -> Derived:
    for finding in facts.for_concept("cough"):
        if finding.family:
            continue
        return (True, finding) if finding.negated else (False, finding)
    return None


def _current(facts: NoteFacts, concept: str) -> Finding | None:
    """A mention of `concept` as the present problem: not negated, not history, not family."""
    for finding in facts.for_concept(concept):
        if not finding.negated and not finding.historical and not finding.family:
            return finding
    return None


def _note_span(facts: NoteFacts) -> Finding:
    return Finding(concept="judgement", value=None, span=Span(start=0, end=0, text=""),
                   note="judged from the whole note")


def _alternative_dx_as_likely(facts: NoteFacts) -> Derived:
    working = _current(facts, "dvt")
    if working is not None:
        return False, working
    finding = _note_span(facts)
    finding.note = "no current mention of DVT: another diagnosis is at least as likely"
    return True, finding


def _pe_most_likely(facts: NoteFacts) -> Derived:
    working = _current(facts, "pulmonary_embolism")
    if working is not None:
        return True, working
    finding = _note_span(facts)
    finding.note = "PE not raised as the current diagnosis"
    return False, finding


_DURATION = re.compile(r"(?:(?:for|over|during|in) the (?:past|last|previous) )(?P<n2>\d+|one|two|three|four|five|six|"
                       r"seven|several|few) (?P<unit2>hours?|days?|weeks?|months?)|"
                       r"(?P<n>\d+|one|two|three|four|five|six|seven|a|several|few)[- ](?P<unit>hours?|days?|weeks?|"
                       r"months?)(?:'|’)? (?:of |history|duration|ago|prior)", re.I)
_WORDS = {"one": 1, "a": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "several": 4, "few": 3}


def _onset_within_3_days(facts: NoteFacts) -> Derived:
    match = _DURATION.search(facts.text)
    if not match:
        return None
    raw = (match.group("n") or match.group("n2")).lower()
    number = float(_WORDS.get(raw, raw))
    unit = match.group("unit") or match.group("unit2")
    days = number * {"h": 1 / 24, "d": 1, "w": 7, "m": 30}[unit[0].lower()]
    finding = Finding(concept="symptom_onset", value=days, span=Span(start=match.start(), end=match.end(),
                                                                        text=match.group(0)))
    return days <= 3, finding


def _value(facts: NoteFacts, concept: str, unit: str, analyte: str | None = None) -> tuple[float, Finding] | None:
    """The first reading of a quantity, converted to `unit` (None if absent or unconvertible)."""
    for finding in facts.for_concept(concept):
        if not isinstance(finding.value, int | float):
            continue
        try:
            value = convert(finding.value, finding.unit or unit, unit, field=concept, analyte=analyte)
        except InputError:
            continue
        return value, finding
    return None


def _gcs_below_15(facts: NoteFacts) -> Derived:
    found = _value(facts, "gcs_total", "dimensionless")
    return (found[0] < 15, found[1]) if found else None


_CAD_RISK_FACTORS = ("hypertension", "hyperlipidemia", "diabetes", "smoking", "family_history_cvd")


def _three_cad_risk_factors(facts: NoteFacts) -> Derived:
    """TIMI: at least 3 of hypertension, hyperlipidaemia, diabetes, smoking, family history of CAD."""
    present = []
    for concept in _CAD_RISK_FACTORS:
        hit = next((f for f in facts.for_concept(concept) if not f.negated and not f.uncertain
                    and (concept == "family_history_cvd" or not f.family)), None)
        if hit is not None:
            present.append(hit)
    if not present:
        return None
    finding = present[0].model_copy(update={"note": f"{len(present)} CAD risk factors named"})
    return len(present) >= 3, finding


def _sirs(facts: NoteFacts) -> Derived:
    """SIRS (BISAP): at least 2 of T > 38 or < 36 °C, HR > 90, RR > 20 or PaCO2 < 32 mmHg,
    WBC > 12 or < 4 x10^9/L or bands > 10 %."""
    met, seen = [], []
    checks = [
        ("temperature", "degC", None, lambda v: v > 38 or v < 36),
        ("heart_rate", "1/min", None, lambda v: v > 90),
        ("respiratory_rate", "1/min", None, lambda v: v > 20),
        ("paco2", "mmHg", None, lambda v: v < 32),
        ("wbc", "1e3 count/uL", None, lambda v: v > 12 or v < 4),
        ("band_forms", "percent", None, lambda v: v > 10),
    ]
    for concept, unit, analyte, rule in checks:
        found = _value(facts, concept, unit, analyte)
        if found is None:
            continue
        seen.append(found[1])
        if rule(found[0]):
            met.append(concept)
    if not seen:
        return None
    criteria = {"temperature", "heart_rate", "wbc"} & set(met)
    count = len(criteria) + int(bool({"respiratory_rate", "paco2"} & set(met))) + int(
        "band_forms" in met and "wbc" not in met)
    finding = seen[0].model_copy(update={"note": f"SIRS criteria met: {count} ({', '.join(met) or 'none'})"})
    return count >= 2, finding


DERIVED: dict[str, Callable[[NoteFacts], Derived]] = {
    "gcs_below_15": _gcs_below_15,
    "gcs_below_15_at_2h": _gcs_below_15,
    "three_cad_risk_factors": _three_cad_risk_factors,
    "sirs": _sirs,
    "cough_absent": _cough_absent,
    "alternative_diagnosis_as_likely": _alternative_dx_as_likely,
    "pe_most_likely": _pe_most_likely,
    "symptom_onset_within_3_days": _onset_within_3_days,
}
