"""Token prices per model (USD per 1M input/output tokens) and the cost of one call.

The shipped table (llm_prices.json) lists a few common API models; local models (`local:`,
`hf:` specs and anything the user marks 0) cost nothing. Users extend or override entries
with a TOML or JSON file named in settings.llm_prices_file, in the same shape.
"""

from __future__ import annotations

import json
import tomllib
from functools import lru_cache
from importlib.resources import files
from pathlib import Path

from pydantic import BaseModel, Field, ValidationError

from dxkit.errors import ConfigError

LOCAL_PREFIXES = ("local:", "hf:")


class TokenPrice(BaseModel):
    input_per_mtok: float = Field(ge=0, description="USD per 1 million prompt tokens.")
    output_per_mtok: float = Field(ge=0, description="USD per 1 million completion tokens.")

    def cost_usd(self, prompt_tokens: int, completion_tokens: int) -> float:
        return (prompt_tokens * self.input_per_mtok + completion_tokens * self.output_per_mtok) / 1_000_000


FREE = TokenPrice(input_per_mtok=0.0, output_per_mtok=0.0)


def _parse_table(raw: dict, source: str) -> dict[str, TokenPrice]:
    models = raw.get("models", raw)
    try:
        return {name.lower(): TokenPrice.model_validate(entry) for name, entry in models.items()
                if not name.startswith("_")}
    except (ValidationError, AttributeError) as exc:
        raise ConfigError(f"price table {source}: each model needs input_per_mtok and output_per_mtok "
                          f"(USD per 1M tokens, >= 0): {exc}") from exc


def load_price_table(extra_file: Path | None = None) -> dict[str, TokenPrice]:
    """The shipped table, updated with `extra_file` (TOML or JSON) when given."""
    shipped = json.loads(files("dxkit.models").joinpath("llm_prices.json").read_text("utf-8"))
    table = _parse_table(shipped, "llm_prices.json")
    if extra_file is not None:
        path = Path(extra_file).expanduser()
        if not path.is_file():
            raise ConfigError(f"llm_prices_file: {str(path)!r} does not exist (accepted: a .toml or .json file)")
        text = path.read_text("utf-8")
        raw = tomllib.loads(text) if path.suffix.lower() == ".toml" else json.loads(text)
        table.update(_parse_table(raw, str(path)))
    return table


@lru_cache(maxsize=4)
def _settings_table(extra_file: Path | None) -> dict[str, TokenPrice]:
    return load_price_table(extra_file)


def llm_price(model_name: str, table: dict[str, TokenPrice] | None = None) -> TokenPrice | None:
    """Price for `model_name` or None when unknown.

    Matches the exact name, then without a provider prefix ("openai:gpt-4.1"), then the
    longest table name that prefixes it ("gpt-4.1-2025-04-14" -> "gpt-4.1").
    """
    if table is None:
        from dxkit.settings import get_settings

        table = _settings_table(get_settings().llm_prices_file)
    name = model_name.strip().lower()
    if name.startswith(LOCAL_PREFIXES) or name.startswith("smollm"):
        return FREE
    candidates = [name, name.split(":", 1)[-1], name.rsplit("/", 1)[-1]]
    for candidate in candidates:
        if candidate in table:
            return table[candidate]
    for candidate in candidates:
        matches = [key for key in table if candidate.startswith(key)]
        if matches:
            return table[max(matches, key=len)]
    return None


def llm_cost_usd(model_name: str, prompt_tokens: int, completion_tokens: int) -> float:
    """USD for one call; 0.0 for local or unknown models (the ledger marks unknown ones unpriced)."""
    price = llm_price(model_name)
    return price.cost_usd(prompt_tokens, completion_tokens) if price else 0.0
