"""Deterministic diagnosis judge: DOID concepts and ICD-10-CM codes at four granularities.

As in CliBench, a prediction is compared with the truth at the level of the concept, the
ICD-10-CM category (3 characters), the block and the chapter; the finest level that agrees
gives the score (5, 4, 3, 2; 1 when none or when either side cannot be normalised).

Guards against codes that say less than they seem to:
- ICD codes inherited from an ancestor term (DOID terms without their own xref) are coarse:
  they count for the category only when inherited from the other concept or a direct
  child of it, for the block only when the other side's codes are its own, and
  for the chapter alone when both are inherited;
- a match reached by dropping qualifiers ("broader") is at most a category-level agreement;
- a direct is_a parent/child pair in DOID agrees at the category level.
"""

from __future__ import annotations

from dxkit.evals.judge.result import CORRECT_AT, LEVELS, SCORE_BY_LEVEL, JudgeResult
from dxkit.tools.ontology import (
    Concept,
    DiseaseNormaliser,
    default_normaliser,
    icd10_block,
    icd10_category,
    icd10_chapter,
)
from dxkit.tools.ontology.doid import DiseaseOntology
from dxkit.tools.ontology.text import normalise_text


def _direct(concept: Concept) -> bool:
    return concept.icd10_source in ("xref", "title")


def _shared(a: list[str], b: list[str], key) -> bool:
    return bool({key(c) for c in a} & {key(c) for c in b})


def _inherited_from_neighbour(a: Concept, b: Concept, ontology: DiseaseOntology) -> bool:
    """a's codes are inherited from b itself or from a direct child of b (a lies under b).

    Not from b's parent: then a and b are siblings sharing a coarse code (AML and CML).
    """
    if a.icd10_source != "ancestor" or not a.icd10_from or not b.doid:
        return False
    source = ontology.get(a.icd10_from)
    return a.icd10_from == b.doid or bool(source and b.doid in source.parents)


def compare_concepts(p: Concept, t: Concept, ontology: DiseaseOntology) -> tuple[dict[str, bool], str]:
    """Agreement at each level, and why."""
    levels = dict.fromkeys(LEVELS, False)
    same_doid = p.doid is not None and p.doid == t.doid
    same_code = (p.doid is None or t.doid is None) and _direct(p) and _direct(t) and bool(set(p.icd10) & set(t.icd10))
    broader = "broader" in (p.method, t.method)
    if (same_doid or same_code) and not broader:
        levels = dict.fromkeys(LEVELS, True)
        return levels, f"same concept ({p.doid or p.icd10[0]}: {t.name})"
    reasons = []
    if same_doid or same_code:
        levels["category"] = True
        reasons.append("same concept only after dropping qualifiers")
    if p.doid and t.doid and ontology.is_parent_or_child(p.doid, t.doid):
        levels["category"] = True
        reasons.append("direct parent/child in DOID")
    both_direct, one_direct = _direct(p) and _direct(t), _direct(p) or _direct(t)
    linked = _inherited_from_neighbour(p, t, ontology) or _inherited_from_neighbour(t, p, ontology)
    if p.icd10 and t.icd10:
        if (both_direct or linked) and _shared(p.icd10, t.icd10, icd10_category):
            levels["category"] = True
            reasons.append("same ICD-10-CM category")
        if one_direct and _shared(p.icd10, t.icd10, lambda c: icd10_block(c).code_range):
            levels["block"] = True
        if _shared(p.icd10, t.icd10, lambda c: icd10_chapter(c).chapter):
            levels["chapter"] = True
    # A finer agreement implies the coarser ones.
    if levels["category"]:
        levels["block"] = levels["chapter"] = True
    if levels["block"]:
        levels["chapter"] = True
    finest = next((level for level in LEVELS if levels[level]), None)
    reason = "; ".join(reasons) or (f"same ICD-10-CM {finest}" if finest else "no shared ICD-10-CM chapter")
    return levels, f"{p.name} ({', '.join(p.icd10) or 'no code'}) vs {t.name} ({', '.join(t.icd10) or 'no code'}): {reason}"


def judge_deterministic(predicted: str, truth: str, normaliser: DiseaseNormaliser | None = None) -> JudgeResult:
    normaliser = normaliser or default_normaliser()
    p, t = normaliser.normalise(predicted), normaliser.normalise(truth)
    key_p, key_t = normalise_text(predicted), normalise_text(truth)
    if key_p and key_p == key_t:
        levels, rationale = dict.fromkeys(LEVELS, True), "same text after normalisation"
    elif p is None or t is None:
        missing = [repr(text) for text, c in ((predicted, p), (truth, t)) if c is None]
        levels, rationale = dict.fromkeys(LEVELS, False), f"could not normalise {' and '.join(missing)}"
    else:
        levels, rationale = compare_concepts(p, t, normaliser.ontology)
    finest = next((level for level in LEVELS if levels[level]), None)
    score = SCORE_BY_LEVEL[finest] if finest else 1
    return JudgeResult(predicted=predicted, truth=truth, score=score, correct=score >= CORRECT_AT, levels=levels,
                       predicted_concept=p, truth_concept=t, method="deterministic", rationale=rationale)
