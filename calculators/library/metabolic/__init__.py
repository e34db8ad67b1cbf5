"""Metabolic and lipid calculators."""
