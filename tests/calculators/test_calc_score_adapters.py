"""MedCalc-Bench adapters for the point scores: word rules and the dev split end to end."""

from __future__ import annotations

import pytest

from dxkit.errors import InputError
from dxkit.evals.medcalc.adapters.scores import ADAPTERS, charlson, gcs, heart_score, sirs, sofa

SCORE_IDS = sorted(ADAPTERS)


def test_gcs_strings_map_by_words():
    mapped = gcs({"Best eye response": "eye opening to verbal command", "Best verbal response": "inappropriate words",
                  "Best motor response": "withdrawal from pain"})
    assert mapped == {"eye": "to sound", "verbal": "inappropriate words", "motor": "withdraws from pain"}
    assert gcs({"Best motor response": "flexion to pain"})["motor"] == "abnormal flexion"
    with pytest.raises(InputError):
        gcs({"Best eye response": "winks"})


def test_heart_tia_counts_as_atherosclerotic_disease():
    mapped = heart_score({"Transient Ischemic Attacks History": True, "atherosclerotic disease": False,
                          "Initial troponin": "between the normal limit or up to three times the normal limit"})
    assert mapped["atherosclerotic_disease"] is True
    assert mapped["initial_troponin"] == "1-3x normal limit"


def test_charlson_graded_items_accept_booleans_and_words():
    mapped = charlson({"Solid tumor": True, "Liver disease severity": "Moderate",
                       "Moderate to severe Chronic Kidney Disease": "Severe"})
    assert mapped["solid_tumor"] == "localized"
    assert mapped["liver_disease"] == "moderate to severe"
    assert mapped["moderate_severe_ckd"] is True


def test_white_cell_count_spellings():
    assert sirs({"White blood cell count": [9400.0, "m^3"]})["wbc_k_per_ul"] == [9400.0, "count/uL"]
    assert sirs({"White blood cell count": [9440.0, "L"]})["wbc_k_per_ul"] == [9440.0, "count/uL"]


def test_fio2_fraction_or_percent():
    assert sofa({"FiO₂": 0.6})["fio2_pct"] == [0.6, "fraction"]
    assert sofa({"FiO₂": [60.0, "%"]})["fio2_pct"] == [60.0, "%"]


def test_dev_split_matches_labels_or_documented_errors(shared_data):
    from dxkit.evals.medcalc.adapters import collect_adapters
    from dxkit.evals.medcalc.dataset import load_rows
    from dxkit.evals.medcalc.label_errors import load_label_errors
    from dxkit.evals.medcalc.structured import score_row

    rows = [r for r in load_rows(shared_data / "medcalc_bench" / "medcalc_bench_v1.0_dev.csv")
            if r.calculator_id in SCORE_IDS]
    adapters, errors = collect_adapters(), load_label_errors()
    outcomes = [score_row(r, adapters, errors) for r in rows]
    assert len(outcomes) >= 100
    failing = [(o.row_number, o.label, o.dxkit_value, o.error) for o in outcomes if not o.correct_after_label_errors]
    assert failing == []
