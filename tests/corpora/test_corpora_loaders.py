"""Loaders: each format yields documents with stable ids, titles, years and text."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dxkit.corpora import Document, detect_format, load_documents
from dxkit.errors import InputError

DATA = Path(__file__).parent / "data"


def test_pubmed_xml_reads_pmid_title_year_and_labelled_sections():
    docs = load_documents(DATA / "pubmed_mini.xml")
    assert [d.id for d in docs] == ["pmid:20000001", "pmid:20000002"]
    first = docs[0]
    assert first.pmid == "20000001" and first.year == 2019 and first.source == "pubmed-xml"
    assert first.title == "Troponin testing in suspected acute coronary syndrome."  # inline markup flattened
    assert first.text.startswith("BACKGROUND: Chest pain")
    assert "RESULTS: A high-sensitivity troponin" in first.text
    # No abstract: the title stands in as text; MedlineDate gives the year.
    assert docs[1].text == "A note without an abstract." and docs[1].year == 2001


def test_jsonl_reads_ids_titles_meta_and_skips_blank_lines():
    docs = load_documents(DATA / "docs.jsonl")
    assert [d.id for d in docs] == ["guide:sepsis", "guide:copd", "guide:stroke"]
    assert docs[0].year == 2021 and docs[0].title == "Sepsis bundle"
    assert docs[1].pmid == "30000003"
    assert docs[2].title == ""


def test_jsonl_bad_line_names_file_and_line(tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_text('{"id": "a", "text": "ok"}\n{"id": "b"}\n')
    with pytest.raises(InputError, match=r"bad.jsonl:2.*lacks 'id' or 'text'"):
        load_documents(path)


def test_jsonl_rejects_hash_in_id(tmp_path):
    path = tmp_path / "ids.jsonl"
    path.write_text(json.dumps({"id": "a#1", "text": "x"}) + "\n")
    with pytest.raises(InputError, match="ids.jsonl:1"):
        load_documents(path)


def test_text_folder_ids_follow_relative_paths_and_headings_give_titles():
    docs = load_documents(DATA / "notes")
    by_id = {d.id: d for d in docs}
    assert set(by_id) == {"file:anaemia", "file:cardiology/chest-pain"}
    assert by_id["file:cardiology/chest-pain"].title == "Chest pain triage"
    assert by_id["file:anaemia"].title == "anaemia"


def test_pubmedqa_shared_file(shared_data):
    docs = load_documents(shared_data / "pubmedqa" / "ori_pqal.json")
    assert len(docs) == 1000
    raw = json.loads((shared_data / "pubmedqa" / "ori_pqal.json").read_text())
    pmid, item = next(iter(raw.items()))
    first = docs[0]
    assert first.id == f"pmid:{pmid}" and first.year == int(item["YEAR"]) and first.source == "pubmedqa"
    assert first.text == "\n\n".join(item["CONTEXTS"])
    assert item["QUESTION"] not in first.text  # the question is never indexed


def test_detect_format_and_clear_errors(tmp_path):
    assert detect_format(DATA / "pubmed_mini.xml") == "pubmed-xml"
    assert detect_format(DATA / "docs.jsonl") == "jsonl"
    assert detect_format(DATA / "notes") == "text"
    with pytest.raises(InputError, match="BioASQ question file"):
        detect_format(DATA / "bioasq_mini.json")
    with pytest.raises(InputError, match="does not exist"):
        detect_format(tmp_path / "missing.json")
    odd = tmp_path / "table.csv"
    odd.write_text("a,b\n")
    with pytest.raises(InputError, match="unknown format"):
        detect_format(odd)


def test_document_id_and_pmid_validation():
    with pytest.raises(ValueError, match="not accepted"):
        Document(id="has space", text="x")
    with pytest.raises(ValueError, match="digits only"):
        Document(id="pmid:1", pmid="PMC123", text="x")
