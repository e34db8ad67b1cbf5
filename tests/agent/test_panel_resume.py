"""Checkpointing: a run killed mid-case resumes from its last step; human review pauses and resumes."""

from __future__ import annotations

import pytest
from conftest import deliberation

from dxkit.agent.panel.checkpoint import sqlite_saver
from dxkit.agent.panel.schemas import ReviewDecision
from dxkit.errors import ConfigError
from dxkit.ledger import CHARGE, LLM_CALL, Ledger
from dxkit.tools.encounter import Encounter
from dxkit.tools.gatekeeper import Gatekeeper


class Killed(RuntimeError):
    pass


class DiesOnSecondAction:
    """An encounter that raises (like a killed process) on its second action, before doing anything."""

    def __init__(self, inner: Encounter) -> None:
        self.inner, self.calls = inner, 0
        self.abstract, self.options = inner.abstract, inner.options

    def act(self, action):
        self.calls += 1
        if self.calls == 2:
            raise Killed("simulated kill")
        return self.inner.act(action)


REPLIES = [deliberation([("Community-acquired pneumonia", 0.6)], "ask", ["Any fever?"]),
           deliberation([("Community-acquired pneumonia", 0.7)], "order", tests=[("CBC", "medium"),
                                                                              ("chest X-ray", "high")]),
           deliberation([("Community-acquired pneumonia", 0.9)], "diagnose")]


def test_a_killed_run_resumes_without_repeating_llm_calls_or_charges(panel, scripted, tmp_path, demo_case, prices):
    db = tmp_path / "checkpoints.sqlite"
    ledger = Ledger(run_id="case-1", root=tmp_path / "ledger")
    first_model = scripted(*REPLIES)
    dying = DiesOnSecondAction(Encounter(demo_case, Gatekeeper(demo_case), prices, ledger=ledger))
    with pytest.raises(Killed):
        panel(first_model, checkpointer=sqlite_saver(db), thread_id="case-1", encounter=dying, ledger=ledger).run()
    assert len(first_model.prompts) == 2  # deliberated twice; killed while ordering

    # a new process: new model, encounter, ledger handle and saver on the same files and thread id
    ledger = Ledger(run_id="case-1", root=tmp_path / "ledger")
    second_model = scripted(*REPLIES[2:])
    encounter = Encounter(demo_case, Gatekeeper(demo_case), prices, ledger=ledger)
    result = panel(second_model, checkpointer=sqlite_saver(db), thread_id="case-1", encounter=encounter,
                   ledger=ledger).run()
    assert len(second_model.prompts) == 1  # only the deliberation that had not happened yet
    assert result.diagnosis == "Community-acquired pneumonia" and result.rounds == 2
    assert len(list(ledger.records(LLM_CALL))) == 3
    charged = [r.payload["requested"] for r in ledger.records(CHARGE)]
    assert sorted(charged) == sorted(["visit", "CBC", "chest X-ray"])
    assert result.clinical_cost_usd == round(sum(r.cost_usd for r in ledger.records(CHARGE)), 2)
    # a finished thread is not run again
    again = panel(scripted(*REPLIES), checkpointer=sqlite_saver(db), thread_id="case-1", encounter=encounter,
                  ledger=ledger).run()
    assert again.diagnosis == result.diagnosis and len(list(ledger.records(LLM_CALL))) == 3


ORDER_CTPA = deliberation([("Pulmonary embolism", 0.5), ("Community-acquired pneumonia", 0.4)], "order",
                          tests=[("CT pulmonary angiography", "high"), ("CBC", "medium")])


def test_human_review_pauses_before_costly_tests_and_honours_a_refusal(panel, scripted):
    seen = []

    def reviewer(request):
        seen.append(request)
        return ReviewDecision(approve=False, note="start with cheaper tests")

    model = scripted(ORDER_CTPA, ORDER_CTPA, deliberation([("Community-acquired pneumonia", 0.8)], "diagnose"))
    result = panel(model, hitl_threshold_usd=100).run(review=reviewer)
    assert len(seen) == 1 and [t.requested for t in seen[0].tests] == ["CT pulmonary angiography"]
    assert [t.requested for t in result.tests] == ["CBC"]  # the cheap test went ahead
    second = result.round_log[1]
    assert [v.status for v in second.vetoes if v.requested == "CT pulmonary angiography"] == ["declined"]


def test_human_review_approval_resumes_the_graph(panel, scripted):
    model = scripted(ORDER_CTPA, deliberation([("Pulmonary embolism", 0.8)], "diagnose"))
    result = panel(model, hitl_threshold_usd=100).run(review=lambda request: True)
    assert {t.requested for t in result.tests} == {"CT pulmonary angiography", "CBC"}


def test_review_without_a_reviewer_is_a_clear_error(panel, scripted):
    with pytest.raises(ConfigError, match="no reviewer"):
        panel(scripted(ORDER_CTPA), hitl_threshold_usd=100).run()
