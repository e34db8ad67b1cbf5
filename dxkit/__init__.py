"""dxkit: agentic clinical decision support.

The three uses are exposed here and imported lazily, so `import dxkit` stays cheap and
has no side effects (no model loads, no downloads, no prints):

- ``dxkit.diagnose(case, ...)``    the MAI-DxO-style diagnostic panel   (dxkit.agent)
- ``dxkit.assess(note, ...)``      note -> calculators -> cited risk    (dxkit.agent)
- ``dxkit.synthesize(question, ...)`` evidence synthesis                (dxkit.agent)
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

__version__ = "0.1.0"

# public name -> "module:attribute"; resolved on first use
_LAZY = {
    "diagnose": "dxkit.agent.api:diagnose",
    "assess": "dxkit.agent.api:assess",
    "synthesize": "dxkit.agent.api:synthesize",
    "get_chat_model": "dxkit.models:get_chat_model",
    "get_embedder": "dxkit.models:get_embedder",
    "structured": "dxkit.models:structured",
    "Ledger": "dxkit.ledger:Ledger",
    "get_settings": "dxkit.settings:get_settings",
}

__all__ = ["__version__", *_LAZY]


def __getattr__(name: str) -> Any:
    target = _LAZY.get(name)
    if target is None:
        raise AttributeError(f"module 'dxkit' has no attribute {name!r}")
    module_name, attribute = target.split(":")
    value = getattr(import_module(module_name), attribute)
    globals()[name] = value
    return value
