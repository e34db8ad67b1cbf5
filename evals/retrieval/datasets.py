"""Retrieval tasks from published files: PubMedQA (`ori_pqal.json`) and BioASQ golden JSON.

A task is a corpus of documents, queries and, per query, the set of relevant document ids.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from pydantic import BaseModel, Field

from dxkit.corpora.documents import Document
from dxkit.corpora.loaders import load_pubmedqa as _pubmedqa_documents
from dxkit.errors import InputError

_PMID_URL = re.compile(r"(?:pubmed/|pubmed\.ncbi\.nlm\.nih\.gov/)(\d+)")


class RetrievalQuery(BaseModel):
    id: str
    text: str
    gold: set[str] = Field(description="Relevant document ids (e.g. 'pmid:123').")


class RetrievalTask(BaseModel):
    name: str
    documents: list[Document]
    queries: list[RetrievalQuery]
    notes: list[str] = Field(default_factory=list, description="What was dropped and why.")


def load_pubmedqa(path: str | Path, limit: int | None = None) -> RetrievalTask:
    """Each PubMedQA question against the pooled abstracts; gold is the question's own PMID.

    `limit` keeps the first N items (both corpus and questions), for quick runs.
    """
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    items = list(data.items())[:limit] if limit else list(data.items())
    keep = {pmid for pmid, _ in items}
    documents = [d for d in _pubmedqa_documents(Path(path)) if d.pmid in keep]
    queries = [RetrievalQuery(id=pmid, text=item["QUESTION"], gold={f"pmid:{pmid}"}) for pmid, item in items]
    return RetrievalTask(name="pubmedqa", documents=documents, queries=queries)


def _pmid(url: str) -> str | None:
    match = _PMID_URL.search(url)
    return match.group(1) if match else (url if url.isdigit() else None)


def load_bioasq(path: str | Path, limit: int | None = None) -> RetrievalTask:
    """BioASQ golden JSON: `questions[*]` with `body`, `documents` (PubMed URLs) and `snippets`.

    The corpus is the union of the snippets' documents, each document's text being its
    snippets (distinct, in file order). Gold is the question's documents that are in the
    corpus; questions left with no gold are skipped and counted in `notes`.
    """
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    questions = data.get("questions") if isinstance(data, dict) else None
    if not isinstance(questions, list):
        raise InputError("bioasq", str(path), "has no 'questions' list", accepted="BioASQ golden JSON")
    if limit:
        questions = questions[:limit]
    snippets: dict[str, list[str]] = {}
    for question in questions:
        for snippet in question.get("snippets") or []:
            pmid = _pmid(str(snippet.get("document", "")))
            text = " ".join(str(snippet.get("text", "")).split())
            if pmid and text and text not in snippets.setdefault(pmid, []):
                snippets[pmid].append(text)
    documents = [Document(id=f"pmid:{pmid}", pmid=pmid, text="\n\n".join(texts), source="bioasq-snippets")
                 for pmid, texts in snippets.items()]
    corpus = {d.id for d in documents}
    queries, skipped, dropped = [], 0, 0
    for number, question in enumerate(questions):
        wanted = {f"pmid:{p}" for p in (_pmid(str(u)) for u in question.get("documents") or []) if p}
        gold = wanted & corpus
        dropped += len(wanted - gold)
        if not gold or not question.get("body"):
            skipped += 1
            continue
        queries.append(RetrievalQuery(id=str(question.get("id", number)), text=question["body"], gold=gold))
    notes = [f"{dropped} gold documents without snippets are outside the corpus and not counted",
             f"{skipped} questions had no gold document in the corpus and were skipped"]
    return RetrievalTask(name="bioasq", documents=documents, queries=queries, notes=notes)
