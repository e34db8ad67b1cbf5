"""SIRS criteria: count of systemic inflammatory response criteria (ACCP/SCCM 1992)."""

from __future__ import annotations

from typing import Annotated

from dxkit.calculators.base import Band, CalcInputs, Calculator, Computation, Measure, Reference, points_steps


class Inputs(CalcInputs):
    temperature_c: Annotated[float, Measure("degC", ge=20, le=46, concept="temperature",
                                            probes=(35.9, 37, 38.1), normal=37)]
    heart_rate_per_min: Annotated[float, Measure("1/min", ge=0, le=350, concept="heart_rate",
                                                 probes=(90, 91), normal=80)]
    respiratory_rate_per_min: Annotated[float, Measure("1/min", ge=0, le=120, concept="respiratory_rate",
                                                       probes=(20, 21), normal=16)]
    paco2_mm_hg: Annotated[float, Measure("mmHg", ge=5, le=200, concept="paco2", probes=(31, 32), normal=40)]
    wbc_k_per_ul: Annotated[float, Measure("1e3 count/uL", ge=0.05, le=500, concept="wbc",
                                           probes=(3.9, 8, 12.1), normal=8)]
    band_forms_pct: Annotated[float, Measure("percent", ge=0, le=100, concept="band_forms", probes=(0, 11),
                                             normal=0)]


def compute(x: Inputs) -> Computation:
    temperature = x.temperature_c > 38 or x.temperature_c < 36
    heart_rate = x.heart_rate_per_min > 90
    breathing = x.respiratory_rate_per_min > 20 or x.paco2_mm_hg < 32
    white_cells = x.wbc_k_per_ul > 12 or x.wbc_k_per_ul < 4 or x.band_forms_pct > 10
    items = [
        ("Temperature > 38 or < 36 degC", f"{x.temperature_c:.1f} degC", int(temperature)),
        ("Heart rate > 90/min", f"{x.heart_rate_per_min:g}/min", int(heart_rate)),
        ("Respiratory rate > 20/min or PaCO2 < 32 mmHg",
         f"{x.respiratory_rate_per_min:g}/min, PaCO2 {x.paco2_mm_hg:g}", int(breathing)),
        ("WBC > 12 or < 4 x10^3/uL or bands > 10%", f"{x.wbc_k_per_ul:g} x10^3/uL, bands {x.band_forms_pct:g}%",
         int(white_cells)),
    ]
    return Computation(value=sum(p for *_, p in items), steps=points_steps(items))


CALCULATOR = Calculator(
    id="sirs",
    name="SIRS Criteria",
    medcalc_id=51,
    synonyms=("SIRS", "systemic inflammatory response syndrome"),
    Inputs=Inputs,
    compute=compute,
    output_unit="criteria",
    kind="rule",
    category="critical care",
    purpose="Counts SIRS criteria; two or more define SIRS (with a source of infection, sepsis-1).",
    population="Adults with suspected systemic inflammation or infection.",
    bands=(
        Band(label="SIRS absent", low=0, high=1, interpretation="Fewer than 2 criteria."),
        Band(label="SIRS present", low=2, high=4, interpretation="2 or more criteria."),
    ),
    triggers=("sepsis", "fever", "infection", "tachycardia", "leukocytosis"),
    reference=Reference(
        citation="Bone RC, Balk RA, Cerra FB, et al. Definitions for sepsis and organ failure and "
                 "guidelines for the use of innovative therapies in sepsis. The ACCP/SCCM Consensus "
                 "Conference Committee. Chest 1992;101:1644-1655.",
        pmid="1303622",
        doi="10.1378/chest.101.6.1644",
    ),
)
