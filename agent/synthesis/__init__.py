"""Evidence synthesis: question -> PICO -> search -> screening -> extraction -> meta-analysis ->
forest plot -> GRADE -> cited recommendation. Each stage is a plain function; `graph.py` wires
them into a LangGraph graph and `api.synthesize` runs it."""

from dxkit.agent.synthesis.api import synthesize
from dxkit.agent.synthesis.schemas import (
    PICO,
    Criterion,
    OutcomeSpec,
    Study,
    SynthesisConfig,
    SynthesisResult,
)

__all__ = ["PICO", "Criterion", "OutcomeSpec", "Study", "SynthesisConfig", "SynthesisResult", "synthesize"]
