"""FIB-4 index: age × AST / (platelets [10⁹/L] × √ALT)."""

from __future__ import annotations

import math

from dxkit.calculators.base import Band, CalcInputs, Calculator, Computation, Reference
from dxkit.calculators.fields import AgeYears, AltUL, AstUL, PlateletsKPerUl


class Inputs(CalcInputs):
    age_years: AgeYears
    ast_u_l: AstUL
    alt_u_l: AltUL
    platelets_k_per_ul: PlateletsKPerUl


def compute(x: Inputs) -> Computation:
    # 10³/µL and 10⁹/L are the same number
    fib4 = x.age_years * x.ast_u_l / (x.platelets_k_per_ul * math.sqrt(x.alt_u_l))
    return Computation(value=round(fib4, 4), steps=[
        f"FIB-4 = age × AST / (platelets × √ALT) = {x.age_years:g} × {x.ast_u_l:g} / ({x.platelets_k_per_ul:.4g}"
        f" × √{x.alt_u_l:g}) = {fib4:.2f}"])


CALCULATOR = Calculator(
    id="fib4",
    name="Fibrosis-4 (FIB-4) Index for Liver Fibrosis",
    medcalc_id=19,
    synonyms=("FIB-4", "FIB4", "fibrosis 4"),
    Inputs=Inputs,
    compute=compute,
    output_unit="index",
    kind="formula",
    category="hepatology",
    purpose="Non-invasive estimate of advanced liver fibrosis.",
    population="Adults with chronic liver disease (derived in HIV/HCV coinfection; used in NAFLD, HCV).",
    bands=(
        Band(label="low probability of advanced fibrosis", high=1.4499, interpretation="< 1.45"),
        Band(label="indeterminate", low=1.45, high=3.25, interpretation="1.45-3.25"),
        Band(label="high probability of advanced fibrosis", low=3.2501, interpretation="> 3.25"),
    ),
    triggers=("cirrhosis", "fibrosis", "hepatitis", "nafld", "fatty liver"),
    reference=Reference(
        citation="Sterling RK, Lissen E, Clumeck N, et al. Development of a simple noninvasive index to "
                 "predict significant fibrosis in patients with HIV/HCV coinfection. "
                 "Hepatology 2006;43:1317-1325.",
        pmid="16729309", doi="10.1002/hep.21178"),
)
