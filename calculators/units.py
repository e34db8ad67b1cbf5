"""Unit parsing and conversion for calculator inputs (pint underneath).

Clinical notes spell units many ways ("mg/dl", "µmol/L", "mm hg", "degrees celsisus");
`normalise_unit` maps those spellings onto pint expressions. Conversions between mass and
amount concentrations use the analyte's molar mass (pint's chemistry context); mEq/L uses
the ion's valence. Anything unknown is an `InputError` naming the field and the unit.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import pint

from dxkit.errors import InputError


@dataclass(frozen=True)
class Analyte:
    """Facts needed to convert one analyte between conventional and SI units."""

    molar_mass_g_per_mol: float | None = None
    valence: int = 1
    mol_per_iu: float | None = None  # e.g. insulin: 1 µIU/mL = 6 pmol/L -> 6e-9 mol per IU


# Molar masses (g/mol) as used for clinical unit conversion. BUN is urea *nitrogen* (2 N = 28.02).
ANALYTES: dict[str, Analyte] = {
    "creatinine": Analyte(113.12),
    "glucose": Analyte(180.16),
    "bun": Analyte(28.02),
    "urea": Analyte(60.06),
    "calcium": Analyte(40.08, valence=2),
    "magnesium": Analyte(24.305, valence=2),
    "bilirubin": Analyte(584.66),
    "cholesterol": Analyte(386.65),
    "triglycerides": Analyte(885.7),
    "sodium": Analyte(22.99, valence=1),
    "potassium": Analyte(39.10, valence=1),
    "chloride": Analyte(35.45, valence=1),
    "bicarbonate": Analyte(61.02, valence=1),
    "phosphate": Analyte(30.97),
    "uric_acid": Analyte(168.11),
    "lactate": Analyte(90.08),
    "albumin": Analyte(66_500.0),
    "hemoglobin": Analyte(16_114.5),  # per haem monomer, the SI convention (mmol/L)
    "insulin": Analyte(5_808.0, mol_per_iu=6e-9),
}


@lru_cache(maxsize=1)
def unit_registry() -> pint.UnitRegistry:
    ureg = pint.UnitRegistry(autoconvert_offset_to_baseunit=True)
    # pint defines U = enzyme_unit = µmol/min; IU is the same activity unit in clinical labs
    ureg.define("international_unit = enzyme_unit = IU")
    ureg.define("cell = count")
    ureg.define("beat = count")
    ureg.define("breath = count")
    ureg.define("drink = count")
    ureg.define("dose = count")
    return ureg


# Spellings seen in notes and in MedCalc-Bench -> pint expression. Keys are lower-cased and
# whitespace-collapsed; "µ" (micro sign) and "μ" (Greek mu) both become "u" before lookup.
_ALIASES: dict[str, str] = {
    "mg/dl": "mg/dL", "mg/l": "mg/L", "g/dl": "g/dL", "g/l": "g/L", "ng/ml": "ng/mL", "ng/l": "ng/L",
    "ug/ml": "ug/mL", "ug/l": "ug/L", "ug/dl": "ug/dL", "pg/ml": "pg/mL",
    "mmol/l": "mmol/L", "umol/l": "umol/L", "nmol/l": "nmol/L", "pmol/l": "pmol/L", "mol/l": "mol/L",
    "meq/l": "mEq/L", "eq/l": "Eq/L", "mm": "mmol/L",
    "u/l": "U/L", "iu/l": "IU/L", "miu/l": "mIU/L", "uiu/ml": "uIU/mL", "miu/ml": "mIU/mL", "u/ml": "U/mL",
    "mm hg": "mmHg", "mmhg": "mmHg", "mm of hg": "mmHg", "cm h2o": "cmH2O", "cmh2o": "cmH2O", "kpa": "kPa",
    "beats per minute": "1/min", "bpm": "1/min", "beats/min": "1/min", "/min": "1/min", "per minute": "1/min",
    "breaths per minute": "1/min", "breaths/min": "1/min", "min^-1": "1/min",
    "ms": "ms", "msec": "ms", "msecs": "ms", "millisecond": "ms", "milliseconds": "ms", "s": "s", "sec": "s",
    "years": "year", "year": "year", "yrs": "year", "yr": "year", "y": "year", "years old": "year",
    "months": "month", "month": "month", "mo": "month", "weeks": "week", "week": "week", "wk": "week",
    "days": "day", "day": "day", "d": "day", "hours": "hour", "hour": "hour", "h": "hour", "hr": "hour",
    "degrees celsius": "degC", "degrees celsisus": "degC", "degree celsius": "degC", "celsius": "degC",
    "°c": "degC", "c": "degC", "deg c": "degC", "degc": "degC", "ºc": "degC",
    "degrees fahrenheit": "degF", "degrees fahreinheit": "degF", "degree fahrenheit": "degF",
    "fahrenheit": "degF", "°f": "degF", "f": "degF", "deg f": "degF", "degf": "degF", "ºf": "degF",
    "kg": "kg", "kgs": "kg", "g": "g", "lb": "lb", "lbs": "lb", "pounds": "lb", "pound": "lb", "oz": "oz",
    "cm": "cm", "m": "m", "mm_len": "mm", "in": "inch", "inch": "inch", "inches": "inch", "ft": "foot",
    "feet": "foot", "foot": "foot",
    "kg/m^2": "kg/m**2", "kg/m2": "kg/m**2", "kg/m²": "kg/m**2", "m^2": "m**2", "m2": "m**2", "m²": "m**2",
    "%": "percent", "percent": "percent", "fraction": "dimensionless", "ratio": "dimensionless",
    "ml/min": "mL/min", "ml/min/1.73m^2": "mL/min", "ml/min/1.73 m^2": "mL/min", "ml/min/1.73 m²": "mL/min",
    "ml/day": "mL/day", "ml/24h": "mL/day", "ml/h": "mL/hour", "ml/hr": "mL/hour", "l/day": "L/day",
    "ml": "mL", "l": "L", "dl": "dL",
    "mg": "mg", "ug": "ug", "mcg": "ug", "ug/h": "ug/hour", "ug/hr": "ug/hour", "mcg/hr": "ug/hour",
    "mcg/h": "ug/hour", "mg/day": "mg/day", "mg/d": "mg/day", "ug/kg/min": "ug/kg/min",
    "mcg/kg/min": "ug/kg/min", "mc/kg/min": "ug/kg/min", "per day": "1/day", "/day": "1/day",
    "per week": "1/week", "/week": "1/week", "drinks per week": "drink/week", "drinks/week": "drink/week",
    # counts: per volume, and the shorthand "x10^9/L", "K/µL", "/mm3"
    "/ul": "count/uL", "per ul": "count/uL", "cells/ul": "count/uL", "ul": "count/uL", "/mm3": "count/uL",
    "/mm^3": "count/uL", "cells/mm3": "count/uL", "/l": "count/L", "per l": "count/L",
    "x10^3/ul": "1e3 count/uL", "10^3/ul": "1e3 count/uL", "x 10^3/ul": "1e3 count/uL", "k/ul": "1e3 count/uL",
    "10³/ul": "1e3 count/uL", "x10³/ul": "1e3 count/uL", "thou/ul": "1e3 count/uL",
    "x10^9/l": "1e9 count/L", "10^9/l": "1e9 count/L", "x 10^9/l": "1e9 count/L", "10⁹/l": "1e9 count/L",
    "x10⁹/l": "1e9 count/L", "g/l_count": "1e9 count/L", "x10^6/ul": "1e6 count/uL", "10^6/ul": "1e6 count/uL",
    "x10^12/l": "1e12 count/L", "10^12/l": "1e12 count/L",
    "dimensionless": "dimensionless", "": "dimensionless", "points": "dimensionless", "score": "dimensionless",
}

_MICRO = str.maketrans({"µ": "u", "μ": "u"})
_EQUIVALENT = re.compile(r"\b([munp]?)Eq\b")


def normalise_unit(unit: str) -> str:
    """Map a unit as written in a note to a pint expression; unknown spellings pass through."""
    key = " ".join(unit.strip().translate(_MICRO).lower().split())
    key = key.rstrip(".")
    return _ALIASES.get(key, unit.strip().translate(_MICRO))


def convert(value: float, unit: str, target: str, *, field: str, analyte: str | None = None) -> float:
    """Convert `value unit` to `target` (see `_convert_exact`), reusing a cached affine map.

    Every conversion here (scale, molar mass, valence, temperature offset) is affine, so
    the map a + b·value is computed once per (unit, target, analyte) with pint and reused:
    parsing units with pint costs milliseconds, the cached map microseconds.
    """
    affine = _affine_map(unit, target, analyte)
    if affine is None:  # the conversion is impossible: let the exact path raise with this value
        return _convert_exact(value, unit, target, field=field, analyte=analyte)
    offset, scale = affine
    # 12 significant digits: drops float noise (100.4 degF -> 37.99999999999 degC) that could
    # otherwise fall on the wrong side of a score's cut-off
    return float(f"{offset + scale * value:.12g}")


@lru_cache(maxsize=4096)
def _affine_map(unit: str, target: str, analyte: str | None) -> tuple[float, float] | None:
    try:
        at_zero = _convert_exact(0.0, unit, target, field="unit", analyte=analyte)
        at_one = _convert_exact(1.0, unit, target, field="unit", analyte=analyte)
    except InputError:
        return None
    return at_zero, at_one - at_zero


def _convert_exact(value: float, unit: str, target: str, *, field: str, analyte: str | None = None) -> float:
    """Convert `value unit` to `target`; mass<->amount and mEq use `analyte`'s facts.

    Raises InputError naming the field, the value and unit, and the target unit when the
    conversion is impossible (wrong dimension, unknown unit, unknown analyte).
    """
    ureg = unit_registry()
    facts = ANALYTES.get(analyte) if analyte else None
    source_expr = normalise_unit(unit)
    target_expr = normalise_unit(target)
    # mEq -> mmol by valence (string level: pint has no valence concept)
    if _EQUIVALENT.search(source_expr):
        value = value / (facts.valence if facts else 1)
        source_expr = _EQUIVALENT.sub(lambda m: f"{m.group(1)}mol", source_expr)
    if _EQUIVALENT.search(target_expr):
        target_expr = _EQUIVALENT.sub(lambda m: f"{m.group(1)}mol", target_expr)
        equivalent_factor = facts.valence if facts else 1
    else:
        equivalent_factor = 1
    # "1e3 count/uL" style expressions carry a numeric factor
    try:  # a plain unit (offset units such as degF need this form) ...
        quantity = ureg.Quantity(value, source_expr)
    except Exception:
        quantity = None
    try:  # ... or an expression with a numeric factor such as "1e3 count/uL"
        if quantity is None:
            quantity = ureg.Quantity(value) * ureg(source_expr)
    except Exception:  # pint raises several error types for garbage; all mean "unknown unit"
        raise InputError(field, value, "has a unit dxkit does not understand", unit=unit,
                         accepted=f"units convertible to {target}") from None
    try:
        target_q = ureg(target_expr)
        target_units = target_q.units if isinstance(target_q, pint.Quantity) else ureg.parse_units(target_expr)
        target_scale = target_q.magnitude if isinstance(target_q, pint.Quantity) else 1.0
    except Exception:
        raise InputError(field, target, "is not a unit dxkit understands") from None
    try:
        if quantity.dimensionality == (1 * target_units).dimensionality:
            converted = quantity.to(target_units).magnitude
        elif facts and facts.mol_per_iu and _is_activity(quantity):
            moles = quantity * facts.mol_per_iu * ureg("mol/IU")
            converted = moles.to(target_units).magnitude
        elif facts and facts.mol_per_iu and _is_activity(1 * target_units):
            activity = quantity / (facts.mol_per_iu * ureg("mol/IU"))
            converted = activity.to(target_units).magnitude
        elif facts and facts.molar_mass_g_per_mol:
            mw = facts.molar_mass_g_per_mol * ureg("g/mol")
            converted = quantity.to(target_units, "chemistry", mw=mw).magnitude
        else:
            raise pint.DimensionalityError(quantity.units, target_units)
    except (pint.DimensionalityError, ZeroDivisionError, ValueError):
        raise InputError(
            field, value, f"cannot be converted to {target}", unit=unit,
            accepted=f"units convertible to {target}",
        ) from None
    return float(converted) / target_scale * equivalent_factor


def _is_activity(quantity: pint.Quantity) -> bool:
    dims = quantity.dimensionality
    return dims.get("[substance]") == 1 and dims.get("[time]") == -1


def is_convertible(unit: str, target: str, analyte: str | None = None) -> bool:
    try:
        convert(1.0, unit, target, field="unit", analyte=analyte)
    except InputError:
        return False
    return True
