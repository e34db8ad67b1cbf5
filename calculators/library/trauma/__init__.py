"""Trauma and injury decision rules."""
