"""Categorical inputs (a calculator's Literal options) from note text.

Concept-specific readers cover graded findings whose wording varies (ascites, hepatic
encephalopathy, Glasgow Coma Scale responses); any other categorical input is filled only
when exactly one of its options is written in the note.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from dxkit.tools.extraction.context import modifiers
from dxkit.tools.extraction.model import Finding, NoteFacts, Span

Resolved = tuple[str, Finding] | None


def _finding(concept: str, value: str, text: str, match: re.Match[str], note: str | None = None) -> Finding:
    return Finding(concept=concept, value=value, note=note,
                   span=Span(start=match.start(), end=match.end(), text=text[match.start():match.end()]))


def _pick(options: list[str], *wanted: str) -> str | None:
    """The first option whose lower-case text contains any of `wanted`."""
    for word in wanted:
        for option in options:
            if word in option.lower():
                return option
    return None


def _sex(options: list[str], facts: NoteFacts) -> Resolved:
    finding = facts.first("sex")
    if finding is None:
        return None
    option = _pick(options, str(finding.value)) if str(finding.value) != "male" else next(
        (o for o in options if o.lower() in ("male", "m", "man")), None)
    return (option, finding) if option else None


_ASCITES = re.compile(r"(?P<grade>no|without|absent|mild|slight|small|trace|minimal|moderate|severe|large|massive|"
                      r"tense|gross)?[\w\s-]{0,20}?\bascites\b(?P<after>[^.;]{0,30})", re.I)


def _ascites(options: list[str], facts: NoteFacts) -> Resolved:
    match = _ASCITES.search(facts.text)
    if not match:
        return None
    mods = modifiers(facts.text, match.start("grade") if match.group("grade") else match.start(), match.end())
    grade = (match.group("grade") or "").lower()
    after = match.group("after").lower()
    if mods.negated or grade in ("no", "without", "absent"):
        option = _pick(options, "absent", "none", "no")
    elif grade in ("moderate", "severe", "large", "massive", "tense", "gross") or re.search(
            r"moderate|severe|large|massive|tense|refractory|paracentesis", after):
        option = _pick(options, "moderate", "severe")
    else:  # mentioned without a grade, or mild/slight/small/trace
        option = _pick(options, "slight", "mild")
    return (option, _finding("ascites", option, facts.text, match)) if option else None


_ENCEPHALOPATHY = re.compile(r"(?:hepatic )?encephalopathy|asterixis|(?:west haven )?grade (?P<grade>[1-4I]+)"
                             r"(?= (?:hepatic )?encephalopathy)|confus(?:ed|ion)|disorient\w+|somnolen\w+|stupor|coma",
                             re.I)


def _encephalopathy(options: list[str], facts: NoteFacts) -> Resolved:
    for match in _ENCEPHALOPATHY.finditer(facts.text):
        mods = modifiers(facts.text, match.start(), match.end())
        word = match.group(0).lower()
        if mods.negated:
            option = _pick(options, "none", "no")
        elif any(w in word for w in ("stupor", "coma")) or (match.group("grade") or "") in ("3", "4", "III", "IV"):
            option = _pick(options, "3-4", "severe")
        else:
            option = _pick(options, "1-2", "mild")
        if option:
            return option, _finding("hepatic_encephalopathy", option, facts.text, match)
    return None


# Glasgow Coma Scale: phrases for each response, best (highest) first within each component.
_GCS: dict[str, list[tuple[str, str]]] = {
    "eye": [(r"eyes? open(?:s|ed|ing)? spontaneous\w*|spontaneous(?:ly)? (?:eye opening|open)", "spontaneous"),
            (r"eyes? open(?:s|ed|ing)? (?:to|in response to|upon|on) (?:verbal|voice|speech|command|being spoken)",
             "verbal"),
            (r"eyes? open(?:s|ed|ing)? (?:only )?(?:to|in response to|upon|on) (?:pain|painful|noxious|sternal)",
             "pain"),
            (r"(?:no eye opening|eyes? (?:remain(?:ed)? )?closed|does not open (?:his |her )?eyes|"
             r"not open (?:his |her )?eyes)", "no")],
    "verbal": [(r"oriented", "oriented"), (r"confused|disoriented", "confused"),
               (r"inappropriate words|random words|inappropriate (?:speech|responses)", "inappropriate"),
               (r"incomprehensible|moan\w*|groan\w*|mumbl\w*", "incomprehensible"),
               (r"no verbal (?:response|output)|nonverbal|non-verbal|aphasic|mute|no (?:speech|sounds)", "no")],
    "motor": [(r"obey\w* commands?|follows? commands?", "obeys"), (r"locali[sz]\w* (?:to )?pain", "localizes"),
              (r"withdraw\w* (?:from |to )?(?:pain|painful)", "withdraw"),
              (r"(?:abnormal |decorticate )?flexion|decorticate", "flexion"),
              (r"extension|decerebrate", "extension"), (r"no motor response|flaccid", "no")],
}


def _gcs(component: str) -> Callable[[list[str], NoteFacts], Resolved]:
    def resolve(options: list[str], facts: NoteFacts) -> Resolved:
        for pattern, key in _GCS[component]:
            match = re.search(pattern, facts.text, re.I)
            if match:
                option = _pick(options, key)
                if option:
                    return option, _finding(f"gcs_{component}", option, facts.text, match)
        return None
    return resolve


READERS: dict[str, Callable[[list[str], NoteFacts], Resolved]] = {
    "sex": _sex,
    "ascites": _ascites,
    "hepatic_encephalopathy": _encephalopathy,
    "encephalopathy": _encephalopathy,
    "gcs_eye": _gcs("eye"),
    "gcs_verbal": _gcs("verbal"),
    "gcs_motor": _gcs("motor"),
}


def _literal_mention(concept: str, options: list[str], facts: NoteFacts) -> Resolved:
    hits = []
    for option in options:
        if len(str(option)) < 4:
            continue  # short codes ("no", "1") are everywhere in text
        match = re.search(rf"(?<![\w-]){re.escape(str(option))}(?![\w-])", facts.text, re.I)
        if match:
            hits.append((option, match))
    if len(hits) != 1:
        return None
    option, match = hits[0]
    return option, _finding(concept, option, facts.text, match, note="option named in the note")


def resolve_choice(concept: str, options: list[str], facts: NoteFacts) -> Resolved:
    reader = READERS.get(concept)
    if reader is not None:
        return reader([str(o) for o in options], facts)
    return _literal_mention(concept, [str(o) for o in options], facts)
