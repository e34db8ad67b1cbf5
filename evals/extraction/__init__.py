"""Evaluation of numeric RCT extraction on the Yun et al. (2024) annotation format."""
