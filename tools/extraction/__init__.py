"""Rule-based clinical note extraction: quantities with units, yes/no findings with negation
and uncertainty, demographics, dates and medications, each with the span it came from.

    from dxkit.tools.extraction import extract
    facts = extract(note_text)          # NoteFacts
    facts.first("creatinine")           # Finding(value=1.4, unit="mg/dL", span=...)
"""

from __future__ import annotations

from dxkit.tools.extraction.categorical import gcs_total_from_components
from dxkit.tools.extraction.conditions import extract_conditions
from dxkit.tools.extraction.dates import extract_dates
from dxkit.tools.extraction.demographics import extract_age, extract_sex
from dxkit.tools.extraction.infusions import extract_infusions
from dxkit.tools.extraction.medications import extract_medications
from dxkit.tools.extraction.model import Finding, NoteFacts, Span
from dxkit.tools.extraction.quantities import extract_quantities

__all__ = ["Finding", "NoteFacts", "Span", "extract"]


def extract(text: str) -> NoteFacts:
    """All rule-based findings in `text`, sorted by position."""
    findings = [
        *extract_age(text), *extract_sex(text), *extract_quantities(text), *extract_conditions(text),
        *extract_dates(text), *extract_medications(text), *extract_infusions(text),
    ]
    if not any(f.concept == "gcs_total" for f in findings):
        findings += gcs_total_from_components(text)  # "GCS: eyes to pain, confused, localises"
    findings.sort(key=lambda f: (f.span.start, f.concept))
    return NoteFacts(text=text, findings=findings)
