"""Withholding the diagnosis: some source findings name it ("... consistent with X")."""

from __future__ import annotations

import re

WITHHELD = "[withheld]"
_PAREN = re.compile(r"\(([^)]*)\)")


def diagnosis_variants(diagnosis: str, aliases: list[str] | tuple[str, ...] = ()) -> list[str]:
    """The diagnosis, its aliases, and forms without parentheses or possessives."""
    variants: set[str] = set()
    for name in (diagnosis, *aliases):
        name = name.replace("\u2019", "'").strip()
        if not name:
            continue
        bare = _PAREN.sub(" ", name)
        for form in (name, bare, re.sub(r"'s\b", "", name), re.sub(r"'s\b", "", bare)):
            form = " ".join(form.split()).strip(" .,;")
            if len(form) >= 3:
                variants.add(form)
    return sorted(variants, key=len, reverse=True)


def _pattern(variant: str) -> str:
    parts = [re.escape(word) for word in re.split(r"[\s_-]+", variant) if word]
    body = r"[\s_-]+".join(parts).replace("'", "['\u2019]")
    return rf"(?<![A-Za-z0-9]){body}(?![A-Za-z0-9])"


class Redactor:
    """Replaces every mention of the diagnosis (case-insensitive) and its acronym (exact case)."""

    def __init__(self, diagnosis: str, aliases: list[str] | tuple[str, ...] = ()) -> None:
        variants = diagnosis_variants(diagnosis, aliases)
        self._names = re.compile("|".join(_pattern(v) for v in variants), re.IGNORECASE) if variants else None
        acronyms = [m.strip() for name in (diagnosis, *aliases) for m in _PAREN.findall(name)
                    if re.fullmatch(r"[A-Z][A-Za-z0-9-]{1,9}", m.strip())]
        self._acronyms = re.compile("|".join(rf"\b{re.escape(a)}\b" for a in acronyms)) if acronyms else None

    def scrub(self, text: str) -> tuple[str, bool]:
        """(text with the diagnosis withheld, whether anything was withheld)."""
        out = text
        for pattern in (self._names, self._acronyms):
            if pattern is not None:
                out = pattern.sub(WITHHELD, out)
        return out, out != text
