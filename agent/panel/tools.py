"""The panel's dependencies, injected into the nodes when the graph is built (never globals)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from langchain_core.language_models import BaseChatModel


def _default_normaliser(text: str) -> Any:
    from dxkit.tools.ontology import normalise

    return normalise(text)


@dataclass
class PanelTools:
    """The model, the price table, calculators, the evidence index, the ledger and the ontology."""

    model: BaseChatModel
    prices: Any
    registry: Any = None          # dxkit.calculators.registry.Registry (None: no calculators)
    index: Any = None             # dxkit.corpora.EvidenceIndex (None: no evidence search)
    ledger: Any = None            # dxkit.ledger.Ledger (None: nothing recorded)
    normalise: Callable[[str], Any] | None = _default_normaliser
    retries: int | None = None    # structured-output retries (None: settings.max_retries)

    def visit_usd(self) -> float:
        charge = self.prices.visit_charge()
        return float(charge.price_usd if hasattr(charge, "price_usd") else charge["price_usd"])


def default_tools(model: BaseChatModel, *, index: Any = None, ledger: Any = None, prices: Any = None,
                  registry: Any = None) -> PanelTools:
    """Tools with the packaged defaults: the CMS price table and every registered calculator."""
    if prices is None:
        from dxkit.tools.prices import PriceTable

        prices = PriceTable.default()
    if registry is None:
        from dxkit.calculators.registry import registry as get_registry

        registry = get_registry()
    return PanelTools(model=model, prices=prices, registry=registry, index=index, ledger=ledger)
