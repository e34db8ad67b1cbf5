"""The CMS 2025 price table: what a requested test costs, and how sure the match is.

Matching, in order: the normalised request equals a test's name, id or synonym ("exact" /
"synonym"); else the most similar name or synonym (character-trigram + token TF-IDF cosine,
a difflib ratio when it is typo-close (>= 0.88), optionally the cosine of an injected
embedder; whichever is highest) if it reaches `threshold` ("nearest"); else a flat default price ("default", settings.budget.default_test_usd).
"""

from __future__ import annotations

import csv
from difflib import SequenceMatcher
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Literal, Protocol

import numpy as np
from pydantic import BaseModel, Field

from dxkit.errors import InputError
from dxkit.settings import get_settings
from dxkit.tools.ontology.fuzzy import NgramIndex
from dxkit.tools.prices.matching import normalise_test_name

DEFAULT_THRESHOLD = 0.75
TYPO_RATIO = 0.88  # difflib ratio at or above which two names differ by a typo or two
TYPO_MIN_LENGTH = 6  # shorter keys ('t3', 'ct') are too short for an edit ratio to mean much
# Categories whose members can stand in for one another when they image the same region.
_IMAGING_FAMILY = frozenset({"imaging", "nuclear", "cardiac"})


class Embedder(Protocol):
    def encode(self, texts: list[str]) -> np.ndarray: ...


class PricedTest(BaseModel):
    """One orderable test (a row of the shipped table)."""

    test_id: str
    name: str
    synonyms: list[str] = Field(default_factory=list)
    codes: list[str] = Field(description="CPT/HCPCS codes billed; a bundle sums them.")
    schedule: list[str] = Field(description="'lab' (CLFS) or 'physician' (PFS) for each code.")
    price_usd: float = Field(ge=0, description="CMS 2025 national non-facility rate, summed over codes.")
    facility_price_usd: float = Field(ge=0, description="CMS 2025 national facility rate, summed.")
    category: str
    region: str = Field(description="Body region (imaging) or analyte family (labs).")
    notes: str = ""


class Charge(BaseModel):
    """What one requested test costs and how it was matched."""

    requested: str = Field(description="The test name as asked for.")
    name: str = Field(description="The matched test's name (or the request itself for a default).")
    codes: list[str] = Field(default_factory=list)
    price_usd: float = Field(ge=0)
    confidence: float = Field(ge=0.0, le=1.0)
    matched: str | None = Field(None, description="The table name or synonym that matched.")
    method: Literal["exact", "synonym", "nearest", "default"]
    test_id: str | None = None
    category: str | None = None


