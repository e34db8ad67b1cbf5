"""The SDBench-style gatekeeper: answers requests with only the case field they name."""

from dxkit.tools.gatekeeper.gatekeeper import Gatekeeper, GatekeeperConfig
from dxkit.tools.gatekeeper.synthetic import ReferenceTable

__all__ = ["Gatekeeper", "GatekeeperConfig", "ReferenceTable"]
