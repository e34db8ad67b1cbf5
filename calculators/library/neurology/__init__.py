"""Neurology scores."""
