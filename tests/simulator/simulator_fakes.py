"""Stand-ins for tests: a tiny price table, a string-match judge, scripted solvers, fake embeddings.

The real price table (dxkit.tools.prices) and judge (dxkit.evals.judge) are tested by their
own suites; these keep the simulator's tests fast and independent of them.
"""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np
from pydantic import BaseModel

from dxkit.cases import Ask, Diagnose, Order, SolverOutcome

PRICES = {"complete blood count": 10.0, "cbc": 10.0, "chest ct": 250.0, "electromyography": 180.0}
PRICES_SPEC = "simulator_fakes:FakePrices"
JUDGE_SPEC = "simulator_fakes:exact_judge"


class FakeCharge(BaseModel):
    codes: list[str]
    name: str
    price_usd: float
    confidence: float
    matched: str | None
    method: str
    requested: str


class FakePrices:
    """Known names at fixed prices, anything else at a $100 default; visits at $300."""

    def __init__(self, visit_usd: float = 300.0, default_usd: float = 100.0) -> None:
        self.visit_usd, self.default_usd = visit_usd, default_usd

    def price(self, test_name: str) -> FakeCharge:
        key = test_name.lower().strip()
        if key in PRICES:
            return FakeCharge(codes=["00000"], name=key, price_usd=PRICES[key], confidence=1.0, matched=key,
                              method="exact", requested=test_name)
        return FakeCharge(codes=[], name="default", price_usd=self.default_usd, confidence=0.0, matched=None,
                          method="default", requested=test_name)

    def visit_charge(self) -> FakeCharge:
        return FakeCharge(codes=["99214"], name="office visit", price_usd=self.visit_usd, confidence=1.0,
                          matched="visit", method="exact", requested="visit")


class FakeJudgement(BaseModel):
    score: int
    correct: bool
    levels: dict[str, bool]
    method: str


def exact_judge(predicted: str, truth: str, model=None) -> FakeJudgement:
    same = predicted.strip().lower() == truth.strip().lower()
    return FakeJudgement(score=5 if same else 1, correct=same, levels={k: same for k in
                         ("concept", "category", "block", "chapter")}, method="exact-string")


def never_judge(predicted: str, truth: str, model=None) -> FakeJudgement:
    return FakeJudgement(score=1, correct=False, levels={}, method="never")


class HashEmbedder:
    """Deterministic bag-of-words vectors: shared words give positive cosine."""

    def encode(self, texts: list[str]) -> np.ndarray:
        out = np.zeros((len(texts), 64), dtype=np.float32)
        for row, text in enumerate(texts):
            for word in text.lower().replace("_", " ").split():
                out[row, sum(map(ord, word)) % 64] += 1.0
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        return out / np.where(norms == 0, 1, norms)


class ScriptedSolver:
    """Asks one question, orders one test, then diagnoses a fixed string."""

    def __init__(self, diagnosis: str = "Myasthenia gravis") -> None:
        self.diagnosis = diagnosis

    def solve(self, encounter) -> SolverOutcome:
        encounter.act(Ask(questions=["Do you smoke?"]))
        encounter.act(Order(tests=["CBC"]))
        encounter.act(Diagnose(diagnosis=self.diagnosis))
        return SolverOutcome(diagnosis=self.diagnosis)


def make_scripted(variant=None, model=None, budget=None, seed=0) -> ScriptedSolver:
    return ScriptedSolver()


def make_counting(variant=None, model=None, budget=None, seed=0) -> ScriptedSolver:
    """A scripted solver that appends each solved case id to $DXKIT_TEST_LOG (one line each)."""

    class Counting(ScriptedSolver):
        def solve(self, encounter) -> SolverOutcome:
            with open(os.environ["DXKIT_TEST_LOG"], "a", encoding="utf-8") as handle:
                handle.write(encounter.case_id + "\n")
            return super().solve(encounter)

    return Counting()


def make_interrupting(variant=None, model=None, budget=None, seed=0) -> ScriptedSolver:
    """Like make_counting, but raises KeyboardInterrupt on the case named in $DXKIT_TEST_STOP_AT."""

    class Interrupting(ScriptedSolver):
        def solve(self, encounter) -> SolverOutcome:
            if encounter.case_id == os.environ["DXKIT_TEST_STOP_AT"]:
                raise KeyboardInterrupt
            with open(os.environ["DXKIT_TEST_LOG"], "a", encoding="utf-8") as handle:
                handle.write(encounter.case_id + "\n")
            return super().solve(encounter)

    return Interrupting()


def make_failing(variant=None, model=None, budget=None, seed=0) -> ScriptedSolver:
    """Raises RuntimeError while $DXKIT_TEST_FAIL is '1'; otherwise logs and solves like make_counting."""

    class Failing(ScriptedSolver):
        def solve(self, encounter) -> SolverOutcome:
            if os.environ.get("DXKIT_TEST_FAIL") == "1":
                raise RuntimeError("model server unavailable")
            with open(os.environ["DXKIT_TEST_LOG"], "a", encoding="utf-8") as handle:
                handle.write(encounter.case_id + "\n")
            return super().solve(encounter)

    return Failing()


def logged_cases(path: Path) -> list[str]:
    return path.read_text("utf-8").split() if path.exists() else []
