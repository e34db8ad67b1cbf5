"""Surgical scores."""
