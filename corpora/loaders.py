"""Read documents from the formats dxkit accepts, with stable ids.

Formats: PubMedQA JSON (keyed by PMID), PubMed/MEDLINE XML (`PubmedArticleSet`, optionally
gzipped), JSONL (`id`, `title`, `text`, optional `meta`) and folders of Markdown/text files.
`load_documents(path)` picks the loader from the path. Text is kept as data: nothing in it
is interpreted.
"""

from __future__ import annotations

import gzip
import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from dxkit.corpora.documents import Document
from dxkit.errors import InputError

TEXT_SUFFIXES = (".md", ".markdown", ".txt")
ACCEPTED = "a PubMedQA .json, a PubMed XML (.xml, .xml.gz), a .jsonl, a .md/.txt file or a folder of them"


def _year(value: Any) -> int | None:
    match = re.search(r"\b(1[89]\d\d|20\d\d)\b", str(value or ""))
    return int(match.group(1)) if match else None


def load_pubmedqa(path: Path) -> Iterator[Document]:
    """PubMedQA as published: {pmid: {QUESTION, CONTEXTS, LABELS, MESHES, YEAR, ...}}.

    The question is not indexed (it restates the title and would make retrieval trivial);
    the abstract sections are joined with blank lines.
    """
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    if not isinstance(data, dict):
        raise InputError("source", str(path), "is not a PubMedQA file (expected an object keyed by PMID)")
    for pmid, item in data.items():
        contexts = item.get("CONTEXTS")
        if not isinstance(contexts, list):
            raise InputError(f"{path}[{pmid}].CONTEXTS", contexts, "is not a list of abstract sections")
        yield Document(
            id=f"pmid:{pmid}", pmid=str(pmid), text="\n\n".join(contexts), title="",
            year=_year(item.get("YEAR")), source="pubmedqa",
            meta={"labels": item.get("LABELS", []), "meshes": item.get("MESHES", [])},
        )


def _all_text(element: ET.Element | None) -> str:
    return " ".join("".join(element.itertext()).split()) if element is not None else ""


def load_pubmed_xml(path: Path) -> Iterator[Document]:
    """PubMed efetch/baseline XML: one document per `PubmedArticle` with an abstract or title."""
    opener = gzip.open if str(path).endswith(".gz") else open
    with opener(path, "rb") as handle:
        try:
            for _, element in ET.iterparse(handle, events=("end",)):
                if element.tag != "PubmedArticle":
                    continue
                pmid = (element.findtext("MedlineCitation/PMID") or "").strip()
                article = element.find("MedlineCitation/Article")
                if not pmid.isdigit() or article is None:
                    element.clear()
                    continue
                sections = []
                for part in article.findall("Abstract/AbstractText"):
                    body = _all_text(part)
                    label = part.get("Label")
                    sections.append(f"{label}: {body}" if label and body else body)
                title = _all_text(article.find("ArticleTitle"))
                text = "\n\n".join(s for s in sections if s)
                pub_date = article.find("Journal/JournalIssue/PubDate")
                year = _year(pub_date.findtext("Year") or pub_date.findtext("MedlineDate")) if pub_date is not None else None
                journal = article.findtext("Journal/Title") or ""
                element.clear()
                if not (text or title):
                    continue
                yield Document(id=f"pmid:{pmid}", pmid=pmid, title=title, text=text or title,
                               year=year, source="pubmed-xml", meta={"journal": journal})
        except ET.ParseError as exc:
            raise InputError("source", str(path), f"is not well-formed XML ({exc})") from None


def load_jsonl(path: Path) -> Iterator[Document]:
    """One JSON object per line: `id`, `text`, optional `title`, `year`, `pmid`, `meta`."""
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            where = f"{path}:{number}"
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                raise InputError(where, line[:60], f"is not JSON ({exc.msg})") from None
            if not isinstance(row, dict) or "id" not in row or "text" not in row:
                raise InputError(where, line[:60], "lacks 'id' or 'text'", accepted="{id, title, text, meta}")
            meta = row.get("meta") or {}
            pmid = row.get("pmid") or meta.get("pmid")
            try:
                yield Document(id=str(row["id"]), title=row.get("title") or "", text=row["text"],
                               year=_year(row.get("year") or meta.get("year")),
                               pmid=str(pmid) if pmid else None, source="jsonl", meta=meta)
            except ValidationError as exc:
                raise InputError(where, row.get("id"), exc.errors()[0]["msg"]) from None


def _text_file_document(file: Path, root: Path) -> Document | None:
    text = file.read_text(encoding="utf-8", errors="replace")
    if not text.strip():
        return None
    relative = file.relative_to(root) if file != root else Path(file.name)
    stem = relative.with_suffix("").as_posix()
    doc_id = "file:" + re.sub(r"[^A-Za-z0-9_.:/\-]", "-", stem)
    heading = re.search(r"^#\s+(.+)$", text, flags=re.MULTILINE)
    title = heading.group(1).strip() if heading else file.stem.replace("-", " ").replace("_", " ")
    return Document(id=doc_id, text=text, title=title, source="file", meta={"path": relative.as_posix()})


def load_text_folder(path: Path) -> Iterator[Document]:
    """Every .md/.markdown/.txt file under `path` (sorted, so ids and order are stable)."""
    root = Path(path)
    files = [root] if root.is_file() else sorted(p for p in root.rglob("*") if p.suffix.lower() in TEXT_SUFFIXES)
    for file in files:
        document = _text_file_document(file, root.parent if root.is_file() else root)
        if document is not None:
            yield document


def _sniff_json(path: Path) -> str:
    with open(path, encoding="utf-8") as handle:
        head = handle.read(4096)
    if '"CONTEXTS"' in head:
        return "pubmedqa"
    if '"questions"' in head:
        raise InputError("source", str(path), "looks like a BioASQ question file, not a corpus",
                         accepted="use `dxkit eval retrieval --bioasq` for it")
    raise InputError("source", str(path), "is a JSON file of unknown layout", accepted=ACCEPTED)


def detect_format(path: Path) -> str:
    """Name of the loader for `path`: pubmedqa, pubmed-xml, jsonl or text."""
    path = Path(path)
    if not path.exists():
        raise InputError("source", str(path), "does not exist", accepted=ACCEPTED)
    name = path.name.lower()
    if path.is_dir() or name.endswith(TEXT_SUFFIXES):
        return "text"
    if name.endswith((".jsonl", ".ndjson")):
        return "jsonl"
    if name.endswith((".xml", ".xml.gz")):
        return "pubmed-xml"
    if name.endswith(".json"):
        return _sniff_json(path)
    raise InputError("source", str(path), "has an unknown format", accepted=ACCEPTED)


LOADERS = {"pubmedqa": load_pubmedqa, "pubmed-xml": load_pubmed_xml, "jsonl": load_jsonl, "text": load_text_folder}


def iter_documents(path: str | Path, fmt: str | None = None) -> Iterator[Document]:
    """Stream documents from `path`; `fmt` overrides detection (one of LOADERS)."""
    fmt = fmt or detect_format(Path(path))
    if fmt not in LOADERS:
        raise InputError("format", fmt, "is not a known format", accepted=", ".join(LOADERS))
    yield from LOADERS[fmt](Path(path))


def load_documents(path: str | Path, fmt: str | None = None) -> list[Document]:
    """All documents from `path` (see `iter_documents`)."""
    return list(iter_documents(path, fmt))
