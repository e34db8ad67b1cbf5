"""Optional LLM matching stage: the model picks which case fields a request names.

The model sees the request and the numbered field *names* only, never their contents or the
diagnosis, and may only return numbers; the text that goes back to the solver is still the
case's own field, redacted, exactly as in the deterministic stages.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field

INSTRUCTIONS = ("You route a clinician's request to the records that answer it. Reply with the numbers of the "
                "records the request asks for, at most {limit}; reply with an empty list when none fits. "
                "Do not pick records that were not asked for.")


class FieldChoice(BaseModel):
    indices: list[int] = Field(description="Numbers of the matching records; empty when none matches.")


class LLMFieldMatcher:
    """A `FieldMatcher` backed by a chat model through `dxkit.models.structured`."""

    def __init__(self, model: Any, ledger: Any = None, limit: int = 3) -> None:
        self.model, self.ledger, self.limit = model, ledger, limit

    def choose(self, request: str, kind: str, names: list[str]) -> list[int]:
        from dxkit.models import structured

        listing = "\n".join(f"{i}: {name}" for i, name in enumerate(names))
        what = "question to the patient or examiner" if kind == "ask" else "test order"
        prompt = f"Records:\n{listing}\n\nThe {what}: {request!r}\nWhich record numbers answer it?"
        choice = structured(self.model, FieldChoice,
                            [("system", INSTRUCTIONS.format(limit=self.limit)), ("human", prompt)],
                            ledger=self.ledger)
        picked: list[int] = []
        for index in choice.indices:
            if 0 <= index < len(names) and index not in picked:
                picked.append(index)
        return picked[:self.limit]
