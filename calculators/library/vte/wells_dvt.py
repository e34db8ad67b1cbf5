"""Wells' criteria for deep vein thrombosis: pre-test probability of DVT."""

from __future__ import annotations

from typing import Annotated

from dxkit.calculators.base import Band, CalcInputs, Calculator, Computation, Reference, points_steps
from dxkit.calculators.fields import flag


class Inputs(CalcInputs):
    active_cancer: Annotated[bool, flag("active_cancer")]
    bedridden_3_days_or_major_surgery_12_weeks: Annotated[bool, flag("immobilization")]
    calf_swelling_3_cm: Annotated[bool, flag("calf_swelling")]
    collateral_superficial_veins: Annotated[bool, flag("collateral_superficial_veins")]
    entire_leg_swollen: Annotated[bool, flag("entire_leg_swollen")]
    deep_vein_tenderness: Annotated[bool, flag("deep_vein_tenderness")]
    pitting_edema_symptomatic_leg: Annotated[bool, flag("pitting_edema")]
    paralysis_paresis_or_cast: Annotated[bool, flag("leg_paralysis_or_cast")]
    previous_dvt: Annotated[bool, flag("previous_dvt")]
    alternative_diagnosis_as_likely: Annotated[bool, flag("alternative_diagnosis_as_likely")]


def compute(x: Inputs) -> Computation:
    items = [
        ("Active cancer", x.active_cancer, int(x.active_cancer)),
        ("Bedridden > 3 days or major surgery within 12 weeks", x.bedridden_3_days_or_major_surgery_12_weeks,
         int(x.bedridden_3_days_or_major_surgery_12_weeks)),
        ("Calf swelling > 3 cm versus the other leg", x.calf_swelling_3_cm, int(x.calf_swelling_3_cm)),
        ("Collateral (non-varicose) superficial veins", x.collateral_superficial_veins,
         int(x.collateral_superficial_veins)),
        ("Entire leg swollen", x.entire_leg_swollen, int(x.entire_leg_swollen)),
        ("Localised tenderness along the deep venous system", x.deep_vein_tenderness,
         int(x.deep_vein_tenderness)),
        ("Pitting oedema confined to the symptomatic leg", x.pitting_edema_symptomatic_leg,
         int(x.pitting_edema_symptomatic_leg)),
        ("Paralysis, paresis or recent plaster cast of the leg", x.paralysis_paresis_or_cast,
         int(x.paralysis_paresis_or_cast)),
        ("Previously documented DVT", x.previous_dvt, int(x.previous_dvt)),
        ("Alternative diagnosis at least as likely", x.alternative_diagnosis_as_likely,
         -2 * x.alternative_diagnosis_as_likely),
    ]
    steps = points_steps(items) + ["Two-tier (2003): DVT likely if >= 2, unlikely if < 2."]
    return Computation(value=sum(p for *_, p in items), steps=steps)


CALCULATOR = Calculator(
    id="wells_dvt",
    name="Wells' Criteria for DVT",
    medcalc_id=16,
    synonyms=("Wells DVT", "Wells score deep vein thrombosis"),
    Inputs=Inputs,
    compute=compute,
    output_unit="points",
    kind="score",
    category="vte",
    purpose="Estimates the pre-test probability of lower-limb deep vein thrombosis.",
    population="Outpatients with suspected lower-extremity DVT.",
    bands=(
        Band(label="low probability", low=-2, high=0, interpretation="Three-tier model (1997): <= 0."),
        Band(label="moderate probability", low=1, high=2, interpretation="Three-tier model: 1-2."),
        Band(label="high probability", low=3, interpretation="Three-tier model: >= 3."),
    ),
    triggers=("deep vein thrombosis", "dvt", "leg swelling", "calf", "unilateral edema"),
    reference=Reference(
        citation="Wells PS, Anderson DR, Rodger M, et al. Evaluation of D-dimer in the diagnosis of "
                 "suspected deep-vein thrombosis. N Engl J Med 2003;349:1227-1235.",
        pmid="14507948",
        doi="10.1056/NEJMoa023153",
    ),
    extra_references=(Reference(
        citation="Wells PS, Anderson DR, Bormanis J, et al. Value of assessment of pretest probability "
                 "of deep-vein thrombosis in clinical management. Lancet 1997;350:1795-1798.",
        pmid="9428249", doi="10.1016/S0140-6736(97)08140-3"),),
)
