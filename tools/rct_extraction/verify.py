"""Code-side check that a number really occurs in the text it is said to come from."""

from __future__ import annotations

import re

from dxkit.tools.rct_extraction.schemas import ExtractedNumber, SourceSpan

NUMBER = re.compile(r"(?<![\w.])[-\u2212\u2013]?\d+(?:[.,]\d+)*(?:\.\d+)?")


def parse_number(token: str) -> float | None:
    token = token.replace("\u2212", "-").replace("\u2013", "-")
    if re.fullmatch(r"-?\d{1,3}(,\d{3})+(\.\d+)?", token):
        token = token.replace(",", "")
    token = token.replace(",", ".")
    try:
        return float(token)
    except ValueError:
        return None


def numbers_in(text: str) -> list[tuple[float, int, int]]:
    """Every number in `text` with its offsets."""
    found = []
    for match in NUMBER.finditer(text):
        value = parse_number(match.group())
        if value is not None:
            found.append((value, match.start(), match.end()))
    return found


def number_in_text(value: float, text: str) -> tuple[int, int] | None:
    """Offsets of the first occurrence of `value` (as a number, sign-insensitive) in `text`."""
    for number, start, end in numbers_in(text):
        if abs(abs(number) - abs(value)) < 1e-9:
            return start, end
    return None


def verify_number(value: float | None, quote: str | None, document: str) -> ExtractedNumber:
    """Accept a model's number only if the quote is in the document and the number in the quote."""
    if value is None or not quote:
        return ExtractedNumber()
    at = document.find(quote.strip())
    if at < 0:
        return ExtractedNumber()
    inside = number_in_text(value, quote.strip())
    if inside is None:
        return ExtractedNumber()
    start, end = at + inside[0], at + inside[1]
    return ExtractedNumber(value=value, span=SourceSpan(start=start, end=end, text=document[start:end]),
                           method="llm")
