"""`assess(note)`: selection, inputs with spans, missing inputs with ranges, batch resume, LLM guard."""

from __future__ import annotations

import json

import pytest
from langchain_core.language_models.fake_chat_models import FakeListChatModel
from typer.testing import CliRunner

from dxkit.agent.risk import assess
from dxkit.calculators.registry import registry
from dxkit.cli.app import app
from dxkit.errors import InputError
from dxkit.tools.calculator_selection import rank_calculators
from dxkit.tools.extraction import extract
from dxkit.tools.extraction.to_inputs import fill_inputs

PNEUMONIA = ("A 70-year-old man with community-acquired pneumonia on chest X-ray. He is confused. "
             "RR 32/min, BP 85/50 mmHg, BUN 30 mg/dL.")


def test_curb65_from_a_note_by_hand() -> None:
    # confusion 1 + BUN 30 > 19 mg/dL 1 + RR 32 >= 30 1 + SBP 85 < 90 1 + age 70 >= 65 1 = 5
    result = assess(PNEUMONIA, "What is the CURB-65 score?", top_k=1)
    best = result.best
    assert best.calculator_id == "curb65"
    assert best.result.value == 5
    assert best.missing == []
    quote = best.inputs_from_note["bun_mg_dl"]
    assert PNEUMONIA[quote.span_start:quote.span_end] == quote.quote == "BUN 30 mg/dL"
    assert best.reference.pmid == "12728155"


def test_missing_inputs_are_reported_with_the_possible_range() -> None:
    # confusion denied (0), age 70 (1), BP 130/80 (0) known; BUN and RR unknown -> 1 + 0..2 = 1..3
    note = "A 70-year-old woman with pneumonia. She is alert and not confused. BP 130/80 mmHg."
    best = assess(note, calculator="curb65").best
    assert best.result.value is None
    assert set(best.missing) == {"bun_mg_dl", "respiratory_rate_per_min"}
    assert (best.result.possible_range.low, best.result.possible_range.high) == (1, 3)
    assert best.value_if_unmentioned_absent == 1  # BUN and RR taken as their declared normal values


def test_pneumonia_note_ranks_curb65_first_without_a_question() -> None:
    top = rank_calculators(PNEUMONIA, None, k=3)
    assert top[0].calculator_id == "curb65"
    assert "pneumonia" in top[0].reason


def test_negated_finding_fills_false_not_true() -> None:
    facts = extract("Patient denies confusion. RR 20, BP 120/80 mmHg, BUN 10 mg/dL, 50-year-old man.")
    filled = fill_inputs(registry().get("curb65"), facts)
    assert filled.inputs["confusion"] is False


def test_empty_note_is_a_clear_error() -> None:
    with pytest.raises(InputError, match="note"):
        assess("   ")


def test_llm_values_need_a_verbatim_quote() -> None:
    note = "A 70-year-old man with pneumonia, confused, blood urea nitrogen measured high. BP 85/50 mmHg."
    reply = json.dumps({"values": [
        {"field": "respiratory_rate_per_min", "value": "34", "quote": "respiratory rate 34"},  # not in the note
        {"field": "bun_mg_dl", "value": "25 mg/dL", "quote": "blood urea nitrogen measured high"},  # no number
    ]})
    model = FakeListChatModel(responses=[reply] * 4)
    best = assess(note, calculator="curb65", llm=model).best
    assert "respiratory_rate_per_min" in best.missing and "bun_mg_dl" in best.missing


def test_llm_value_with_verbatim_quote_is_merged_with_its_span() -> None:
    note = "Seventy-year-old man with pneumonia. Breathing 34 times a minute. Confused. BP 85/50 mmHg. BUN 12 mg/dL."
    reply = json.dumps({"values": [
        {"field": "respiratory_rate_per_min", "value": "34", "quote": "Breathing 34 times a minute"},
        {"field": "age_years", "value": "70", "quote": "Seventy-year-old"},  # number not in the quote
    ]})
    best = assess(note, calculator="curb65", llm=FakeListChatModel(responses=[reply] * 4)).best
    source = best.inputs_from_note["respiratory_rate_per_min"]
    assert source.source == "llm" and note[source.span_start:source.span_end] == "Breathing 34 times a minute"
    assert "age_years" in best.missing


def test_batch_mode_resumes_without_redoing_notes(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("DXKIT_LEDGER_DIR", str(tmp_path / "ledger"))
    from dxkit.settings import get_settings

    get_settings.cache_clear()
    batch = tmp_path / "notes.jsonl"
    batch.write_text("\n".join(json.dumps({"id": f"n{i}", "note": PNEUMONIA}) for i in range(3)) + "\n")
    out = tmp_path / "out.jsonl"
    out.write_text(json.dumps({"id": "n0", "assessment": {}}) + "\n" + '{"id": "n1", "assessm')  # killed mid-line
    result = CliRunner().invoke(app, ["assess", "--batch", str(batch), "--out", str(out), "--top-k", "1"])
    assert result.exit_code == 0, result.output
    ids = []
    for line in out.read_text().splitlines():
        try:
            ids.append(json.loads(line)["id"])
        except json.JSONDecodeError:
            continue
    assert sorted(ids) == ["n0", "n1", "n2"]  # n0 kept, torn n1 redone, n2 done
    get_settings.cache_clear()
