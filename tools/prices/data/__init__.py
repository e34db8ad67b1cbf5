"""Shipped data tables (a package so that setup.py ships the files)."""
