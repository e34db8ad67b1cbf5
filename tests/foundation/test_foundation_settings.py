"""Settings precedence: init kwargs > environment > TOML file > defaults."""

from __future__ import annotations

from pathlib import Path

import pytest

from dxkit.settings import Settings, get_settings


@pytest.fixture
def clean_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    import os

    for name in list(os.environ):
        if name.startswith("DXKIT_"):
            monkeypatch.delenv(name)
    monkeypatch.chdir(tmp_path)  # no stray ./dxkit.toml
    get_settings.cache_clear()
    yield monkeypatch
    get_settings.cache_clear()


def _toml(tmp_path: Path) -> Path:
    path = tmp_path / "conf.toml"
    path.write_text('model = "openai:gpt-4.1"\nmax_retries = 4\ndevice = "cpu"\n\n[budget]\nvisit_usd = 250.0\n')
    return path


def test_defaults(clean_env) -> None:
    settings = Settings()
    assert settings.model == "local:smollm2" and settings.max_retries == 2
    assert settings.budget.visit_usd == 300.0
    assert settings.resolved_ledger_dir == settings.data_dir / "ledger"


def test_toml_over_defaults(clean_env, tmp_path: Path) -> None:
    clean_env.setenv("DXKIT_CONFIG", str(_toml(tmp_path)))
    settings = Settings()
    assert (settings.model, settings.max_retries, settings.budget.visit_usd) == ("openai:gpt-4.1", 4, 250.0)


def test_dxkit_toml_in_working_directory_is_read(clean_env, tmp_path: Path) -> None:
    (tmp_path / "dxkit.toml").write_text("max_retries = 5\n")
    assert Settings().max_retries == 5


def test_env_over_toml(clean_env, tmp_path: Path) -> None:
    clean_env.setenv("DXKIT_CONFIG", str(_toml(tmp_path)))
    clean_env.setenv("DXKIT_MAX_RETRIES", "1")
    clean_env.setenv("DXKIT_BUDGET__VISIT_USD", "199.5")
    settings = Settings()
    assert settings.max_retries == 1 and settings.budget.visit_usd == 199.5
    assert settings.model == "openai:gpt-4.1"  # not set in env: TOML still applies


def test_init_kwargs_over_env(clean_env, tmp_path: Path) -> None:
    clean_env.setenv("DXKIT_CONFIG", str(_toml(tmp_path)))
    clean_env.setenv("DXKIT_MAX_RETRIES", "1")
    settings = Settings(max_retries=0, model="local:smollm2")
    assert settings.max_retries == 0 and settings.model == "local:smollm2"


def test_get_settings_is_cached_until_cleared(clean_env) -> None:
    first = get_settings()
    clean_env.setenv("DXKIT_MAX_RETRIES", "3")
    assert get_settings() is first
    get_settings.cache_clear()
    assert get_settings().max_retries == 3


def test_ledger_dir_override(clean_env, tmp_path: Path) -> None:
    clean_env.setenv("DXKIT_LEDGER_DIR", str(tmp_path / "L"))
    assert Settings().resolved_ledger_dir == tmp_path / "L"


def test_out_of_range_value_is_refused(clean_env) -> None:
    from pydantic import ValidationError

    clean_env.setenv("DXKIT_MAX_RETRIES", "99")
    with pytest.raises(ValidationError, match="max_retries"):
        Settings()


def test_every_field_has_a_description() -> None:
    from dxkit.settings import BudgetSettings

    for model in (Settings, BudgetSettings):
        for name, field in model.model_fields.items():
            assert field.description, f"{model.__name__}.{name} lacks a description"
