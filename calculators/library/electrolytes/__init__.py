"""Electrolyte and acid-base calculators."""
