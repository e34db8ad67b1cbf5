"""MedCalc-Bench harness: structured mode (given entities) and note mode (from the note)."""
