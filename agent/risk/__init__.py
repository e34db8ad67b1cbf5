"""Note -> applicable calculators -> inputs with source spans -> cited risk assessment."""

from dxkit.agent.risk.models import AssessedCalculator, RiskAssessment
from dxkit.agent.risk.pipeline import assess

__all__ = ["AssessedCalculator", "RiskAssessment", "assess"]
