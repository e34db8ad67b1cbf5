"""Calculator inputs for agents and people: forgiving names, and a tool-facing JSON schema.

`resolve_inputs` maps user keys onto a calculator's input fields by exact name, by
dash/underscore spelling, by unique prefix (`--creatinine` -> `creatinine_mg_dl`) or by the
field's clinical concept. `tool_input_schema` derives, from the pydantic model's own
metadata, the schema shown to a model: every input optional (missing ones are reported with
the possible range), quantities as a number in the canonical unit or a "value unit" string.
"""

from __future__ import annotations

from datetime import date
from typing import Any, get_args

from dxkit.calculators.base import Calculator, Choice, Flag, Measure, field_meta, literal_options
from dxkit.errors import InputError


def _concept(calc: Calculator, name: str) -> str | None:
    meta = field_meta(calc.Inputs, name)
    return getattr(meta, "concept", None) if isinstance(meta, Measure | Flag | Choice) else None


def resolve_name(calc: Calculator, key: str) -> str:
    """The input field a user key means, or an InputError listing the inputs."""
    fields = calc.input_names()
    wanted = key.strip().lstrip("-").replace("-", "_").lower()
    if wanted in fields:
        return wanted
    by_concept = [n for n in fields if _concept(calc, n) == wanted]
    if len(by_concept) == 1:
        return by_concept[0]
    prefixed = [n for n in fields if n.startswith(wanted)]
    if len(prefixed) == 1:
        return prefixed[0]
    concept_prefixed = [n for n in fields if (_concept(calc, n) or "").startswith(wanted)]
    if len(concept_prefixed) == 1:
        return concept_prefixed[0]
    problem = "matches several inputs" if len(prefixed) > 1 else f"is not an input of {calc.name}"
    raise InputError(key, key, problem, accepted=", ".join(prefixed if len(prefixed) > 1 else fields))


def resolve_inputs(calc: Calculator, raw: dict[str, Any]) -> dict[str, Any]:
    resolved: dict[str, Any] = {}
    for key, value in raw.items():
        name = resolve_name(calc, key)
        if name in resolved:
            raise InputError(key, value, f"names the input {name} given twice")
        resolved[name] = value
    return resolved


def describe_field(calc: Calculator, name: str) -> str:
    """One line a clinician or a model can act on: unit, range, options, concept."""
    info = calc.Inputs.model_fields[name]
    meta = field_meta(calc.Inputs, name)
    parts: list[str] = []
    if isinstance(meta, Measure):
        parts.append(f"unit {meta.unit}")
        if meta.ge is not None and meta.le is not None:
            parts.append(f"range {meta.ge:g}-{meta.le:g}")
        parts.append('number in that unit or a "value unit" string')
    options = literal_options(info.annotation)
    if options:
        parts.append("one of " + ", ".join(map(str, options)))
    if info.annotation is bool:
        parts.append("yes/no")
    if _is_date(info.annotation):
        parts.append("date YYYY-MM-DD or MM/DD/YYYY")
    concept = _concept(calc, name)
    if concept and concept != name:
        parts.append(f"concept {concept}")
    if not info.is_required():
        parts.append(f"optional, default {info.default!r}")
    return "; ".join(parts)


def _is_date(annotation: Any) -> bool:
    return annotation is date or date in get_args(annotation)


def field_json_schema(calc: Calculator, name: str) -> dict[str, Any]:
    info = calc.Inputs.model_fields[name]
    meta = field_meta(calc.Inputs, name)
    options = literal_options(info.annotation)
    schema: dict[str, Any]
    if isinstance(meta, Measure):
        schema = {"anyOf": [{"type": "number"}, {"type": "string"}]}
    elif options:
        schema = {"type": "string", "enum": [str(o) for o in options]}
    elif info.annotation is bool:
        schema = {"type": "boolean"}
    elif _is_date(info.annotation):
        schema = {"type": "string"}
    else:
        schema = {"type": "string"}
    schema["description"] = describe_field(calc, name)
    return schema


def tool_input_schema(calc: Calculator) -> dict[str, Any]:
    """JSON schema for a tool call: every input optional; unknown keys refused."""
    return {
        "type": "object",
        "properties": {name: field_json_schema(calc, name) for name in calc.input_names()},
        "additionalProperties": False,
    }


def tool_name(calc: Calculator) -> str:
    """A tool name valid for MCP and OpenAI-style tools (letters, digits, _ and -, <= 64)."""
    return f"calc_{calc.id}"[:64]


def tool_description(calc: Calculator) -> str:
    text = f"{calc.name}. {calc.purpose} Population: {calc.population} Output: {calc.output_unit}."
    return text + " Missing inputs are reported with the range of possible results."
