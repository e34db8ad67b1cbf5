"""Prices of the shipped CMS 2025 table, checked by hand against the CMS national files.

Each figure below was read from shared/data/prices by a person: the CLFS row with an empty
MOD (column NF RATE) for lab codes, the PFS row with an empty MOD (the global service;
NF RATE / F RATE) for imaging and procedures, rounded to cents.
"""

from __future__ import annotations

import pytest

from dxkit.tools.prices import PriceTable

HAND_CHECKED = [
    # (request, codes, non-facility USD, where it was read)
    ("CBC", ["85025"], 7.77, "85025 NF RATE, CLFS 2025 Q1"),
    ("BMP", ["80048"], 8.46, "80048 NF RATE, CLFS"),
    ("CMP", ["80053"], 10.56, "80053 NF RATE, CLFS"),
    ("HbA1c", ["83036"], 9.71, "83036 NF RATE, CLFS"),
    ("TSH", ["84443"], 16.80, "84443 NF RATE, CLFS"),
    ("troponin", ["84484"], 12.47, "84484 NF RATE, CLFS"),
    ("BNP", ["83880"], 39.26, "83880 NF RATE, CLFS"),
    ("D-dimer", ["85379"], 10.18, "85379 NF RATE, CLFS"),
    ("ABG", ["82803"], 26.07, "82803 NF RATE, CLFS"),
    ("lactate", ["83605"], 11.57, "83605 NF RATE, CLFS"),
    ("urine culture", ["87086"], 8.07, "87086 NF RATE, CLFS"),
    ("ANA", ["86038"], 12.09, "86038 NF RATE, CLFS"),
    ("chest X-ray", ["71046"], 32.67, "71046 global NF RATE 32.669965, PFS 2025"),
    ("CT head", ["70450"], 105.13, "70450 global NF RATE 105.126125, PFS"),
    ("CT abdomen and pelvis with contrast", ["74177"], 297.26, "74177 global NF RATE 297.264335, PFS"),
    ("ECG", ["93000"], 13.91, "93000 global NF RATE 13.908995, PFS"),
    ("echocardiogram", ["93306"], 187.93, "93306 global NF RATE 187.933165, PFS"),
    ("CTPA", ["71275"], 277.86, "71275 global NF RATE 277.856435, PFS"),
    ("colonoscopy", ["45378"], 327.67, "45378 global NF RATE 327.670045, PFS"),
]


@pytest.fixture(scope="module")
def table() -> PriceTable:
    return PriceTable.default()


@pytest.mark.parametrize(("request_name", "codes", "usd", "source"), HAND_CHECKED)
def test_hand_checked_prices(table, request_name, codes, usd, source):
    charge = table.price(request_name)
    assert charge.codes == codes, source
    assert charge.price_usd == pytest.approx(usd, abs=0.005), source
    assert charge.method in ("exact", "synonym")
    assert charge.confidence == 1.0


def test_multi_code_bundles_sum_their_codes(table):
    # 85610 PT 4.29 + 85730 aPTT 6.01 (CLFS NF RATE)
    assert table.price("coagulation panel").price_usd == pytest.approx(10.30, abs=0.005)
    # 84443 TSH 16.80 + 84439 free T4 9.02 (CLFS)
    assert table.price("thyroid function tests").price_usd == pytest.approx(25.82, abs=0.005)
    # Two sets of blood cultures: 87040 10.32 x 2 (CLFS)
    assert table.price("blood cultures").price_usd == pytest.approx(20.64, abs=0.005)
    # LP with CSF studies: 62270 global NF 141.67767 (PFS) + 89051 5.60 + 84157 4.00
    # + 82945 3.93 + 87205 4.27 + 87070 8.62 (CLFS) = 168.09767
    csf = table.price("CSF analysis")
    assert csf.codes == ["62270", "89051", "84157", "82945", "87205", "87070"]
    assert csf.price_usd == pytest.approx(168.10, abs=0.005)
    # Facility: 62270 F RATE 62.428745 + the same lab rates 26.42 = 88.848745
    assert table.tests["csf_analysis"].facility_price_usd == pytest.approx(88.85, abs=0.005)


def test_facility_rates_are_used_when_asked():
    facility = PriceTable(list(PriceTable.default().tests.values()), facility=True)
    # 45378 global F RATE 177.25882 (PFS): colonoscopy in a hospital outpatient setting
    assert facility.price("colonoscopy").price_usd == pytest.approx(177.26, abs=0.005)


