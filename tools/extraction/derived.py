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


_DURATION = re.compile(r"(?P<n>\d+|one|two|three|four|five|six|seven|a|several|few)[- ](?P<unit>hours?|days?|weeks?|"
                       r"months?)(?:'|’)? (?:of |history|duration|ago|prior)", re.I)
_WORDS = {"one": 1, "a": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "several": 4, "few": 3}


def _onset_within_3_days(facts: NoteFacts) -> Derived:
    match = _DURATION.search(facts.text)
    if not match:
        return None
    raw = match.group("n").lower()
    number = float(_WORDS.get(raw, raw))
    days = number * {"h": 1 / 24, "d": 1, "w": 7, "m": 30}[match.group("unit")[0].lower()]
    finding = Finding(concept="symptom_onset", value=days, span=Span(start=match.start(), end=match.end(),
                                                                        text=match.group(0)))
    return days <= 3, finding


DERIVED: dict[str, Callable[[NoteFacts], Derived]] = {
    "cough_absent": _cough_absent,
    "alternative_diagnosis_as_likely": _alternative_dx_as_likely,
    "pe_most_likely": _pe_most_likely,
    "symptom_onset_within_3_days": _onset_within_3_days,
}
