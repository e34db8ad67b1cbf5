"""The demo that ships with dxkit: one case and a small evidence corpus, written by the team.

`dxkit demo` runs the panel on `case.yaml` with an index built from `corpus/*.md` (a temporary
index, seconds to build with the packaged embedder), offline, on the embedded defaults.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Any

DEMO_PACKAGE = "dxkit.agent.demo"


def demo_dir() -> Path:
    return Path(str(resources.files(DEMO_PACKAGE)))


def case_path() -> Path:
    return demo_dir() / "case.yaml"


def corpus_dir() -> Path:
    return demo_dir() / "corpus"


def load_demo_case() -> Any:
    from dxkit.cases import load_native_cases

    return load_native_cases(case_path())[0]


def build_demo_index(embedder: Any = None) -> Any:
    """A throw-away evidence index over the demo corpus (None: the packaged embedder)."""
    from dxkit.corpora import EvidenceIndex, load_documents

    return EvidenceIndex.from_documents(load_documents(corpus_dir()), embedder)
