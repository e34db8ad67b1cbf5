"""Cardiology risk scores."""
