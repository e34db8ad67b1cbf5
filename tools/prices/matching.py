"""Normalisation of test names before matching ("CT chest w/o contrast" == "ct chest without contrast")."""

from __future__ import annotations

import re

from dxkit.tools.ontology.text import fold, singular

_REWRITES = (
    (re.compile(r"\bw/o\b"), " without "),
    (re.compile(r"\bw/"), " with "),
    (re.compile(r"&"), " and "),
    (re.compile(r"\bx[\s-]?rays?\b"), " xray "),
    (re.compile(r"\+"), " plus "),
)
_NON_WORD = re.compile(r"[^a-z0-9]+")
_FILLER = frozenset({"the", "of", "test", "level", "levels", "please", "order"})


def normalise_test_name(text: str) -> str:
    """Canonical key of a test name: folded, abbreviations spelled out, filler words dropped."""
    folded = fold(text)
    for pattern, replacement in _REWRITES:
        folded = pattern.sub(replacement, folded)
    words = [singular(w) for w in _NON_WORD.sub(" ", folded).split()]
    kept = [w for w in words if w not in _FILLER]
    # A name made only of filler ("test") keeps its words rather than vanishing.
    return " ".join(kept or words)
