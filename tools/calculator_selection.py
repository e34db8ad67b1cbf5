"""Rank the calculators that apply to a note (and an optional question).

Signals, each reported in the candidate's reason:
- the question: BM25 over each calculator's name, synonyms and purpose, plus a bonus when
  it names the calculator outright;
- the note's trigger words (a calculator's `triggers`, affirmed mentions only);
- input coverage: the share of the calculator's inputs the note actually supplies;
- BM25 of the note against the calculator's purpose and eligible population.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache

import bm25s
from pydantic import BaseModel

from dxkit.calculators.base import Calculator
from dxkit.calculators.registry import Registry, registry
from dxkit.tools.extraction import NoteFacts, extract
from dxkit.tools.extraction.context import modifiers
from dxkit.tools.extraction.to_inputs import fill_inputs

WEIGHTS = {"question": 3.0, "name_in_question": 4.0, "triggers": 1.0, "coverage": 2.0, "note_text": 0.5}


class Candidate(BaseModel):
    calculator_id: str
    name: str
    score: float
    reason: str
    signals: dict[str, float]


def _norm(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", text.lower()).strip()


_GENERIC = {"the", "of", "for", "and", "a", "an", "in", "to", "score", "scores", "calculator", "calculated",
            "criteria", "rule", "index", "equation", "equations", "patient", "patients", "s", "risk", "using"}


def _tokens(text: str) -> set[str]:
    return {t for t in _norm(text).split() if t not in _GENERIC and len(t) > 1}


def _question_head(question: str) -> str:
    """The question's first sentence: where the calculator is named (later ones give instructions)."""
    match = re.search(r"[?]|\.\s", question)
    return question[:match.end()] if match else question


def _name_match(calc: Calculator, head: str, rarity: dict[str, float]) -> float:
    """How completely the question's first sentence spells one of the calculator's names (0..1),
    scaled by the name's length so "Albumin Corrected Delta Gap" beats "Delta Gap", and by how
    rare the matched words are across the registry, so a generic name shared by a family
    ("corrected QT") yields to the one naming the variant ("Fridericia")."""
    words = _tokens(head)
    if {"corrected", "qt"} <= words:  # "corrected QT" is what the abbreviation QTc stands for
        words.add("qtc")
    best = 0.0
    for name in (calc.name, calc.id.replace("_", " "), *calc.synonyms):
        name_words = _tokens(re.sub(r"\(.*?\)", " ", name)) or _tokens(name)
        if not name_words:
            continue
        share = len(name_words & words) / len(name_words)
        if share >= 0.75:
            rare = max(rarity.get(w, 1.0) for w in name_words & words)
            best = max(best, share * min(1.0, 0.6 + 0.1 * len(name_words)) * (0.5 + 0.5 * rare))
    return best


@lru_cache(maxsize=4)
def _rarity(reg_id: int) -> dict[str, float]:
    """Per word, 1.0 when only one calculator's names and purpose use it, falling towards 0."""
    calcs = list(_REGISTRIES[reg_id])
    docs = [_tokens(" ".join([c.name, c.id.replace("_", " "), *c.synonyms, c.purpose])) for c in calcs]
    counts: dict[str, int] = {}
    for doc in docs:
        for word in doc:
            counts[word] = counts.get(word, 0) + 1
    top = math.log(len(calcs) or 1) or 1.0
    return {w: math.log(len(calcs) / n) / top for w, n in counts.items()}


class _Index:
    def __init__(self, calcs: list[Calculator], fields: str) -> None:
        self.calcs = calcs
        docs = []
        for calc in calcs:
            parts = {
                "names": [calc.name, calc.id.replace("_", " "), *calc.synonyms] * 2,
                "purpose": [calc.purpose, calc.population, calc.category, *calc.triggers],
            }
            docs.append(" ".join(sum((parts[f] for f in fields.split("+")), [])))
        self.retriever = bm25s.BM25()
        self.retriever.index(bm25s.tokenize(docs, stopwords="en", show_progress=False), show_progress=False)

    def scores(self, query: str) -> list[float]:
        tokens = bm25s.tokenize([query], stopwords="en", show_progress=False)
        if not tokens.vocab:
            return [0.0] * len(self.calcs)
        ids, values = self.retriever.retrieve(tokens, k=len(self.calcs), show_progress=False)
        out = [0.0] * len(self.calcs)
        for i, v in zip(ids[0], values[0], strict=True):
            out[int(i)] = float(v)
        top = max(out) or 1.0
        return [v / top for v in out]


@lru_cache(maxsize=4)
def _indexes(reg_id: int) -> tuple[_Index, _Index]:
    calcs = list(_REGISTRIES[reg_id])
    return _Index(calcs, "names+purpose"), _Index(calcs, "purpose")


_REGISTRIES: dict[int, Registry] = {}


@lru_cache(maxsize=4096)
def _trigger_pattern(trigger: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w-]){re.escape(trigger)}(?![\w-])", re.I)


def _trigger_hits(calc: Calculator, facts: NoteFacts) -> list[str]:
    hits = []
    for trigger in calc.triggers:
        for match in _trigger_pattern(trigger).finditer(facts.text):
            if not modifiers(facts.text, match.start(), match.end()).negated:
                hits.append(trigger)
                break
    return hits


def rank_calculators(note: str, question: str | None = None, *, k: int = 5, facts: NoteFacts | None = None,
                     reg: Registry | None = None) -> list[Candidate]:
    """The top-k calculators for this note (and question), best first, with reasons."""
    reg = reg or registry()
    _REGISTRIES[id(reg)] = reg
    by_question, by_note = _indexes(id(reg))
    rarity = _rarity(id(reg))
    facts = facts or extract(note)
    head = _question_head(question) if question else ""
    q_scores = by_question.scores(head) if question else [0.0] * len(reg)
    n_scores = by_note.scores(note[:4000])
    candidates = []
    for i, calc in enumerate(by_question.calcs):
        named = _name_match(calc, head, rarity) if question else 0.0
        triggers = _trigger_hits(calc, facts)
        filled = fill_inputs(calc, facts)
        total_inputs = len(calc.Inputs.model_fields) or 1
        coverage = len(filled.inputs) / total_inputs * min(1.0, math.log1p(total_inputs) / math.log1p(4))
        signals = {
            "question": q_scores[i], "name_in_question": named,
            "triggers": min(len(triggers), 3) / 3, "coverage": coverage, "note_text": n_scores[i],
        }
        score = sum(WEIGHTS[key] * value for key, value in signals.items())
        reason_bits = []
        if named >= 0.6:
            reason_bits.append("the question names it")
        elif question and q_scores[i] > 0.3:
            reason_bits.append(f"question matches its name/purpose ({q_scores[i]:.2f})")
        if triggers:
            reason_bits.append("note mentions " + ", ".join(triggers[:3]))
        reason_bits.append(f"note supplies {len(filled.inputs)}/{total_inputs} inputs")
        candidates.append(Candidate(calculator_id=calc.id, name=calc.name, score=round(score, 4),
                                    reason="; ".join(reason_bits), signals=signals))
    candidates.sort(key=lambda c: (-c.score, c.calculator_id))
    return candidates[:k]
