"""ConText-style modifiers: negation, uncertainty, history and family experiencer.

A trigger word modifies mentions that follow it (or precede it, for post-triggers such as
"... was ruled out") within the same clause: the scope stops at sentence punctuation, at a
semicolon, or at a conjunction that changes polarity ("but", "however", "although").
After Chapman et al., ConText (J Biomed Inform 2009;42:839-851, doi:10.1016/j.jbi.2009.05.002).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_PRE_NEGATION = [
    r"no", r"not", r"denies", r"denied", r"deny", r"denying", r"without", r"negative for", r"absence of",
    r"absent", r"free of", r"no evidence of", r"no signs? of", r"no history of", r"no h/o", r"never had",
    r"never", r"none", r"neither", r"nor", r"non", r"rules? out", r"ruled out", r"unremarkable for",
    r"did not have", r"does not have", r"has not had", r"had no", r"has no", r"with no", r"not have",
    r"no known", r"nkda", r"resolved", r"w/o",
]
_POST_NEGATION = [
    r"was ruled out", r"were ruled out", r"is ruled out", r"ruled out", r"was negative", r"were negative",
    r"is negative", r"negative", r"absent", r"was absent", r"were absent", r"not present", r"was excluded",
    r"unlikely", r"denied",
]
_PRE_UNCERTAIN = [
    r"possible", r"possibly", r"probable", r"probably", r"suspected", r"suspicion of", r"suspicious for",
    r"concern for", r"concerning for", r"questionable", r"question of", r"may have", r"might have",
    r"could be", r"likely", r"rule out", r"r/o", r"cannot exclude", r"cannot be excluded", r"differential",
    r"vs\.?", r"versus", r"presumed", r"presumptive", r"consider", r"considered", r"evaluate for",
    r"evaluation for", r"risk of", r"at risk for", r"screening for", r"if ",
]
_POST_UNCERTAIN = [r"was suspected", r"is suspected", r"was considered", r"was possible", r"\?"]
_FAMILY = [
    r"family history of", r"family history", r"fh of", r"mother", r"father", r"brother", r"sister",
    r"sibling", r"siblings", r"parent", r"parents", r"grandmother", r"grandfather", r"aunt", r"uncle",
    r"cousin", r"son", r"daughter", r"relative", r"relatives",
]
_HISTORY = [r"history of", r"h/o", r"hx of", r"prior", r"previous", r"previously", r"past medical history",
            r"pmh", r"remote", r"status post", r"s/p"]
_TERMINATORS = re.compile(r"[.;:!?\n]|\bbut\b|\bhowever\b|\balthough\b|\bthough\b|\bexcept\b|\bwhich\b|"
                          r"\baside from\b|\bapart from\b|\bother than\b|\bwith the exception\b|\bpresents?\b|"
                          r"\bpresented\b|\breports?\b|\bcomplain|\bfound to\b|\brevealed\b|\bshowed\b|\bshows\b|"
                          r"\bdemonstrated\b|\bdeveloped\b|\bunderwent\b", re.I)
_MAX_SCOPE_CHARS = 90
# A negated list ("denies heart failure, sepsis, stroke, COPD, or malignancy") carries the
# negation past the usual window, as long as what lies between is list items only.
_MAX_LIST_CHARS = 240
_LIST_GAP = re.compile(r"(?:[\w\s/()'-]{0,60}?(?:,|\bor\b|\band\b|\bnor\b))+[\w\s/()'-]{0,60}", re.I)
_NOT_A_LIST = re.compile(r"\b(?:was|were|is|are|has|have|had|found|shows?|showed|revealed|with|which|who|after|"
                         r"since|due|because|treated|started|given|underwent)\b", re.I)


def _compile(words: list[str]) -> re.Pattern[str]:
    return re.compile(r"(?<![\w-])(?:" + "|".join(sorted(words, key=len, reverse=True)) + r")(?![\w-])", re.I)


_PRE_NEG = _compile(_PRE_NEGATION)
_POST_NEG = _compile(_POST_NEGATION)
_PRE_UNC = _compile(_PRE_UNCERTAIN)
_POST_UNC = _compile(_POST_UNCERTAIN)
_FAM = _compile(_FAMILY)
_HIST = _compile(_HISTORY)


@dataclass(frozen=True)
class Modifiers:
    negated: bool = False
    uncertain: bool = False
    historical: bool = False
    family: bool = False


def _clause_before(text: str, start: int) -> str:
    window = text[max(0, start - _MAX_SCOPE_CHARS):start]
    cut = None
    for match in _TERMINATORS.finditer(window):
        cut = match.end()
    return window[cut:] if cut is not None else window


def _clause_after(text: str, end: int) -> str:
    window = text[end:end + 40]
    match = _TERMINATORS.search(window)
    return window[:match.start()] if match else window


def _list_negated(text: str, start: int) -> bool:
    window = text[max(0, start - _MAX_LIST_CHARS):start]
    cut = None
    for match in _TERMINATORS.finditer(window):
        cut = match.end()
    clause = window[cut:] if cut is not None else window
    triggers = list(_PRE_NEG.finditer(clause))
    if not triggers:
        return False
    gap = clause[triggers[-1].end():]
    return bool(_LIST_GAP.fullmatch(gap)) and not _NOT_A_LIST.search(gap)


def modifiers(text: str, start: int, end: int) -> Modifiers:
    """The ConText modifiers that apply to the mention text[start:end]."""
    before = _clause_before(text, start)
    after = _clause_after(text, end)
    # A mention listed after a negated one in the same list ("no fever, chills or cough")
    # is inside the negation scope too: the clause window covers it.
    negated = bool(_PRE_NEG.search(before)) or bool(re.match(r"\s*(?:" + _POST_NEG.pattern + ")", after, re.I)) or (
        _list_negated(text, start))
    uncertain = bool(_PRE_UNC.search(before)) or bool(re.match(r"\s*(?:" + _POST_UNC.pattern + ")", after, re.I))
    family = bool(_FAM.search(before))
    historical = bool(_HIST.search(before))
    return Modifiers(negated=negated, uncertain=uncertain and not negated, historical=historical, family=family)
