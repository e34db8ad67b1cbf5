"""An MCP server exposing every dxkit calculator as a tool (official `mcp` SDK, low-level Server).

Tools: one per calculator (`calc_<id>`, input schema derived from its pydantic model, every
input optional so missing inputs come back with the possible range), plus
`list_calculators` and `search_calculators`. Results are JSON text and structured content.
Bad input is returned as a tool error (is_error=True) whose text names the field, value
and what is accepted, so the calling model can correct itself.
"""

from __future__ import annotations

import json
from typing import Any

import mcp_types as types
from mcp.server import Server

from dxkit.calculators.registry import Registry, registry
from dxkit.errors import DxkitError
from dxkit.tools.calculator_inputs import resolve_inputs, tool_description, tool_input_schema, tool_name

SERVER_NAME = "dxkit-calculators"

_LIST_SCHEMA = {"type": "object", "properties": {
    "category": {"type": "string", "description": "Only calculators of this category."}},
    "additionalProperties": False}
_SEARCH_SCHEMA = {"type": "object", "properties": {
    "query": {"type": "string", "description": "Words describing the calculator or the clinical question."},
    "k": {"type": "integer", "minimum": 1, "maximum": 50, "description": "How many results (default 10)."}},
    "required": ["query"], "additionalProperties": False}


def _summary(calc: Any) -> dict[str, Any]:
    return {"tool": tool_name(calc), "id": calc.id, "name": calc.name, "category": calc.category,
            "medcalc_id": calc.medcalc_id, "purpose": calc.purpose}


def list_tools(calcs: Registry) -> list[types.Tool]:
    tools = [
        types.Tool(name="list_calculators", description="List dxkit's clinical calculators.",
                   input_schema=_LIST_SCHEMA),
        types.Tool(name="search_calculators", description="Find calculators for a clinical question.",
                   input_schema=_SEARCH_SCHEMA),
    ]
    tools += [types.Tool(name=tool_name(c), title=c.name, description=tool_description(c),
                         input_schema=tool_input_schema(c)) for c in calcs]
    return tools


def call(calcs: Registry, name: str, arguments: dict[str, Any]) -> dict[str, Any] | list[dict[str, Any]]:
    """Run one tool call synchronously; raises DxkitError on bad input."""
    if name == "list_calculators":
        category = arguments.get("category")
        return [_summary(c) for c in calcs if not category or c.category.lower() == str(category).lower()]
    if name == "search_calculators":
        return [_summary(c) for c in calcs.search(str(arguments.get("query", "")), k=int(arguments.get("k", 10)))]
    by_tool = {tool_name(c): c for c in calcs}
    if name not in by_tool:
        raise DxkitError(f"tool {name!r} does not exist (see list_calculators)")
    calc = by_tool[name]
    return json.loads(calc.run(resolve_inputs(calc, arguments)).model_dump_json())


def build_server(calcs: Registry | None = None) -> Server:
    calcs = calcs or registry()

    async def on_list_tools(ctx: Any, params: Any) -> types.ListToolsResult:
        return types.ListToolsResult(tools=list_tools(calcs))

    async def on_call_tool(ctx: Any, params: types.CallToolRequestParams) -> types.CallToolResult:
        try:
            payload = call(calcs, params.name, dict(params.arguments or {}))
        except DxkitError as exc:
            return types.CallToolResult(content=[types.TextContent(type="text", text=str(exc))], is_error=True)
        text = json.dumps(payload, ensure_ascii=False)
        structured = payload if isinstance(payload, dict) else {"calculators": payload}
        return types.CallToolResult(content=[types.TextContent(type="text", text=text)],
                                    structured_content=structured)

    return Server(SERVER_NAME, instructions="Deterministic clinical calculators with units, steps and sources.",
                  on_list_tools=on_list_tools, on_call_tool=on_call_tool)


async def serve_stdio() -> None:
    from mcp.server.stdio import stdio_server

    server = build_server()
    async with stdio_server() as (read_stream, write_stream):
        await server.run(read_stream, write_stream, server.create_initialization_options())
