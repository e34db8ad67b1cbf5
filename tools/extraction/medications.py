"""Medications with dose, unit and frequency (what opioid and steroid conversions need)."""

from __future__ import annotations

import re

from dxkit.tools.extraction.model import Finding, Span

# canonical drug key -> name patterns (route words kept: "fentanyl patch" and "fentanyl buccal" differ)
DRUGS: dict[str, str] = {
    "codeine": r"codeine",
    "fentanyl_patch": r"fentanyl (?:transdermal )?patch|transdermal fentanyl|fentanyl TD",
    "fentanyl_buccal": r"fentanyl buccal|buccal fentanyl|fentanyl (?:lozenge|oral transmucosal)",
    "fentanyl": r"fentanyl",
    "hydrocodone": r"hydrocodone",
    "hydromorphone": r"hydromorphone|dilaudid",
    "methadone": r"methadone",
    "morphine": r"morphine",
    "oxycodone": r"oxycodone|oxycontin",
    "oxymorphone": r"oxymorphone",
    "tapentadol": r"tapentadol",
    "tramadol": r"tramadol",
    "betamethasone": r"betamethasone(?: IV| PO)?",
    "cortisone": r"cortisone(?: PO)?",
    "dexamethasone": r"dexamethasone(?: IV| PO)?",
    "hydrocortisone": r"hydrocortisone(?: IV| PO)?",
    "methylprednisolone": r"methyl ?prednisolone(?: IV| PO)?",
    "prednisolone": r"(?<!methyl)(?<!methyl )prednisolone(?: PO)?",
    "prednisone": r"prednisone(?: PO)?",
    "triamcinolone": r"triamcinolone(?: IV| PO)?",
}
STEROIDS = ("betamethasone", "cortisone", "dexamethasone", "hydrocortisone", "methylprednisolone", "prednisolone",
            "prednisone", "triamcinolone")
_DRUG_RE = {k: re.compile(rf"(?<![\w-])(?:{v})(?![\w-])", re.I) for k, v in DRUGS.items()}
_DOSE = r"(?P<dose>\d+(?:\.\d+)?)\s*(?P<unit>mg|mcg|µg|μg|ug|g)(?:/h(?:r|our)?)?"
_FREQ = re.compile(r"(?P<n>\d+|once|twice|three|four)\s*(?:times?|x)\s*(?:a|per|/)\s*day|(?P<word>once|twice) daily|"
                   r"\b(?P<abbr>qd|bid|tid|qid|daily)\b|every (?P<hours>\d+) ?h(?:ours?)?", re.I)
_FREQ_WORDS = {"once": 1, "twice": 2, "three": 3, "four": 4, "qd": 1, "daily": 1, "bid": 2, "tid": 3, "qid": 4}


def _per_day(text: str) -> tuple[float, str] | None:
    match = _FREQ.search(text)
    if not match:
        return None
    if match.group("n"):
        n = match.group("n").lower()
        return float(_FREQ_WORDS.get(n, n)), match.group(0)
    if match.group("word"):
        return float(_FREQ_WORDS[match.group("word").lower()]), match.group(0)
    if match.group("abbr"):
        return float(_FREQ_WORDS[match.group("abbr").lower()]), match.group(0)
    return 24 / float(match.group("hours")), match.group(0)


def extract_medications(text: str) -> list[Finding]:
    """Findings `med:<drug>` with value {"dose", "unit", "per_day"} and the span they came from."""
    findings: list[Finding] = []
    claimed: list[tuple[int, int]] = []
    for drug, pattern in _DRUG_RE.items():  # specific names (patch, buccal) come before plain ones
        for match in pattern.finditer(text):
            if any(s <= match.start() < e for s, e in claimed):
                continue
            # "50 mg of Tapentadol 1 time a day" or "tapentadol 50 mg twice daily"
            before = re.search(_DOSE + r"\s*(?:of\s+)?$", text[max(0, match.start() - 25):match.start()], re.I)
            after = re.match(r"[^\d\n.;]{0,15}?" + _DOSE, text[match.end():match.end() + 40], re.I)
            dose_match = before or after
            if not dose_match:
                continue
            tail = text[match.end():match.end() + 40]
            frequency = _per_day(tail.split(",")[0] if before else tail)
            start = match.start() - (len(before.group(0)) if before else 0)
            end = match.end() + (after.end() if after else 0)
            unit = dose_match.group("unit").replace("μ", "u").replace("µ", "u").replace("mcg", "ug")
            dose = float(dose_match.group("dose"))
            note = None
            if drug.startswith("fentanyl") and unit == "mg" and dose >= 5:
                # fentanyl is dosed in micrograms; "20 mg" of fentanyl would be ~100x a lethal dose
                unit, note = "ug", f"read as {dose:g} µg ({dose:g} mg of fentanyl is implausible)"
            claimed.append((match.start(), match.end()))
            findings.append(Finding(
                concept=f"med:{drug}",
                value={"dose": dose, "unit": unit, "per_day": frequency[0] if frequency else None},
                unit=unit, note=note, span=Span(start=start, end=end, text=text[start:end]),
            ))
    findings.sort(key=lambda f: f.span.start)
    return findings