@pytest.mark.parametrize(("spelling", "test_id"), [
    ("full blood count", "cbc"), ("hemogram", "cbc"), ("EKG", "ecg"), ("TTE", "echo"),
    ("U&E", "bmp"), ("LFTs", "lft"), ("PT/INR", "pt_inr"), ("NT-proBNP", "bnp"),
    ("noncontrast head CT", "ct_head"),
    ("CT chest w/ contrast", "ct_chest_contrast"), ("spinal tap", "lumbar_puncture"),
    ("AChR antibodies", "achr_antibody"), ("c-ANCA", "anca"), ("V/Q scan", "vq_scan"),
    ("EMG/NCS", "emg_ncs"), ("Chest X Ray", "cxr"), ("troponins", "troponin"),
])
def test_synonyms_and_spellings_match_exactly(table, spelling, test_id):
    charge = table.price(spelling)
    assert charge.test_id == test_id
    assert charge.method in ("exact", "synonym")


@pytest.mark.parametrize(("request_name", "test_id"), [
    ("trponin", "troponin"),                       # typo
    ("hemoglobn a1c", "hba1c"),                    # typo
    ("MRI of the cervical spine", "mri_c_spine"),  # word-level variant
    ("anti-acetylcholine receptor antibodies", "achr_antibody"),
    ("urine tox screen", "urine_drug_screen"),
])
def test_nearest_match_reports_its_confidence(table, request_name, test_id):
    charge = table.price(request_name)
    assert charge.method == "nearest"
    assert charge.test_id == test_id
    assert table.threshold <= charge.confidence < 1.0


def test_unknown_test_gets_the_default_price(table):
    charge = table.price("xyzzy quantum assay")
    assert charge.method == "default"
    assert charge.price_usd == 100.0  # settings.budget.default_test_usd
    assert charge.codes == [] and charge.matched is None and charge.confidence == 0.0


def test_threshold_and_default_are_configurable():
    tests = list(PriceTable.default().tests.values())
    strict = PriceTable(tests, threshold=0.99, default_price_usd=42.0)
    charge = strict.price("trponin")
    assert charge.method == "default" and charge.price_usd == 42.0


def test_visit_charge_is_the_sdbench_visit_fee(table):
    assert table.visit_charge().price_usd == 300.0


def test_cheaper_equivalents_are_same_region_and_cheaper(table):
    ct = table.price("CT chest with contrast")
    cheaper = table.cheaper_equivalents("CT chest with contrast")
    ids = [c.test_id for c in cheaper]
    assert "cxr" in ids and "ct_chest" in ids
    assert all(c.price_usd < ct.price_usd for c in cheaper)
    assert [c.price_usd for c in cheaper] == sorted(c.price_usd for c in cheaper)
    assert all(table.tests[i].region == "chest" for i in ids)
    assert "pleural_fluid" not in ids  # a procedure is not an imaging substitute
    assert table.cheaper_equivalents("CBC") == [] or all(
        table.tests[c.test_id].region == "blood count" for c in table.cheaper_equivalents("CBC"))


def test_search_returns_distinct_tests_best_first(table):
    hits = table.search("thyroid", k=3)
    assert len(hits) == 3 and len({h.test_id for h in hits}) == 3
    assert [h.confidence for h in hits] == sorted((h.confidence for h in hits), reverse=True)


def test_names_lists_every_test(table):
    names = table.names()
    assert len(names) == len(table.tests) >= 300
    assert "Complete blood count with differential" in names


def test_bad_input_names_the_field(table):
    from dxkit.errors import InputError

    with pytest.raises(InputError, match="test_name"):
        table.price("   ")
    with pytest.raises(InputError, match="threshold"):
        PriceTable([], threshold=0)


def test_default_and_visit_prices_follow_settings(monkeypatch, table):
    from dxkit.settings import get_settings

    monkeypatch.setenv("DXKIT_BUDGET__DEFAULT_TEST_USD", "55")
    monkeypatch.setenv("DXKIT_BUDGET__VISIT_USD", "250")
    get_settings.cache_clear()
    try:
        assert table.price("xyzzy quantum assay").price_usd == 55.0
        assert table.visit_charge().price_usd == 250.0
    finally:
        monkeypatch.undo()
        get_settings.cache_clear()
