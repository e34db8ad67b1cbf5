"""The demo end to end on the embedded defaults (SmolLM2 + MiniLM): slow, loads real models."""

from __future__ import annotations

import pytest


@pytest.mark.slow
@pytest.mark.models
def test_demo_runs_end_to_end_on_the_embedded_model(tmp_path):
    import dxkit
    from dxkit.agent.demo import build_demo_index, case_path

    index = build_demo_index()
    result = dxkit.diagnose(case_path(), variant="budgeted", budget=1000, index=index, max_rounds=1,
                            ledger_root=tmp_path / "ledger", checkpoint_path=tmp_path / "cp.sqlite")
    assert result.diagnosis  # whatever the tiny model says, the run completes with an answer
    assert result.rounds <= 1 and result.clinical_cost_usd <= 1000
    assert result.llm_calls >= 1
    for claim in result.rationale:
        for cid in claim.citations:
            assert index.resolve(cid).text
