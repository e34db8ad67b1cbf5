"""Vital-sign derived values."""
