"""`assess(note, question=None)`: AgentMD's path without any LLM, an LLM optional.

1. extract facts with spans (dxkit.tools.extraction), 2. rank calculators
(dxkit.tools.calculator_selection), 3. fill each top calculator's inputs from the facts,
optionally asking an LLM for inputs the rules missed (accepted only when its quote is found
verbatim in the note), 4. run the calculator: missing inputs are reported with the possible
range, and the value assuming unmentioned findings absent is given beside it, 5. log it all.
"""

from __future__ import annotations

import hashlib
import time
from typing import Any

from dxkit.agent.risk.models import AssessedCalculator, RiskAssessment
from dxkit.calculators.registry import registry
from dxkit.errors import InputError
from dxkit.tools.calculator_selection import rank_calculators
from dxkit.tools.extraction import NoteFacts, extract
from dxkit.tools.extraction.to_inputs import fill_inputs


def _assess_one(calc_id: str, candidate: Any, facts: Any, llm: Any = None) -> AssessedCalculator:
    calc = registry().get(calc_id)
    filled = fill_inputs(calc, facts)
    if llm is not None and filled.missing:
        from dxkit.agent.risk.llm_extract import fill_missing_with_llm

        filled = fill_missing_with_llm(llm, calc, facts, filled)
    inputs = dict(filled.inputs)
    try:
        result = calc.run(inputs, missing="report")
    except InputError as exc:  # a value the rules read wrongly: drop it and report it missing
        bad = exc.field
        inputs.pop(bad, None)
        filled.provenance.pop(bad, None)
        filled.missing.append(bad)
        result = calc.run(inputs, missing="report")
        result.warnings.append(f"ignored an extracted value: {exc}")
    assumed_value = result.value
    if result.missing:
        try:
            assumed_value = calc.run(inputs, missing="assume_absent").value
        except InputError:
            assumed_value = None
    band = result.band
    return AssessedCalculator(
        calculator_id=calc.id, name=calc.name, selection=candidate, result=result,
        inputs_from_note=filled.provenance, missing=result.missing, value_if_unmentioned_absent=assumed_value,
        interpretation=(f"{band.label}: {band.interpretation}" if band else None), reference=calc.reference,
    )


def assess(note: str, question: str | None = None, *, top_k: int = 3, calculator: str | None = None,
           llm: Any = None, ledger: Any = None, facts: NoteFacts | None = None) -> RiskAssessment:
    """Find the calculators that apply to `note`, fill them from the text and compute.

    `calculator` forces one calculator (by id, name or MedCalc id); `llm` (a chat model or
    spec string) adds schema-constrained extraction for inputs the rules did not find;
    `facts` reuses an earlier `extract(note)` of the same note (its question is set here).
    """
    if not note or not note.strip():
        raise InputError("note", note, "is empty", accepted="the text of a clinical note")
    started = time.perf_counter()
    if facts is None or facts.text != note:
        facts = extract(note)
    else:
        facts = facts.model_copy()  # shares the memo of filled inputs, keyed by question where it matters
    facts.question = question
    if isinstance(llm, str):
        from dxkit.models import get_chat_model

        llm = get_chat_model(llm)
    candidates = rank_calculators(note, question, k=max(top_k, 5), facts=facts)
    chosen = [c.calculator_id for c in candidates[:top_k]]
    if calculator is not None:
        forced = registry().get(calculator).id
        chosen = [forced]
        candidates = [c for c in candidates if c.calculator_id == forced] or rank_calculators(
            note, registry().get(forced).name, k=1, facts=facts)
    by_id = {c.calculator_id: c for c in candidates}
    assessments = [_assess_one(cid, by_id.get(cid, candidates[0]), facts, llm) for cid in chosen]
    assessment = RiskAssessment(
        note_sha256=hashlib.sha256(note.encode()).hexdigest(), question=question,
        candidates=candidates, assessments=assessments, extraction_method="rules+llm" if llm else "rules",
    )
    if ledger is not None:
        ledger.tool_call("assess", {"note_sha256": assessment.note_sha256, "question": question},
                         assessment.model_dump(mode="json", exclude={"candidates"}),
                         time.perf_counter() - started)
        assessment.ledger_run_id = ledger.run_id
    return assessment
