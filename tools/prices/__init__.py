"""CMS 2025 prices for diagnostic tests, imaging and procedures (see docs/costs_and_judge.md)."""

from dxkit.tools.prices.table import Charge, PricedTest, PriceTable

__all__ = ["Charge", "PriceTable", "PricedTest"]
