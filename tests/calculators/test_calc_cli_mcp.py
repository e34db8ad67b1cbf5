"""The calculator CLI, the MCP server (a real MCP client session in-process) and LangChain tools."""

from __future__ import annotations

import json

import anyio
import pytest
from typer.testing import CliRunner

from dxkit.calculators.registry import registry
from dxkit.cli.app import app
from dxkit.cli.calc import parse_free_options
from dxkit.errors import InputError
from dxkit.tools.calculator_inputs import resolve_inputs

runner = CliRunner()


# ---------------------------------------------------------------- input names
def test_free_options_parse_values_inline_and_bare_flags():
    assert parse_free_options(["--creatinine", "1.4 mg/dL", "--age=67", "--confusion"]) == \
        {"creatinine": "1.4 mg/dL", "age": "67", "confusion": "true"}
    with pytest.raises(InputError):
        parse_free_options(["67"])


def test_names_resolve_by_exact_prefix_and_concept():
    calc = registry().get("ckd_epi_2021")
    assert resolve_inputs(calc, {"creatinine": 1, "age": 60, "sex": "male"}) == \
        {"creatinine_mg_dl": 1, "age_years": 60, "sex": "male"}
    with pytest.raises(InputError) as err:
        resolve_inputs(calc, {"potassium": 4})
    assert err.value.field == "potassium"


# ---------------------------------------------------------------- CLI
def test_cli_run_prints_value_band_and_reference():
    # CKD-EPI 2021, female 67, Scr 1.4: 142 × 2^-1.2 × 0.9938^67 × 1.012 = 41.2
    out = runner.invoke(app, ["calc", "run", "ckd_epi_2021", "--creatinine", "1.4 mg/dL", "--age", "67",
                              "--sex", "female"])
    assert out.exit_code == 0, out.output
    assert "41.2" in out.output and "G3b" in out.output and "34554658" in out.output


def test_cli_run_json_and_missing_range():
    out = runner.invoke(app, ["calc", "run", "curb65", "--age", "70", "--bun", "25 mg/dL", "--json"])
    assert out.exit_code == 0, out.output
    data = json.loads(out.output)
    # age >= 65 and BUN > 19 give 2; the three missing criteria can add 0-3 -> range 2..5
    assert data["value"] is None and data["possible_range"]["low"] == 2 and data["possible_range"]["high"] == 5


def test_cli_list_show_and_bad_input():
    listed = runner.invoke(app, ["calc", "list", "--category", "ecg", "--json"])
    assert {row["id"] for row in json.loads(listed.output)} >= {"qtc_bazett", "qtc_hodges"}
    shown = runner.invoke(app, ["calc", "show", "fib4"])
    assert "platelets_k_per_ul" in shown.output and "16729309" in shown.output
    bad = runner.invoke(app, ["calc", "run", "bmi", "--weight", "70 mmHg", "--height", "170"])
    assert bad.exit_code != 0 and isinstance(bad.exception, InputError)


# ---------------------------------------------------------------- MCP
def test_mcp_client_session_lists_and_calls_tools():
    from mcp import Client

    from dxkit.tools.mcp_server import build_server

    async def session():
        async with Client(build_server()) as client:
            tools = (await client.list_tools()).tools
            names = {t.name for t in tools}
            assert {"list_calculators", "search_calculators", "calc_ckd_epi_2021"} <= names
            ckd = next(t for t in tools if t.name == "calc_ckd_epi_2021")
            assert ckd.input_schema["additionalProperties"] is False and not ckd.input_schema.get("required")
            ok = await client.call_tool("calc_mean_arterial_pressure",
                                        {"systolic_bp_mm_hg": "120 mmHg", "diastolic_bp_mm_hg": 80})
            # (2 × 80 + 120) / 3 = 93.33
            assert not ok.is_error and ok.structured_content["value"] == pytest.approx(93.333, abs=1e-3)
            missing = await client.call_tool("calc_curb65", {"age_years": 70})
            assert json.loads(missing.content[0].text)["missing"]
            bad = await client.call_tool("calc_bmi", {"weight_kg": "70 furlong", "height_cm": 170})
            assert bad.is_error and "weight_kg" in bad.content[0].text
            found = await client.call_tool("search_calculators", {"query": "qt interval correction"})
            assert "calc_qtc_bazett" in found.content[0].text

    anyio.run(session)


# ---------------------------------------------------------------- LangChain
def test_langchain_tool_schema_is_pinned():
    from dxkit.tools.calculator_tools import calculator_tool

    tool = calculator_tool(registry().get("mean_arterial_pressure"))
    assert tool.name == "calc_mean_arterial_pressure"
    schema = tool.tool_call_schema.model_json_schema()
    quantity = {"anyOf": [{"type": "number"}, {"type": "string"}, {"type": "null"}], "default": None}
    assert schema["properties"] == {
        "systolic_bp_mm_hg": quantity | {
            "title": "Systolic Bp Mm Hg",
            "description": 'unit mmHg; range 0-350; number in that unit or a "value unit" string; '
                           "concept systolic_bp"},
        "diastolic_bp_mm_hg": quantity | {
            "title": "Diastolic Bp Mm Hg",
            "description": 'unit mmHg; range 0-250; number in that unit or a "value unit" string; '
                           "concept diastolic_bp"},
    }
    assert "required" not in schema


def test_langchain_tools_run_and_report_errors():
    from dxkit.tools.calculator_tools import calculator_tools

    tools = {t.name: t for t in calculator_tools()}
    assert len(tools) == len(registry()) + 1
    assert tools["calc_mean_arterial_pressure"].invoke({"systolic_bp_mm_hg": 90, "diastolic_bp_mm_hg": 60})["value"] \
        == pytest.approx(70)  # (2 × 60 + 90) / 3
    generic = tools["run_calculator"].invoke({"name": "CURB-65", "inputs": {"age": 70}})
    assert generic["missing"] and generic["possible_range"]["high"] == 5
    error_text = tools["calc_bmi"].invoke({"weight_kg": "70 furlong", "height_cm": 170})
    assert isinstance(error_text, str) and "weight_kg" in error_text


def test_mcp_serve_over_stdio_subprocess():
    """`dxkit mcp serve` as a real stdio server process, driven by the SDK's client."""
    import sys

    from mcp import Client, StdioServerParameters

    async def session():
        params = StdioServerParameters(command=sys.executable, args=["-m", "dxkit", "mcp", "serve"])
        async with Client(params) as client:
            result = await client.call_tool("calc_bmi", {"weight_kg": 70, "height_cm": 175})
            assert result.structured_content["value"] == pytest.approx(22.86, abs=0.01)  # 70 / 1.75²

    anyio.run(session)
