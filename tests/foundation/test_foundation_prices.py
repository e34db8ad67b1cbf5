"""Token prices: lookup rules, hand-computed costs and user extension files."""

from __future__ import annotations

from pathlib import Path

import pytest

from dxkit.errors import ConfigError
from dxkit.models.prices import llm_cost_usd, llm_price, load_price_table


def test_lookup_rules() -> None:
    table = load_price_table()
    assert llm_price("gpt-4.1", table).input_per_mtok == 2.0
    assert llm_price("openai:gpt-4.1-mini", table).input_per_mtok == 0.4  # provider prefix dropped
    assert llm_price("gpt-4.1-mini-2025-04-14", table).output_per_mtok == 1.6  # longest prefix wins
    assert llm_price("local:smollm2", table).cost_usd(10**6, 10**6) == 0.0
    assert llm_price("hf:/models/x", table).cost_usd(5, 5) == 0.0
    assert llm_price("never-heard-of-it", table) is None


def test_cost_is_hand_computed() -> None:
    # claude-sonnet-4: 3 USD in, 15 USD out per 1M tokens: 10_000*3/1e6 + 2_000*15/1e6 = 0.03 + 0.03
    assert llm_cost_usd("anthropic:claude-sonnet-4-20250514", 10_000, 2_000) == pytest.approx(0.06)
    assert llm_cost_usd("unknown", 10_000, 2_000) == 0.0


def test_user_file_extends_and_overrides(tmp_path: Path) -> None:
    extra = tmp_path / "prices.toml"
    extra.write_text('[models."my-vllm-model"]\ninput_per_mtok = 0.5\noutput_per_mtok = 1.0\n'
                     '[models."gpt-4.1"]\ninput_per_mtok = 1.0\noutput_per_mtok = 4.0\n')
    table = load_price_table(extra)
    assert llm_price("my-vllm-model", table).cost_usd(1_000_000, 1_000_000) == pytest.approx(1.5)
    assert llm_price("gpt-4.1", table).input_per_mtok == 1.0


def test_bad_user_file_is_a_config_error(tmp_path: Path) -> None:
    bad = tmp_path / "prices.json"
    bad.write_text('{"models": {"x": {"input_per_mtok": -1, "output_per_mtok": 1}}}')
    with pytest.raises(ConfigError, match="input_per_mtok"):
        load_price_table(bad)
    with pytest.raises(ConfigError, match="does not exist"):
        load_price_table(tmp_path / "missing.toml")
