"""The ontology normaliser and the ICD-10-CM hierarchy, against hand-read facts.

ICD-10-CM facts were read from shared/data/ontologies/icd10cm_2021_* (CMS/CDC, FY2021):
E11 sits in block E08-E13 of chapter 4 (E00-E89); I21 in I20-I25 of chapter 9 (I00-I99);
C4A (Merkel cell carcinoma) is placed under C43-C44 in the tabular list.
DOID facts were read from doid_2024-01-31.obo.gz: DOID:5844 'myocardial infarction' has the
EXACT synonym 'heart attack' and xref ICD10CM:I21.
"""

from __future__ import annotations

import pytest

from dxkit.errors import InputError
from dxkit.tools.ontology import (
    icd10_block,
    icd10_category,
    icd10_chapter,
    icd10_title,
    normalise,
    normalise_code,
)
from dxkit.tools.ontology.abbreviations import CLINICAL_ABBREVIATIONS
from dxkit.tools.ontology.text import normalise_text


def test_icd_category_block_chapter():
    assert icd10_category("E11.9") == "E11"
    assert icd10_category("e119") == "E11"
    assert icd10_block("E11.9").code_range == "E08-E13"
    chapter = icd10_chapter("E11.9")
    assert chapter.chapter == 4 and chapter.code_range == "E00-E89"
    assert icd10_block("I21.4").code_range == "I20-I25"
    assert icd10_chapter("I21.4").chapter == 9
    assert icd10_block("B20").code_range == "B20"  # a one-category block


def test_out_of_order_categories_find_their_block():
    assert icd10_block("C4A.9").code_range == "C43-C44"
    assert icd10_block("M1A.00").code_range == "M05-M14"
    assert icd10_block("O9A.1").code_range == "O94-O9A"  # sorts into place on its own


def test_titles_and_bad_codes():
    assert icd10_title("A00") == "Cholera"
    assert normalise_code("i219") == "I21.9"
    with pytest.raises(InputError, match="code"):
        icd10_category("not a code")
    with pytest.raises(InputError):
        icd10_block(12)  # type: ignore[arg-type]


@pytest.mark.parametrize(("text", "key"), [
    ("Hirschsprung\u2019s disease", "hirschsprung disease"),
    ("Legg-Calv\u00e9-Perthes disease", "legg calve perthe disease"),
    ("Haemorrhagic  Stroke", "hemorrhagic stroke"),
    ("Coarctation of the aorta", "coarctation of aorta"),
    ("Hemophilia A", "hemophilia a"),
])
def test_text_normalisation(text, key):
    assert normalise_text(text) == key


def test_exact_and_synonym_matches():
    mi = normalise("Myocardial infarction")
    assert mi.doid == "DOID:5844" and mi.method == "exact" and mi.confidence == 1.0
    assert "I21" in mi.icd10 and mi.icd10_source == "xref"
    attack = normalise("heart attack")
    assert attack.doid == "DOID:5844" and attack.method == "synonym"


def test_possessives_brackets_and_abbreviations():
    assert normalise("Huntington disease").doid == normalise("Huntington's disease").doid
    bppv = normalise("Benign Paroxysmal Positional Vertigo (BPPV)")
    assert bppv.name == "benign paroxysmal positional vertigo"
    assert normalise("COPD").doid == normalise("chronic obstructive pulmonary disease").doid


def test_every_abbreviation_expands_to_a_concept():
    for abbreviation, expansion in CLINICAL_ABBREVIATIONS.items():
        assert normalise(expansion) is not None, (abbreviation, expansion)


def test_broader_concept_after_dropping_qualifiers():
    concept = normalise("Physiological neonatal jaundice")
    assert concept.method == "broader" and concept.name == "neonatal jaundice"


def test_icd_title_fallback():
    concept = normalise("Coarctation of the aorta")
    assert concept.icd10 == ["Q25.1"] and concept.method in ("icd_title", "exact", "synonym")


def test_fuzzy_match_has_a_threshold():
    typo = normalise("myasthenia graviss")
    assert typo is not None and typo.name == "myasthenia gravis"
    assert normalise("xylophone quartet") is None
    strict = normalise("myasthenia graviss", threshold=1.0)
    assert strict is None or strict.method != "fuzzy"


def test_fuzzy_keeps_negation():
    concept = normalise("small cell lung cancer")
    assert concept is None or "non" not in concept.name


def test_ancestor_codes_when_term_has_no_xref():
    # DOID:8552 'chronic myeloid leukemia' has no ICD10CM xref; its codes come from an ancestor.
    cml = normalise("chronic myeloid leukemia")
    assert cml.doid == "DOID:8552"
    assert cml.icd10_source == "ancestor" and cml.icd10_from != "DOID:8552"
    assert all(code.startswith("C92") for code in cml.icd10)


def test_bad_threshold():
    with pytest.raises(InputError, match="threshold"):
        normalise("asthma", threshold=0)


def test_abbreviated_genus_expands_when_unambiguous():
    # DOID:0060185 'Clostridium difficile colitis' has the xref ICD10CM:A04.7
    concept = normalise("C. difficile colitis")
    assert concept.doid == "DOID:0060185" and concept.icd10 == ["A04.7"]
    assert normalise("hepatitis A").name == "hepatitis A"  # a final letter is not a genus


def test_ngram_index_scores():
    from dxkit.tools.ontology.fuzzy import NgramIndex

    index = NgramIndex(["myasthenia gravis", "multiple sclerosis", "gravis myasthenia"])
    best, score = index.query("myasthenia gravis", k=1)[0]
    assert best == 0 and score == pytest.approx(1.0)
    ranked = [i for i, _ in index.query("myasthenia gravi", k=3)]
    assert ranked[-1] == 1  # the unrelated name comes last
    assert index.query("   ", k=2) == []
