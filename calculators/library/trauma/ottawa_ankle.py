"""Ottawa ankle and foot rules: who needs radiographs after an ankle injury."""

from __future__ import annotations

from typing import Annotated

from dxkit.calculators.base import CalcInputs, Calculator, Computation, Reference
from dxkit.calculators.fields import flag


class Inputs(CalcInputs):
    malleolar_zone_pain: Annotated[bool, flag("malleolar_pain")]
    lateral_malleolus_tenderness: Annotated[bool, flag("lateral_malleolus_tenderness")]  # posterior edge or tip
    medial_malleolus_tenderness: Annotated[bool, flag("medial_malleolus_tenderness")]
    midfoot_zone_pain: Annotated[bool, flag("midfoot_pain")]
    fifth_metatarsal_base_tenderness: Annotated[bool, flag("fifth_metatarsal_tenderness")]
    navicular_tenderness: Annotated[bool, flag("navicular_tenderness")]
    unable_to_bear_weight: Annotated[bool, flag("unable_to_bear_weight")]  # 4 steps, at injury and in the ED


def compute(x: Inputs) -> Computation:
    ankle = x.malleolar_zone_pain and (x.lateral_malleolus_tenderness or x.medial_malleolus_tenderness
                                       or x.unable_to_bear_weight)
    foot = x.midfoot_zone_pain and (x.fifth_metatarsal_base_tenderness or x.navicular_tenderness
                                    or x.unable_to_bear_weight)
    series = [name for name, needed in (("ankle", ankle), ("foot", foot)) if needed]
    verdict = f"{' and '.join(series)} x-ray indicated" if series else "no x-ray indicated"
    steps = [
        f"Ankle series: malleolar pain {x.malleolar_zone_pain} and (lateral {x.lateral_malleolus_tenderness} or "
        f"medial {x.medial_malleolus_tenderness} malleolar tenderness or unable to bear weight "
        f"{x.unable_to_bear_weight}) -> {ankle}",
        f"Foot series: midfoot pain {x.midfoot_zone_pain} and (5th metatarsal base "
        f"{x.fifth_metatarsal_base_tenderness} or navicular {x.navicular_tenderness} tenderness or unable to bear "
        f"weight {x.unable_to_bear_weight}) -> {foot}",
        f"Result: {verdict}",
    ]
    return Computation(value=verdict, steps=steps, band=verdict)


CALCULATOR = Calculator(
    id="ottawa_ankle",
    name="Ottawa Ankle Rule",
    synonyms=("Ottawa ankle rules", "Ottawa foot rule", "ankle x-ray rule"),
    Inputs=Inputs,
    compute=compute,
    output_unit="recommendation",
    kind="rule",
    category="trauma",
    purpose="Decides whether ankle or foot radiographs are needed after acute ankle injury.",
    population="Adults with acute ankle injury (validated from age 18; used in children from 5).",
    triggers=("ankle injury", "ankle sprain", "twisted ankle", "inversion injury"),
    reference=Reference(
        citation="Stiell IG, Greenberg GH, McKnight RD, et al. Decision rules for the use of radiography "
                 "in acute ankle injuries. Refinement and prospective validation. JAMA 1993;269:1127-1132.",
        pmid="8433468",
        doi="10.1001/jama.269.9.1127",
    ),
)
