"""The MAI-DxO-style virtual diagnostic panel (a LangGraph StateGraph); see docs/diagnostic_panel.md."""

from dxkit.agent.panel.config import VARIANTS, PanelConfig, Variant, config_for
from dxkit.agent.panel.result import DiagnosisResult, EvidenceClaim
from dxkit.agent.panel.schemas import ReviewDecision, ReviewRequest

__all__ = ["VARIANTS", "DiagnosisResult", "EvidenceClaim", "PanelConfig", "ReviewDecision", "ReviewRequest",
           "Variant", "config_for"]
