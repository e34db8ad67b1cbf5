"""Pulmonary and infection severity scores."""
