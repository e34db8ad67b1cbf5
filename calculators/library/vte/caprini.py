"""Caprini risk assessment model (2005 form): venous thromboembolism risk in surgical patients."""

from __future__ import annotations

from typing import Annotated, Literal

from dxkit.calculators.base import (
    Band,
    CalcInputs,
    Calculator,
    Choice,
    Computation,
    Measure,
    Reference,
    points_steps,
)
from dxkit.calculators.fields import Sex, flag

SurgeryType = Literal["none", "minor", "major >45 min", "laparoscopic >45 min", "arthroscopic",
                      "elective major lower extremity arthroplasty"]
Mobility = Literal["normal", "bed rest", "confined to bed >72 h"]

_SURGERY = {"none": 0, "minor": 1, "major >45 min": 2, "laparoscopic >45 min": 2, "arthroscopic": 2,
            "elective major lower extremity arthroplasty": 5}
_MOBILITY = {"normal": 0, "bed rest": 1, "confined to bed >72 h": 2}

# (field, label, points): the yes/no items of the 2005 form
FLAG_ITEMS: tuple[tuple[str, str, int], ...] = (
    ("major_surgery_last_month", "Major surgery < 1 month", 1),
    ("chf_last_month", "Congestive heart failure < 1 month", 1),
    ("sepsis_last_month", "Sepsis < 1 month", 1),
    ("pneumonia_last_month", "Serious lung disease incl. pneumonia < 1 month", 1),
    ("copd", "Abnormal pulmonary function (COPD)", 1),
    ("acute_mi", "Acute myocardial infarction", 1),
    ("inflammatory_bowel_disease", "History of inflammatory bowel disease", 1),
    ("varicose_veins", "Varicose veins", 1),
    ("swollen_legs", "Swollen legs (current)", 1),
    ("pregnant_or_postpartum", "Pregnancy or postpartum", 1),
    ("recurrent_spontaneous_abortion", "History of unexplained or recurrent spontaneous abortion", 1),
    ("oral_contraceptives_or_hrt", "Oral contraceptives or hormone replacement", 1),
    ("malignancy", "Malignancy (present or previous)", 2),
    ("plaster_cast_last_month", "Immobilising plaster cast < 1 month", 2),
    ("central_venous_access", "Central venous access", 2),
    ("history_of_vte", "History of DVT/PE", 3),
    ("family_history_of_thrombosis", "Family history of thrombosis", 3),
    ("factor_v_leiden", "Factor V Leiden", 3),
    ("prothrombin_20210a", "Prothrombin 20210A", 3),
    ("lupus_anticoagulant", "Lupus anticoagulant", 3),
    ("anticardiolipin_antibody", "Anticardiolipin antibodies", 3),
    ("elevated_homocysteine", "Elevated serum homocysteine", 3),
    ("heparin_induced_thrombocytopenia", "Heparin-induced thrombocytopenia", 3),
    ("other_thrombophilia", "Other congenital or acquired thrombophilia", 3),
    ("stroke_last_month", "Stroke < 1 month", 5),
    ("hip_pelvis_leg_fracture_last_month", "Hip, pelvis or leg fracture < 1 month", 5),
    ("multiple_trauma_last_month", "Multiple trauma < 1 month", 5),
    ("spinal_cord_injury_last_month", "Acute spinal cord injury (paralysis) < 1 month", 5),
)


