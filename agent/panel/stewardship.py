"""Dr Stewardship: price every proposed test, swap in cheaper equivalents, veto poor value.

Deterministic over the price table. An expensive test (>= veto_usd) the panel did not rate
high-yield is swapped for the cheapest equivalent of the same region and kind when the table
has one. A test is vetoed when it was already done or declined, when it would take spending
over the budget, or when it is still expensive and the panel itself rated its yield low. The
challenger's falsifying test is priced like the others.
"""

from __future__ import annotations

from typing import Any

from dxkit.agent.panel.config import PanelConfig
from dxkit.agent.panel.schemas import PricedTest, ProposedTest
from dxkit.agent.panel.state import PanelState
from dxkit.agent.panel.tools import PanelTools


def _get(charge: Any, key: str, default: Any = None) -> Any:
    return getattr(charge, key, None) if not isinstance(charge, dict) else charge.get(key, default)


def price_test(prices: Any, proposal: ProposedTest) -> PricedTest:
    charge = prices.price(proposal.name)
    method = _get(charge, "method")
    matched = method != "default" if method is not None else bool(_get(charge, "matched", True))
    return PricedTest(requested=proposal.name, name=proposal.name, codes=list(_get(charge, "codes") or []),
                      price_usd=float(_get(charge, "price_usd") or 0.0), matched=matched,
                      expected_yield=proposal.expected_yield)


def cheaper_equivalent(prices: Any, test: PricedTest) -> PricedTest | None:
    """The cheapest same-region, same-kind test from the price table, or None."""
    finder = getattr(prices, "cheaper_equivalents", None)
    if finder is None or not test.matched:
        return None
    options = [c for c in (finder(test.name) or []) if float(_get(c, "price_usd") or 0) < test.price_usd]
    if not options:
        return None
    best = min(options, key=lambda c: float(_get(c, "price_usd")))
    return test.model_copy(update={
        "name": str(_get(best, "name") or test.name), "codes": list(_get(best, "codes") or []),
        "price_usd": float(_get(best, "price_usd")), "status": "substituted",
        "reason": f"cheaper equivalent of {test.requested} (${test.price_usd:,.2f})"})


def _key(name: str) -> str:
    return " ".join(name.lower().split())


def proposed_tests(state: PanelState, config: PanelConfig) -> list[ProposedTest]:
    proposal = state["proposal"]
    if proposal is None:
        return []
    tests = list(proposal.tests)
    if proposal.challenger_test:
        tests.append(ProposedTest(name=proposal.challenger_test, expected_yield="high"))
    seen: set[str] = set()
    unique = []
    for test in tests:
        if _key(test.name) and _key(test.name) not in seen:
            seen.add(_key(test.name))
            unique.append(test)
    return unique[: config.tests_per_round + 1]


def steward(state: PanelState, config: PanelConfig, prices: Any) -> list[PricedTest]:
    done = {_key(t.requested) for t in state["ordered"]} | {_key(t.name) for t in state["ordered"]}
    declined = {_key(name) for name in state["declined"]}
    remaining = None if config.budget_usd is None else config.budget_usd - state["spent_usd"]
    out: list[PricedTest] = []
    committed = 0.0
    for proposal in proposed_tests(state, config):
        test = price_test(prices, proposal)
        if test.price_usd >= config.veto_usd and test.expected_yield != "high":
            # expensive and not expected to settle the question: swap for a cheaper equivalent if any
            test = cheaper_equivalent(prices, test) or test
        if _key(test.requested) in done or _key(test.name) in done:
            test = test.model_copy(update={"status": "vetoed", "reason": "already done"})
        elif _key(test.requested) in declined:
            test = test.model_copy(update={"status": "declined", "reason": "declined by the reviewer"})
        elif remaining is not None and committed + test.price_usd > remaining + 1e-9:
            test = test.model_copy(update={"status": "vetoed",
                                           "reason": f"over budget (${remaining - committed:,.2f} left)"})
        elif test.price_usd >= config.veto_usd and test.expected_yield == "low":
            test = test.model_copy(update={"status": "vetoed",
                                           "reason": f"low yield at ${test.price_usd:,.2f} (>= ${config.veto_usd:,.0f})"})
        if test.status in ("approved", "substituted"):
            committed += test.price_usd
        out.append(test)
    return out


def make_stewardship_node(tools: PanelTools, config: PanelConfig):
    def stewardship(state: PanelState) -> dict[str, Any]:
        priced = steward(state, config, tools.prices) if config.allow_tests else []
        return {"priced": priced, "vetoes": [t for t in priced if t.status in ("vetoed", "declined")]}

    return stewardship
