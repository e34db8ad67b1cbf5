"""Risk prediction models and rules."""