class Inputs(CalcInputs):
    age_years: Annotated[float, Measure("year", ge=0, le=125, concept="age", probes=(40, 50, 70, 80))]
    sex: Sex
    surgery_type: Annotated[SurgeryType, Choice(concept="surgery_type", normal="none")]
    mobility: Annotated[Mobility, Choice(concept="mobility", normal="normal")]
    bmi_kg_m2: Annotated[float, Measure("kg/m**2", ge=5, le=150, concept="bmi", probes=(25, 26), normal=22)]
    major_surgery_last_month: Annotated[bool, flag("major_surgery_last_month")]
    chf_last_month: Annotated[bool, flag("chf_history")]
    sepsis_last_month: Annotated[bool, flag("sepsis")]
    pneumonia_last_month: Annotated[bool, flag("pneumonia")]
    copd: Annotated[bool, flag("copd")]
    acute_mi: Annotated[bool, flag("acute_mi")]
    inflammatory_bowel_disease: Annotated[bool, flag("inflammatory_bowel_disease")]
    varicose_veins: Annotated[bool, flag("varicose_veins")]
    swollen_legs: Annotated[bool, flag("leg_swelling")]
    pregnant_or_postpartum: Annotated[bool, flag("pregnancy")]
    recurrent_spontaneous_abortion: Annotated[bool, flag("recurrent_spontaneous_abortion")]
    oral_contraceptives_or_hrt: Annotated[bool, flag("hormone_use")]
    malignancy: Annotated[bool, flag("malignancy_history")]
    plaster_cast_last_month: Annotated[bool, flag("plaster_cast")]
    central_venous_access: Annotated[bool, flag("central_venous_access")]
    history_of_vte: Annotated[bool, flag("previous_vte")]
    family_history_of_thrombosis: Annotated[bool, flag("family_history_thrombosis")]
    factor_v_leiden: Annotated[bool, flag("factor_v_leiden")]
    prothrombin_20210a: Annotated[bool, flag("prothrombin_20210a")]
    lupus_anticoagulant: Annotated[bool, flag("lupus_anticoagulant")]
    anticardiolipin_antibody: Annotated[bool, flag("anticardiolipin_antibody")]
    elevated_homocysteine: Annotated[bool, flag("elevated_homocysteine")]
    heparin_induced_thrombocytopenia: Annotated[bool, flag("heparin_induced_thrombocytopenia")]
    other_thrombophilia: Annotated[bool, flag("thrombophilia")]
    stroke_last_month: Annotated[bool, flag("recent_stroke")]
    hip_pelvis_leg_fracture_last_month: Annotated[bool, flag("hip_pelvis_leg_fracture")]
    multiple_trauma_last_month: Annotated[bool, flag("multiple_trauma")]
    spinal_cord_injury_last_month: Annotated[bool, flag("spinal_cord_injury")]


def _age_points(age: float) -> int:
    return 3 if age >= 75 else 2 if age >= 61 else 1 if age >= 41 else 0


def compute(x: Inputs) -> Computation:
    items = [
        ("Age (41-60: 1, 61-74: 2, >= 75: 3)", f"{x.age_years:g} y", _age_points(x.age_years)),
        ("Type of surgery", x.surgery_type, _SURGERY[x.surgery_type]),
        ("Mobility (bed rest: 1, confined to bed > 72 h: 2)", x.mobility, _MOBILITY[x.mobility]),
        ("BMI > 25 kg/m2", f"{x.bmi_kg_m2:.1f} kg/m2", int(x.bmi_kg_m2 > 25)),
    ]
    items += [(label, True, points) for name, label, points in FLAG_ITEMS if getattr(x, name)]
    warnings = []
    if x.sex == "male" and (x.pregnant_or_postpartum or x.recurrent_spontaneous_abortion):
        warnings.append("Pregnancy-related items were marked for a male patient.")
    return Computation(value=sum(p for *_, p in items), steps=points_steps(items), warnings=warnings)


CALCULATOR = Calculator(
    id="caprini",
    name="Caprini Score for Venous Thromboembolism (2005)",
    medcalc_id=36,
    synonyms=("Caprini", "Caprini RAM", "Caprini VTE"),
    Inputs=Inputs,
    compute=compute,
    output_unit="points",
    kind="score",
    category="vte",
    purpose="Estimates post-operative venous thromboembolism risk to choose prophylaxis.",
    population="Adult surgical patients.",
    bands=(
        Band(label="very low", low=0, high=0, interpretation="Early ambulation."),
        Band(label="low", low=1, high=2, interpretation="Mechanical prophylaxis."),
        Band(label="moderate", low=3, high=4, interpretation="Pharmacological or mechanical prophylaxis."),
        Band(label="high", low=5, interpretation="Pharmacological plus mechanical prophylaxis."),
    ),
    triggers=("surgery", "postoperative", "vte prophylaxis", "thromboprophylaxis"),
    reference=Reference(
        citation="Caprini JA. Thrombosis risk assessment as a guide to quality patient care. "
                 "Dis Mon 2005;51:70-78.",
        pmid="15900257",
        doi="10.1016/j.disamonth.2005.02.003",
    ),
)
