"""Generic pieces for MedCalc-Bench adapters: quantities, yes/no, sex, numbers, choices.

MedCalc-Bench writes quantities as `[value, unit]`, findings as True/False, sex as
"Male"/"Female", and categorical findings as free strings. Quantities are passed through
unchanged so the calculator's own unit conversion does the work; only spellings that mean
something different for counts (a bare "µL" for platelets is "per µL") are rewritten.
Every helper returns None when the entity is absent: `Calculator.run` drops None inputs.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from dxkit.errors import InputError

Entities = Mapping[str, Any]


def first(entities: Entities, *keys: str) -> Any:
    """The value of the first key present (keys compared case-insensitively), else None."""
    lowered = {k.lower(): v for k, v in entities.items()}
    for key in keys:
        if key in entities:
            return entities[key]
        if key.lower() in lowered:
            return lowered[key.lower()]
    return None


def quantity(entities: Entities, *keys: str) -> list[Any] | None:
    """A `[value, unit]` pair passed through for the calculator to convert."""
    raw = first(entities, *keys)
    if raw is None:
        return None
    if isinstance(raw, list | tuple) and len(raw) == 2:
        return [raw[0], raw[1]]
    return raw  # a bare number is read in the calculator's canonical unit


def value_only(entities: Entities, *keys: str) -> float | None:
    """The number alone, for unitless entities (pH, INR, GCS, cycle length, counts)."""
    raw = first(entities, *keys)
    if raw is None:
        return None
    if isinstance(raw, list | tuple):
        raw = raw[0]
    try:
        return float(raw)
    except (TypeError, ValueError):
        raise InputError(keys[0], raw, "is not a number") from None


# "149000 µL" in MedCalc-Bench means 149,000 per µL; a bare volume unit on a count is "per".
_COUNT_UNITS = {"µl": "count/uL", "μl": "count/uL", "ul": "count/uL", "l": "count/L", "mm3": "count/uL",
                "mm^3": "count/uL", "ml": "count/mL"}


def count(entities: Entities, *keys: str) -> list[Any] | None:
    """A cell count `[value, unit]` with bare volume units read as 'per volume'."""
    pair = quantity(entities, *keys)
    if not isinstance(pair, list):
        return pair
    value, unit = pair
    unit_key = str(unit).strip().lower()
    return [value, _COUNT_UNITS.get(unit_key, unit)]


_YES = {"true", "yes", "y", "present", "positive", "1"}
_NO = {"false", "no", "n", "absent", "negative", "0", "none"}


def yes_no(entities: Entities, *keys: str) -> bool | None:
    """True/False from booleans or yes/no words; None when absent."""
    raw = first(entities, *keys)
    if raw is None or isinstance(raw, bool):
        return raw
    word = str(raw).strip().lower()
    if word in _YES:
        return True
    if word in _NO:
        return False
    raise InputError(keys[0], raw, "is not yes/no", accepted="True, False, yes, no")


def sex(entities: Entities, key: str = "sex") -> str | None:
    """'male'/'female' from MedCalc's 'Male'/'Female'."""
    raw = first(entities, key, "gender")
    if raw is None:
        return None
    word = str(raw).strip().lower()
    if word in {"male", "m", "man"}:
        return "male"
    if word in {"female", "f", "woman"}:
        return "female"
    raise InputError("sex", raw, "is not a recognised sex", accepted="Male, Female")


def normalise_words(text: str) -> str:
    """Lower-case, collapse whitespace and punctuation: for matching categorical strings."""
    return re.sub(r"[^a-z0-9<>=≤≥+]+", " ", str(text).lower()).strip()


def choice(entities: Entities, key: str, options: Mapping[str, Any]) -> Any:
    """Map a categorical MedCalc string onto an option value by its normalised words.

    `options` maps normalised phrases to values; an exact phrase wins, else the unique
    phrase contained in the text. Booleans map through the keys "true"/"false" if given.
    """
    raw = first(entities, key)
    if raw is None:
        return None
    text = normalise_words(str(raw))
    table = {normalise_words(k): v for k, v in options.items()}
    if text in table:
        return table[text]
    hits = [v for phrase, v in table.items() if phrase and phrase in text]
    if len(set(map(repr, hits))) == 1:
        return hits[0]
    raise InputError(key, raw, "is not a recognised option", accepted=", ".join(options))


def compact(inputs: Mapping[str, Any]) -> dict[str, Any]:
    """Drop absent (None) inputs so missing-input handling applies."""
    return {k: v for k, v in inputs.items() if v is not None}
