"""One sequential-diagnosis encounter: the solver's only window onto a case.

The solver sees `abstract` (demographics and presenting complaint, as SDBench) and calls
`act(action)` with `Ask`, `Order` or `Diagnose`. Each `Ask` round costs one physician visit
(settings.budget.visit_usd, $300 by default, the SDBench convention); each ordered test is
priced by the price table. Every charge goes to the ledger and into the cost breakdown; an
order or round that would take spending over the budget is refused, not charged.
"""

from __future__ import annotations

from typing import Any, Protocol

from pydantic import BaseModel, Field, TypeAdapter

from dxkit.cases import Action, Ask, Case, ChargeLine, Diagnose, Observation, Order
from dxkit.errors import InputError
from dxkit.tools.gatekeeper import Gatekeeper

_ACTION = TypeAdapter(Action)


class PriceSource(Protocol):
    """What the encounter needs of a price table (dxkit.tools.prices.PriceTable has both)."""

    def price(self, test_name: str) -> Any: ...

    def visit_charge(self) -> Any: ...


class TraceStep(BaseModel):
    """One action and the observations it produced."""

    step: int = Field(ge=0)
    action: dict[str, Any]
    observations: list[Observation] = Field(default_factory=list)
    spent_usd: float = Field(ge=0, description="Cumulative clinical spending after this step.")


class CostBreakdown(BaseModel):
    visits: int = 0
    visits_usd: float = 0.0
    tests: int = 0
    tests_usd: float = 0.0
    total_usd: float = 0.0
    lines: list[ChargeLine] = Field(default_factory=list)


def _charge_line(item: str, charge: Any, fallback_method: str) -> ChargeLine:
    """Adapt a price-table Charge (pydantic or mapping) to a ChargeLine."""
    data = charge.model_dump() if hasattr(charge, "model_dump") else dict(charge)
    return ChargeLine(item=item, codes=list(data.get("codes") or []), name=str(data.get("name") or item),
                      price_usd=float(data["price_usd"]), confidence=float(data.get("confidence", 1.0)),
                      method=str(data.get("method") or fallback_method))


class Encounter:
    """A case behind a gatekeeper, a price table, an optional ledger and an optional budget."""

    def __init__(self, case: Case, gatekeeper: Gatekeeper | None = None, prices: PriceSource | None = None,
                 ledger: Any = None, budget: float | None = None, visit_usd: float | None = None) -> None:
        if budget is not None and not budget >= 0:  # also rejects NaN
            raise InputError("budget", budget, "is not a non-negative amount", accepted="USD >= 0 or None",
                             unit="USD")
        self._case = case  # private: solvers use abstract/options/act only
        self._gatekeeper = gatekeeper or Gatekeeper(case)
        if prices is None:
            from dxkit.tools.prices import PriceTable

            prices = PriceTable.default()
        self._prices = prices
        self._ledger = ledger
        self.budget = budget
        self._visit_usd = visit_usd
        self.case_id = case.id
        self.trace: list[TraceStep] = []
        self.costs = CostBreakdown()
        self.questions_asked = 0
        self.tests_ordered = 0
        self.final: Diagnose | None = None

    # -- what the solver may see ----------------------------------------------------------
    @property
    def abstract(self) -> str:
        return self._case.abstract()

    @property
    def options(self) -> list[str]:
        """Answer options, for multiple-choice sources (empty otherwise)."""
        return list(self._case.options)

    @property
    def ledger(self) -> Any:
        """The run's ledger (or None): solvers pass it to `structured` so LLM calls are costed."""
        return self._ledger

    @property
    def finished(self) -> bool:
        return self.final is not None

    @property
    def spent_usd(self) -> float:
        return self.costs.total_usd

    @property
    def remaining_usd(self) -> float | None:
        return None if self.budget is None else max(0.0, self.budget - self.costs.total_usd)

    def calibration_menu(self) -> dict[str, list[str]]:
        """Top-level field names per section. For calibration baselines only (it reveals the menu)."""
        return self._gatekeeper.requestable_names()

    # -- acting ---------------------------------------------------------------------------
    def act(self, action: Ask | Order | Diagnose | dict[str, Any]) -> list[Observation]:
        """Carry out one action; returns one observation per question, test, or the diagnosis."""
        if self.finished:
            raise InputError("action", getattr(action, "kind", action), "came after the final diagnosis",
                             accepted="no further actions once Diagnose was sent")
        parsed = _ACTION.validate_python(action.model_dump() if isinstance(action, BaseModel) else action)
        if isinstance(parsed, Ask):
            observations = self._ask(parsed)
        elif isinstance(parsed, Order):
            observations = [self._order(test) for test in parsed.tests]
        else:
            self.final = parsed
            observations = [Observation(request=parsed.diagnosis, status="diagnosed",
                                        text="Final diagnosis recorded.")]
        self.trace.append(TraceStep(step=len(self.trace), action=parsed.model_dump(),
                                    observations=observations, spent_usd=round(self.costs.total_usd, 2)))
        return observations

    def _visit(self) -> ChargeLine:
        charge = self._prices.visit_charge()
        line = _charge_line("visit", charge, "visit")
        if self._visit_usd is not None:
            line = line.model_copy(update={"price_usd": float(self._visit_usd)})
        return line

    def _would_exceed(self, price: float) -> bool:
        return self.budget is not None and self.costs.total_usd + price > self.budget + 1e-9

    def _refusal(self, request: str, what: str, price: float) -> Observation:
        return Observation(request=request, status="refused",
                           text=f"Refused: {what} (${price:,.2f}) would exceed the budget "
                                f"(${self.budget:,.2f}; ${self.remaining_usd:,.2f} left).")

    def _ask(self, ask: Ask) -> list[Observation]:
        visit = self._visit()
        if self._would_exceed(visit.price_usd):
            return [self._refusal(q, "another physician visit", visit.price_usd) for q in ask.questions]
        self._book(visit, kind="visit")
        observations: list[Observation] = []
        for question in ask.questions:
            observations += self._gatekeeper.answer_question(question)
        self.questions_asked += len(ask.questions)
        observations[0] = observations[0].model_copy(update={"charge": visit})
        return observations

    def _order(self, test: str) -> Observation:
        observation = self._gatekeeper.answer_order(test)
        if observation.status == "redirected":  # nothing performed, nothing charged
            return observation
        line = _charge_line(test, self._prices.price(test), "exact")
        if self._would_exceed(line.price_usd):
            return self._refusal(test, f"ordering {test!r}", line.price_usd)
        self._book(line, kind="test")
        self.tests_ordered += 1
        return observation.model_copy(update={"charge": line})

    def _book(self, line: ChargeLine, kind: str) -> None:
        costs = self.costs
        costs.lines.append(line)
        if kind == "visit":
            costs.visits += 1
            costs.visits_usd = round(costs.visits_usd + line.price_usd, 2)
        else:
            costs.tests += 1
            costs.tests_usd = round(costs.tests_usd + line.price_usd, 2)
        costs.total_usd = round(costs.visits_usd + costs.tests_usd, 2)
        if self._ledger is not None:
            self._ledger.charge(";".join(line.codes) or None, line.name, line.price_usd, line.confidence,
                                requested=line.item, method=line.method, case_id=self.case_id, kind=kind)
