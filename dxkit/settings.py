"""dxkit settings: DXKIT_* environment variables, an optional TOML file, then defaults.

Precedence (highest first): explicit keyword arguments > environment (DXKIT_*, nested
groups with "__", e.g. DXKIT_BUDGET__DEFAULT_USD) > TOML file (DXKIT_CONFIG or
./dxkit.toml) > defaults below.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

from pydantic import BaseModel, Field
from pydantic_settings import (
    BaseSettings,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    TomlConfigSettingsSource,
)


def _default_data_dir() -> Path:
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "dxkit"


class BudgetSettings(BaseModel):
    default_usd: float = Field(5000.0, description="Default clinical budget (USD) for budgeted runs.")
    visit_usd: float = Field(300.0, description="Cost of one physician visit / question round (SDBench).")
    default_test_usd: float = Field(100.0, description="Price of a test that maps to no known code.")


class Settings(BaseSettings):
    """All dxkit settings. Every field is documented; see README 'Configuration'."""

    model_config = SettingsConfigDict(
        env_prefix="DXKIT_", env_nested_delimiter="__", extra="ignore", toml_file="dxkit.toml"
    )

    model: str = Field("local:smollm2", description="Default chat model spec (see get_chat_model).")
    base_url: str | None = Field(None, description="OpenAI-compatible server URL (vLLM, Ollama, ...).")
    embedder: str = Field("minilm", description="Embedder spec: 'minilm' (packaged) or a local folder.")
    device: str = Field("auto", description="'auto', 'cpu' or 'cuda' for local models and embeddings.")
    data_dir: Path = Field(default_factory=_default_data_dir,
                           description="Where caches, ledgers and indexes go by default.")
    ledger_dir: Path | None = Field(None, description="Ledger folder; default <data_dir>/ledger.")
    llm_prices_file: Path | None = Field(None, description="TOML/JSON of extra per-model token prices.")
    max_retries: int = Field(2, ge=0, le=10, description="Structured-output retries after the first try.")
    local_max_new_tokens: int = Field(256, ge=1, le=32768,
                                      description="Token allowance of a free-text reply from a local model.")
    ledger_fsync: bool = Field(True, description="fsync the ledger after every record (off only for speed "
                                                  "where losing the last records on power loss is fine).")
    budget: BudgetSettings = Field(default_factory=BudgetSettings, description="Clinical budget and prices.")

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        toml_path = os.environ.get("DXKIT_CONFIG", "dxkit.toml")
        toml = TomlConfigSettingsSource(settings_cls, toml_file=toml_path)
        return (init_settings, env_settings, toml)

    @property
    def resolved_ledger_dir(self) -> Path:
        return self.ledger_dir or (self.data_dir / "ledger")


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The process-wide settings (cached; call `get_settings.cache_clear()` after env changes)."""
    return Settings()
