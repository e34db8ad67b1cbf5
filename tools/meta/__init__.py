"""Deterministic meta-analysis: effect sizes, pooling, Mantel-Haenszel, forest plots, GRADE.

No model calls here; every figure is reproducible from the inputs alone.
"""

from dxkit.tools.meta.effects import binary_effect, continuous_effect
from dxkit.tools.meta.mantel_haenszel import mantel_haenszel
from dxkit.tools.meta.pooling import pool
from dxkit.tools.meta.schemas import (
    BinaryCounts,
    ContinuousSummary,
    EffectMeasure,
    MetaResult,
    StudyEffect,
)

__all__ = [
    "BinaryCounts",
    "ContinuousSummary",
    "EffectMeasure",
    "MetaResult",
    "StudyEffect",
    "binary_effect",
    "continuous_effect",
    "mantel_haenszel",
    "pool",
]
