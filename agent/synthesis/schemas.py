"""Typed values passed between the synthesis stages."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from dxkit.tools.meta.grade import Certainty, GradeInputs
from dxkit.tools.meta.schemas import EffectMeasure, MetaResult
from dxkit.tools.rct_extraction.schemas import ExtractionResult

Decision = Literal["include", "exclude", "unsure"]


class OutcomeSpec(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: str = Field(min_length=1, description="Outcome as it would be named in a trial report.")
    type: Literal["binary", "continuous"] = Field("binary", description="Binary (events) or continuous (mean/SD).")
    measure: EffectMeasure | None = Field(None, description="Effect measure; default RR (binary) or SMD.")
    higher_is_better: bool = Field(False, description="True when more events / higher values are desirable.")

    @property
    def effect_measure(self) -> str:
        return self.measure or ("RR" if self.type == "binary" else "SMD")


class PICO(BaseModel):
    """Population, intervention, comparator and outcomes of a clinical question."""

    model_config = ConfigDict(extra="forbid")
    population: str = Field(min_length=1, description="Who: condition and setting.")
    intervention: str = Field(min_length=1, description="What is tested.")
    comparator: str = Field(min_length=1, description="Against what (placebo, usual care, ...).")
    outcomes: list[OutcomeSpec] = Field(min_length=1, description="Outcomes to analyse.")


class Criterion(BaseModel):
    """An explicit screening criterion; the rule-based screener matches any of its keywords."""

    model_config = ConfigDict(extra="forbid")
    id: str = Field(min_length=1, description="Short id shown in the screening table, e.g. 'I1'.")
    kind: Literal["include", "exclude"]
    description: str = Field(min_length=1)
    keywords: list[str] = Field(default_factory=list, description="Any of these words satisfies it.")


class Study(BaseModel):
    """A candidate study: id (cited), title and text (Markdown), with optional judgements."""

    model_config = ConfigDict(extra="forbid")
    id: str = Field(min_length=1)
    title: str = ""
    text: str = Field(min_length=1)
    year: int | None = None
    source: str = "user"
    risk_of_bias: Literal["low", "some concerns", "high", "not assessed"] = "not assessed"


class SearchLog(BaseModel):
    queries: list[str] = Field(default_factory=list)
    hits_per_query: dict[str, int] = Field(default_factory=dict)
    unique_studies: int = 0
    duplicates_removed: int = 0
    source: Literal["index", "user"] = "user"


class ScreeningDecision(BaseModel):
    study_id: str
    decision: Decision
    criterion: str = Field(description="Id of the criterion that decided, or 'all inclusion criteria met'.")
    passage: str | None = Field(None, description="Text of the study that supports the decision.")
    votes: list[Decision] = Field(default_factory=list)
    method: Literal["rule", "llm"] = "rule"


class OutcomeAnalysis(BaseModel):
    outcome: OutcomeSpec
    study_ids: list[str]
    result: MetaResult | None = None
    sensitivity: list[MetaResult] = Field(default_factory=list, description="Other methods, for comparison.")
    certainty: Certainty | None = None
    total_participants: int = 0
    forest_png: str | None = Field(None, description="Base64 PNG of the forest plot.")
    forest_svg: str | None = None
    note: str | None = None


class EvidenceSentence(BaseModel):
    text: str
    citations: list[str] = Field(default_factory=list, description="Ids of included studies.")


class Recommendation(BaseModel):
    strength: Literal["for", "against", "no recommendation"]
    sentences: list[EvidenceSentence]


class SynthesisConfig(BaseModel):
    """How a synthesis runs. No field needs a model: the defaults are rule-based."""

    model_config = ConfigDict(extra="forbid")
    screening: Literal["rule", "llm"] = "rule"
    screening_votes: int = Field(1, ge=1, le=9, description="k runs of LLM screening; majority decides.")
    extraction: Literal["rule", "llm", "hybrid"] = "rule"
    pooling: Literal["REML", "DL", "FE", "MH"] = "REML"
    hartung_knapp: bool = False
    search_k: int = Field(20, ge=1, le=500, description="Passages per search query.")
    max_studies: int = Field(50, ge=1, le=2000)
    grade: GradeInputs = Field(default_factory=GradeInputs)


class SynthesisResult(BaseModel):
    question: str
    pico: PICO
    criteria: list[Criterion]
    search: SearchLog
    studies: list[Study]
    screening: list[ScreeningDecision]
    extractions: list[ExtractionResult]
    analyses: list[OutcomeAnalysis]
    recommendation: Recommendation
    run_id: str | None = None
    cost_usd: float = 0.0

    @property
    def included_ids(self) -> list[str]:
        return [d.study_id for d in self.screening if d.decision == "include"]
