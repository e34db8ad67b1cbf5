"""Map free-text diagnoses onto DOID concepts and ICD-10-CM codes.

Order of attempts (the first that succeeds wins):
1. exact match of the normalised text on a DOID name, EXACT synonym, then RELATED synonym;
2. the same on the "core" (generic words such as disease/syndrome dropped), on common
   clinical abbreviations, including one given in brackets ("... vertigo (BPPV)"), and on
   abbreviated genus names ("C. difficile colitis");
3. exact match on an ICD-10-CM title;
3b. the broader concept left after dropping leading qualifiers ("acute", "congenital", ...);
4. fuzzy match (character trigram + token similarity) on DOID names and synonyms, then on
   ICD-10-CM titles, accepted only at or above `threshold`.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Literal

from pydantic import BaseModel, Field

from dxkit.errors import InputError
from dxkit.tools.ontology.abbreviations import CLINICAL_ABBREVIATIONS
from dxkit.tools.ontology.doid import DiseaseOntology
from dxkit.tools.ontology.fuzzy import NgramIndex
from dxkit.tools.ontology.icd10 import icd10_titles
from dxkit.tools.ontology.text import (
    NEGATIONS,
    core_key,
    normalise_text,
    split_parenthetical,
    without_leading_qualifiers,
)

DEFAULT_THRESHOLD = 0.8
FUZZY_CANDIDATES = 5
FUZZY_ICD_MAX_LENGTH = 5  # characters without the dot: category plus two subdivisions
MEMO_SIZE = 10_000  # judged diagnoses repeat across runs; fuzzy lookups are the slow path  # best fuzzy hits examined before giving up
Method = Literal["exact", "synonym", "variant", "abbreviation", "icd_title", "broader", "fuzzy", "icd_fuzzy"]
# Confidence given to each deterministic route (fuzzy routes report their similarity).
ROUTE_CONFIDENCE = {"exact": 1.0, "synonym": 0.98, "related": 0.9, "variant": 0.93,
                    "abbreviation": 0.9, "icd_title": 0.95, "broader": 0.85}
_RANK = {"exact": 0, "synonym": 1, "related": 2}


class Concept(BaseModel):
    """A normalised diagnosis."""

    query: str = Field(description="The text that was normalised.")
    doid: str | None = Field(None, description="DOID id, or None for a match on an ICD-10-CM title only.")
    name: str = Field(description="Preferred name (DOID name or ICD-10-CM title).")
    icd10: list[str] = Field(default_factory=list, description="Dotted ICD-10-CM codes.")
    icd10_source: Literal["xref", "ancestor", "title", "none"] = Field(
        description="Where the codes came from: the term's xrefs, an ancestor's, the matched title, none.")
    icd10_from: str | None = Field(None, description="The DOID (or code) the ICD codes were taken from.")
    method: Method
    matched: str = Field(description="The ontology string that matched.")
    confidence: float = Field(ge=0.0, le=1.0)


class _Entry(BaseModel):
    doid: str
    text: str
    route: Literal["exact", "synonym", "related"]


class DiseaseNormaliser:
    """Normaliser over one ontology; indexes are built on first use."""

    def __init__(self, ontology: DiseaseOntology, threshold: float = DEFAULT_THRESHOLD) -> None:
        self.ontology = ontology
        self.threshold = threshold
        self._exact: dict[str, _Entry] = {}
        self._core: dict[str, _Entry] = {}
        entries = []
        for term in ontology.terms.values():
            entries.append(_Entry(doid=term.doid, text=term.name, route="exact"))
            entries += [_Entry(doid=term.doid, text=s, route="synonym") for s in term.exact_synonyms]
            entries += [_Entry(doid=term.doid, text=s, route="related") for s in term.related_synonyms]
        # Best entry per key: names before synonyms, terms with codes first, then by id.
        entries.sort(key=lambda e: (_RANK[e.route], not ontology.terms[e.doid].icd10, e.doid))
        for entry in entries:
            key = normalise_text(entry.text)
            self._exact.setdefault(key, entry)
            self._core.setdefault(core_key(key), entry)
        self._fuzzy_keys = list(self._exact)
        self._doid_index: NgramIndex | None = None
        self._icd_by_title: dict[str, str] | None = None
        self._icd_index: NgramIndex | None = None
        self._icd_codes: list[str] = []
        self._memo: dict[tuple[str, float], Concept | None] = {}

    def normalise(self, diagnosis: str, threshold: float | None = None) -> Concept | None:
        """The concept for `diagnosis`; fuzzy matches need `threshold` (default: the normaliser's)."""
        if not isinstance(diagnosis, str):
            raise InputError("diagnosis", diagnosis, "is not a string", accepted="a diagnosis name")
        threshold = self.threshold if threshold is None else threshold
        if not 0.0 < threshold <= 1.0:
            raise InputError("threshold", threshold, "is out of range", accepted="a number in (0, 1]")
        memo_key = (diagnosis, threshold)
        if memo_key not in self._memo:
            if len(self._memo) >= MEMO_SIZE:
                self._memo.clear()
            self._memo[memo_key] = self._normalise(diagnosis, threshold)
        found = self._memo[memo_key]
        return found.model_copy(deep=True) if found else None

    def _normalise(self, diagnosis: str, threshold: float) -> Concept | None:
        outside, bracketed = split_parenthetical(diagnosis)
        candidates = [diagnosis, outside, *bracketed]
        keys = [k for k in dict.fromkeys(normalise_text(c) for c in candidates) if k]
        if not keys:
            return None
        for key in keys:
            if key in self._exact:
                entry = self._exact[key]
                return self._concept(diagnosis, entry, entry.route, ROUTE_CONFIDENCE[entry.route])
        for key in keys:
            expanded = CLINICAL_ABBREVIATIONS.get(key)
            if expanded and normalise_text(expanded) in self._exact:
                entry = self._exact[normalise_text(expanded)]
                return self._concept(diagnosis, entry, "abbreviation", ROUTE_CONFIDENCE["abbreviation"])
            if core_key(key) in self._core:
                return self._concept(diagnosis, self._core[core_key(key)], "variant", ROUTE_CONFIDENCE["variant"])
        for key in keys:
            entry = self._genus_expanded(key)
            if entry:
                return self._concept(diagnosis, entry, "abbreviation", ROUTE_CONFIDENCE["abbreviation"])
        for key in keys:
            code = self._titles().get(key)
            if code:
                return self._icd_concept(diagnosis, code, "icd_title", ROUTE_CONFIDENCE["icd_title"])
        for key in keys:
            broader = without_leading_qualifiers(key)
            entry = self._exact.get(broader or "") or self._core.get(core_key(broader or ""))
            if broader and entry:
                return self._concept(diagnosis, entry, "broader", ROUTE_CONFIDENCE["broader"])
        return self._fuzzy(diagnosis, normalise_text(outside) or keys[0], threshold)

    def _genus_expanded(self, key: str) -> _Entry | None:
        """'c difficile colitis' -> 'clostridium difficile colitis': a one-letter word before
        another word reads as an abbreviated genus. A final letter ('hepatitis a') is left alone."""
        words = key.split()
        if not any(len(w) == 1 and w.isalpha() for w in words[:-1]):
            return None
        pattern = re.compile(" ".join(
            f"{re.escape(w)}[a-z]+" if len(w) == 1 and w.isalpha() and i < len(words) - 1 else re.escape(w)
            for i, w in enumerate(words)))
        found = sorted(k for k in self._exact if pattern.fullmatch(k))
        # Only an unambiguous expansion counts ('s aureus' could be several genera elsewhere).
        return self._exact[found[0]] if len({self._exact[k].doid for k in found}) == 1 else None

    def _fuzzy(self, diagnosis: str, key: str, threshold: float) -> Concept | None:
        if self._doid_index is None:
            self._doid_index = NgramIndex(self._fuzzy_keys)
        for position, score in self._doid_index.query(key, k=FUZZY_CANDIDATES):
            if score >= threshold and _same_polarity(key, self._fuzzy_keys[position]):
                entry = self._exact[self._fuzzy_keys[position]]
                return self._concept(diagnosis, entry, "fuzzy", score)
        if self._icd_index is None:
            # Fuzzy matching covers codes down to the first two subdivisions (e.g. S73.01);
            # deeper codes only add laterality or encounter, which a diagnosis seldom names.
            titles = {k: c for k, c in self._titles().items() if len(c.replace(".", "")) <= FUZZY_ICD_MAX_LENGTH}
            self._icd_codes = list(titles.values())
            self._icd_index = NgramIndex(list(titles))
        for position, score in self._icd_index.query(key, k=FUZZY_CANDIDATES):
            if score >= threshold and _same_polarity(key, self._icd_index.texts[position]):
                return self._icd_concept(diagnosis, self._icd_codes[position], "icd_fuzzy", score)
        return None

    def _titles(self) -> dict[str, str]:
        """Normalised ICD-10-CM title -> code; the shortest (most general) code wins a tie."""
        if self._icd_by_title is None:
            by_title: dict[str, str] = {}
            for code, title in sorted(icd10_titles().items(), key=lambda kv: (len(kv[0]), kv[0])):
                by_title.setdefault(normalise_text(title), code)
            self._icd_by_title = by_title
        return self._icd_by_title

    def _concept(self, query: str, entry: _Entry, method: str, confidence: float) -> Concept:
        term = self.ontology.terms[entry.doid]
        if method in ("exact", "synonym", "related"):
            method = "exact" if method == "exact" else "synonym"
        codes, source_doid = list(term.icd10), term.doid
        source = "xref"
        if not codes:
            # A term without xrefs whose own name is an ICD-10-CM title is better coded by that
            # title than by a (usually much broader) ancestor.
            titled = [self._titles().get(normalise_text(n)) for n in (term.name, *term.exact_synonyms)]
            codes = [c for c in dict.fromkeys(titled) if c]
            source = "title"
        if not codes:
            codes, source_doid = self.ontology.icd10_for(term.doid)
            source = "ancestor" if codes else "none"
        return Concept(query=query, doid=term.doid, name=term.name, icd10=codes, icd10_source=source,
                       icd10_from=source_doid, method=method, matched=entry.text,
                       confidence=round(confidence, 4))

    def _icd_concept(self, query: str, code: str, method: str, confidence: float) -> Concept:
        title = icd10_titles()[code]
        return Concept(query=query, doid=None, name=title, icd10=[code], icd10_source="title",
                       icd10_from=code, method=method, matched=title, confidence=round(confidence, 4))


def _same_polarity(a: str, b: str) -> bool:
    """'small cell lung cancer' must not fuzzily become 'non-small cell lung cancer'."""
    return (set(a.split()) & NEGATIONS) == (set(b.split()) & NEGATIONS)


@lru_cache(maxsize=1)
def default_normaliser() -> DiseaseNormaliser:
    """The shipped ontology's normaliser (built once per process)."""
    return DiseaseNormaliser(DiseaseOntology.default())


def normalise(diagnosis_text: str, threshold: float = DEFAULT_THRESHOLD) -> Concept | None:
    """The DOID / ICD-10-CM concept for a diagnosis, or None when nothing matches well enough."""
    return default_normaliser().normalise(diagnosis_text, threshold=threshold)
