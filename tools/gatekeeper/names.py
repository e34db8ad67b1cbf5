"""Deterministic normalisation of request and field names (synonyms.yaml holds the vocabulary).

Two names match lexically when their normalised token sets are equal: lower case, punctuation
and possessives removed, phrases rewritten ("x-ray" -> "xray", "CT scan" -> "ct"), filler words
dropped, plurals reduced. Synonym groups ("CBC" = "complete blood count") then map every member
to the group's first name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

import yaml

from dxkit.errors import ConfigError

_NON_WORD = re.compile(r"[^a-z0-9]+")
# Words that carry no topic in a question ("do you smoke?" -> "smoke").
_QUESTION_WORDS = (
    "what whats is are was were do does did have has had you your can could would will tell me about "
    "there any how which who when where why please i we us it this that be been being with to or if "
    "let know check see look show shows reveal reveals find found"
).split()



def _stem(token: str) -> str:
    # Plural -> singular, conservatively: "studies" -> "study", "tests" -> "test", "gases" -> "gas".
    if len(token) > 4 and token.endswith("ies"):
        return token[:-3] + "y"
    if len(token) > 4 and token.endswith("ses") and not token.endswith("sses"):
        return token[:-2]
    if len(token) > 3 and token.endswith("s") and not token.endswith(("ss", "is", "us")):
        return token[:-1]
    return token


@dataclass(frozen=True)
class Vocabulary:
    phrases: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]
    filler: frozenset[str]
    generic: frozenset[str]
    canonical: dict[str, str] = field(hash=False)  # group member key -> group's first key
    topics: tuple[tuple[tuple[tuple[str, ...], ...], tuple[str, ...]], ...]
    containers: frozenset[str] = frozenset()
    _cache: dict[tuple[str, bool], tuple[str, ...]] = field(default_factory=dict, hash=False, compare=False)

    def tokens(self, text: str, *, drop_filler: bool = True) -> list[str]:
        """Ordered normalised tokens of `text` (memoised: the same names recur across requests)."""
        cached = self._cache.get((text, drop_filler))
        if cached is None:
            cached = tuple(self._tokens(text, drop_filler))
            if len(self._cache) < 200_000:
                self._cache[(text, drop_filler)] = cached
        return list(cached)

    def _tokens(self, text: str, drop_filler: bool) -> list[str]:
        lowered = text.lower().replace("\u2019", "'").replace("\u2018", "'")
        lowered = re.sub(r"'s\b", "", lowered)
        words = [w for w in _NON_WORD.split(lowered) if w]
        for _ in range(2):  # a rewrite may expose another ("physical exam" -> "physical examination")
            words = _rewrite(words, self.phrases)
        words = [_stem(w) for w in words]
        if drop_filler:
            words = [w for w in words if w not in self.filler]
        return words

    def key(self, text: str) -> str:
        """Order-insensitive key: 'MRI_Brain' and 'brain MRI' share one."""
        return " ".join(sorted(set(self.tokens(text))))

    def canonical_key(self, text: str) -> str:
        """The key, mapped to its synonym group's first member when it belongs to one."""
        key = self.key(text)
        return self.canonical.get(key, key)

    def is_generic(self, text: str) -> bool:
        return self.key(text) in self.generic or not self.key(text)


def _rewrite(words: list[str], phrases: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]) -> list[str]:
    out: list[str] = []
    i = 0
    while i < len(words):
        for source, target in phrases:
            if tuple(words[i:i + len(source)]) == source:
                out.extend(target)
                i += len(source)
                break
        else:
            out.append(words[i])
            i += 1
    return out


@lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    """The packaged vocabulary (synonyms.yaml), parsed once."""
    raw = yaml.safe_load(resources.files(__package__).joinpath("synonyms.yaml").read_text(encoding="utf-8"))

    def split(text: str) -> tuple[str, ...]:
        return tuple(w for w in _NON_WORD.split(text.lower()) if w)

    # Longest phrases first so "ct scan" wins over "ct".
    phrases = tuple(sorted(((split(k), split(v)) for k, v in raw["phrases"].items()),
                           key=lambda pair: -len(pair[0])))
    for key in ("filler", "generic", "containers"):
        bad = [w for w in raw[key] if not isinstance(w, str)]
        if bad:  # YAML reads bare on/off/yes/no as booleans: quote them
            raise ConfigError(f"synonyms.yaml {key}: {bad!r} are not text; quote them")
    filler = frozenset(raw["filler"]) | frozenset(_stem(w) for w in raw["filler"])
    draft = Vocabulary(phrases, filler, frozenset(), {}, ())
    generic = frozenset(draft.key(name) for name in raw["generic"])
    canonical: dict[str, str] = {}
    for group in raw["groups"]:
        head = draft.key(group[0])
        for member in group:
            canonical.setdefault(draft.key(member), head)
    topics = tuple(
        (tuple(tuple(draft.tokens(k, drop_filler=False)) for k in topic["keywords"]),
         tuple(topic["fields"]))
        for topic in raw["topics"]
    )
    containers = frozenset(canonical.get(draft.key(name), draft.key(name)) for name in raw["containers"])
    return Vocabulary(phrases, filler, generic, canonical, topics, containers)


def display_name(key: str) -> str:
    """'Chest_X-ray' -> 'Chest X-ray' for text shown to solvers."""
    return key.replace("_", " ").strip()


def contains_sequence(tokens: list[str], sequence: tuple[str, ...]) -> bool:
    n = len(sequence)
    return n > 0 and any(tuple(tokens[i:i + n]) == sequence for i in range(len(tokens) - n + 1))


# Compared with stemmed tokens, so both forms are listed ("does" stems to "doe").
QUESTION_STOPWORDS = frozenset(_QUESTION_WORDS) | frozenset(_stem(w) for w in _QUESTION_WORDS)
