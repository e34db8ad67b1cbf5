"""Pregnancy dating calculators."""
