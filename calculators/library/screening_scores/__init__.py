"""Bedside screening scores."""
