"""Adapters for the formula, date and conversion calculators (MedCalc ids listed in ADAPTERS)."""

from __future__ import annotations

import re
from typing import Any

from dxkit.errors import InputError
from dxkit.evals.medcalc.adapters.common import (
    Entities,
    compact,
    count,
    first,
    quantity,
    sex,
    value_only,
)


def _demographics(e: Entities) -> dict[str, Any]:
    return {"sex": sex(e), "age_years": quantity(e, "age"), "weight_kg": quantity(e, "weight"),
            "height_cm": quantity(e, "height")}


def creatinine_clearance(e: Entities) -> dict[str, Any]:
    return compact(_demographics(e) | {"creatinine_mg_dl": quantity(e, "creatinine")})


def ckd_epi(e: Entities) -> dict[str, Any]:
    return compact({"sex": sex(e), "age_years": quantity(e, "age"), "creatinine_mg_dl": quantity(e, "creatinine")})


def mdrd(e: Entities) -> dict[str, Any]:
    race = first(e, "Race")
    black = None if race is None else bool(re.search(r"\b(black|african)", str(race), re.I))
    return compact(ckd_epi(e) | {"black_race": black})


def blood_pressure(e: Entities) -> dict[str, Any]:
    return compact({"systolic_bp_mm_hg": quantity(e, "Systolic Blood Pressure"),
                    "diastolic_bp_mm_hg": quantity(e, "Diastolic Blood Pressure")})


def weight_height(e: Entities) -> dict[str, Any]:
    return compact({"weight_kg": quantity(e, "weight"), "height_cm": quantity(e, "height")})


def sex_height(e: Entities) -> dict[str, Any]:
    return compact({"sex": sex(e), "height_cm": quantity(e, "height")})


def sex_weight_height(e: Entities) -> dict[str, Any]:
    return compact({"sex": sex(e), "weight_kg": quantity(e, "weight"), "height_cm": quantity(e, "height")})


def calcium(e: Entities) -> dict[str, Any]:
    return compact({"calcium_mg_dl": quantity(e, "Calcium"), "albumin_g_dl": quantity(e, "Albumin")})


def qt(e: Entities) -> dict[str, Any]:
    return compact({"heart_rate_per_min": quantity(e, "Heart Rate or Pulse", "heart rate"),
                    "qt_interval_ms": quantity(e, "QT interval")})


def lmp_cycle(e: Entities) -> dict[str, Any]:
    return compact({"last_menstrual_period": first(e, "Last menstrual date"),
                    "cycle_length_days": value_only(e, "cycle length")})


def gestational_age(e: Entities) -> dict[str, Any]:
    return compact({"last_menstrual_period": first(e, "Last menstrual date"),
                    "current_date": first(e, "Current Date")})


def fib4(e: Entities) -> dict[str, Any]:
    return compact({"age_years": quantity(e, "age"), "ast_u_l": quantity(e, "Aspartate aminotransferase"),
                    "alt_u_l": quantity(e, "Alanine aminotransferase"),
                    "platelets_k_per_ul": count(e, "Platelet count")})


def maintenance_fluids(e: Entities) -> dict[str, Any]:
    return compact({"weight_kg": quantity(e, "weight")})


# "Dexamethasone PO" -> "dexamethasone": equivalence does not depend on the route
_STEROIDS = ("betamethasone", "cortisone", "dexamethasone", "hydrocortisone", "methylprednisolone",
             "prednisolone", "prednisone", "triamcinolone")


def _steroid_name(text: Any, field: str) -> str:
    words = re.findall(r"[a-z]+", str(text).lower())
    for word in words:
        if word in _STEROIDS:
            return word
    raise InputError(field, text, "is not a known corticosteroid", accepted=", ".join(_STEROIDS))


def steroid(e: Entities) -> dict[str, Any]:
    given = first(e, "input steroid")
    target = first(e, "target steroid")
    out: dict[str, Any] = {}
    if isinstance(given, list | tuple) and len(given) == 3:  # [name with route, dose, unit]
        out["from_steroid"] = _steroid_name(given[0], "input steroid")
        out["dose_mg"] = [given[1], given[2]]
    if target is not None:
        out["to_steroid"] = _steroid_name(target, "target steroid")
    return out


def sodium_glucose(e: Entities) -> dict[str, Any]:
    return compact({"sodium_mmol_l": quantity(e, "Sodium"), "glucose_mg_dl": quantity(e, "Glucose")})


def osmolality(e: Entities) -> dict[str, Any]:
    return compact(sodium_glucose(e) | {"bun_mg_dl": quantity(e, "Blood Urea Nitrogen (BUN)")})


