"""QT interval correction formulas."""
