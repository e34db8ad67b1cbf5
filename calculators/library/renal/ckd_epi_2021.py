"""CKD-EPI 2021 creatinine equation (race-free), Inker et al. NEJM 2021."""

from __future__ import annotations

from dxkit.calculators.base import Band, CalcInputs, Calculator, Computation, Reference
from dxkit.calculators.fields import AdultAgeYears, CreatinineMgDl, Sex

# (kappa, alpha, sex factor) from Inker 2021, Table 1 / Supplementary Appendix
_COEFFICIENTS = {"female": (0.7, -0.241, 1.012), "male": (0.9, -0.302, 1.0)}

GFR_BANDS = (
    Band(label="G5 kidney failure", high=14.999, interpretation="< 15 mL/min/1.73 m²"),
    Band(label="G4 severely decreased", low=15, high=29.999, interpretation="15-29"),
    Band(label="G3b moderately to severely decreased", low=30, high=44.999, interpretation="30-44"),
    Band(label="G3a mildly to moderately decreased", low=45, high=59.999, interpretation="45-59"),
    Band(label="G2 mildly decreased", low=60, high=89.999, interpretation="60-89"),
    Band(label="G1 normal or high", low=90, interpretation=">= 90"),
)


class Inputs(CalcInputs):
    sex: Sex
    age_years: AdultAgeYears
    creatinine_mg_dl: CreatinineMgDl


def compute(x: Inputs) -> Computation:
    kappa, alpha, sex_factor = _COEFFICIENTS[x.sex]
    ratio = x.creatinine_mg_dl / kappa
    low, high = min(ratio, 1.0), max(ratio, 1.0)
    egfr = 142 * low**alpha * high**-1.200 * 0.9938**x.age_years * sex_factor
    return Computation(value=round(egfr, 3), steps=[
        f"{x.sex}: κ = {kappa}, α = {alpha}, sex factor = {sex_factor}",
        f"Scr/κ = {x.creatinine_mg_dl:.3g} / {kappa} = {ratio:.4f}",
        f"eGFR = 142 × min(Scr/κ,1)^{alpha} × max(Scr/κ,1)^-1.200 × 0.9938^age × {sex_factor}"
        f" = 142 × {low:.4f}^{alpha} × {high:.4f}^-1.2 × 0.9938^{x.age_years:g} × {sex_factor}"
        f" = {egfr:.1f} mL/min/1.73 m²",
    ])


CALCULATOR = Calculator(
    id="ckd_epi_2021",
    name="CKD-EPI Equations for Glomerular Filtration Rate (2021, creatinine)",
    medcalc_id=3,
    synonyms=("CKD-EPI", "eGFR", "CKD EPI 2021", "race-free eGFR", "glomerular filtration rate"),
    Inputs=Inputs,
    compute=compute,
    output_unit="mL/min/1.73 m²",
    kind="formula",
    category="renal",
    purpose="Estimates GFR from serum creatinine, age and sex without a race coefficient.",
    population="Adults (18+) with stable creatinine.",
    bands=GFR_BANDS,
    triggers=("creatinine", "ckd", "egfr", "kidney function"),
    reference=Reference(
        citation="Inker LA, Eneanya ND, Coresh J, et al. New creatinine- and cystatin C-based equations "
                 "to estimate GFR without race. N Engl J Med 2021;385:1737-1749.",
        pmid="34554658", doi="10.1056/NEJMoa2102953"),
)
