"""Drug dose conversion and fluid calculators."""
