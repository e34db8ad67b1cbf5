"""Baseline solvers that calibrate the environment (SDBench's floor and ceiling).

- instant: one structured LLM call on the abstract (and the options, for multiple choice);
- order-everything: asks every history and exam field and orders every test the case holds
  (the cost ceiling), then one LLM call on everything gathered; variant "cost-only" skips the
  call and gives no diagnosis;
- random: a seeded sequence of random questions and orders, then a random common diagnosis.
"""

from __future__ import annotations

import csv
import random
from importlib import resources
from typing import Any

from pydantic import BaseModel, Field

from dxkit.cases import Ask, Diagnose, Order, SolverOutcome

SYSTEM = ("You are an experienced physician. Give the single most likely final diagnosis for the "
          "patient described, as a specific disease name.")
# Decoys for the random solver: common tests a case may or may not hold.
COMMON_TESTS = ("complete blood count", "basic metabolic panel", "liver function tests", "urinalysis",
                "chest x-ray", "electrocardiogram", "CT head", "thyroid stimulating hormone",
                "C-reactive protein", "blood cultures", "abdominal ultrasound", "MRI brain")
COMMON_QUESTIONS = ("When did the symptoms start?", "Do you smoke or drink alcohol?",
                    "What is your past medical history?", "Are you taking any medications?",
                    "Any other symptoms?", "Can I check your vital signs?")


class FinalAnswer(BaseModel):
    """The solver's answer."""

    # Length bounds also bound constrained decoding: a small local model otherwise rambles to its token cap.
    diagnosis: str = Field(min_length=2, max_length=100, description="The single most likely final diagnosis.")
    icd10: str | None = Field(None, max_length=8, description="ICD-10-CM code if known.")


def _ledger_tokens(encounter: Any) -> dict[str, Any]:
    ledger = encounter.ledger
    if ledger is None:
        return {}
    summary = ledger.summary()
    return {"llm_prompt_tokens": summary.prompt_tokens, "llm_completion_tokens": summary.completion_tokens,
            "llm_cost_usd": summary.llm_usd}


def _options_text(encounter: Any) -> str:
    if not encounter.options:
        return ""
    return "\nChoose one of these diagnoses:\n" + "\n".join(f"- {o}" for o in encounter.options)


class _ModelMixin:
    def __init__(self, model: Any = None) -> None:
        self._model_spec = model
        self._model: Any = None

    def model(self) -> Any:
        if self._model is None:
            if self._model_spec is not None and not isinstance(self._model_spec, str):
                self._model = self._model_spec  # an already-built chat model (tests: a fake)
            else:
                from dxkit.models import get_chat_model

                self._model = get_chat_model(self._model_spec)
        return self._model

    def answer(self, encounter: Any, findings: str) -> FinalAnswer:
        from dxkit.models import structured

        prompt = f"Patient: {encounter.abstract}\n{findings}{_options_text(encounter)}\nWhat is the diagnosis?"
        return structured(self.model(), FinalAnswer, [("system", SYSTEM), ("human", prompt)],
                          ledger=encounter.ledger)


class InstantSolver(_ModelMixin):
    """One LLM call on the abstract, no questions, no tests."""

    name = "instant"

    def solve(self, encounter: Any) -> SolverOutcome:
        answer = self.answer(encounter, "")
        encounter.act(Diagnose(diagnosis=answer.diagnosis, icd10=answer.icd10))
        return SolverOutcome(diagnosis=answer.diagnosis, icd10=answer.icd10, **_ledger_tokens(encounter))


class OrderEverythingSolver(_ModelMixin):
    """Asks for every history and exam field and orders every test the case holds."""

    name = "order-everything"

    def __init__(self, model: Any = None, cost_only: bool = False) -> None:
        super().__init__(model)
        self.cost_only = cost_only

    def solve(self, encounter: Any) -> SolverOutcome:
        menu = encounter.calibration_menu()
        gathered = []
        questions = menu["history"] + menu["exam"]
        if questions:
            gathered += encounter.act(Ask(questions=questions))
        if menu["tests"]:
            gathered += encounter.act(Order(tests=menu["tests"]))
        if self.cost_only:
            encounter.act(Diagnose(diagnosis="(none: cost-only run)"))
            return SolverOutcome(diagnosis="", notes="cost-only: no diagnosis attempted")
        findings = "\n".join(o.text for o in gathered if o.status == "answered")
        answer = self.answer(encounter, f"Findings:\n{findings}\n")
        encounter.act(Diagnose(diagnosis=answer.diagnosis, icd10=answer.icd10))
        return SolverOutcome(diagnosis=answer.diagnosis, icd10=answer.icd10, **_ledger_tokens(encounter))


def common_diagnoses() -> list[tuple[str, str]]:
    text = resources.files(__package__).joinpath("common_diagnoses.csv").read_text("utf-8")
    return [(row["diagnosis"], row["icd10"]) for row in csv.DictReader(text.splitlines())]


class RandomSolver:
    """Seeded random questions and orders, then a random common diagnosis (the floor)."""

    name = "random"

    def __init__(self, seed: int = 0, max_actions: int = 6) -> None:
        self.seed = seed
        self.max_actions = max_actions

    def solve(self, encounter: Any) -> SolverOutcome:
        rng = random.Random(f"{self.seed}:{encounter.case_id}")  # per case: order of cases is irrelevant
        menu = encounter.calibration_menu()
        questions = sorted(set(menu["history"] + menu["exam"]) | set(COMMON_QUESTIONS))
        tests = sorted(set(menu["tests"]) | set(COMMON_TESTS))
        for _ in range(rng.randint(1, self.max_actions)):
            if rng.random() < 0.5:
                encounter.act(Ask(questions=rng.sample(questions, k=min(len(questions), rng.randint(1, 2)))))
            else:
                encounter.act(Order(tests=rng.sample(tests, k=min(len(tests), rng.randint(1, 2)))))
        diagnosis, icd10 = rng.choice(common_diagnoses())
        encounter.act(Diagnose(diagnosis=diagnosis, icd10=icd10))
        return SolverOutcome(diagnosis=diagnosis, icd10=icd10)
