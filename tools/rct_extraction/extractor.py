"""Rule-based numeric extraction for one intervention / comparator / outcome.

Candidates are table rows whose label names the outcome and sentences that mention it.
Arms are assigned to table columns by their headers (arm names, then role words such as
"control" or "placebo"), or in prose to the nearest preceding arm mention; without either,
the first value is the intervention's and the second the comparator's. Group sizes come
from the same row, the column header ("n = 35") or "(n = 35)" after an arm's mention.
Every number keeps its span; anything not found is "not reported". Nothing here knows any
particular trial.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from dxkit.tools.rct_extraction.matching import BASELINE, arm_score, overlap
from dxkit.tools.rct_extraction.schemas import (
    ExtractedNumber,
    ExtractionResult,
    ExtractionTarget,
    SourceSpan,
    field_names,
)
from dxkit.tools.rct_extraction.segments import Segment, segment
from dxkit.tools.rct_extraction.verify import parse_number

NUM = r"[-\u2212]?\d+(?:\.\d+)?"
MEAN_SD = re.compile(rf"({NUM})\s*(?:\u00b1|\+/-|\+-|\u2213)\s*({NUM})")
MEAN_PAREN_SD = re.compile(rf"({NUM})\s*\(\s*({NUM})\s*\)")
FRACTION = re.compile(r"(?<![\d.])(\d+)\s*(?:/|\bof\b)\s*(\d+)(?![\d.])")
COUNT_PERCENT = re.compile(r"(?<![\d.])(\d+)\s*[\(\[]\s*(\d+(?:\.\d+)?)\s*%?\s*[\)\]]")
GROUP_SIZE = re.compile(r"\(?\*?\b[nN]\*?\s*=\s*(\d+)")
MIN_OUTCOME_OVERLAP = 0.5
ARM_WINDOW = 120


def _number(document: str, start: int, end: int) -> ExtractedNumber:
    value = parse_number(document[start:end])
    return ExtractedNumber(value=value, span=SourceSpan(start=start, end=end, text=document[start:end]),
                           method="rule")


def _group(match: re.Match[str], index: int, offset: int, document: str) -> ExtractedNumber:
    return _number(document, offset + match.start(index), offset + match.end(index))


def _column_roles(row: Segment, target: ExtractionTarget) -> dict[str, int]:
    """Column index of each arm, when the headers tell them apart."""
    roles: dict[str, int] = {}
    for role, arm in (("intervention", target.intervention), ("comparator", target.comparator)):
        scores = [(arm_score(arm, header, role), i) for i, header in enumerate(row.headers) if i > 0]
        scores = [s for s in scores if s[0] > 0]
        if scores:
            roles[role] = max(scores)[1]
    if len(set(roles.values())) < 2:
        return {}
    return roles


def _pairs(row_or_text: Iterable[tuple[str, int]], pattern: re.Pattern[str]) -> list[tuple[re.Match[str], int]]:
    found = []
    for text, offset in row_or_text:
        found += [(m, offset) for m in pattern.finditer(text)]
    return found


def _header_group_size(row: Segment, column: int, document: str) -> ExtractedNumber | None:
    """`n = 35` in a column header, located in the document near the row."""
    header = row.headers[column] if column < len(row.headers) else ""
    match = GROUP_SIZE.search(header)
    if not match:
        return None
    window_start = max(0, row.start - 3000)
    window = document[window_start:row.start]
    at = window.rfind(match.group(0))
    if at < 0:
        return None
    start = window_start + at + match.group(0).rfind(match.group(1))
    return _number(document, start, start + len(match.group(1)))


def _text_group_sizes(target: ExtractionTarget, document: str) -> dict[str, ExtractedNumber]:
    """`(n = 35)` right after a mention of an arm: each goes to the arm named more clearly."""
    arms = (("intervention", target.intervention), ("comparator", target.comparator))
    found: dict[str, ExtractedNumber] = {}
    for match in GROUP_SIZE.finditer(document):
        before = document[max(0, match.start() - 40):match.start()]
        scores = {role: max(arm_score(arm, before, role), overlap(arm, document[max(0, match.start() - ARM_WINDOW):
                                                                                match.start()]) - 0.2)
                  for role, arm in arms}
        best = max(scores, key=lambda r: scores[r])
        if scores[best] >= 0.3 and scores[best] > min(scores.values()) and best not in found:
            found[best] = _group(match, 1, 0, document)
        if len(found) == 2:
            break
    return found


def _assign_by_order(matches: list[tuple[re.Match[str], int]]) -> dict[str, tuple[re.Match[str], int]]:
    return {"intervention": matches[0], "comparator": matches[1]} if len(matches) >= 2 else {}


def _assign_in_row(row: Segment, target: ExtractionTarget, pattern: re.Pattern[str]):
    roles = _column_roles(row, target)
    cells = row.cells[1:]
    if roles:
        chosen = {}
        for role, column in roles.items():
            hits = _pairs([(c.text, c.start) for c in cells if c.column == column], pattern)
            if hits:
                chosen[role] = hits[0]
        if len(chosen) == 2:
            return chosen, roles
    # outcomes are read after treatment: baseline columns are skipped when others remain
    later = [c for c in cells if not (c.column < len(row.headers) and BASELINE.search(row.headers[c.column]))]
    return _assign_by_order(_pairs([(c.text, c.start) for c in later or cells], pattern)), {}


def _assign_in_sentence(sentence: Segment, target: ExtractionTarget, pattern: re.Pattern[str]):
    matches = _pairs([(sentence.text, sentence.start)], pattern)
    if len(matches) < 2:
        return {}
    chosen: dict[str, tuple[re.Match[str], int]] = {}
    for match, offset in matches:
        before = sentence.text[max(0, match.start() - ARM_WINDOW):match.start()]
        scores = {role: arm_score(arm, before[-60:], role)
                  for role, arm in (("intervention", target.intervention), ("comparator", target.comparator))}
        best = max(scores, key=lambda r: scores[r])
        if scores[best] > 0 and scores[best] > min(scores.values()) and best not in chosen:
            chosen[best] = (match, offset)
    if len(chosen) == 2:
        return chosen
    # by order only when the sentence holds exactly one value per arm
    return _assign_by_order(matches) if len(matches) == 2 else {}


def _candidates(segments: list[Segment], target: ExtractionTarget) -> list[Segment]:
    scored = []
    for seg in segments:
        text = seg.label + " " + seg.caption if seg.kind == "row" else seg.text
        score = overlap(target.outcome, seg.label if seg.kind == "row" else seg.text)
        if seg.kind == "row":
            score = max(score, 0.8 * overlap(target.outcome, text))
        if score >= MIN_OUTCOME_OVERLAP:
            scored.append((score, seg.kind == "row", -seg.start, seg))
    scored.sort(key=lambda item: item[:3], reverse=True)
    return [item[3] for item in scored]


def _continuous(seg: Segment, target: ExtractionTarget, document: str) -> dict[str, ExtractedNumber]:
    patterns = [MEAN_SD]
    context = " ".join(seg.headers) + " " + seg.caption if seg.kind == "row" else seg.text
    if re.search(r"\bSD\b|standard deviation", context):
        patterns.append(MEAN_PAREN_SD)
    for pattern in patterns:
        if seg.kind == "row":
            chosen, roles = _assign_in_row(seg, target, pattern)
        else:
            chosen, roles = _assign_in_sentence(seg, target, pattern), {}
        if len(chosen) == 2:
            out = {}
            for role, (match, offset) in chosen.items():
                out[f"{role}_mean"] = _group(match, 1, offset, document)
                out[f"{role}_standard_deviation"] = _group(match, 2, offset, document)
                if seg.kind == "row" and role in roles:
                    size = _header_group_size(seg, roles[role], document)
                    if size:
                        out[f"{role}_group_size"] = size
            return out
    return {}


def _binary(seg: Segment, target: ExtractionTarget, document: str) -> dict[str, ExtractedNumber]:
    for pattern in (FRACTION, COUNT_PERCENT):
        if seg.kind == "row":
            chosen, roles = _assign_in_row(seg, target, pattern)
        else:
            chosen, roles = _assign_in_sentence(seg, target, pattern), {}
        if len(chosen) != 2:
            continue
        if pattern is FRACTION and any(float(m.group(1)) > float(m.group(2)) for m, _ in chosen.values()):
            continue  # more events than participants: not an events/total pair
        out = {}
        for role, (match, offset) in chosen.items():
            out[f"{role}_events"] = _group(match, 1, offset, document)
            if pattern is FRACTION:
                out[f"{role}_group_size"] = _group(match, 2, offset, document)
            elif seg.kind == "row" and role in roles:
                size = _header_group_size(seg, roles[role], document)
                if size:
                    out[f"{role}_group_size"] = size
        return out
    return {}


def _transposed(segments: list[Segment], target: ExtractionTarget, document: str,
                pattern: re.Pattern[str]) -> dict[str, ExtractedNumber]:
    """Tables whose header or caption names the outcome and whose rows are the arms."""
    tables: dict[int, list[Segment]] = {}
    for seg in segments:
        if seg.kind == "row":
            tables.setdefault(seg.table, []).append(seg)
    for rows in tables.values():
        head = " ".join(rows[0].headers[:1]) + " " + rows[0].caption
        if overlap(target.outcome, head) < MIN_OUTCOME_OVERLAP:
            continue
        found = {}
        for role, arm in (("intervention", target.intervention), ("comparator", target.comparator)):
            labelled = [(overlap(arm, r.label), r) for r in rows if overlap(arm, r.label) >= 0.5]
            if not labelled:
                continue
            row = max(labelled, key=lambda item: item[0])[1]
            hits = _pairs([(c.text, c.start) for c in row.cells[1:]], pattern)
            if hits:
                found[role] = hits[0]
        if len(found) == 2:
            out = {}
            for role, (match, offset) in found.items():
                out[f"{role}_events"] = _group(match, 1, offset, document)
                if pattern is FRACTION:
                    out[f"{role}_group_size"] = _group(match, 2, offset, document)
            return out
    return {}


def extract_rule_based(document: str, target: ExtractionTarget, source_id: str = "document",
                       segments: list[Segment] | None = None) -> ExtractionResult:
    """Extract the numbers of `target` from `document` (Markdown) without any model."""
    segments = segments if segments is not None else segment(document)
    found: dict[str, ExtractedNumber] = {}
    notes = []
    reader = _binary if target.outcome_type == "binary" else _continuous
    for candidate in _candidates(segments, target):
        values = reader(candidate, target, document)
        if values:
            found = values
            notes.append(f"values from {candidate.kind} at offset {candidate.start}")
            break
    if not found and target.outcome_type == "binary":
        found = _transposed(segments, target, document, FRACTION)
        if found:
            notes.append("values from a table with one row per arm")
    mentioned = _text_group_sizes(target, document)
    for role, size in mentioned.items():
        key = f"{role}_group_size"
        if key not in found:
            found[key] = size
            notes.append(f"{key} from a mention of the arm")
    fields = {name: found.get(name, ExtractedNumber()) for name in field_names(target.outcome_type)}
    for name, number in fields.items():  # a count cannot be negative: such a read is not a count
        if (name.endswith("events") or name.endswith("group_size")) and number.value is not None and number.value < 0:
            fields[name] = ExtractedNumber()
    return ExtractionResult(target=target, source_id=source_id, fields=fields, notes=notes)
