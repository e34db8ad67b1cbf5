"""Dated facts: last menstrual period and the date of the encounter."""

from __future__ import annotations

import re
from datetime import date, datetime

from dxkit.tools.extraction.model import Finding, Span

_DATE = (r"(?P<date>\d{1,2}/\d{1,2}/\d{4}|\d{4}-\d{2}-\d{2}|"
         r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.? \d{1,2},? \d{4}|"
         r"\d{1,2} (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]* \d{4})")
_LABELS = {
    "last_menstrual_period": re.compile(r"(?:last menstrual period|LMP|last period|last menses)[^\d\n]{0,25}?" + _DATE,
                                        re.I),
    "current_date": re.compile(r"(?:today'?s date|current date|date of (?:visit|presentation|encounter)|today)"
                               r"[^\d\n]{0,15}?" + _DATE, re.I),
}
_FORMATS = ("%m/%d/%Y", "%Y-%m-%d", "%B %d %Y", "%b %d %Y", "%d %B %Y", "%d %b %Y")


def parse_date(text: str) -> date | None:
    cleaned = text.replace(",", "").replace(".", "").replace("Sept", "Sep")
    for fmt in _FORMATS:
        try:
            return datetime.strptime(cleaned, fmt).date()
        except ValueError:
            continue
    return None


def extract_dates(text: str) -> list[Finding]:
    findings = []
    for concept, pattern in _LABELS.items():
        match = pattern.search(text)
        if match and (parsed := parse_date(match.group("date"))) is not None:
            findings.append(Finding(concept=concept, value=parsed.isoformat(),
                                    span=Span(start=match.start(), end=match.end(), text=match.group(0))))
    return findings
