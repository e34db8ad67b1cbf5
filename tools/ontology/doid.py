"""The Human Disease Ontology (DOID, CC0) as shipped: names, synonyms, ICD-10-CM xrefs, is_a.

Definitions are not carried. ICD-10-CM codes for a term come from its own xrefs or, failing
that, from its nearest ancestor (breadth-first over is_a) that has one.
"""

from __future__ import annotations

import csv
import gzip
from collections import deque
from functools import lru_cache
from importlib import resources

from pydantic import BaseModel, Field


class DoidTerm(BaseModel):
    doid: str
    name: str
    exact_synonyms: list[str] = Field(default_factory=list)
    related_synonyms: list[str] = Field(default_factory=list)
    icd10: list[str] = Field(default_factory=list, description="Dotted ICD-10-CM xrefs of the term itself.")
    parents: list[str] = Field(default_factory=list)


def _split(value: str) -> list[str]:
    return [v for v in value.split("|") if v]


class DiseaseOntology:
    """Lookup over DOID terms by id (alt ids resolve to the primary term)."""

    def __init__(self, terms: list[DoidTerm], alt_ids: dict[str, str] | None = None) -> None:
        self.terms = {t.doid: t for t in terms}
        self.alt_ids = alt_ids or {}

    @classmethod
    @lru_cache(maxsize=1)
    def default(cls) -> DiseaseOntology:
        source = resources.files("dxkit.tools.ontology") / "data" / "doid_terms.csv.gz"
        terms, alt_ids = [], {}
        with source.open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                terms.append(DoidTerm(doid=row["doid"], name=row["name"],
                                      exact_synonyms=_split(row["exact_synonyms"]),
                                      related_synonyms=_split(row["related_synonyms"]),
                                      icd10=_split(row["icd10cm"]), parents=_split(row["parents"])))
                alt_ids.update(dict.fromkeys(_split(row["alt_ids"]), row["doid"]))
        return cls(terms, alt_ids)

    def get(self, doid: str) -> DoidTerm | None:
        return self.terms.get(self.alt_ids.get(doid, doid))

    def icd10_for(self, doid: str) -> tuple[list[str], str | None]:
        """(codes, the DOID they came from): the term's xrefs or its nearest ancestor's."""
        start = self.get(doid)
        if start is None:
            return [], None
        queue, seen = deque([start.doid]), {start.doid}
        while queue:
            term = self.terms.get(queue.popleft())
            if term is None:
                continue
            if term.icd10:
                return list(term.icd10), term.doid
            for parent in term.parents:
                if parent not in seen:
                    seen.add(parent)
                    queue.append(parent)
        return [], None

    def is_parent_or_child(self, a: str, b: str) -> bool:
        """True when one term is a direct is_a parent of the other."""
        ta, tb = self.get(a), self.get(b)
        return bool(ta and tb and (tb.doid in ta.parents or ta.doid in tb.parents))