class PriceTable:
    """Lookup over priced tests. Build with `default()` (the shipped table) or `from_csv()`."""

    def __init__(self, tests: list[PricedTest], *, threshold: float = DEFAULT_THRESHOLD,
                 default_price_usd: float | None = None, visit_usd: float | None = None,
                 embedder: Embedder | None = None, facility: bool = False) -> None:
        if not 0.0 < threshold <= 1.0:
            raise InputError("threshold", threshold, "is out of range", accepted="a number in (0, 1]")
        self.tests = {t.test_id: t for t in tests}
        self.threshold = threshold
        # None = follow settings at call time, so the cached default table honours them too.
        self._default_price_usd = default_price_usd
        self._visit_usd = visit_usd
        self.facility = facility
        self._exact: dict[str, tuple[str, str, Literal["exact", "synonym"]]] = {}
        for test in tests:
            self._claim(test.name, test.test_id, "exact")
            self._claim(test.test_id.replace("_", " "), test.test_id, "exact")
        for test in tests:  # synonyms never displace a name
            for synonym in test.synonyms:
                self._claim(synonym, test.test_id, "synonym")
        self._labels = list(self._exact)
        self._index = NgramIndex(self._labels)
        self._embedder = embedder
        self._label_vectors: np.ndarray | None = None

    @property
    def default_price_usd(self) -> float:
        """Price of a test that matches nothing (settings.budget.default_test_usd unless set)."""
        if self._default_price_usd is not None:
            return self._default_price_usd
        return get_settings().budget.default_test_usd

    @property
    def visit_usd(self) -> float:
        """Price of one physician visit (settings.budget.visit_usd unless set)."""
        return self._visit_usd if self._visit_usd is not None else get_settings().budget.visit_usd

    def _claim(self, label: str, test_id: str, kind: Literal["exact", "synonym"]) -> None:
        key = normalise_test_name(label)
        if key:
            self._exact.setdefault(key, (test_id, label, kind))

    @classmethod
    def from_csv(cls, path: str | Path, **options: object) -> PriceTable:
        with Path(path).open(encoding="utf-8") as handle:
            return cls(_read_rows(handle), **options)  # type: ignore[arg-type]

    @classmethod
    @lru_cache(maxsize=1)
    def default(cls) -> PriceTable:
        """The shipped CMS 2025 table with settings' defaults (cached for the process)."""
        source = resources.files("dxkit.tools.prices") / "data" / "cms_prices_2025.csv"
        with source.open("r", encoding="utf-8") as handle:
            return cls(_read_rows(handle))

    # --- lookups -------------------------------------------------------------------------
    def names(self) -> list[str]:
        """Every test's name, in table order."""
        return [t.name for t in self.tests.values()]

    def get(self, test_id: str) -> PricedTest:
        if test_id not in self.tests:
            raise InputError("test_id", test_id, "is not in the price table",
                             accepted="an id from PriceTable.tests, e.g. 'cbc'")
        return self.tests[test_id]

    def price(self, test_name: str) -> Charge:
        """Price one requested test; never raises for an unknown name (it gets the default)."""
        key = self._key(test_name)
        if key in self._exact:
            test_id, label, kind = self._exact[key]
            return self._charge(test_name, self.tests[test_id], label, kind, 1.0)
        hits = self._nearest(key, k=1)
        if hits and hits[0][1] >= self.threshold:
            test_id, label, _ = self._exact[self._labels[hits[0][0]]]
            return self._charge(test_name, self.tests[test_id], label, "nearest", hits[0][1])
        return Charge(requested=test_name, name=test_name, codes=[], price_usd=self.default_price_usd,
                      confidence=0.0, matched=None, method="default")

    def visit_charge(self) -> Charge:
        """One physician visit / question round (SDBench convention: settings.budget.visit_usd)."""
        return Charge(requested="physician visit", name="Physician visit", codes=[],
                      price_usd=self.visit_usd, confidence=1.0, matched=None, method="exact")

    def search(self, query: str, k: int = 5) -> list[Charge]:
        """The k most similar tests (one entry per test), best first."""
        if k < 1:
            raise InputError("k", k, "is too small", accepted="an integer >= 1")
        key = self._key(query)
        seen: dict[str, Charge] = {}
        for position, score in self._nearest(key, k=max(4 * k, 20)):
            test_id, label, _ = self._exact[self._labels[position]]
            if test_id not in seen:
                seen[test_id] = self._charge(query, self.tests[test_id], label, "nearest", score)
            if len(seen) == k:
                break
        return list(seen.values())

    def cheaper_equivalents(self, test_name: str) -> list[Charge]:
        """Cheaper tests of the same region and kind (imaging with imaging, labs with labs), cheapest first."""
        charge = self.price(test_name)
        if charge.test_id is None:
            return []
        base = self.tests[charge.test_id]
        cheaper = [t for t in self.tests.values()
                   if t.test_id != base.test_id and t.region == base.region and _same_kind(t, base)
                   and self._amount(t) < self._amount(base)]
        cheaper.sort(key=lambda t: (self._amount(t), t.test_id))
        return [self._charge(test_name, t, t.name, "exact", 1.0) for t in cheaper]

    # --- internals -----------------------------------------------------------------------
    @staticmethod
    def _key(test_name: str) -> str:
        if not isinstance(test_name, str) or not test_name.strip():
            raise InputError("test_name", test_name, "is empty or not text",
                             accepted="a test name such as 'CBC' or 'CT head without contrast'")
        return normalise_test_name(test_name)

    def _nearest(self, key: str, k: int) -> list[tuple[int, float]]:
        scores = np.maximum(self._index.similarities(key), self._typo_scores(key))
        if self._embedder is not None:
            scores = np.maximum(scores, self._embedding_scores(key))
        k = min(k, len(scores))
        top = np.argpartition(-scores, k - 1)[:k]
        ordered = sorted(top, key=lambda i: (-scores[i], i))
        return [(int(i), float(min(1.0, max(0.0, scores[i])))) for i in ordered]

    def _typo_scores(self, key: str) -> np.ndarray:
        """Edit-based ratio, kept only when it is typo-close: trigrams alone forgive 'trponin' too little."""
        scores = np.zeros(len(self._labels))
        if len(key) < TYPO_MIN_LENGTH:
            return scores
        for i, label in enumerate(self._labels):
            matcher = SequenceMatcher(None, key, label, autojunk=False)
            if matcher.real_quick_ratio() >= TYPO_RATIO and matcher.quick_ratio() >= TYPO_RATIO:
                ratio = matcher.ratio()
                scores[i] = ratio if ratio >= TYPO_RATIO else 0.0
        return scores

    def _embedding_scores(self, key: str) -> np.ndarray:
        assert self._embedder is not None
        if self._label_vectors is None:
            self._label_vectors = _unit(np.asarray(self._embedder.encode(self._labels), dtype=float))
        query = _unit(np.asarray(self._embedder.encode([key]), dtype=float))
        return self._label_vectors @ query[0]

    def _amount(self, test: PricedTest) -> float:
        return test.facility_price_usd if self.facility else test.price_usd

    def _charge(self, requested: str, test: PricedTest, label: str, method: str, confidence: float) -> Charge:
        return Charge(requested=requested, name=test.name, codes=list(test.codes),
                      price_usd=self._amount(test), confidence=round(confidence, 4), matched=label,
                      method=method, test_id=test.test_id, category=test.category)


def _same_kind(a: PricedTest, b: PricedTest) -> bool:
    return a.category == b.category or {a.category, b.category} <= _IMAGING_FAMILY


def _unit(matrix: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return matrix / norms


def _split(value: str) -> list[str]:
    return [v.strip() for v in value.split("|") if v.strip()]


def _read_rows(handle) -> list[PricedTest]:
    tests = []
    for number, row in enumerate(csv.DictReader(handle), start=2):
        try:
            tests.append(PricedTest(
                test_id=row["test_id"], name=row["name"], synonyms=_split(row.get("synonyms", "")),
                codes=_split(row["codes"]), schedule=_split(row.get("schedule", "")),
                price_usd=float(row["price_usd"]),
                facility_price_usd=float(row.get("facility_price_usd") or row["price_usd"]),
                category=row.get("category", ""), region=row.get("region", ""), notes=row.get("notes", "")))
        except (KeyError, ValueError) as exc:
            raise InputError("price table row", number, f"is malformed ({exc})",
                             accepted="columns test_id,name,synonyms,codes,schedule,price_usd,"
                                      "facility_price_usd,category,region[,notes]") from exc
    return tests
