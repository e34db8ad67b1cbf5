"""BM25 over the chunks with bm25s, using dxkit's own small tokenizer.

Tokens: lower-cased words of two or more characters (digits kept, so 'covid 19' and doses
match), English stop words removed, plurals folded by the Harman "S" stemmer, which needs
no extra package. The index is a rebuildable view of the store.
"""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np

_TOKEN = re.compile(r"\w\w+|\d")
STOPWORDS = frozenset("""
a about above after again against all am an and any are as at be because been before being below
between both but by can could did do does doing down during each few for from further had has have
having he her here hers herself him himself his how i if in into is it its itself just me more most
my myself no nor not of off on once only or other our ours ourselves out over own same she should so
some such than that the their theirs them themselves then there these they this those through to too
under until up very was we were what when where which while who whom why will with would you your
yours yourself yourselves
""".split())


def _s_stem(word: str) -> str:
    # Harman (1991) S-stemmer: fold regular plurals only, never below three letters.
    if len(word) > 4 and word.endswith("ies") and not word.endswith(("eies", "aies")):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("es") and not word.endswith(("aes", "ees", "oes")):
        return word[:-1]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("us", "ss")):
        return word[:-1]
    return word


def tokenize(text: str) -> list[str]:
    """BM25 tokens of `text`."""
    return [_s_stem(t) for t in _TOKEN.findall(text.lower()) if t not in STOPWORDS]


class LexicalIndex:
    """A bm25s index whose document i is chunk row i."""

    def __init__(self, retriever, size: int) -> None:
        self.retriever = retriever
        self.size = size

    @classmethod
    def build(cls, texts: list[str]) -> LexicalIndex:
        import bm25s

        retriever = bm25s.BM25()
        # An empty token list would break bm25s; a placeholder keeps row numbering intact.
        retriever.index([tokenize(t) or ["\u2205"] for t in texts], show_progress=False)
        return cls(retriever, len(texts))

    def save(self, folder: Path) -> None:
        self.retriever.save(str(folder), show_progress=False)

    @classmethod
    def load(cls, folder: Path, size: int) -> LexicalIndex:
        import bm25s

        return cls(bm25s.BM25.load(str(folder)), size)

    def search(self, query: str, k: int) -> list[tuple[int, float]]:
        """(row, score) pairs with a positive score, best first."""
        tokens = tokenize(query)
        if not tokens or self.size == 0:
            return []
        k = min(k, self.size)
        result = self.retriever.retrieve([tokens], k=k, show_progress=False, n_threads=1)
        rows, scores = np.asarray(result.documents[0]), np.asarray(result.scores[0])
        return [(int(r), float(s)) for r, s in zip(rows, scores, strict=True) if s > 0]
