"""Disease names to DOID concepts and ICD-10-CM codes, and the ICD-10-CM hierarchy."""

from dxkit.tools.ontology.icd10 import (
    IcdGroup,
    icd10_block,
    icd10_category,
    icd10_chapter,
    icd10_title,
    normalise_code,
)
from dxkit.tools.ontology.normalise import Concept, DiseaseNormaliser, default_normaliser, normalise

__all__ = [
    "Concept",
    "DiseaseNormaliser",
    "IcdGroup",
    "default_normaliser",
    "icd10_block",
    "icd10_category",
    "icd10_chapter",
    "icd10_title",
    "normalise",
    "normalise_code",
]
