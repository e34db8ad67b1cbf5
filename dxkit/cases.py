"""Cases, actions and observations of a sequential-diagnosis encounter (SDBench style).

A `Case` holds what a clinician could learn about one patient, split into sections the
gatekeeper answers from: `history`, `exam` and `tests`, each a tree of name -> text (or
name -> nested tree). The correct diagnosis lives in `truth`, which only the judge and the
harness read; solvers see an `Encounter`, never the case.

The native dxkit case format is this model as YAML or JSON (one case, a list of cases, a
mapping with a `cases` list, or JSONL with one case per line); see docs/simulator.md.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any, Literal, Protocol, runtime_checkable

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from dxkit.errors import InputError

SECTIONS = ("history", "exam", "tests")
Section = Literal["history", "exam", "tests"]
# A findings tree: leaves are text; inner nodes map a finding name to a subtree.
FindingTree = dict[str, Any]


def _normalise_tree(value: Any, where: str) -> Any:
    """Leaves become text (numbers and booleans included); lists of leaves join with '; '."""
    if isinstance(value, dict):
        out: dict[str, Any] = {}
        for key, child in value.items():
            if not isinstance(key, str) or not key.strip():
                raise InputError(where, key, "is not a non-empty finding name", accepted="a string key")
            out[key.strip()] = _normalise_tree(child, f"{where}.{key}")
        return out
    if isinstance(value, list):
        parts = [_normalise_tree(item, where) for item in value]
        if all(isinstance(part, str) for part in parts):
            return "; ".join(part for part in parts if part)
        return {str(i + 1): part for i, part in enumerate(parts)}
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int | float | str):
        return str(value).strip()
    raise InputError(where, type(value).__name__, "is not a finding", accepted="text, a number, a list or a mapping")


class CaseTruth(BaseModel):
    """Ground truth, read by the judge and the harness only."""

    model_config = ConfigDict(extra="forbid")

    diagnosis: str = Field(min_length=1, description="The correct final diagnosis, as the source gives it.")
    icd10: str | None = Field(None, description="ICD-10-CM code of the diagnosis, when known.")
    aliases: list[str] = Field(default_factory=list, description="Other names of the same diagnosis.")


class Case(BaseModel):
    """One patient. Everything but `truth` may be revealed, one request at a time."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(min_length=1, pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$",
                    description="Stable case id (file names and resume keys derive from it).")
    source: str = Field("dxkit", description="Where the case comes from (dxkit, agentclinic-osce, ...).")
    demographics: str = Field(min_length=1, description="Age and sex as text, e.g. '35-year-old female'.")
    presenting_complaint: str = Field(min_length=1, description="The chief complaint shown in the abstract.")
    history: FindingTree = Field(default_factory=dict, description="History sections: name -> text or subtree.")
    exam: FindingTree = Field(default_factory=dict, description="Physical examination: name -> text or subtree.")
    tests: FindingTree = Field(default_factory=dict, description="Test results: name -> text or subtree.")
    options: list[str] = Field(default_factory=list,
                               description="Answer options shown to the solver (multiple-choice sources).")
    truth: CaseTruth = Field(description="Ground truth; never shown to the solver.")

    @field_validator("history", "exam", "tests", mode="before")
    @classmethod
    def _trees(cls, value: Any, info: Any) -> Any:
        if value is None:
            return {}
        if not isinstance(value, dict):
            raise InputError(info.field_name, type(value).__name__, "is not a mapping",
                             accepted="a mapping of finding name -> text or mapping")
        return _normalise_tree(value, info.field_name)

    def abstract(self) -> str:
        """What the solver sees first: demographics and presenting complaint only (SDBench)."""
        return f"{self.demographics.rstrip('.')}, presenting with: {self.presenting_complaint.strip()}"

    def section(self, name: Section) -> FindingTree:
        return {"history": self.history, "exam": self.exam, "tests": self.tests}[name]


# -- actions --------------------------------------------------------------------------------

class Ask(BaseModel):
    """Questions to the patient or the examining clinician (history and physical exam)."""

    model_config = ConfigDict(extra="forbid")
    kind: Literal["ask"] = "ask"
    questions: list[str] = Field(min_length=1, description="One or more questions, each answered on its own.")


class Order(BaseModel):
    """Tests to perform; each is charged through the price table."""

    model_config = ConfigDict(extra="forbid")
    kind: Literal["order"] = "order"
    tests: list[str] = Field(min_length=1, description="Test names, e.g. 'CBC', 'chest X-ray'.")


class Diagnose(BaseModel):
    """The final diagnosis; ends the encounter."""

    model_config = ConfigDict(extra="forbid")
    kind: Literal["diagnose"] = "diagnose"
    diagnosis: str = Field(min_length=1, description="The final diagnosis.")
    icd10: str | None = Field(None, description="Its ICD-10-CM code, if the solver gives one.")


