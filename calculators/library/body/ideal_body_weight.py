"""Ideal body weight (Devine formula)."""

from __future__ import annotations

from dxkit.calculators.base import CalcInputs, Calculator, Computation, Reference
from dxkit.calculators.fields import HeightCm, Sex
from dxkit.calculators.library.body._weights import ideal_body_weight


class Inputs(CalcInputs):
    sex: Sex
    height_cm: HeightCm


def compute(x: Inputs) -> Computation:
    ibw, step = ideal_body_weight(x.sex, x.height_cm)
    warnings = ["Devine's formula is defined for heights of 5 ft (152.4 cm) and above."] \
        if x.height_cm < 152.4 else []
    return Computation(value=round(ibw, 3), steps=[step], warnings=warnings)


CALCULATOR = Calculator(
    id="ideal_body_weight",
    name="Ideal Body Weight (Devine)",
    medcalc_id=10,
    synonyms=("IBW", "ideal weight", "Devine formula"),
    Inputs=Inputs,
    compute=compute,
    output_unit="kg",
    kind="formula",
    category="body composition",
    purpose="Estimates ideal body weight from height and sex, for drug dosing and ventilator settings.",
    population="Adults at least 5 ft (152 cm) tall.",
    triggers=("ideal body weight", "tidal volume", "dosing weight"),
    reference=Reference(
        citation="Pai MP, Paloucek FP. The origin of the 'ideal' body weight equations. "
                 "Ann Pharmacother 2000;34:1066-1069 (on Devine BJ, Drug Intell Clin Pharm 1974;8:650-655).",
        pmid="10981254",
        doi="10.1345/aph.19381",
    ),
)
