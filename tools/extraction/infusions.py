"""Weight-based vasopressor and inotrope infusion rates (µg/kg/min), as SOFA needs them.

Notes list several drugs and their rates in one sentence ("dopamine and dobutamine at 5 and
3 mcg/kg/min respectively", "norepinephrine and epinephrine at 0.1 mcg/kg/min each"). Within
a sentence, drugs and rates are paired in order of appearance (first drug named, first rate
given); a single rate followed by "each"/"both" applies to every drug listed before it. A
rate written before its drug ("0.1 mcg/kg/min of norepinephrine") pairs with the next drug.
"""

from __future__ import annotations

import re

from dxkit.tools.extraction.model import Finding, Span

_DRUGS = {
    "norepinephrine": r"nor-?epinephrine|norepi|noradrenaline|levophed",
    "epinephrine": r"(?<!nor)(?<!nor-)(?:epinephrine|epi|adrenaline)",
    "dopamine": r"dopamine",
    "dobutamine": r"dobutamine",
}
_DRUG = re.compile("|".join(rf"(?P<{k}>(?<![\w-])(?:{v})(?![\w-]))" for k, v in _DRUGS.items()), re.I)
_RATE = re.compile(r"(?P<num>\d+(?:\.\d+)?)\s*(?P<unit>mcg|µg|μg|ug|mg)\s*/\s*kg\s*/\s*min(?:ute)?", re.I)
_SENTENCE = re.compile(r"[.;](?:\s|$)|\n")
_EACH = re.compile(r"\s*(?:each|both|apiece)\b", re.I)


def _sentences(text: str) -> list[tuple[int, int]]:
    bounds, start = [], 0
    for match in _SENTENCE.finditer(text):
        bounds.append((start, match.start()))
        start = match.end()
    bounds.append((start, len(text)))
    return bounds


def extract_infusions(text: str) -> list[Finding]:
    """Findings `<drug>_dose` (value in µg/kg/min) for each vasopressor given with a rate."""
    findings: list[Finding] = []
    for start, end in _sentences(text):
        events: list[tuple[int, str, re.Match[str]]] = [
            (m.start(), "drug", m) for m in _DRUG.finditer(text, start, end)] + [
            (m.start(), "rate", m) for m in _RATE.finditer(text, start, end)]
        events.sort(key=lambda e: e[0])
        drugs: list[re.Match[str]] = []
        rates: list[re.Match[str]] = []
        paired: list[tuple[re.Match[str], re.Match[str]]] = []
        for _, kind, match in events:
            if kind == "drug":
                if rates:  # a rate written before its drug
                    paired.append((match, rates.pop(0)))
                else:
                    drugs.append(match)
                continue
            if drugs:
                drug = drugs.pop(0)
                paired.append((drug, match))
                if _EACH.match(text, match.end()):
                    paired.extend((d, match) for d in drugs)
                    drugs.clear()
            elif not paired or not _EACH.match(text, match.end()):
                rates.append(match)
        for drug, rate in paired:
            name = drug.lastgroup or ""
            value = float(rate.group("num")) * (1000.0 if rate.group("unit").lower() == "mg" else 1.0)
            lo, hi = min(drug.start(), rate.start()), max(drug.end(), rate.end())
            findings.append(Finding(concept=f"{name}_dose", value=value, unit="ug/kg/min",
                                    span=Span(start=lo, end=hi, text=text[lo:hi])))
    return findings
