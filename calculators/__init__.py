"""dxkit.calculators: exact, unit-aware clinical calculators (no LLM, no torch)."""
