"""Liver disease scores."""
