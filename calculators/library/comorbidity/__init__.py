"""Comorbidity indices."""
