"""Normalisation of clinical names before matching: one function used on both sides.

Because the same function runs over the ontology's names and over the query, a rewrite
only has to make equivalent spellings collide; it never has to produce the "right" form.
"""

from __future__ import annotations

import re
import unicodedata

# British -> American spellings (substring rewrites, applied to both sides).
SPELLING = (
    ("haemorrh", "hemorrh"), ("haemat", "hemat"), ("haemo", "hemo"), ("haem", "hem"),
    ("anaem", "anem"), ("aemia", "emia"), ("leukaem", "leukem"), ("ischaem", "ischem"),
    ("oesophag", "esophag"), ("oedema", "edema"), ("oestr", "estr"), ("diarrhoea", "diarrhea"),
    ("tumour", "tumor"), ("paediatr", "pediatr"), ("orthopaed", "orthoped"), ("gynaec", "gynec"),
    ("foetal", "fetal"), ("coeliac", "celiac"), ("caecum", "cecum"), ("dyspnoea", "dyspnea"),
    ("apnoea", "apnea"), ("sulph", "sulf"), ("fibre", "fiber"), ("centre", "center"),
    ("aluminium", "aluminum"), ("labour", "labor"), ("colour", "color"), ("behaviour", "behavior"),
)
# 'a' is dropped only in first place: elsewhere it is a letter that names things
# ("hepatitis A", "hemophilia A").
ARTICLES = frozenset({"the", "an"})
NEGATIONS = frozenset({"non", "not", "no", "without", "absent", "negative"})
# Words that name the kind of condition rather than the condition: "Meigs syndrome",
# "Hirschsprung disease" and "Hirschsprung's" all reduce to the same core.
GENERIC_WORDS = frozenset({"disease", "syndrome", "disorder", "condition", "infection"})
# Leading words that narrow a diagnosis without changing what it is; dropping them gives the
# broader concept. 'malignant' and 'benign' are left out on purpose: they change the disease.
QUALIFIERS = frozenset({
    "acute", "subacute", "chronic", "active", "congenital", "acquired", "physiological", "physiologic",
    "disseminated", "fulminant", "situational", "complex", "simple", "primary", "secondary", "recurrent",
    "severe", "mild", "moderate", "bilateral", "unilateral", "left", "right", "idiopathic", "early",
    "late", "advanced", "uncomplicated", "complicated", "suspected", "probable", "possible",
    # where it was caught and where it sits: "community-acquired pneumonia" -> "pneumonia"
    "community", "hospital", "healthcare", "ventilator", "associated", "nosocomial", "lobar", "atypical",
})
_POSSESSIVE = re.compile(r"(\w)'s\b")
_NON_WORD = re.compile(r"[^a-z0-9]+")
_PARENTHETICAL = re.compile(r"\(([^)]*)\)|\[([^\]]*)\]")


def fold(text: str) -> str:
    """Lower case, accents removed, typographic quotes made plain."""
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("`", "'")
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def normalise_text(text: str) -> str:
    """Canonical key: folded, possessives dropped, punctuation to spaces, spellings unified."""
    folded = _POSSESSIVE.sub(r"\1", fold(text))
    folded = folded.replace("s' ", "s ")
    for british, american in SPELLING:
        folded = folded.replace(british, american)
    words = [singular(w) for w in _NON_WORD.sub(" ", folded).split() if w not in ARTICLES]
    if len(words) > 1 and words[0] == "a":
        words = words[1:]
    return " ".join(words)


def singular(word: str) -> str:
    # Crude, but applied to both sides: 'hemorrhoids' meets 'hemorrhoid', 'Stevens' meets 'Steven'.
    if len(word) > 4 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def without_leading_qualifiers(key: str) -> str | None:
    """'physiological neonatal jaundice' -> 'neonatal jaundice'; None when nothing is dropped."""
    words = key.split()
    dropped = 0
    while dropped < len(words) - 1 and words[dropped] in QUALIFIERS:
        dropped += 1
    return " ".join(words[dropped:]) if dropped else None


def core_key(key: str) -> str:
    """A normalised key without generic words ('meigs syndrome' -> 'meigs')."""
    words = [w for w in key.split() if w not in GENERIC_WORDS]
    return " ".join(words) if words else key


def split_parenthetical(text: str) -> tuple[str, list[str]]:
    """'Benign paroxysmal positional vertigo (BPPV)' -> ('Benign ... vertigo', ['BPPV'])."""
    inside = [a or b for a, b in _PARENTHETICAL.findall(text)]
    outside = _PARENTHETICAL.sub(" ", text)
    return " ".join(outside.split()), [s.strip() for s in inside if s.strip()]
