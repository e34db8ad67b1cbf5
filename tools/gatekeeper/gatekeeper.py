"""The gatekeeper: answers one request with only the case field it names.

Matching is deterministic and runs in stages; the first that finds a field wins:

1. exact / synonym: the request's normalised name equals a field's (synonyms.yaml groups);
2. panel: a panel request (CBC, BMP, ...) returns the case's analytes of that panel;
3. questions only: the field's name inside the question, then topic words ("smoke" -> social history);
4. embedding: cosine similarity of request and field *names* above a threshold (optional);
5. an optional LLM matcher choosing among field names (never contents).

Only field text goes back, with any mention of the diagnosis withheld; `truth` is never read
except to build that redactor. Tests the case lacks get the configured missing-result policy.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, Protocol

import numpy as np
from pydantic import BaseModel, Field

from dxkit.cases import Case, MissingPolicy, Observation
from dxkit.tools.gatekeeper.fields import CaseField, FieldIndex, case_fields, render
from dxkit.tools.gatekeeper.names import QUESTION_STOPWORDS, contains_sequence, vocabulary
from dxkit.tools.gatekeeper.redact import Redactor
from dxkit.tools.gatekeeper.synthetic import ReferenceTable

QUESTION_SECTIONS = ("history", "exam")
# Words too common in clinical questions to look for in the case text.
MENTION_STOPWORDS = frozenset(
    "symptom symptoms problem problems feel feeling felt experience experiencing notice noticed recent "
    "recently having been history ever lately currently current today now past patient also other".split()
)
# An embedding match must not swap one modality for another ("MRI knee" is not "X-ray knee").
MODALITIES = frozenset({"ct", "mri", "xray", "ultrasound", "biopsy", "echocardiogram", "electrocardiogram",
                        "electroencephalogram", "electromyography", "culture", "endoscopy", "colonoscopy", "pet"})
_SENTENCES = re.compile(r"(?<=[.;!?])\s+")
TEST_SECTIONS = ("tests",)


class Encoder(Protocol):
    def encode(self, texts: list[str]) -> np.ndarray: ...


class FieldMatcher(Protocol):
    """An extra matching stage (e.g. the LLM matcher): request + candidate names -> chosen indices."""

    def choose(self, request: str, kind: str, names: list[str]) -> list[int]: ...


class GatekeeperConfig(BaseModel):
    """How the gatekeeper matches and what it says when the case lacks a test."""

    policy: MissingPolicy = Field("not_available", description="Reply for tests the case does not hold.")
    test_threshold: float = Field(0.74, ge=0, le=1, description="Min cosine(request, test name) to match.")
    question_threshold: float = Field(0.60, ge=0, le=1, description="Min cosine(question, field name).")
    redact_diagnosis: bool = Field(True, description="Withhold mentions of the diagnosis in returned text.")
    not_available_text: str = "Result not available for this case."
    normal_text: str = "Within normal limits."
    no_information_text: str = "No information on that is available in this case."


class Gatekeeper:
    """Deterministic (by default) gatekeeper for one case."""

    def __init__(self, case: Case, config: GatekeeperConfig | None = None,
                 embedder: Encoder | Callable[[], Encoder] | None = None,
                 reference: ReferenceTable | None = None, matcher: FieldMatcher | None = None) -> None:
        self.config = config or GatekeeperConfig()
        self.vocab = vocabulary()
        self.fields = case_fields(case)
        self.index = FieldIndex(self.fields, self.vocab)
        self.reference = reference or ReferenceTable.default()
        self.matcher = matcher
        self._embedder = embedder
        self._name_vectors: dict[tuple[str, ...], tuple[list[CaseField], np.ndarray]] = {}
        self._redactor = Redactor(case.truth.diagnosis, case.truth.aliases) if self.config.redact_diagnosis else None

    # -- public ---------------------------------------------------------------------------
    def requestable_names(self) -> dict[str, list[str]]:
        """What the case holds, as requests: top-level history and exam fields, and each orderable test
        (children of containers such as 'Blood Tests' or 'Imaging' one by one). For calibration
        baselines only: it reveals the menu."""
        menu: dict[str, list[str]] = {"history": [], "exam": [], "tests": []}
        for node in self.fields:
            if node.depth == 1 and node.section != "tests":
                menu[node.section].append(node.qualified_name)
            elif node.section == "tests" and self._is_orderable(node):
                menu["tests"].append(self._request_name(node))
        return menu

    def _is_container(self, node: CaseField) -> bool:
        return isinstance(node.value, dict) and self.vocab.canonical_key(node.name) in self.vocab.containers

    def _is_orderable(self, node: CaseField) -> bool:
        if self._is_container(node):
            return False
        parents = [f for f in self.fields if f.section == node.section and f.path == node.path[:-1]]
        return node.depth == 1 or (node.depth == 2 and bool(parents) and self._is_container(parents[0]))

    def _request_name(self, node: CaseField) -> str:
        """The shortest name that the gatekeeper resolves back to this node."""
        found = self.index.lookup(node.name, TEST_SECTIONS)
        return node.name if found is not None and found[0] == node else node.qualified_name

    def answer_question(self, question: str) -> list[Observation]:
        """Answer one question from the history and exam; a test named in a question is redirected."""
        found = self.index.lookup(question, QUESTION_SECTIONS)
        if found is not None:
            return [self._answer(question, [found[0]], found[1])]
        if self.index.lookup(question, TEST_SECTIONS) is not None:
            return [Observation(request=question, status="redirected",
                                text="That is a test: order it to see the result.")]
        named = self._fields_named_in(question)
        if named:
            return [self._answer(question, named, "name_in_question")]
        if set(self._question_tokens(question)) == {"examination"}:  # "what does the physical exam show?"
            whole = [node for node in self.fields if node.section == "exam" and node.depth == 1]
            if whole:
                return [self._answer(question, whole, "section")]
        topical = self._topic_fields(question)
        if topical:
            return [self._answer(question, topical, "topic")]
        mentioned = self._mentions(question)
        if mentioned:
            return [self._excerpt(question, mentioned)]
        chosen, method, score = self._similar(question, QUESTION_SECTIONS, self.config.question_threshold, "ask")
        if chosen:
            return [self._answer(question, chosen, method, score)]
        return [Observation(request=question, status="not_available", text=self.config.no_information_text)]

    def answer_order(self, test: str) -> Observation:
        """Report one test: the case's result, the panel's analytes, or the missing-result policy."""
        found = self.index.lookup(test, TEST_SECTIONS)
        if found is not None:
            return self._answer(test, [found[0]], found[1])
        panel = self._panel_fields(test)
        if panel:
            return self._answer(test, panel, "panel")
        if self.index.lookup(test, QUESTION_SECTIONS) is not None:
            return Observation(request=test, status="redirected",
                               text="That is part of the history or physical examination: ask for it.")
        chosen, method, score = self._similar(test, TEST_SECTIONS, self.config.test_threshold, "order")
        if chosen:
            return self._answer(test, chosen, method, score)
        return self._missing(test)

    # -- stages ---------------------------------------------------------------------------
    def _panel_fields(self, test: str) -> list[CaseField]:
        analytes = self.reference.lookup(test)
        if len(analytes) < 2:  # single analytes were handled by the exact stage
            return []
        out: list[CaseField] = []
        for analyte in analytes:
            for name in self.reference.analyte_names[analyte.name]:
                found = self.index.lookup(name, TEST_SECTIONS)
                if found is not None and found[0] not in out:
                    out.append(found[0])
                    break
        return out

    def _question_tokens(self, question: str) -> list[str]:
        return [t for t in self.vocab.tokens(question) if t not in QUESTION_STOPWORDS]

    def _fields_named_in(self, question: str) -> list[CaseField]:
        """Fields whose whole (non-generic) name appears in the question; most specific names win."""
        tokens = set(self._question_tokens(question))
        best: list[CaseField] = []
        best_size = 0
        for node in self.index.in_sections(QUESTION_SECTIONS):
            for name in (node.qualified_name, node.name):
                if name == node.name and node.depth > 1 and self.vocab.is_generic(name):
                    continue
                name_tokens = set(self.vocab.tokens(name))
                if name_tokens and name_tokens <= tokens:
                    if len(name_tokens) > best_size:
                        best, best_size = [node], len(name_tokens)
                    elif len(name_tokens) == best_size and node not in best:
                        best.append(node)
        # When a field and its own descendant tie, the field already holds the descendant's text.
        return [n for n in best if not any(o is not n and o.section == n.section and n.path[:len(o.path)] == o.path
                                           for o in best)]

    def _topic_fields(self, question: str) -> list[CaseField]:
        tokens = self.vocab.tokens(question, drop_filler=False)
        out: list[CaseField] = []
        for keywords, field_keys in self.vocab.topics:
            if any(contains_sequence(tokens, k) for k in keywords):
                for name in field_keys:
                    found = self.index.lookup(name, QUESTION_SECTIONS)
                    if found is not None and found[0] not in out:
                        out.append(found[0])
        return out

    def _mentions(self, question: str) -> list[tuple[CaseField, list[str]]]:
        """Sentences of history/exam text that mention what the question asks about ("any cough?").

        Only the best-covered sentences are kept (all the question's terms if any sentence has
        them all, else at least half), so a question gets what the case says on that point only.
        """
        terms = {t for t in self._question_tokens(question) if len(t) >= 3 and t not in MENTION_STOPWORDS}
        if not terms:
            return []
        scored: list[tuple[float, CaseField, str]] = []
        for node in self.index.in_sections(QUESTION_SECTIONS):
            if isinstance(node.value, dict):
                continue
            for sentence in _SENTENCES.split(str(node.value)):
                found = terms & set(self.vocab.tokens(sentence))
                if found:
                    scored.append((len(found) / len(terms), node, sentence.strip()))
        best = max((score for score, _, _ in scored), default=0.0)
        if best < 0.5:
            return []
        out: dict[str, tuple[CaseField, list[str]]] = {}
        for score, node, sentence in scored:
            if score == best:
                out.setdefault(node.field_path, (node, []))[1].append(sentence)
        return list(out.values())

    def _similar(self, request: str, sections: tuple[str, ...], threshold: float,
                 kind: str) -> tuple[list[CaseField], str | None, float | None]:
        candidates = self.index.in_sections(sections)
        if not candidates:
            return [], None, None
        encoder = self._get_embedder()
        if encoder is not None:
            nodes, vectors = self._vectors(sections, candidates, encoder)
            query = np.asarray(encoder.encode([request]), dtype=np.float32)[0]
            scores = (vectors @ query).max(axis=0)
            wanted = MODALITIES & set(self.vocab.tokens(request))
            if wanted:  # rule out candidates of another modality
                for i, node in enumerate(nodes):
                    named = MODALITIES & set(self.vocab.tokens(node.qualified_name))
                    if named and not named & wanted:
                        scores[i] = -1.0
            best = int(np.argmax(scores))
            if float(scores[best]) >= threshold:
                return [nodes[best]], "embedding", round(float(scores[best]), 4)
        if self.matcher is not None:
            picked = self.matcher.choose(request, kind, [c.qualified_name for c in candidates])
            chosen = [candidates[i] for i in picked if 0 <= i < len(candidates)]
            if chosen:
                return chosen[:3], "llm", None
        return [], None, None

    def _get_embedder(self) -> Encoder | None:
        if self._embedder is not None and not hasattr(self._embedder, "encode"):
            self._embedder = self._embedder()  # a factory: build the embedder on first need
        return self._embedder  # type: ignore[return-value]

    def _vectors(self, sections: tuple[str, ...], candidates: list[CaseField],
                 encoder: Encoder) -> tuple[list[CaseField], np.ndarray]:
        """Unit vectors of each candidate's full and own name; a field scores the better of the two."""
        if sections not in self._name_vectors:
            names = [c.qualified_name for c in candidates] + [c.name for c in candidates]
            vectors = np.asarray(encoder.encode(names), dtype=np.float32)
            self._name_vectors[sections] = (candidates, vectors.reshape(2, len(candidates), -1))
        return self._name_vectors[sections]

    # -- replies --------------------------------------------------------------------------
    def _answer(self, request: str, nodes: list[CaseField], method: str | None,
                score: float | None = None) -> Observation:
        text = "\n".join(render(node.label, node.value) for node in nodes)
        if self._redactor is not None:
            text, _ = self._redactor.scrub(text)
        return Observation(request=request, status="answered", text=text,
                           field_paths=[node.field_path for node in nodes],
                           match_method=method, match_score=score)

    def _excerpt(self, request: str, parts: list[tuple[CaseField, list[str]]]) -> Observation:
        text = "\n".join(f"{node.label}: {' '.join(sentences)}" for node, sentences in parts)
        if self._redactor is not None:
            text, _ = self._redactor.scrub(text)
        return Observation(request=request, status="answered", text=text,
                           field_paths=[node.field_path for node, _ in parts], match_method="mention")

    def _missing(self, test: str) -> Observation:
        policy = self.config.policy
        if policy == "not_available":
            text = self.config.not_available_text
        elif policy == "normal":
            text = self.config.normal_text
        else:
            text = self.reference.render(test) or self.config.normal_text
        return Observation(request=test, status="policy", text=text, policy=policy)


def describe(gatekeeper: Gatekeeper) -> dict[str, Any]:
    """The gatekeeper's settings, for traces."""
    return {"config": gatekeeper.config.model_dump(), "embedder": gatekeeper._embedder is not None,
            "llm_matcher": gatekeeper.matcher is not None}
