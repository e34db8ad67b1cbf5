"""Stage 2: queries from the PICO (synonym expansion), hybrid retrieval, de-duplication."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

from dxkit.agent.synthesis.audit import log_step
from dxkit.agent.synthesis.schemas import PICO, SearchLog, Study


@lru_cache(maxsize=1)
def synonym_groups() -> tuple[tuple[str, ...], ...]:
    text = resources.files("dxkit.agent.synthesis").joinpath("synonyms.yaml").read_text(encoding="utf-8")
    return tuple(tuple(str(term).lower() for term in group) for group in yaml.safe_load(text))


def expand(term: str) -> list[str]:
    """`term` and its synonyms (whole-phrase replacement of any group member found in it)."""
    lowered = term.lower()
    variants = [lowered]
    for group in synonym_groups():
        for member in group:
            if f" {member} " in f" {lowered} ":
                variants += [lowered.replace(member, other) for other in group if other != member]
                break
    return list(dict.fromkeys(variants))


def build_queries(pico: PICO, max_queries: int = 12) -> list[str]:
    """Intervention x outcome x population queries, synonyms expanded, no duplicates."""
    queries = []
    for outcome in pico.outcomes:
        for intervention in expand(pico.intervention):
            for outcome_term in expand(outcome.name)[:3]:
                queries.append(f"{intervention} {outcome_term} {pico.population}")
        queries.append(f"{pico.intervention} versus {pico.comparator} randomized trial {outcome.name}")
    return list(dict.fromkeys(queries))[:max_queries]


def search_index(pico: PICO, index: Any, k: int = 20, max_studies: int = 50,
                 ledger: Any | None = None) -> tuple[list[Study], SearchLog]:
    """Studies (whole documents) behind the best passages of every query, each once."""
    log = SearchLog(source="index", queries=build_queries(pico))
    order: list[str] = []
    hits = 0
    for query in log.queries:
        passages = index.search(query, k=k, mode="hybrid")
        log.hits_per_query[query] = len(passages)
        hits += len(passages)
        for passage in passages:
            if passage.citation.doc_id not in order:
                order.append(passage.citation.doc_id)
    seen_text: set[str] = set()
    studies: list[Study] = []
    for doc_id in order[:max_studies]:
        document = index.store.document(doc_id)
        key = " ".join(document.text.split()).lower()
        if key in seen_text:  # the same report under two ids
            continue
        seen_text.add(key)
        studies.append(Study(id=document.id, title=document.title, text=document.text, year=document.year,
                             source=document.source))
    log.unique_studies = len(studies)
    log.duplicates_removed = hits - len(studies)
    log_step(ledger, "search", log.model_dump())
    return studies, log


def user_studies(studies: list[Study], ledger: Any | None = None) -> tuple[list[Study], SearchLog]:
    """User-supplied studies, de-duplicated by id and by text."""
    kept, ids, texts = [], set(), set()
    for study in studies:
        key = " ".join(study.text.split()).lower()
        if study.id in ids or key in texts:
            continue
        ids.add(study.id)
        texts.add(key)
        kept.append(study)
    log = SearchLog(source="user", unique_studies=len(kept), duplicates_removed=len(studies) - len(kept))
    log_step(ledger, "search", log.model_dump())
    return kept, log
