"""Kidney function calculators."""
