"""Liver laboratory indices."""
