"""Rule-based numeric extraction: values, spans and "not reported", on hand-written reports."""

from __future__ import annotations

import pytest

from dxkit.tools.rct_extraction import ExtractionTarget, extract_rule_based, verify_number
from dxkit.tools.rct_extraction.segments import segment
from dxkit.tools.rct_extraction.verify import parse_number

PIPE_TABLE_REPORT = """# Results
Participants were randomly assigned to drug X (n = 40) or placebo (n = 42).

| Outcome | Drug X (n = 40) | Placebo (n = 42) |
|---|---|---|
| Pain score at week 8 | 3.1 ± 1.2 | 4.6 ± 1.5 |
| Rescue medication use | 7 (17.5%) | 15 (35.7%) |
"""

SIMPLE_TABLE_REPORT = """Table 2

  Variable        Baseline; Intervention (control)   Week 12; Intervention (control)
  --------------- ---------------------------------- --------------------------------
  Fatigue score   20.5±4.1 (21.0±3.9)                14.2±3.3 (19.8±4.0)

The intervention group (n=25) and the control group (n=27) completed the study.
"""

PROSE_REPORT = ("Overall, death occurred in 12/150 patients in the aspirin group and 20/148 patients "
                "in the placebo group. Bleeding was rare.")


def target(outcome: str, kind: str, intervention: str = "drug X", comparator: str = "placebo") -> ExtractionTarget:
    return ExtractionTarget(intervention=intervention, comparator=comparator, outcome=outcome, outcome_type=kind)


def assert_spans_hold(document: str, result) -> None:
    for number in result.fields.values():
        if number.reported:
            assert number.span is not None
            assert document[number.span.start:number.span.end] == number.span.text
            assert float(number.span.text) == number.value


def test_pipe_table_continuous_with_header_group_sizes():
    result = extract_rule_based(PIPE_TABLE_REPORT, target("pain score", "continuous"))
    values = {k: v.value for k, v in result.fields.items()}
    assert values == {"intervention_mean": 3.1, "intervention_standard_deviation": 1.2,
                      "intervention_group_size": 40, "comparator_mean": 4.6,
                      "comparator_standard_deviation": 1.5, "comparator_group_size": 42}
    assert_spans_hold(PIPE_TABLE_REPORT, result)


def test_pipe_table_binary_events_with_percentages():
    result = extract_rule_based(PIPE_TABLE_REPORT, target("rescue medication", "binary"))
    assert [result.value(n) for n in ("intervention_events", "intervention_group_size",
                                      "comparator_events", "comparator_group_size")] == [7, 40, 15, 42]
    assert_spans_hold(PIPE_TABLE_REPORT, result)


def test_simple_table_skips_baseline_and_reads_group_sizes_from_text():
    result = extract_rule_based(SIMPLE_TABLE_REPORT, target("fatigue score", "continuous",
                                                            "intervention", "control"))
    assert [result.value(n) for n in ("intervention_mean", "intervention_standard_deviation",
                                      "comparator_mean", "comparator_standard_deviation")] == [14.2, 3.3, 19.8, 4.0]
    assert result.value("intervention_group_size") == 25
    assert result.value("comparator_group_size") == 27
    assert_spans_hold(SIMPLE_TABLE_REPORT, result)


def test_prose_fractions_assigned_to_the_named_arms():
    result = extract_rule_based(PROSE_REPORT, target("death", "binary", "aspirin", "placebo"))
    assert [result.value(n) for n in ("intervention_events", "intervention_group_size",
                                      "comparator_events", "comparator_group_size")] == [12, 150, 20, 148]
    assert_spans_hold(PROSE_REPORT, result)


def test_absent_outcome_is_not_reported_never_guessed():
    result = extract_rule_based(PROSE_REPORT, target("stroke", "binary", "aspirin", "placebo"))
    assert all(not number.reported for name, number in result.fields.items() if "events" in name)
    assert result.fields["intervention_events"].shown() == "not reported"


def test_verify_number_accepts_only_numbers_inside_a_real_quote():
    document = "Mortality was 59/541 with remdesivir."
    ok = verify_number(59, "59/541 with remdesivir", document)
    assert ok.value == 59 and document[ok.span.start:ok.span.end] == "59"
    assert not verify_number(60, "59/541 with remdesivir", document).reported  # number not in quote
    assert not verify_number(59, "59/541 with placebo", document).reported  # quote not in document
    assert not verify_number(None, "59/541", document).reported


def test_segments_keep_offsets():
    for seg in segment(PIPE_TABLE_REPORT):
        assert PIPE_TABLE_REPORT[seg.start:seg.end] == seg.text
        for cell in seg.cells:
            assert PIPE_TABLE_REPORT[cell.start:cell.end] == cell.text


def test_every_number_on_the_dev_set_comes_from_its_span(shared_data):
    from dxkit.evals.extraction.dataset import load_rows, markdown_for

    folder = shared_data / "rct_extraction"
    rows = load_rows(folder / "annotated_rct_dev.json")
    assert len(rows) == 43
    reported = 0
    for row in rows:
        document = markdown_for(folder / "markdown", row.pmcid)
        assert document is not None
        result = extract_rule_based(document, row.target, row.pmcid)
        for number in result.fields.values():
            if number.reported:
                reported += 1
                assert document[number.span.start:number.span.end] == number.span.text
                assert parse_number(number.span.text) == pytest.approx(number.value)
    assert reported > 0
