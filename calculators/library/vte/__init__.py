"""Venous thromboembolism scores and rules."""
