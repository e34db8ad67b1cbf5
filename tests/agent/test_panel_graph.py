"""The compiled graph's shape, and a scripted run end to end on the demo case."""

from __future__ import annotations

from conftest import deliberation

from dxkit.agent.panel.graph import EDGES
from dxkit.ledger import CHARGE


def test_compiled_graph_has_exactly_the_declared_edges(panel, scripted):
    run = panel(scripted(deliberation()))
    edges = {(e.source, e.target) for e in run.app.get_graph().edges}
    assert edges == EDGES
    conditional = {(e.source, e.target) for e in run.app.get_graph().edges if e.conditional}
    assert conditional == {("consensus", "act"), ("consensus", "human_review"), ("consensus", "finish")}


def test_scripted_panel_asks_orders_then_commits(panel, scripted):
    model = scripted(
        deliberation([("Community-acquired pneumonia", 0.6), ("Pulmonary embolism", 0.2)], "ask",
                     ["How long have you had the cough?"]),
        deliberation([("Community-acquired pneumonia", 0.7), ("Pulmonary embolism", 0.1)], "order",
                     tests=[("chest X-ray", "high"), ("blood urea nitrogen", "medium")], challenger="D-dimer"),
        deliberation([("Community-acquired pneumonia", 0.9)], "diagnose"),
    )
    run = panel(model)
    result = run.run()
    assert result.diagnosis == "Community-acquired pneumonia"
    assert result.icd10 == "J18.9"
    assert result.rounds == 2
    assert [t.name for t in result.tests] == ["chest X-ray", "blood urea nitrogen", "D-dimer"]
    assert result.clinical_cost_usd == round(300 + sum(t.price_usd for t in result.tests), 2)
    charges = list(run.tools.ledger.records(CHARGE))
    assert round(sum(r.cost_usd for r in charges), 2) == result.clinical_cost_usd
    # CURB-65 ran on what the panel learnt (vital signs from a standard question, BUN from the order);
    # confusion was never asked, yet the possible range shows the band cannot change
    curb = next(c for c in result.calculators if c.calculator_id == "curb65")
    assert curb.missing == ["confusion"] and curb.inputs["bun_mg_dl"] == 24.0
    assert curb.possible_bands == ["high risk"] and not curb.category_could_change
    # every differential item carries citations that resolve in the index
    assert result.differential and all(h.citations for h in result.differential)
    for claim in result.rationale:
        for cid in claim.citations:
            assert run.tools.index.resolve(cid).text
    assert result.llm_calls == 3


def test_every_node_is_recorded_in_the_ledger(panel, scripted):
    run = panel(scripted(deliberation([("Pneumonia", 0.8)], "diagnose")), min_rounds=0)
    run.run()
    nodes = [r.payload["node"] for r in run.tools.ledger.records("panel_node")]
    assert nodes == ["evidence", "calculators", "deliberate", "stewardship", "checklist", "consensus", "finish"]
    first = next(run.tools.ledger.records("panel_node"))
    assert set(first.payload) >= {"inputs", "outputs"}


def test_instant_variant_diagnoses_from_the_abstract(panel, scripted):
    run = panel(scripted(deliberation([("Pneumonia", 0.7)], "ask", ["Any fever?"])), variant="instant")
    result = run.run()
    assert result.diagnosis == "Pneumonia" and result.rounds == 0 and result.clinical_cost_usd == 0


def test_question_only_never_orders(panel, scripted):
    replies = [deliberation([("Pneumonia", 0.5)], "order", tests=[("chest X-ray", "high")])] * 3
    run = panel(scripted(*replies), variant="question-only", max_rounds=3)
    result = run.run()
    assert result.tests == [] and result.rounds == 3
    assert all(log.action.kind in ("ask", "diagnose") for log in result.round_log)
