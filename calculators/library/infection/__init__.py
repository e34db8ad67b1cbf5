"""Infection scores."""
