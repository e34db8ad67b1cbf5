"""Case loaders for the published AgentClinic formats, plus dispatch to the native format.

- AgentClinic OSCE (MedQA / MIMIC-IV): JSONL, one `{"OSCE_Examination": {...}}` per line with
  `Patient_Actor`, `Physical_Examination_Findings`, `Test_Results` and `Correct_Diagnosis`.
- AgentClinic NEJM: JSONL, one object per line with `question` (the vignette), `answers`
  (a list of `{"text": ..., "correct": true|false}`, exactly one correct), and optionally
  `patient_info`, `physical_exams` and `image_url`. Unknown keys are ignored.

Case ids are `<file stem>-<line number>` so held-out files in the same format get their own.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from dxkit.cases import Case, CaseTruth, check_unique_ids, load_native_cases
from dxkit.errors import InputError

_AGE_SEX = re.compile(r"\b(\d{1,3})[- ](year|month|week|day)s?[- ]old[- ]([a-z]+)", re.IGNORECASE)
_SENTENCE = re.compile(r"(?<=[.!?])\s+")


def _stem_id(path: Path) -> str:
    stem = re.sub(r"[^A-Za-z0-9._-]+", "-", path.stem).strip("-._") or "cases"
    return stem[:100]


def _read_jsonl(path: Path) -> list[tuple[int, Any]]:
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if line.strip():
            try:
                rows.append((number, json.loads(line)))
            except json.JSONDecodeError as exc:
                raise InputError(f"{path.name}:{number}", line[:60], f"is not JSON ({exc.msg})") from exc
    return rows


def _text(value: Any) -> str:
    if isinstance(value, list):
        return "; ".join(_text(v) for v in value)
    return "" if value is None else str(value).strip()


def osce_case(record: dict[str, Any], case_id: str, source: str = "agentclinic-osce") -> Case:
    """One AgentClinic OSCE record -> Case (the primary symptom is the presenting complaint)."""
    osce = record.get("OSCE_Examination")
    if not isinstance(osce, dict):
        raise InputError(f"{case_id}.OSCE_Examination", type(osce).__name__, "is missing or not a mapping",
                         accepted="the AgentClinic OSCE format")
    diagnosis = _text(osce.get("Correct_Diagnosis"))
    if not diagnosis:
        raise InputError(f"{case_id}.Correct_Diagnosis", osce.get("Correct_Diagnosis"), "is empty",
                         accepted="the correct diagnosis as text")
    actor = dict(osce.get("Patient_Actor") or {})
    symptoms = actor.pop("Symptoms", {}) or {}
    if not isinstance(symptoms, dict):
        symptoms = {"Primary_Symptom": _text(symptoms)}
    symptoms = dict(symptoms)
    primary = _text(symptoms.pop("Primary_Symptom", "")) or "not stated"
    demographics = _text(actor.pop("Demographics", "")) or "Patient (age and sex not stated)"
    history: dict[str, Any] = {}
    if "History" in actor:
        history["History_of_Present_Illness"] = actor.pop("History")
    history.update(symptoms)  # Secondary_Symptoms and any other symptom keys
    history.update(actor)
    exam = osce.get("Physical_Examination_Findings") or {}
    tests = osce.get("Test_Results") or {}
    return Case(
        id=case_id, source=source, demographics=demographics, presenting_complaint=primary,
        history=history,
        exam=exam if isinstance(exam, dict) else {"Physical_Examination": exam},
        tests=tests if isinstance(tests, dict) else {"Test_Results": tests},
        truth=CaseTruth(diagnosis=diagnosis),
    )


def load_osce(path: str | Path) -> list[Case]:
    path = Path(path)
    stem = _stem_id(path)
    return [osce_case(row, f"{stem}-{number:04d}") for number, row in _read_jsonl(path)]


def nejm_case(record: dict[str, Any], case_id: str) -> Case:
    """One AgentClinic NEJM record -> Case with the answer options kept for the solver."""
    answers = record.get("answers")
    if not isinstance(answers, list) or not answers:
        raise InputError(f"{case_id}.answers", answers, "is missing or empty",
                         accepted='a list of {"text": ..., "correct": true|false}')
    options = [_text(a.get("text")) for a in answers if isinstance(a, dict)]
    correct = [_text(a.get("text")) for a in answers if isinstance(a, dict) and a.get("correct") is True]
    if len(correct) != 1:
        raise InputError(f"{case_id}.answers", [a.get("correct") for a in answers if isinstance(a, dict)],
                         f"has {len(correct)} correct answers", accepted="exactly one answer with correct: true")
    vignette = _text(record.get("patient_info")) or _text(record.get("question"))
    if not vignette:
        raise InputError(f"{case_id}.question", record.get("question"), "is empty", accepted="the case vignette")
    match = _AGE_SEX.search(vignette)
    demographics = (f"{match.group(1)}-{match.group(2).lower()}-old {match.group(3).lower()}" if match
                    else "Patient (age and sex not stated)")
    sentences = _SENTENCE.split(vignette, maxsplit=1)
    history = {"History_of_Present_Illness": vignette}
    exam = {"Physical_Examination": _text(record["physical_exams"])} if record.get("physical_exams") else {}
    tests = {"Image": f"Image available at {record['image_url']}"} if record.get("image_url") else {}
    return Case(id=case_id, source="agentclinic-nejm", demographics=demographics,
                presenting_complaint=sentences[0], history=history, exam=exam, tests=tests,
                options=options, truth=CaseTruth(diagnosis=correct[0]))


def load_nejm(path: str | Path) -> list[Case]:
    path = Path(path)
    stem = _stem_id(path)
    return [nejm_case(row, f"{stem}-{number:04d}") for number, row in _read_jsonl(path)]


def detect_format(path: Path) -> str:
    """'osce', 'nejm' or 'native', from the suffix and the first record."""
    if path.suffix.lower() != ".jsonl":
        return "native"
    for _, row in _read_jsonl(path)[:1]:
        if isinstance(row, dict) and "OSCE_Examination" in row:
            return "osce"
        if isinstance(row, dict) and "answers" in row and ("question" in row or "patient_info" in row):
            return "nejm"
    return "native"


def load_cases(path: str | Path, fmt: str = "auto") -> list[Case]:
    """Load any supported case file; `fmt` is auto, osce, nejm or native."""
    path = Path(path)
    if not path.is_file():
        raise InputError("cases", str(path), "is not a file", accepted="an OSCE/NEJM JSONL or native case file")
    fmt = detect_format(path) if fmt == "auto" else fmt
    loaders = {"osce": load_osce, "nejm": load_nejm, "native": load_native_cases}
    if fmt not in loaders:
        raise InputError("format", fmt, "is not a case format", accepted="auto, osce, nejm, native")
    cases = loaders[fmt](path)
    check_unique_ids(cases, path)
    return cases
