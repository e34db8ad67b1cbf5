"""Gastrointestinal scores."""
