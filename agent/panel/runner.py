"""Run the panel graph on one encounter: checkpointed, resumable, with an optional human review.

`PanelRun(encounter, tools, config, checkpointer, thread_id).run(review=..., on_update=...)`
streams the graph; when the graph pauses before costly tests (LangGraph interrupt) it asks
`review(ReviewRequest) -> ReviewDecision | bool` and resumes with `Command(resume=...)`.
Calling `run` again with the same thread id after a crash resumes from the last checkpoint.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

from langgraph.checkpoint.memory import InMemorySaver
from langgraph.types import Command

from dxkit.agent.panel.checkpoint import serializer
from dxkit.agent.panel.config import PanelConfig
from dxkit.agent.panel.graph import build_graph, recursion_limit
from dxkit.agent.panel.result import DiagnosisResult, result_from_state
from dxkit.agent.panel.schemas import ReviewDecision, ReviewRequest
from dxkit.agent.panel.state import initial_state
from dxkit.agent.panel.tools import PanelTools
from dxkit.errors import ConfigError

Reviewer = Callable[[ReviewRequest], "ReviewDecision | bool"]
UpdateHook = Callable[[str, dict[str, Any]], None]


class PanelRun:
    def __init__(self, encounter: Any, tools: PanelTools, config: PanelConfig, checkpointer: Any = None,
                 thread_id: str | None = None) -> None:
        self.encounter, self.tools, self.config = encounter, tools, config
        self.thread_id = thread_id or uuid.uuid4().hex
        self.app = build_graph(tools, config, encounter).compile(checkpointer=checkpointer or InMemorySaver(serde=serializer()))
        self.run_config = {"configurable": {"thread_id": self.thread_id},
                           "recursion_limit": recursion_limit(config)}

    def _pending_interrupt(self) -> ReviewRequest | None:
        snapshot = self.app.get_state(self.run_config)
        for task in snapshot.tasks:
            for item in getattr(task, "interrupts", ()) or ():
                return ReviewRequest.model_validate(item.value)
        return None

    def run(self, review: Reviewer | None = None, on_update: UpdateHook | None = None) -> DiagnosisResult:
        snapshot = self.app.get_state(self.run_config)
        started = bool(snapshot.values)
        payload: Any = None if started else initial_state(self.encounter.abstract, getattr(self.encounter, "options", []))
        if started and not snapshot.next:
            return self.result()  # finished earlier: nothing to redo
        while True:
            request = self._pending_interrupt() if payload is None and started else None
            if request is not None:
                payload = Command(resume=self._decide(review, request).model_dump())
            for chunk in self.app.stream(payload, self.run_config, stream_mode="updates"):
                for node, update in chunk.items():
                    if on_update is not None and node != "__interrupt__" and isinstance(update, dict):
                        on_update(node, update)
            started, payload = True, None
            if self._pending_interrupt() is None:
                return self.result()

    @staticmethod
    def _decide(review: Reviewer | None, request: ReviewRequest) -> ReviewDecision:
        if review is None:
            raise ConfigError("hitl: the panel paused for a review of costly tests but no reviewer was given "
                              "(pass review=... or leave hitl_threshold unset)")
        decision = review(request)
        return ReviewDecision(approve=decision) if isinstance(decision, bool) else decision

    def state(self) -> dict[str, Any]:
        return dict(self.app.get_state(self.run_config).values)

    def result(self) -> DiagnosisResult:
        return result_from_state(self.state(), self.config, self.tools.index, self.tools.ledger,  # type: ignore[arg-type]
                                 self.thread_id)
