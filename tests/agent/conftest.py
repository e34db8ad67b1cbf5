"""Fixtures for the diagnostic panel: the demo case, a fast hashing-embedder index, scripted models."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest
from langchain_core.language_models.fake_chat_models import FakeListChatModel


def deliberation(differential: list[tuple[str, float]] | None = None, action: str = "ask",
                 questions: list[str] | None = None, tests: list[tuple[str, str]] | None = None,
                 challenger: str | None = None, rationale: str = "", citations: dict[str, list[str]] | None = None
                 ) -> str:
    """One scripted panel reply as the JSON text a model would write."""
    citations = citations or {}
    return json.dumps({
        "differential": [{"diagnosis": d, "probability": p, "citations": citations.get(d, [])}
                         for d, p in (differential or [])],
        "action": action, "questions": questions or [],
        "tests": [{"name": n, "expected_yield": y} for n, y in (tests or [])],
        "challenger_test": challenger, "rationale": rationale})


class CountingFake(FakeListChatModel):
    """A scripted chat model that also records every prompt it was sent."""

    prompts: list[str] = []

    def _call(self, messages: Any, stop: Any = None, run_manager: Any = None, **kwargs: Any) -> str:
        self.prompts.append("\n".join(str(m.content) for m in messages))
        return super()._call(messages, stop=stop, run_manager=run_manager, **kwargs)


@pytest.fixture
def scripted() -> Callable[..., CountingFake]:
    def make(*replies: str) -> CountingFake:
        return CountingFake(responses=list(replies), prompts=[])

    return make


@pytest.fixture(scope="session")
def demo_case() -> Any:
    from dxkit.agent.demo import load_demo_case

    return load_demo_case()


@pytest.fixture(scope="session")
def demo_index() -> Any:
    from dxkit.agent.demo import build_demo_index
    from dxkit.corpora import HashingEmbedder

    return build_demo_index(HashingEmbedder())


@pytest.fixture(scope="session")
def prices() -> Any:
    from dxkit.tools.prices import PriceTable

    return PriceTable.default()


@pytest.fixture(scope="session")
def calculators() -> Any:
    from dxkit.calculators.registry import registry

    return registry()


class FakeConcept:
    def __init__(self, name: str) -> None:
        self.name, self.icd10 = name, ["J18.9"] if "pneumonia" in name.lower() else []


@pytest.fixture
def panel(tmp_path, demo_case, demo_index, prices, calculators) -> Callable[..., Any]:
    """Build a PanelRun on the demo case: panel(model, variant=..., **config overrides)."""
    from dxkit.agent.panel.config import config_for
    from dxkit.agent.panel.runner import PanelRun
    from dxkit.agent.panel.tools import PanelTools
    from dxkit.ledger import Ledger
    from dxkit.tools.encounter import Encounter
    from dxkit.tools.gatekeeper import Gatekeeper

    def build(model: Any, variant: str = "no-budget", *, index: Any = demo_index, checkpointer: Any = None,
              thread_id: str = "t1", encounter: Any = None, ledger: Any = None, budget: float | None = None,
              **overrides: Any) -> Any:
        ledger = ledger or Ledger(run_id=thread_id, root=tmp_path / "ledger")
        config = config_for(variant, budget=budget, **overrides)
        encounter = encounter or Encounter(demo_case, Gatekeeper(demo_case), prices, ledger=ledger)
        tools = PanelTools(model=model, prices=prices, registry=calculators, index=index, ledger=ledger,
                           normalise=FakeConcept, retries=1)
        return PanelRun(encounter, tools, config, checkpointer, thread_id)

    return build
