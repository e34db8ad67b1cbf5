"""The ensemble variant: N independent no-budget panels on one encounter, then aggregation.

Members share the encounter through `SharedEncounter`, which carries each distinct question
and test out once: a request another member already made is answered from the first reply at
no charge, so the ensemble's cost counts each distinct test (and visit) once. Members differ
by perspective (an instruction added to their system prompt). Aggregation is deterministic:
the diagnosis with the largest summed probability across members' final differentials wins.
"""

from __future__ import annotations

from typing import Any

from dxkit.agent.panel.config import PanelConfig
from dxkit.agent.panel.result import DiagnosisResult, llm_usage
from dxkit.agent.panel.schemas import Hypothesis
from dxkit.agent.panel.tools import PanelTools
from dxkit.cases import Ask, Diagnose, Observation, Order

PERSPECTIVES = (
    "Your perspective: start from the most common explanations of these findings.",
    "Your perspective: look first for dangerous diagnoses that must not be missed.",
    "Your perspective: consider rarer diseases and mimics that fit every finding.",
    "Your perspective: favour the fewest, cheapest tests that settle the question.",
)


def _key(text: str) -> str:
    return " ".join(text.lower().split())


class SharedEncounter:
    """An encounter view for one ensemble member; repeats of earlier requests are free."""

    def __init__(self, encounter: Any, cache: dict[tuple[str, str], list[Observation]]) -> None:
        self._encounter, self._cache = encounter, cache
        self.final: Diagnose | None = None

    @property
    def abstract(self) -> str:
        return self._encounter.abstract

    @property
    def options(self) -> list[str]:
        return list(getattr(self._encounter, "options", []))

    @property
    def ledger(self) -> Any:
        return getattr(self._encounter, "ledger", None)

    def _free(self, observations: list[Observation]) -> list[Observation]:
        return [o.model_copy(update={"charge": None}) for o in observations]

    def act(self, action: Ask | Order | Diagnose) -> list[Observation]:
        if isinstance(action, Diagnose):  # a member's answer; the ensemble commits once, later
            self.final = action
            return [Observation(request=action.diagnosis, status="diagnosed", text="Member diagnosis recorded.")]
        kind = action.kind
        items = action.questions if isinstance(action, Ask) else action.tests
        new = [item for item in items if (kind, _key(item)) not in self._cache]
        if new:
            fresh = self._encounter.act(Ask(questions=new) if isinstance(action, Ask) else Order(tests=new))
            if isinstance(action, Ask):
                # one visit charge sits on the first observation; keep it on the first new question
                grouped: dict[str, list[Observation]] = {}
                for observation in fresh:
                    grouped.setdefault(_key(observation.request), []).append(observation)
                for item in new:
                    self._cache[(kind, _key(item))] = grouped.get(_key(item), [])
                return fresh + [o for item in items if item not in new
                                for o in self._free(self._cache[(kind, _key(item))])]
            for item, observation in zip(new, fresh, strict=False):
                self._cache[(kind, _key(item))] = [observation]
        out: list[Observation] = []
        for item in items:
            cached = self._cache.get((kind, _key(item)), [])
            out += cached if item in new else self._free(cached)
        return out


def aggregate(members: list[DiagnosisResult]) -> tuple[str, list[Hypothesis]]:
    """Sum each diagnosis' probability over members (a member's final answer counts at least 1/N)."""
    n = max(1, len(members))
    scores: dict[str, float] = {}
    names: dict[str, str] = {}
    citations: dict[str, list[str]] = {}
    for member in members:
        seen = {_key(h.diagnosis) for h in member.differential}
        items = list(member.differential)
        if _key(member.diagnosis) not in seen:
            items.append(Hypothesis(diagnosis=member.diagnosis, probability=0.0))
        for item in items:
            key = _key(item.diagnosis)
            weight = max(item.probability, 1.0 / n if key == _key(member.diagnosis) else 0.0)
            scores[key] = scores.get(key, 0.0) + weight
            names.setdefault(key, item.diagnosis)
            citations.setdefault(key, [])
            citations[key] += [c for c in item.citations if c not in citations[key]]
    ranked = sorted(scores, key=lambda k: -scores[k])  # stable: first-seen wins ties
    differential = [Hypothesis(diagnosis=names[k], probability=min(1.0, scores[k] / n), citations=citations[k][:3])
                    for k in ranked[:5]]
    total = sum(h.probability for h in differential)
    if total > 1:
        differential = [h.model_copy(update={"probability": h.probability / total}) for h in differential]
    return (names[ranked[0]] if ranked else ""), differential


def run_ensemble(encounter: Any, tools: PanelTools, config: PanelConfig, *, checkpointer: Any = None,
                 thread_id: str = "ensemble", on_update: Any = None) -> DiagnosisResult:
    from dxkit.agent.panel.runner import PanelRun

    cache: dict[tuple[str, str], list[Observation]] = {}
    members: list[DiagnosisResult] = []
    for number in range(config.ensemble_size):
        member_config = config.model_copy(update={"budget_usd": None, "hitl_threshold_usd": None,
                                                  "perspective": PERSPECTIVES[number % len(PERSPECTIVES)]})
        run = PanelRun(SharedEncounter(encounter, cache), tools, member_config, checkpointer,
                       thread_id=f"{thread_id}-m{number + 1}")
        members.append(run.run(on_update=on_update))
    diagnosis, differential = aggregate(members)
    icd10 = icd10_name = None
    if tools.normalise is not None and diagnosis:
        concept = tools.normalise(diagnosis)
        if concept is not None and concept.icd10:
            icd10, icd10_name = concept.icd10[0], concept.name
    encounter.act(Diagnose(diagnosis=diagnosis or "undetermined", icd10=icd10))
    tests = {_key(t.name): t for m in members for t in m.tests if t.price_usd > 0}
    questions = list(dict.fromkeys(q for m in members for q in m.questions))
    return DiagnosisResult(
        diagnosis=diagnosis or "undetermined", icd10=icd10, icd10_name=icd10_name, differential=differential,
        rationale=[c for m in members for c in m.rationale if c.citations],
        calculators=members[-1].calculators if members else [], questions=questions, tests=list(tests.values()),
        vetoes=[v for m in members for v in m.vetoes],
        checklist_issues=[i for m in members for i in m.checklist_issues],
        clinical_cost_usd=round(sum(m.clinical_cost_usd for m in members), 2),
        rounds=max((m.rounds for m in members), default=0), fallbacks=sum(m.fallbacks for m in members),
        variant="ensemble", budget_usd=None, round_log=[log for m in members for log in m.round_log],
        members=[m.diagnosis for m in members], thread_id=thread_id, **llm_usage(tools.ledger))
