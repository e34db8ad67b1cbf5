"""LDL cholesterol (Friedewald): total cholesterol - HDL - triglycerides / 5, in mg/dL."""

from __future__ import annotations

from dxkit.calculators.base import Band, CalcInputs, Calculator, Computation, Reference
from dxkit.calculators.fields import HdlMgDl, TotalCholesterolMgDl, TriglyceridesMgDl


class Inputs(CalcInputs):
    total_cholesterol_mg_dl: TotalCholesterolMgDl
    hdl_cholesterol_mg_dl: HdlMgDl
    triglycerides_mg_dl: TriglyceridesMgDl


def compute(x: Inputs) -> Computation:
    # TG/5 estimates VLDL cholesterol (mg/dL); invalid when TG > 400 mg/dL
    ldl = x.total_cholesterol_mg_dl - x.hdl_cholesterol_mg_dl - x.triglycerides_mg_dl / 5
    warnings = ["Triglycerides > 400 mg/dL: Friedewald is not valid; measure LDL directly."] \
        if x.triglycerides_mg_dl > 400 else []
    return Computation(value=round(ldl, 4), warnings=warnings, steps=[
        f"LDL = TC - HDL - TG/5 = {x.total_cholesterol_mg_dl:.4g} - {x.hdl_cholesterol_mg_dl:.4g} - "
        f"{x.triglycerides_mg_dl:.4g}/5 = {ldl:.1f} mg/dL"])


CALCULATOR = Calculator(
    id="ldl_friedewald",
    name="LDL Calculated (Friedewald)",
    medcalc_id=44,
    synonyms=("LDL", "Friedewald", "calculated LDL", "LDL cholesterol"),
    Inputs=Inputs,
    compute=compute,
    output_unit="mg/dL",
    kind="formula",
    category="metabolic",
    purpose="Estimates LDL cholesterol from a standard lipid panel.",
    population="Adults with triglycerides up to 400 mg/dL.",
    bands=(
        Band(label="optimal", high=99.999, interpretation="< 100 mg/dL"),
        Band(label="near optimal", low=100, high=129.999, interpretation="100-129 mg/dL"),
        Band(label="borderline high", low=130, high=159.999, interpretation="130-159 mg/dL"),
        Band(label="high", low=160, high=189.999, interpretation="160-189 mg/dL"),
        Band(label="very high", low=190, interpretation=">= 190 mg/dL"),
    ),
    triggers=("cholesterol", "lipid panel", "hyperlipidemia", "statin"),
    reference=Reference(
        citation="Friedewald WT, Levy RI, Fredrickson DS. Estimation of the concentration of low-density "
                 "lipoprotein cholesterol in plasma, without use of the preparative ultracentrifuge. "
                 "Clin Chem 1972;18:499-502.",
        pmid="4337382", doi="10.1093/clinchem/18.6.499"),
)
