"""Ensemble: independent members on one encounter; each distinct test is paid for once."""

from __future__ import annotations

from conftest import FakeConcept, deliberation

from dxkit.agent.panel.config import config_for
from dxkit.agent.panel.ensemble import aggregate, run_ensemble
from dxkit.agent.panel.result import DiagnosisResult
from dxkit.agent.panel.schemas import Hypothesis
from dxkit.agent.panel.tools import PanelTools
from dxkit.ledger import CHARGE, Ledger
from dxkit.tools.encounter import Encounter
from dxkit.tools.gatekeeper import Gatekeeper


def test_ensemble_counts_each_distinct_test_once(scripted, tmp_path, demo_case, demo_index, prices, calculators):
    order = [("CBC", "medium"), ("chest X-ray", "high")]
    model = scripted(
        deliberation([("Community-acquired pneumonia", 0.6)], "order", tests=order),   # member 1
        deliberation([("Community-acquired pneumonia", 0.8)], "diagnose"),
        deliberation([("Pulmonary embolism", 0.5)], "order", tests=[*order, ("D-dimer", "high")]),  # member 2
        deliberation([("Community-acquired pneumonia", 0.5), ("Pulmonary embolism", 0.4)], "diagnose"),
    )
    ledger = Ledger(run_id="ens", root=tmp_path)
    encounter = Encounter(demo_case, Gatekeeper(demo_case), prices, ledger=ledger)
    tools = PanelTools(model=model, prices=prices, registry=calculators, index=demo_index, ledger=ledger,
                       normalise=FakeConcept, retries=0)
    result = run_ensemble(encounter, tools, config_for("ensemble", ensemble_size=2), thread_id="ens")
    charges = [r.payload["requested"] for r in ledger.records(CHARGE)]
    assert sorted(charges) == ["CBC", "D-dimer", "chest X-ray"]
    expected = sum(prices.price(n).price_usd for n in ("CBC", "chest X-ray", "D-dimer"))
    assert result.clinical_cost_usd == round(expected, 2) == encounter.costs.total_usd
    assert result.members == ["Community-acquired pneumonia", "Community-acquired pneumonia"]
    assert result.diagnosis == "Community-acquired pneumonia" and encounter.final is not None
    assert sorted(t.requested for t in result.tests) == ["CBC", "D-dimer", "chest X-ray"]


def _member(diagnosis: str, *items: tuple[str, float]) -> DiagnosisResult:
    return DiagnosisResult(diagnosis=diagnosis, differential=[Hypothesis(diagnosis=d, probability=p) for d, p in items])


def test_aggregation_sums_probabilities_across_members():
    winner, differential = aggregate([_member("A", ("A", 0.5), ("B", 0.4)), _member("B", ("B", 0.6), ("A", 0.2)),
                                      _member("A", ("A", 0.3), ("B", 0.3))])
    assert winner == "B"  # 1.3 against 1.0
    assert [h.diagnosis for h in differential] == ["B", "A"]
    assert sum(h.probability for h in differential) <= 1.0 + 1e-9
