"""Fuzzy word overlap between a phrase (outcome, arm name) and a piece of text."""

from __future__ import annotations

import re

STOPWORDS = frozenset(
    "the a an of in on and or for to with by at from as vs versus group groups arm patients rate "
    "rates mean number score scores between after before during level levels total".split()
)
INTERVENTION_WORDS = frozenset({"intervention", "experimental", "treatment", "treated", "active", "study"})
COMPARATOR_WORDS = frozenset({"control", "controls", "placebo", "usual", "comparator", "sham", "standard"})
BASELINE = re.compile(r"\b(baseline|pre-?test|pre-?treatment|pre-?intervention|before)\b", re.IGNORECASE)
WORD = re.compile(r"[a-z][a-z0-9\-]*")


def stem(word: str) -> str:
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        word = word[:-1]  # plural: "TEAEs" and "TEAE" are one word
    return word[:5]


def words(text: str) -> list[str]:
    return [w for w in WORD.findall(text.lower().replace("\u2010", "-")) if len(w) >= 2]


def content_stems(phrase: str) -> set[str]:
    stems = {stem(w) for w in words(phrase) if w not in STOPWORDS and len(w) >= 3}
    for token in re.findall(r"\(([A-Za-z0-9\-]{2,})\)", phrase):  # acronyms given in brackets
        stems.add(stem(token.lower()))
    return stems


def overlap(phrase: str, text: str) -> float:
    """Share of the phrase's content stems found in `text` (0..1)."""
    wanted = content_stems(phrase)
    if not wanted:
        return 0.0
    present = {stem(w) for w in words(text)}
    return len(wanted & present) / len(wanted)


def arm_score(arm: str, text: str, role: str) -> float:
    """How strongly `text` names this arm: its own words first, generic role words second."""
    own = overlap(arm, text)
    generic = INTERVENTION_WORDS if role == "intervention" else COMPARATOR_WORDS
    present = set(words(text))
    return own + (0.5 if present & generic else 0.0)
