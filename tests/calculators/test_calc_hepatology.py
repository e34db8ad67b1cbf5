"""Liver scores: Child-Pugh and MELD-Na (OPTN 2016)."""

from __future__ import annotations

import pytest

from dxkit.calculators.registry import registry
from dxkit.errors import InputError

CP = dict(bilirubin_mg_dl=1.0, albumin_g_dl=4.0, inr=1.0, ascites="absent", encephalopathy="none")
MELD = dict(creatinine_mg_dl=1.0, bilirubin_mg_dl=1.0, inr=1.0, sodium_mmol_l=137, dialysis_twice_past_week=False,
            cvvhd_24h_past_week=False)


def value(calc_id: str, **inputs):
    return registry().get(calc_id).run(inputs).value


# ---------------------------------------------------------------- Child-Pugh
def test_child_pugh_minimum_and_worked_example():
    assert value("child_pugh", **CP) == 5  # five items at 1 point each: class A
    # bilirubin 2.5 (2) + albumin 3.0 (2) + INR 2.0 (2) + slight ascites (2) + grade 1-2 (2) = 10: class C
    result = registry().get("child_pugh").run(CP | dict(bilirubin_mg_dl=2.5, albumin_g_dl=3.0, inr=2.0,
                                                        ascites="slight", encephalopathy="grade 1-2"))
    assert result.value == 10 and result.band.label == "Child-Pugh C"


@pytest.mark.parametrize(("field", "level", "points"), [
    ("bilirubin_mg_dl", 1.99, 1), ("bilirubin_mg_dl", 2.0, 2), ("bilirubin_mg_dl", 3.0, 2), ("bilirubin_mg_dl", 3.01, 3),
    ("albumin_g_dl", 3.6, 1), ("albumin_g_dl", 3.5, 2), ("albumin_g_dl", 2.8, 2), ("albumin_g_dl", 2.79, 3),
    ("inr", 1.69, 1), ("inr", 1.7, 2), ("inr", 2.3, 2), ("inr", 2.31, 3),
])
def test_child_pugh_thresholds(field, level, points):
    assert value("child_pugh", **CP | {field: level}) == 4 + points


def test_child_pugh_bilirubin_in_umol_per_l():
    # 51.3 umol/L x 584.66 g/mol / 10 = 3.0 mg/dL -> 2 points; 60 umol/L = 3.51 mg/dL -> 3 points
    assert value("child_pugh", **CP | dict(bilirubin_mg_dl="51.3 umol/L")) == 6
    assert value("child_pugh", **CP | dict(bilirubin_mg_dl="60 umol/L")) == 7


def test_child_pugh_missing_ascites_range():
    inputs = dict(CP)
    del inputs["ascites"]
    rng = registry().get("child_pugh").run(inputs).possible_range
    assert (rng.low, rng.high) == (5, 7)


def test_child_pugh_invalid_option():
    with pytest.raises(InputError) as err:
        value("child_pugh", **CP | dict(ascites="massive"))
    assert err.value.field == "ascites"


# ---------------------------------------------------------------- MELD-Na
def test_meld_na_floor_values():
    # all values floored at 1.0: MELD(i) = 0.643 -> 0.6 x 10 = 6; <= 11 so no sodium term
    assert value("meld_na", **MELD) == 6


def test_meld_na_worked_example():
    # Cr 2.0, bili 3.0, INR 1.5, Na 130:
    # 0.957 ln2 (0.66334) + 0.378 ln3 (0.41528) + 1.120 ln1.5 (0.45412) + 0.643 = 2.17574 -> 2.2 x 10 = 22
    # 22 + 1.32 x 7 - 0.033 x 22 x 7 = 22 + 9.24 - 5.082 = 26.158 -> 26
    assert value("meld_na", **MELD | dict(creatinine_mg_dl=2.0, bilirubin_mg_dl=3.0, inr=1.5, sodium_mmol_l=130)) == 26


def test_meld_na_dialysis_sets_creatinine_to_four():
    # Cr 4.0: 0.957 ln4 = 1.32667 + 0.643 = 1.96967 -> 2.0 x 10 = 20; Na 137 adds nothing
    assert value("meld_na", **MELD | dict(creatinine_mg_dl=1.0, dialysis_twice_past_week=True)) == 20
    assert value("meld_na", **MELD | dict(creatinine_mg_dl=8.0)) == 20  # capped at 4.0


def test_meld_na_sodium_bounds():
    high = MELD | dict(creatinine_mg_dl=2.0, bilirubin_mg_dl=3.0, inr=1.5)
    assert value("meld_na", **high | dict(sodium_mmol_l=120)) == value("meld_na", **high | dict(sodium_mmol_l=125))
    assert value("meld_na", **high | dict(sodium_mmol_l=145)) == value("meld_na", **high | dict(sodium_mmol_l=137))


def test_meld_na_sodium_term_only_above_11():
    # Cr 1.3, bili 1, INR 1: 0.957 ln1.3 (0.25108) + 0.643 = 0.89408 -> 0.9 x 10 = 9 <= 11: Na ignored
    assert value("meld_na", **MELD | dict(creatinine_mg_dl=1.3, sodium_mmol_l=125)) == 9


def test_meld_na_capped_at_40():
    assert value("meld_na", **MELD | dict(creatinine_mg_dl=4.0, bilirubin_mg_dl=40, inr=8, sodium_mmol_l=125)) == 40


def test_meld_na_rejects_nan():
    with pytest.raises(InputError) as err:
        value("meld_na", **MELD | dict(inr=float("nan")))
    assert err.value.field == "inr"
