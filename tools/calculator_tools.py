"""LangChain tools over the calculator registry: one StructuredTool per calculator, plus
a generic `run_calculator(name, inputs)`.

Every argument is optional (a missing input comes back in `missing` with the possible
range of the result), and quantities are a number in the stated unit or a "value unit"
string. Tools return the CalculatorResult as a JSON-compatible dict; bad input raises a
ToolException carrying the field, value and what is accepted.
"""

from __future__ import annotations

import json
from typing import Any

from langchain_core.tools import StructuredTool, ToolException
from pydantic import BaseModel, ConfigDict, Field, create_model

from dxkit.calculators.base import Calculator, Measure, field_meta, literal_options
from dxkit.calculators.registry import Registry, registry
from dxkit.errors import DxkitError
from dxkit.tools.calculator_inputs import describe_field, resolve_inputs, tool_description, tool_name


def _arg_type(calc: Calculator, name: str) -> Any:
    info = calc.Inputs.model_fields[name]
    if isinstance(field_meta(calc.Inputs, name), Measure):
        return float | str | None
    if literal_options(info.annotation) or info.annotation is not bool:
        return str | None
    return bool | None


def args_schema(calc: Calculator) -> type[BaseModel]:
    """A pydantic model of the tool's arguments, derived from the calculator's inputs."""
    fields: dict[str, Any] = {
        name: (_arg_type(calc, name), Field(default=None, description=describe_field(calc, name)))
        for name in calc.input_names()
    }
    model_name = "".join(part.title() for part in calc.id.split("_")) + "Args"
    return create_model(model_name, __config__=ConfigDict(extra="forbid"), **fields)


def _run(calc: Calculator, inputs: dict[str, Any]) -> dict[str, Any]:
    try:
        result = calc.run(resolve_inputs(calc, {k: v for k, v in inputs.items() if v is not None}))
    except DxkitError as exc:
        raise ToolException(str(exc)) from None
    return json.loads(result.model_dump_json())


def calculator_tool(calc: Calculator) -> StructuredTool:
    def run(**inputs: Any) -> dict[str, Any]:
        return _run(calc, inputs)

    return StructuredTool.from_function(
        func=run, name=tool_name(calc), description=tool_description(calc), args_schema=args_schema(calc),
        handle_tool_error=True,
    )


class RunCalculatorArgs(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str = Field(description="Calculator id, name, synonym or MedCalc-Bench id (see list).")
    inputs: dict[str, Any] = Field(default_factory=dict, description=(
        'Input name -> value; quantities as a number in the input\'s unit or a "value unit" string. '
        "Names may be exact, a unique prefix or a clinical concept."))


def run_calculator_tool(calcs: Registry | None = None) -> StructuredTool:
    calcs = calcs or registry()

    def run_calculator(name: str, inputs: dict[str, Any] | None = None) -> dict[str, Any]:
        try:
            calc = calcs.get(name)
        except DxkitError as exc:
            raise ToolException(str(exc)) from None
        return _run(calc, inputs or {})

    return StructuredTool.from_function(
        func=run_calculator, name="run_calculator", args_schema=RunCalculatorArgs, handle_tool_error=True,
        description="Run any dxkit clinical calculator by name with a dict of inputs; returns the value, "
                    "band, worked steps, reference, and any missing inputs with the possible range.")


def calculator_tools(calcs: Registry | None = None) -> list[StructuredTool]:
    """One tool per calculator plus the generic run_calculator."""
    calcs = calcs or registry()
    return [calculator_tool(c) for c in calcs] + [run_calculator_tool(calcs)]
