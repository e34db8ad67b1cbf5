"""Approximate string matching over a fixed list of short texts (names, synonyms, titles).

Similarity is 0.6 x the cosine of TF-IDF weighted character trigrams (robust to typos and
inflections) + 0.4 x the cosine of TF-IDF weighted tokens (robust to word order), or the
trigram cosine alone when that is higher (a typo shares no token). Each cosine is one
sparse matrix product per query, so 100k titles stay fast enough.
Shared by the price table and the ontology normaliser.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from scipy import sparse

CHAR_WEIGHT = 0.6  # share of the character-trigram cosine in the blended score


def tokens(text: str) -> list[str]:
    return text.split()


def trigram_codes(texts: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
    """(row, code) pairs of the distinct character trigrams of each padded text, vectorised.

    A trigram's code packs its three UTF-8 bytes into one integer; numpy does the work so
    that 100k titles index in well under a second.
    """
    encoded = [f" {t} ".encode() for t in texts]
    lengths = np.array([len(e) for e in encoded], dtype=np.int64)
    if not len(encoded):
        return np.zeros(0, np.int64), np.zeros(0, np.int64)
    buffer = np.frombuffer(b"".join(encoded), dtype=np.uint8).astype(np.int64)
    starts = np.concatenate(([0], np.cumsum(lengths)[:-1]))
    rows = np.repeat(np.arange(len(encoded)), lengths)
    position = np.arange(len(buffer)) - starts[rows]
    valid = position <= lengths[rows] - 3
    valid[len(buffer) - 2:] = False
    index = np.nonzero(valid)[0]
    codes = (buffer[index] << 16) | (buffer[index + 1] << 8) | buffer[index + 2]
    pairs = _sorted_unique((rows[index] << 24) | codes)
    return pairs >> 24, pairs & 0xFFFFFF


def _sorted_unique(values: np.ndarray) -> np.ndarray:
    # Sort-based: numpy's default hash-based unique is several times slower on int64 here.
    ordered = np.sort(values, kind="stable")
    keep = np.ones(len(ordered), dtype=bool)
    keep[1:] = ordered[1:] != ordered[:-1]
    return ordered[keep]


class _TfidfSpace:
    """One feature space (trigrams or tokens): a vocabulary, IDF weights and a row-normalised matrix."""

    def __init__(self, features: list[list[str]] | None = None, *,
                 pairs: tuple[np.ndarray, np.ndarray] | None = None, n_rows: int = 0) -> None:
        vocabulary: dict = {}
        if pairs is None:
            rows_list, cols_list = [], []
            for row, feats in enumerate(features or []):
                for feat in set(feats):
                    rows_list.append(row)
                    cols_list.append(vocabulary.setdefault(feat, len(vocabulary)))
            rows, cols = np.array(rows_list, dtype=np.int64), np.array(cols_list, dtype=np.int64)
            n_rows = len(features or [])
        else:
            rows, feature_codes = pairs
            unique_codes = _sorted_unique(feature_codes)
            cols = np.searchsorted(unique_codes, feature_codes)
            vocabulary = {int(c): i for i, c in enumerate(unique_codes)}
        counts = sparse.csr_matrix((np.ones(len(rows)), (rows, cols)),
                                   shape=(n_rows, max(1, len(vocabulary))))
        document_frequency = np.asarray((counts > 0).sum(axis=0)).ravel()
        self.idf = np.log((1 + n_rows) / (1 + document_frequency)) + 1.0
        self.vocabulary = vocabulary
        self.matrix = _normalise_rows(counts.multiply(self.idf).tocsr())

    def vector(self, feats: list) -> sparse.csr_matrix:
        cols = sorted({self.vocabulary[f] for f in feats if f in self.vocabulary})
        data = self.idf[cols] if cols else np.zeros(0)
        vec = sparse.csr_matrix((data, ([0] * len(cols), cols)), shape=(1, self.matrix.shape[1]))
        norm = float(np.sqrt(vec.multiply(vec).sum())) if cols else 0.0
        # Features unseen in the index still lengthen the query: count them in the norm so
        # that "troponin xyz" scores below "troponin".
        unseen = len({f for f in feats if f not in self.vocabulary})
        norm = float(np.sqrt(norm**2 + unseen * float(self.idf.max()) ** 2))
        return vec / norm if norm else vec

    def scores(self, feats: list) -> np.ndarray:
        return np.asarray((self.matrix @ self.vector(feats).T).todense()).ravel()


def _normalise_rows(matrix: sparse.csr_matrix) -> sparse.csr_matrix:
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return sparse.diags(1.0 / norms) @ matrix


class NgramIndex:
    """Index over already-normalised texts; `query` returns (position, similarity in [0, 1])."""

    def __init__(self, texts: Sequence[str]) -> None:
        self.texts = list(texts)
        self._chars = _TfidfSpace(pairs=trigram_codes(self.texts), n_rows=len(self.texts))
        self._tokens = _TfidfSpace([tokens(t) for t in self.texts])

    def similarities(self, text: str) -> np.ndarray:
        char = self._chars.scores([int(c) for c in trigram_codes([text])[1]])
        word = self._tokens.scores(tokens(text))
        # A typo leaves no shared token; then the trigram cosine alone is the fairer score.
        return np.maximum(char, CHAR_WEIGHT * char + (1.0 - CHAR_WEIGHT) * word)

    def query(self, text: str, k: int = 5) -> list[tuple[int, float]]:
        if not self.texts or not text.strip():
            return []
        sims = self.similarities(text)
        k = min(k, len(sims))
        top = np.argpartition(-sims, k - 1)[:k]
        ordered = sorted(top, key=lambda i: (-sims[i], i))
        return [(int(i), float(min(1.0, sims[i]))) for i in ordered]
