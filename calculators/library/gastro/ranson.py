"""Ranson's criteria for non-gallstone acute pancreatitis (admission and 48 hours)."""

from __future__ import annotations

from typing import Annotated

from dxkit.calculators.base import Band, CalcInputs, Calculator, Computation, Measure, Reference, points_steps


def _m(unit: str, ge: float, le: float, concept: str, probes: tuple[float, ...], normal: float | None,
       analyte: str | None = None) -> Measure:
    return Measure(unit, ge=ge, le=le, concept=concept, probes=probes, normal=normal, analyte=analyte)


class Inputs(CalcInputs):
    # at admission
    age_years: Annotated[float, _m("year", 0, 125, "age", (55, 56), None)]
    wbc_k_per_ul: Annotated[float, _m("1e3 count/uL", 0.05, 500, "wbc", (16, 16.1), 8)]
    glucose_mg_dl: Annotated[float, _m("mg/dL", 5, 3000, "glucose", (200, 201), 100, "glucose")]
    ldh_u_l: Annotated[float, _m("U/L", 1, 30000, "ldh", (350, 351), 200)]
    ast_u_l: Annotated[float, _m("U/L", 1, 30000, "ast", (250, 251), 30)]
    # during the first 48 hours
    hematocrit_fall_pct_points: Annotated[float, _m("percent", -60, 60, "hematocrit_fall", (10, 11), 0)]
    bun_rise_mg_dl: Annotated[float, _m("mg/dL", -200, 200, "bun_rise", (5, 6), 0)]
    calcium_mg_dl: Annotated[float, _m("mg/dL", 2, 25, "calcium", (7.9, 8), 9.5, "calcium")]
    pao2_mm_hg: Annotated[float, _m("mmHg", 10, 700, "pao2", (59, 60), 90)]
    base_deficit_meq_l: Annotated[float, _m("mmol/L", -40, 40, "base_deficit", (4, 5), 0)]
    fluid_sequestration_l: Annotated[float, _m("L", -20, 40, "fluid_sequestration", (6, 7), 2)]


def compute(x: Inputs) -> Computation:
    admission = [
        ("Age > 55", f"{x.age_years:g} y", int(x.age_years > 55)),
        ("WBC > 16 x10^3/uL", f"{x.wbc_k_per_ul:g}", int(x.wbc_k_per_ul > 16)),
        ("Glucose > 200 mg/dL", f"{x.glucose_mg_dl:g} mg/dL", int(x.glucose_mg_dl > 200)),
        ("LDH > 350 U/L", f"{x.ldh_u_l:g} U/L", int(x.ldh_u_l > 350)),
        ("AST > 250 U/L", f"{x.ast_u_l:g} U/L", int(x.ast_u_l > 250)),
    ]
    at_48h = [
        ("Haematocrit fall > 10 points", f"{x.hematocrit_fall_pct_points:g}", int(x.hematocrit_fall_pct_points > 10)),
        ("BUN rise > 5 mg/dL", f"{x.bun_rise_mg_dl:g} mg/dL", int(x.bun_rise_mg_dl > 5)),
        ("Calcium < 8 mg/dL", f"{x.calcium_mg_dl:g} mg/dL", int(x.calcium_mg_dl < 8)),
        ("PaO2 < 60 mmHg", f"{x.pao2_mm_hg:g} mmHg", int(x.pao2_mm_hg < 60)),
        ("Base deficit > 4 mEq/L", f"{x.base_deficit_meq_l:g}", int(x.base_deficit_meq_l > 4)),
        ("Fluid sequestration > 6 L", f"{x.fluid_sequestration_l:g} L", int(x.fluid_sequestration_l > 6)),
    ]
    steps = ["At admission:"] + points_steps(admission)[:-1] + ["At 48 hours:"] + points_steps(at_48h)[:-1]
    total = sum(p for *_, p in admission + at_48h)
    steps.append(f"Total = {total}")
    return Computation(value=total, steps=steps)


CALCULATOR = Calculator(
    id="ranson",
    name="Ranson's Criteria for Pancreatitis Mortality",
    synonyms=("Ranson", "Ranson criteria", "Ranson's score"),
    Inputs=Inputs,
    compute=compute,
    output_unit="criteria",
    kind="score",
    category="gastroenterology",
    purpose="Estimates mortality in acute (non-gallstone) pancreatitis from admission and 48-hour findings.",
    population="Adults with acute pancreatitis not caused by gallstones (the 1974 criteria).",
    bands=(
        Band(label="0-2", low=0, high=2, interpretation="Mortality about 0-3%."),
        Band(label="3-4", low=3, high=4, interpretation="Mortality about 15%."),
        Band(label="5-6", low=5, high=6, interpretation="Mortality about 40%."),
        Band(label=">= 7", low=7, high=11, interpretation="Mortality approaching 100%."),
    ),
    triggers=("pancreatitis", "lipase", "amylase"),
    reference=Reference(
        citation="Ranson JH, Rifkind KM, Roses DF, Fink SD, Eng K, Spencer FC. Prognostic signs and the "
                 "role of operative management in acute pancreatitis. Surg Gynecol Obstet 1974;139:69-81.",
        pmid="4834279",
    ),
)
