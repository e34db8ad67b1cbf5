"""Age (with its unit) and sex from a note's wording."""

from __future__ import annotations

import re

from dxkit.tools.extraction.model import Finding, Span

_AGE_PATTERNS = [
    re.compile(r"(?P<num>\d{1,3}(?:\.\d+)?)[- ]?(?P<unit>years?|yrs?|months?|mos?|weeks?|wks?|days?)[- ]?old", re.I),
    re.compile(r"(?P<num>\d{1,3})[- ]?(?P<unit>yo|y/o|y\.o\.|yr old|year old)\b", re.I),
    re.compile(r"\b(?:aged?|age of|age:)\s*(?P<num>\d{1,3})(?:\s*(?P<unit>years?|months?))?", re.I),
    re.compile(r"\b(?P<num>\d{1,3})\s*(?P<unit>M|F)\b(?=[\s,.])"),  # "67 M presents ..."
    re.compile(r"\bin (?:his|her) (?P<num>\d0)s\b", re.I),  # decade only: a last resort
]
_UNIT_WORD = {"y": "years", "m": "months", "w": "weeks", "d": "days"}

_MALE = re.compile(r"\b(?:man|male|boy|gentleman|he|him|his|mr\.?|husband|father|son)\b", re.I)
_FEMALE = re.compile(r"\b(?:woman|female|girl|lady|she|her|hers|mrs\.?|ms\.?|wife|mother|daughter|pregnant|"
                     r"gravida|G\d+P\d+)\b", re.I)
_SEX_EXPLICIT = re.compile(r"\b(?P<word>man|woman|male|female|boy|girl|gentleman|lady)\b|\b\d{1,3}\s*(?P<mf>[MF])\b",
                           re.I)


def extract_age(text: str) -> list[Finding]:
    for rank, pattern in enumerate(_AGE_PATTERNS):
        match = pattern.search(text)
        if not match:
            continue
        raw_unit = (match.groupdict().get("unit") or "years").lower()
        if raw_unit in ("m", "f"):
            raw_unit = "years"
        unit = _UNIT_WORD.get(raw_unit[0], "years") if not raw_unit.startswith("mo") else "months"
        if raw_unit.startswith("mo"):
            unit = "months"
        value = float(match.group("num")) + (5 if rank == len(_AGE_PATTERNS) - 1 else 0)
        note = "decade only: mid-decade assumed" if rank == len(_AGE_PATTERNS) - 1 else None
        return [Finding(concept="age", value=value, unit=unit, note=note,
                        span=Span(start=match.start(), end=match.end(), text=match.group(0)))]
    return []


def extract_sex(text: str) -> list[Finding]:
    explicit = _SEX_EXPLICIT.search(text)
    if explicit:
        word = (explicit.group("word") or explicit.group("mf")).lower()
        sex = "male" if word in ("man", "male", "boy", "gentleman", "m") else "female"
        return [Finding(concept="sex", value=sex, span=Span(start=explicit.start(), end=explicit.end(),
                                                             text=explicit.group(0)))]
    male, female = list(_MALE.finditer(text)), list(_FEMALE.finditer(text))
    if not male and not female:
        return []
    winner, sex = (male, "male") if len(male) >= len(female) else (female, "female")
    first = winner[0]
    return [Finding(concept="sex", value=sex, note=f"inferred from pronouns ({len(male)} male, {len(female)} female)",
                    span=Span(start=first.start(), end=first.end(), text=first.group(0)))]
