"""Dosing weights shared by several calculators: Devine ideal and adjusted body weight."""

from __future__ import annotations

CM_PER_INCH = 2.54
# Devine 1974: 50 kg (men) / 45.5 kg (women) + 2.3 kg per inch over 5 feet
_DEVINE_BASE_KG = {"male": 50.0, "female": 45.5}
_DEVINE_KG_PER_INCH = 2.3
# Adjusted body weight: IBW + 0.4 x (actual - IBW), the factor used for drug dosing
ADJUSTMENT_FACTOR = 0.4


def ideal_body_weight(sex: str, height_cm: float) -> tuple[float, str]:
    inches = height_cm / CM_PER_INCH
    ibw = _DEVINE_BASE_KG[sex] + _DEVINE_KG_PER_INCH * (inches - 60)
    step = (f"IBW (Devine, {sex}) = {_DEVINE_BASE_KG[sex]:g} + 2.3 × ({height_cm:g} cm / 2.54 - 60 in) "
            f"= {_DEVINE_BASE_KG[sex]:g} + 2.3 × ({inches:.2f} - 60) = {ibw:.2f} kg")
    return ibw, step


def adjusted_body_weight(ibw_kg: float, weight_kg: float) -> tuple[float, str]:
    abw = ibw_kg + ADJUSTMENT_FACTOR * (weight_kg - ibw_kg)
    step = f"AdjBW = IBW + 0.4 × (weight - IBW) = {ibw_kg:.2f} + 0.4 × ({weight_kg:g} - {ibw_kg:.2f}) = {abw:.2f} kg"
    return abw, step
