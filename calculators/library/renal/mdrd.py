"""MDRD study equation, IDMS-traceable version (175), Levey et al. 2006."""

from __future__ import annotations

from typing import Annotated

from dxkit.calculators.base import CalcInputs, Calculator, Computation, Reference
from dxkit.calculators.fields import AdultAgeYears, CreatinineMgDl, Sex, flag
from dxkit.calculators.library.renal.ckd_epi_2021 import GFR_BANDS


class Inputs(CalcInputs):
    sex: Sex
    age_years: AdultAgeYears
    creatinine_mg_dl: CreatinineMgDl
    black_race: Annotated[bool, flag("black_race")]


def compute(x: Inputs) -> Computation:
    female = 0.742 if x.sex == "female" else 1.0
    black = 1.212 if x.black_race else 1.0
    gfr = 175 * x.creatinine_mg_dl**-1.154 * x.age_years**-0.203 * female * black
    return Computation(
        value=round(gfr, 3),
        steps=[f"GFR = 175 × Scr^-1.154 × age^-0.203 × {female:g} (female) × {black:g} (Black) = 175 × "
               f"{x.creatinine_mg_dl:.3g}^-1.154 × {x.age_years:g}^-0.203 × {female:g} × {black:g} "
               f"= {gfr:.1f} mL/min/1.73 m²"],
        warnings=["The MDRD equation carries a race coefficient; current guidance (NKF-ASN 2021) "
                  "prefers the race-free CKD-EPI 2021 equation."],
    )


CALCULATOR = Calculator(
    id="mdrd_gfr",
    name="MDRD GFR Equation (IDMS, 175)",
    medcalc_id=9,
    synonyms=("MDRD", "MDRD GFR", "modification of diet in renal disease"),
    Inputs=Inputs,
    compute=compute,
    output_unit="mL/min/1.73 m²",
    kind="formula",
    category="renal",
    purpose="Estimates GFR from serum creatinine (IDMS-calibrated), age, sex and race.",
    population="Adults with chronic kidney disease; less accurate above 60 mL/min/1.73 m².",
    bands=GFR_BANDS,
    triggers=("creatinine", "ckd", "egfr"),
    reference=Reference(
        citation="Levey AS, Coresh J, Greene T, et al. Using standardized serum creatinine values in the "
                 "Modification of Diet in Renal Disease study equation for estimating glomerular filtration "
                 "rate. Ann Intern Med 2006;145:247-254.",
        pmid="16908915", doi="10.7326/0003-4819-145-4-200608150-00004"),
)