Action = Annotated[Ask | Order | Diagnose, Field(discriminator="kind")]

MissingPolicy = Literal["not_available", "normal", "synthetic_normal"]
ObservationStatus = Literal["answered", "not_available", "policy", "refused", "redirected", "diagnosed"]


class ChargeLine(BaseModel):
    """One priced item in an encounter's cost breakdown."""

    item: str = Field(description="'visit' or the test as requested.")
    codes: list[str] = Field(default_factory=list, description="CPT/HCPCS codes priced.")
    name: str = Field(description="Priced name (the matched code descriptor or the visit).")
    price_usd: float = Field(ge=0)
    confidence: float = Field(1.0, ge=0, le=1, description="Confidence of the name -> code match.")
    method: str = Field("exact", description="How the price was found: exact, synonym, nearest, default, visit.")


class Observation(BaseModel):
    """The reply to one request in an action."""

    request: str = Field(description="The question or test as the solver wrote it ('' for a visit note).")
    status: ObservationStatus
    text: str = Field(description="What the gatekeeper says.")
    field_paths: list[str] = Field(default_factory=list,
                                   description="Case fields answered from, e.g. ['tests/Imaging/Chest_CT'].")
    match_method: str | None = Field(None, description="exact, synonym, embedding, llm or None.")
    match_score: float | None = Field(None, description="Similarity of the match when one was computed.")
    policy: MissingPolicy | None = Field(None, description="Missing-result policy applied, if any.")
    charge: ChargeLine | None = Field(None, description="What this request cost, if anything.")


class SolverOutcome(BaseModel):
    """What a solver returns when it finishes a case."""

    diagnosis: str = Field(description="Final diagnosis ('' when the solver gave none).")
    icd10: str | None = None
    differential: list[str] = Field(default_factory=list, description="Ranked alternatives, if any.")
    llm_prompt_tokens: int = Field(0, ge=0)
    llm_completion_tokens: int = Field(0, ge=0)
    llm_cost_usd: float = Field(0.0, ge=0)
    notes: str = ""


@runtime_checkable
class Solver(Protocol):
    """Anything that can work a case through an encounter: `solve(encounter) -> SolverOutcome`."""

    def solve(self, encounter: Any) -> SolverOutcome: ...


# -- native format --------------------------------------------------------------------------

def _parse_text(path: Path) -> list[Any]:
    text = path.read_text(encoding="utf-8")
    suffix = path.suffix.lower()
    if suffix == ".jsonl":
        rows = []
        for number, line in enumerate(text.splitlines(), start=1):
            if line.strip():
                try:
                    rows.append(json.loads(line))
                except json.JSONDecodeError as exc:
                    raise InputError(f"{path.name}:{number}", line[:60], f"is not JSON ({exc.msg})") from exc
        return rows
    if suffix == ".json":
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise InputError(str(path), path.name, f"is not JSON ({exc.msg} at line {exc.lineno})") from exc
    elif suffix in (".yaml", ".yml"):
        import yaml

        try:
            data = yaml.safe_load(text)
        except yaml.YAMLError as exc:
            raise InputError(str(path), path.name, f"is not YAML ({exc})") from exc
    else:
        raise InputError("cases", str(path), "has an unknown suffix", accepted=".yaml, .yml, .json, .jsonl")
    if isinstance(data, dict) and "cases" in data:
        data = data["cases"]
    return data if isinstance(data, list) else [data]


def case_from_dict(data: Any, where: str = "case") -> Case:
    """Validate one native case; errors name the field and what is accepted."""
    if not isinstance(data, dict):
        raise InputError(where, type(data).__name__, "is not a case mapping", accepted="a mapping with id, "
                         "demographics, presenting_complaint, history, exam, tests, truth")
    try:
        return Case.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        field = ".".join(str(part) for part in first["loc"]) or where
        raise InputError(f"{where}.{field}", first.get("input"), first["msg"].lower(),
                         accepted="see docs/simulator.md, 'Native case format'") from exc


def load_native_cases(path: str | Path) -> list[Case]:
    """Load native dxkit cases from YAML, JSON or JSONL; case ids must be unique."""
    path = Path(path)
    if not path.is_file():
        raise InputError("cases", str(path), "is not a file", accepted="a .yaml, .json or .jsonl case file")
    cases = [case_from_dict(row, f"{path.name}[{i}]") for i, row in enumerate(_parse_text(path))]
    check_unique_ids(cases, path)
    return cases


def check_unique_ids(cases: list[Case], path: Path | str) -> None:
    seen: set[str] = set()
    for case in cases:
        if case.id in seen:
            raise InputError("id", case.id, f"appears twice in {path}", accepted="unique case ids")
        seen.add(case.id)


def dump_native_case(case: Case) -> dict[str, Any]:
    """The native-format mapping of a case (round-trips through `case_from_dict`)."""
    return case.model_dump(mode="json", exclude_defaults=False)