def homa(e: Entities) -> dict[str, Any]:
    return compact({"fasting_insulin_uiu_ml": quantity(e, "Insulin"), "fasting_glucose_mg_dl": quantity(e, "Glucose")})


def free_water(e: Entities) -> dict[str, Any]:
    return compact({"sex": sex(e), "age_years": quantity(e, "age"), "weight_kg": quantity(e, "weight"),
                    "sodium_mmol_l": quantity(e, "Sodium")})


def electrolytes(e: Entities) -> dict[str, Any]:
    return compact({"sodium_mmol_l": quantity(e, "Sodium"), "chloride_mmol_l": quantity(e, "Chloride"),
                    "bicarbonate_mmol_l": quantity(e, "Bicarbonate")})


def electrolytes_albumin(e: Entities) -> dict[str, Any]:
    return compact(electrolytes(e) | {"albumin_g_dl": quantity(e, "Albumin")})


def fena(e: Entities) -> dict[str, Any]:
    return compact({"sodium_mmol_l": quantity(e, "Sodium"), "creatinine_mg_dl": quantity(e, "creatinine"),
                    "urine_sodium_mmol_l": quantity(e, "Urine sodium"),
                    "urine_creatinine_mg_dl": quantity(e, "Urine creatinine")})


def ldl(e: Entities) -> dict[str, Any]:
    return compact({"total_cholesterol_mg_dl": quantity(e, "Total cholesterol"),
                    "hdl_cholesterol_mg_dl": quantity(e, "high-density lipoprotein cholesterol"),
                    "triglycerides_mg_dl": quantity(e, "Triglycerides")})


def target_weight(e: Entities) -> dict[str, Any]:
    return compact({"target_bmi_kg_m2": quantity(e, "Body Mass Index (BMI)"), "height_cm": quantity(e, "height")})


# MedCalc-Bench names opioids "<Drug> Dose" / "<Drug> Dose Per Day" (e.g. "FentaNYL buccal Dose").
_OPIOID_PATTERNS = (
    ("fentanyl_patch", r"fentanyl\s*(patch|transdermal)"), ("fentanyl_buccal", r"fentanyl\s*buccal"),
    ("hydromorphone", r"hydromorphone"), ("hydrocodone", r"hydrocodone"), ("oxymorphone", r"oxymorphone"),
    ("oxycodone", r"oxycodone"), ("methadone", r"methadone"), ("morphine", r"^morphine"),
    ("codeine", r"codeine"), ("tapentadol", r"tapentadol"), ("tramadol", r"tramadol"),
)
_DOSE_FIELD = {"fentanyl_patch": "fentanyl_patch_dose_ug_per_hour", "fentanyl_buccal": "fentanyl_buccal_dose_ug"}


def _opioid(name: str) -> str | None:
    lowered = name.lower().strip()
    return next((opioid for opioid, pattern in _OPIOID_PATTERNS if re.search(pattern, lowered)), None)


def morphine_equivalents(e: Entities) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, raw in e.items():
        opioid = _opioid(key)
        if opioid is None:
            if re.search(r"\bdose\b", key, re.I):  # an opioid dxkit has no factor for: never drop it silently
                raise InputError(key, raw, "is not an opioid with a CDC 2022 conversion factor",
                                 accepted=", ".join(o for o, _ in _OPIOID_PATTERNS))
            continue
        if re.search(r"per\s*day", key, re.I):
            out[f"{opioid}_doses_per_day"] = raw
            continue
        field = _DOSE_FIELD.get(opioid, f"{opioid}_dose_mg")
        if opioid == "fentanyl_patch" and isinstance(raw, list | tuple):
            # a patch is prescribed by its delivery rate (mcg/h); MedCalc-Bench records the
            # number with a placeholder mass unit, so the number is read as mcg/h
            raw = [raw[0], "ug/hour"]
        out[field] = raw
    return out


ADAPTERS = {
    2: creatinine_clearance,
    3: ckd_epi,
    5: blood_pressure,
    6: weight_height,
    7: calcium,
    9: mdrd,
    10: sex_height,
    11: qt,
    13: lmp_cycle,
    19: fib4,
    22: maintenance_fluids,
    24: steroid,
    26: sodium_glucose,
    30: osmolality,
    31: homa,
    38: free_water,
    39: electrolytes,
    40: fena,
    44: ldl,
    49: morphine_equivalents,
    56: qt,
    57: qt,
    58: qt,
    59: qt,
    60: weight_height,
    61: target_weight,
    62: sex_weight_height,
    63: electrolytes,
    64: electrolytes,
    65: electrolytes_albumin,
    66: electrolytes_albumin,
    67: electrolytes_albumin,
    68: lmp_cycle,
    69: gestational_age,
}
