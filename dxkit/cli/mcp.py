"""`dxkit mcp serve`: the calculators as an MCP server over stdio."""

from __future__ import annotations

import typer

from dxkit.errors import ConfigError


def register(app: typer.Typer) -> None:
    mcp_app = typer.Typer(help="Model Context Protocol server.", no_args_is_help=True)
    app.add_typer(mcp_app, name="mcp")

    @mcp_app.command("serve")
    def serve() -> None:
        """Serve every calculator as an MCP tool over stdio (for Claude Desktop, IDEs, agents)."""
        try:
            import anyio

            from dxkit.tools.mcp_server import serve_stdio
        except ModuleNotFoundError as exc:
            raise ConfigError(f"the MCP server needs the 'mcp' package ({exc.name} missing): "
                              "pip install 'dxkit[mcp]'") from None
        anyio.run(serve_stdio)
