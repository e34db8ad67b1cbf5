"""Numeric extraction from RCT reports: events/totals and mean/SD/n, each number with its span."""

from dxkit.tools.rct_extraction.extractor import extract_rule_based
from dxkit.tools.rct_extraction.schemas import (
    ExtractedNumber,
    ExtractionResult,
    ExtractionTarget,
    SourceSpan,
)
from dxkit.tools.rct_extraction.verify import number_in_text, verify_number

__all__ = [
    "ExtractedNumber",
    "ExtractionResult",
    "ExtractionTarget",
    "SourceSpan",
    "extract_rule_based",
    "number_in_text",
    "verify_number",
]
