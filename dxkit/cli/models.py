"""`dxkit models check`: load the chat model and the embedder, and measure them."""

from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    models_app = typer.Typer(help="Chat models and the embedder.", no_args_is_help=True)
    app.add_typer(models_app, name="models")

    @models_app.command("check")
    def check_command(
        chat: str | None = typer.Option(None, "--chat", help="Chat model spec (default: settings.model)."),
        skip_chat: bool = typer.Option(False, "--skip-chat", help="Check only the embedder."),
        device: str = typer.Option("auto", "--device", help="auto, cpu or cuda."),
        passages: int = typer.Option(64, "--passages", min=1, help="Passages to embed for the speed figure."),
        tokens: int = typer.Option(32, "--tokens", min=1, help="Tokens to generate for the speed figure."),
    ) -> None:
        """Load times (cold or cached), generation tokens/s and embedding passages/s."""
        from rich.console import Console
        from rich.table import Table

        from dxkit.models.check import check_chat, check_embedder

        console = Console()
        table = Table(title="dxkit models check")
        for column in ("component", "model", "device", "load", "load s", "speed"):
            table.add_column(column, justify="right" if column in ("load s", "speed") else "left")
        if not skip_chat:
            with console.status("loading the chat model and generating..."):
                result = check_chat(chat, max_new_tokens=tokens, device=None if device == "auto" else device)
            table.add_row("chat", result.spec, result.device, result.load_kind, f"{result.load_s:.1f}",
                          f"{result.tokens_per_s:.1f} tokens/s ({result.completion_tokens} in "
                          f"{result.generation_s:.1f} s)")
        with console.status("loading the embedder and encoding..."):
            embedded = check_embedder(passages=passages, device=device)
        table.add_row("embedder", embedded.name, embedded.device, f"dim {embedded.dimension}",
                      f"{embedded.load_s:.1f}", f"{embedded.passages_per_s:.1f} passages/s ({embedded.passages})")
        console.print(table)
        if not skip_chat:
            console.print(f"[dim]reply excerpt:[/] {result.reply_excerpt!r}")
