"""The shipped table against its sources, a custom CSV, and an injected embedder."""

from __future__ import annotations

import csv
from importlib import resources

import numpy as np
import pytest

from dxkit.errors import InputError
from dxkit.tools.prices import PriceTable


def _global_rates(path, code_column="HCPCS"):
    rates = {}
    with path.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            if not row["MOD"].strip():
                rates[row[code_column]] = float(row["NF RATE"])
    return rates


def test_every_shipped_price_is_the_sum_of_its_cms_rates(shared_data):
    lab = _global_rates(shared_data / "prices" / "cms_clfs_2025_q1_national.csv")
    physician = _global_rates(shared_data / "prices" / "cms_pfs_2025_national.csv")
    table = PriceTable.default()
    for test in table.tests.values():
        if test.notes:  # professional component only (PET); checked below
            continue
        expected = sum(lab[c] if c in lab else physician[c] for c in test.codes)
        assert test.price_usd == pytest.approx(expected, abs=0.006), test.test_id
    assert "lower bound" in table.tests["pet_ct"].notes


def test_shipped_table_size():
    source = resources.files("dxkit.tools.prices") / "data" / "cms_prices_2025.csv"
    with source.open("r", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) >= 300
    assert len({c for r in rows for c in r["codes"].split("|")}) >= 250
    assert {r["category"] for r in rows} >= {"lab", "imaging", "cardiac", "pathology", "microbiology",
                                                "endoscopy", "neuro"}


def test_from_csv_reads_a_custom_table(tmp_path):
    path = tmp_path / "mini.csv"
    path.write_text(
        "test_id,name,synonyms,codes,schedule,price_usd,facility_price_usd,category,region\n"
        "widget,Widget assay,WA|widget,99999,lab,12.50,12.50,lab,blood\n", encoding="utf-8")
    table = PriceTable.from_csv(path, default_price_usd=7.0)
    assert table.price("WA").price_usd == 12.50
    assert table.price("unrelated thing").price_usd == 7.0


def test_malformed_csv_is_a_clear_error(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text("test_id,name,codes,price_usd\nx,X,1,not-a-number\n", encoding="utf-8")
    with pytest.raises(InputError, match="price table row"):
        PriceTable.from_csv(path)


class _TwoTopicEmbedder:
    """Fake embedder: maps anything mentioning heart words onto one axis, the rest onto another."""

    def encode(self, texts):
        heart = ("cardiac", "heart", "echo", "ventricular")
        return np.array([[1.0, 0.0] if any(w in t.lower() for w in heart) else [0.0, 1.0] for t in texts])


def test_injected_embedder_can_rescue_a_paraphrase():
    tests = [t for t in PriceTable.default().tests.values() if t.test_id in {"echo", "cbc"}]
    plain = PriceTable(tests)
    assert plain.price("ventricular function scan").method == "default"
    with_embedder = PriceTable(tests, embedder=_TwoTopicEmbedder())
    charge = with_embedder.price("ventricular function scan")
    assert charge.method == "nearest" and charge.test_id == "echo"
