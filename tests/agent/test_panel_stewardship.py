"""Dr Stewardship and the budget: vetoes, cheaper equivalents, and never spending past the budget."""

from __future__ import annotations

from conftest import deliberation

from dxkit.agent.panel.config import config_for
from dxkit.agent.panel.schemas import Deliberation
from dxkit.agent.panel.state import initial_state
from dxkit.agent.panel.stewardship import steward
from dxkit.ledger import CHARGE

LUNG_BIOPSY = "Image-guided percutaneous lung biopsy with pathology"  # ~$862 and no cheaper equivalent


def _state(proposal: Deliberation, spent: float = 0.0):
    state = initial_state("71-year-old man with cough")
    state.update(proposal=proposal, spent_usd=spent)
    return state


def test_low_yield_expensive_test_is_vetoed_and_high_yield_is_not(prices):
    config = config_for("no-budget")
    low = Deliberation.model_validate_json(deliberation(action="order", tests=[(LUNG_BIOPSY, "low"), ("CBC", "low")]))
    priced = {t.requested: t for t in steward(_state(low), config, prices)}
    assert priced[LUNG_BIOPSY].status == "vetoed" and "low yield" in priced[LUNG_BIOPSY].reason
    assert priced["CBC"].status == "approved"  # cheap tests pass whatever their yield
    high = Deliberation.model_validate_json(deliberation(action="order", tests=[(LUNG_BIOPSY, "high")]))
    assert steward(_state(high), config, prices)[0].status == "approved"


def test_expensive_test_is_swapped_for_a_cheaper_equivalent(prices):
    config = config_for("no-budget", veto_usd=100)
    proposal = Deliberation.model_validate_json(deliberation(action="order", tests=[("CT chest", "medium")]))
    [test] = steward(_state(proposal), config, prices)
    assert test.status == "substituted" and test.price_usd < prices.price("CT chest").price_usd
    assert test.name != "CT chest" and "cheaper equivalent" in test.reason


def test_budget_is_never_exceeded(panel, scripted):
    pricey = [("CT pulmonary angiography", "high"), ("CT head", "high"), ("MRI brain", "high")]
    replies = [deliberation([("Pulmonary embolism", 0.5)], "order", tests=pricey, challenger="CT abdomen"),
               deliberation([("Pulmonary embolism", 0.5)], "ask", ["Any leg swelling?"])] * 5
    run = panel(scripted(*replies), variant="budgeted", budget=700, max_rounds=8)
    result = run.run()
    charged = sum(r.cost_usd for r in run.tools.ledger.records(CHARGE))
    assert charged <= 700 and result.clinical_cost_usd <= 700
    assert round(charged, 2) == result.clinical_cost_usd
    assert any("over budget" in v.reason for v in result.vetoes)
    assert result.diagnosis == "Pulmonary embolism"  # it commits once the budget cannot buy a visit


def test_vetoed_test_is_never_ordered_in_a_run(panel, scripted):
    replies = [deliberation([("Lung cancer", 0.4), ("Pneumonia", 0.4)], "order", tests=[(LUNG_BIOPSY, "low")]),
               deliberation([("Pneumonia", 0.6)], "diagnose")]
    result = panel(scripted(*replies)).run()
    assert LUNG_BIOPSY not in [t.requested for t in result.tests]
    assert [v.requested for v in result.vetoes] == [LUNG_BIOPSY]
    assert result.round_log[0].action.kind == "ask" and result.round_log[0].action.fallback
