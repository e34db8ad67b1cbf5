"""Encounter: abstract, visit and test charges, ledger entries, budget refusals, finishing."""

from __future__ import annotations

from pathlib import Path

import pytest
from simulator_fakes import FakePrices

from dxkit.cases import Ask, Diagnose, Order, load_native_cases
from dxkit.errors import InputError
from dxkit.ledger.ledger import Ledger
from dxkit.tools.encounter import Encounter
from dxkit.tools.gatekeeper import Gatekeeper

DATA = Path(__file__).parent / "data"


@pytest.fixture()
def case():
    return load_native_cases(DATA / "native_cases.yaml")[0]


def test_question_rounds_cost_one_visit_and_tests_are_priced(case, tmp_path: Path) -> None:
    ledger = Ledger(run_id="enc-test", root=tmp_path)
    encounter = Encounter(case, Gatekeeper(case), FakePrices(), ledger=ledger)
    assert encounter.abstract == case.abstract()
    answers = encounter.act(Ask(questions=["Do you smoke?", "Any medications?", "What is the heart rate?"]))
    assert len(answers) == 3 and answers[0].charge.price_usd == 300.0 and answers[1].charge is None
    results = encounter.act(Order(tests=["CBC", "chest CT", "TSH"]))
    assert [o.charge.price_usd for o in results] == [10.0, 250.0, 100.0]
    assert results[2].status == "policy" and results[2].charge.method == "default"
    costs = encounter.costs
    assert (costs.visits, costs.tests) == (1, 3)
    assert costs.total_usd == 660.0 == pytest.approx(sum(line.price_usd for line in costs.lines))
    charges = list(ledger.records("charge"))
    assert [r.cost_usd for r in charges] == [300.0, 10.0, 250.0, 100.0]
    assert charges[3].payload["method"] == "default" and charges[3].payload["requested"] == "TSH"
    assert encounter.questions_asked == 3 and encounter.tests_ordered == 3
    ledger.close()


def test_visit_price_override(case) -> None:
    encounter = Encounter(case, Gatekeeper(case), FakePrices(), visit_usd=150.0)
    encounter.act(Ask(questions=["Do you smoke?"]))
    assert encounter.spent_usd == 150.0


def test_budget_refuses_what_would_exceed_it(case) -> None:
    encounter = Encounter(case, Gatekeeper(case), FakePrices(), budget=350.0)
    encounter.act(Ask(questions=["Do you smoke?"]))
    ct, cbc = encounter.act(Order(tests=["chest CT", "CBC"]))
    assert ct.status == "refused" and ct.charge is None and "budget" in ct.text
    assert "Ground-glass" not in ct.text and ct.field_paths == []
    assert cbc.status == "answered" and cbc.charge.price_usd == 10.0
    (refused,) = encounter.act(Ask(questions=["Any medications?"]))
    assert refused.status == "refused"
    assert encounter.spent_usd == 310.0 and encounter.remaining_usd == 40.0


def test_redirected_orders_are_not_charged(case) -> None:
    encounter = Encounter(case, Gatekeeper(case), FakePrices())
    (observation,) = encounter.act(Order(tests=["vital signs"]))
    assert observation.status == "redirected" and observation.charge is None and encounter.spent_usd == 0


def test_diagnose_finishes_the_encounter(case) -> None:
    encounter = Encounter(case, Gatekeeper(case), FakePrices())
    encounter.act({"kind": "diagnose", "diagnosis": "Iron deficiency anemia"})
    assert encounter.finished and isinstance(encounter.final, Diagnose)
    with pytest.raises(InputError, match="after the final diagnosis"):
        encounter.act(Ask(questions=["Anything else?"]))
    assert [step.action["kind"] for step in encounter.trace] == ["diagnose"]


def test_negative_budget_is_refused(case) -> None:
    with pytest.raises(InputError, match="budget"):
        Encounter(case, Gatekeeper(case), FakePrices(), budget=-1)
