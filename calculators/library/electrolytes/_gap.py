"""Anion-gap arithmetic shared by the gap, delta and albumin-corrected calculators."""

from __future__ import annotations

from dxkit.calculators.base import Reference
from dxkit.errors import InputError

NORMAL_ANION_GAP = 12.0       # mEq/L, the midpoint used by the delta-gap convention
NORMAL_BICARBONATE = 24.0     # mEq/L
NORMAL_ALBUMIN_G_DL = 4.0
ALBUMIN_FACTOR = 2.5          # mEq/L of anion gap per g/dL of albumin (Figge 1998)

KRAUT_2007 = Reference(
    citation="Kraut JA, Madias NE. Serum anion gap: its uses and limitations in clinical medicine. "
             "Clin J Am Soc Nephrol 2007;2:162-174.",
    pmid="17699401", doi="10.2215/CJN.03020906")
FIGGE_1998 = Reference(
    citation="Figge J, Jabor A, Kazda A, Fencl V. Anion gap and hypoalbuminemia. "
             "Crit Care Med 1998;26:1807-1810.",
    pmid="9824071", doi="10.1097/00003246-199811000-00019")
RASTEGAR_2007 = Reference(
    citation="Rastegar A. Use of the ΔAG/ΔHCO3- ratio in the diagnosis of mixed acid-base disorders. "
             "J Am Soc Nephrol 2007;18:2429-2431.",
    pmid="17656477", doi="10.1681/ASN.2006121408")


def anion_gap(sodium: float, chloride: float, bicarbonate: float) -> tuple[float, str]:
    gap = sodium - (chloride + bicarbonate)
    return gap, f"Anion gap = Na - (Cl + HCO3) = {sodium:g} - ({chloride:g} + {bicarbonate:g}) = {gap:.2f} mEq/L"


def albumin_corrected(gap: float, albumin_g_dl: float) -> tuple[float, str]:
    corrected = gap + ALBUMIN_FACTOR * (NORMAL_ALBUMIN_G_DL - albumin_g_dl)
    return corrected, (f"Albumin-corrected AG = AG + 2.5 × (4 - albumin) = {gap:.2f} + 2.5 × (4 - "
                       f"{albumin_g_dl:g}) = {corrected:.2f} mEq/L")


def delta_gap(gap: float) -> tuple[float, str]:
    delta = gap - NORMAL_ANION_GAP
    return delta, f"Delta gap = AG - 12 = {gap:.2f} - 12 = {delta:.2f} mEq/L"


def delta_ratio(gap: float, bicarbonate: float) -> tuple[float, str]:
    fall = NORMAL_BICARBONATE - bicarbonate
    if fall == 0:
        raise InputError("bicarbonate_mmol_l", bicarbonate, "equals the normal 24 mEq/L, so the delta "
                         "ratio (a division by 24 - HCO3) is undefined", accepted="any value other than 24")
    ratio = (gap - NORMAL_ANION_GAP) / fall
    return ratio, (f"Delta ratio = (AG - 12) / (24 - HCO3) = ({gap:.2f} - 12) / (24 - {bicarbonate:g}) "
                   f"= {ratio:.3f}")
