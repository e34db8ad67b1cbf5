"""MedCalc-Bench adapters for the point scores (cardiology, VTE, critical care, liver, ...).

Each adapter renames MedCalc's entity keys to the calculator's inputs and maps categorical
strings by general word rules (never by row). Where MedCalc splits one published criterion
into two entities (prior PE / prior DVT), both are passed and the calculator combines them;
where two MedCalc entities mean the same criterion (stroke / TIA / thromboembolism), the
adapter ORs them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from dxkit.errors import InputError
from dxkit.evals.medcalc.adapters.common import (
    Entities,
    compact,
    count,
    first,
    normalise_words,
    quantity,
    sex,
    value_only,
    yes_no,
)


def any_yes(entities: Entities, *keys: str) -> bool | None:
    """True if any key is True; False if some key is present and none is True; None if none present."""
    answers = [yes_no(entities, key) for key in keys]
    present = [a for a in answers if a is not None]
    return any(present) if present else None


def by_words(entities: Entities, key: str, rules: list[tuple[tuple[str, ...], str]]) -> str | None:
    """Map a categorical string to an option: the first rule whose words all occur in the text."""
    raw = first(entities, key)
    if raw is None:
        return None
    text = normalise_words(str(raw))
    for words, option in rules:
        if all(word in text for word in words):
            return option
    raise InputError(key, raw, "is not a recognised option", accepted="; ".join(o for _, o in rules))


def white_cell_count(entities: Entities, key: str = "White blood cell count") -> list[Any] | None:
    """WBC as a count. MedCalc writes "per µL" as a bare volume; "m^3" is its spelling of mm^3.

    A bare "L" is read as per µL when the number is a plausible per-µL count (> 100): per litre
    it would be a million times below any living patient's count.
    """
    pair = quantity(entities, key)
    if not isinstance(pair, list):
        return pair
    value, unit = pair
    unit_key = str(unit).strip().lower()
    if unit_key in {"m^3", "m3"} or (unit_key == "l" and float(value) > 100):
        return [value, "count/uL"]
    return count(entities, key)


def fio2(entities: Entities, key: str = "FiO₂") -> Any:
    """FiO2 as given; a bare number of at most 1 is a fraction (0.6), not 0.6 percent."""
    raw = quantity(entities, key)
    if isinstance(raw, int | float) and not isinstance(raw, bool) and raw <= 1:
        return [raw, "fraction"]
    return raw


# ---------------------------------------------------------------- cardiology
def cha2ds2_vasc(e: Entities) -> dict[str, Any]:
    return compact({
        "age_years": quantity(e, "age"),
        "sex": sex(e),
        "chf_history": yes_no(e, "Congestive Heart Faliure", "Congestive Heart Failure"),
        "hypertension": yes_no(e, "Hypertension history"),
        "stroke_tia_thromboembolism_history": any_yes(e, "Stroke", "Transient Ischemic Attacks History",
                                                      "Thromboembolism history"),
        "vascular_disease": yes_no(e, "Vascular disease history"),
        "diabetes": yes_no(e, "Diabetes history"),
    })


def rcri(e: Entities) -> dict[str, Any]:
    return compact({
        "high_risk_surgery": yes_no(e, "Elevated-risk surgery"),
        "ischemic_heart_disease": yes_no(e, "History of ischemic heart disease"),
        "chf_history": yes_no(e, "Congestive Heart Failure criteria for the Cardiac Risk Index rule"),
        "cerebrovascular_disease": any_yes(e, "History of cerebrovascular disease", "Cerebrovascular disease history"),
        "insulin_treatment": yes_no(e, "Pre-operative treatment with insulin"),
        "creatinine_mg_dl": quantity(e, "Pre-operative creatinine", "creatinine"),
    })


_HISTORY_RULES = [(("slight",), "slightly suspicious"), (("moderate",), "moderately suspicious"),
                  (("high",), "highly suspicious")]
_ECG_RULES = [(("normal",), "normal"), (("non", "specific"), "non-specific repolarization disturbance"),
              (("repolarization",), "non-specific repolarization disturbance"),
              (("st",), "significant st deviation")]
_TROPONIN_RULES = [(("greater", "three"), "> 3x normal limit"), (("between",), "1-3x normal limit"),
                   (("up to", "three"), "1-3x normal limit"), (("less", "normal"), "<= normal limit")]


def _ecg(e: Entities) -> str | None:
    raw = first(e, "Electrocardiogram Test")
    if raw is not None and normalise_words(str(raw)) == "normal":
        return "normal"
    return by_words(e, "Electrocardiogram Test", _ECG_RULES[1:])


def heart_score(e: Entities) -> dict[str, Any]:
    return compact({
        "history": by_words(e, "Suspicion History", _HISTORY_RULES),
        "ecg": _ecg(e),
        "age_years": quantity(e, "age"),
        "hypertension": yes_no(e, "Hypertension history"),
        "hypercholesterolemia": yes_no(e, "hypercholesterolemia"),
        "diabetes": yes_no(e, "Diabetes mellitus criteria for CCI rule", "Diabetes history"),
        "obesity": yes_no(e, "obesity"),
        "smoking": yes_no(e, "smoking"),
        "family_history_cad": yes_no(e, "parent or sibling with Cardiovascular disease before age 65"),
        # known atherosclerotic disease includes prior stroke/TIA
        "atherosclerotic_disease": any_yes(e, "atherosclerotic disease", "Transient Ischemic Attacks History"),
        "initial_troponin": by_words(e, "Initial troponin", _TROPONIN_RULES),
    })


def has_bled(e: Entities) -> dict[str, Any]:
    return compact({
        "hypertension": yes_no(e, "Hypertension history"),
        "renal_disease": yes_no(e, "Renal disease criteria for the HAS-BLED rule"),
        "liver_disease": yes_no(e, "Liver disease criteria for the HAS-BLED rule"),
        "stroke_history": yes_no(e, "Stroke"),
        "bleeding_history": yes_no(e, "Prior major bleeding or predisposition to bleeding"),
        "labile_inr": yes_no(e, "Labile international normalized ratio"),
        "age_years": quantity(e, "age"),
        "bleeding_medication": yes_no(e, "Medication usage predisposing to bleeding"),
        "alcohol_drinks_per_week": value_only(e, "Number of Alcoholic Drinks Per Week"),
    })


def framingham(e: Entities) -> dict[str, Any]:
    return compact({
        "age_years": quantity(e, "age"),
        "sex": sex(e),
        "smoker": yes_no(e, "Smoker"),
        "total_cholesterol_mg_dl": quantity(e, "Total cholesterol"),
        "hdl_cholesterol_mg_dl": quantity(e, "high-density lipoprotein cholesterol"),
        "systolic_bp_mm_hg": quantity(e, "Systolic Blood Pressure"),
        "bp_treated": yes_no(e, "Blood pressure being treated with medicines"),
    })


# ---------------------------------------------------------------- VTE
def wells_pe(e: Entities) -> dict[str, Any]:
    return compact({
        "dvt_signs_symptoms": yes_no(e, "Clinical signs and symptoms of Deep Vein Thrombosis"),
        "pe_most_likely_diagnosis": yes_no(e, "Pulmonary Embolism is #1 diagnosis OR equally likely"),
        "heart_rate_per_min": quantity(e, "Heart Rate or Pulse"),
        "immobilization_3_days": yes_no(e, "Immobilization for at least 3 days"),
        "surgery_previous_4_weeks": yes_no(e, "Surgery in the previous 4 weeks"),
        "previous_pe": yes_no(e, "Previously Documented Pulmonary Embolism"),
        "previous_dvt": yes_no(e, "Previously documented Deep Vein Thrombosis"),
        "hemoptysis": yes_no(e, "Hemoptysis"),
        "active_cancer": yes_no(e, "Malignancy with treatment within 6 months or palliative"),
    })


def wells_dvt(e: Entities) -> dict[str, Any]:
    return compact({
        "active_cancer": yes_no(e, "Active cancer"),
        "bedridden_3_days_or_major_surgery_12_weeks": any_yes(
            e, "Bedridden recently >3 days or major surgery within 12 weeks", "Major surgery within 12 weeks"),
        "calf_swelling_3_cm": yes_no(e, "Calf swelling >3 centimeters compared to the other leg"),
        "collateral_superficial_veins": yes_no(e, "Collateral (nonvaricose) superficial veins present"),
        "entire_leg_swollen": yes_no(e, "Entire Leg Swollen"),
        "deep_vein_tenderness": yes_no(e, "Localized tenderness along the deep venous system"),
        "pitting_edema_symptomatic_leg": yes_no(e, "Pitting edema, confined to symptomatic leg"),
        "paralysis_paresis_or_cast": yes_no(
            e, "Paralysis, paresis, or recent plaster immobilization of the lower extremity"),
        "previous_dvt": yes_no(e, "Previously documented Deep Vein Thrombosis"),
        "alternative_diagnosis_as_likely": yes_no(
            e, "Alternative diagnosis to Deep Vein Thrombosis as likely or more likely"),
    })


def perc(e: Entities) -> dict[str, Any]:
    return compact({
        "age_years": quantity(e, "age"),
        "heart_rate_per_min": quantity(e, "Heart Rate or Pulse"),
        "oxygen_saturation_pct": quantity(e, "O₂ saturation percentage"),
        "unilateral_leg_swelling": yes_no(e, "Unilateral Leg Swelling"),
        "hemoptysis": yes_no(e, "Hemoptysis"),
        "recent_surgery_or_trauma": yes_no(e, "Recent surgery or trauma"),
        "previous_pe": yes_no(e, "Previously Documented Pulmonary Embolism"),
        "previous_dvt": yes_no(e, "Previously documented Deep Vein Thrombosis"),
        "hormone_use": yes_no(e, "Hormone use"),
    })


_CAPRINI_SURGERY = [(("arthroplasty",), "elective major lower extremity arthroplasty"),
                    (("laparoscopic",), "laparoscopic >45 min"), (("arthroscopic",), "arthroscopic"),
                    (("major",), "major >45 min"), (("minor",), "minor"), (("none",), "none"), (("no",), "none")]
_CAPRINI_MOBILITY = [(("72",), "confined to bed >72 h"), (("confined",), "confined to bed >72 h"),
                     (("bed", "rest"), "bed rest"), (("normal",), "normal"), (("ambulatory",), "normal")]

_CAPRINI_FLAGS = {
    "major_surgery_last_month": ("Major Surgery in the last month",),
    "chf_last_month": ("Congestive Heart Failure in the last month",),
    "sepsis_last_month": ("Sepsis in the last month",),
    "pneumonia_last_month": ("Pneumonia in the last month",),
    "copd": ("Chronic Obstructive Pulmonary Disease",),
    "acute_mi": ("Acute Myocardial infarction",),
    "inflammatory_bowel_disease": ("History of inflammatory bowel disease",),
    "varicose_veins": ("Varicose veins",),
    "swollen_legs": ("Current swollen legs",),
    "malignancy": ("Present or previous malignancy",),
    "plaster_cast_last_month": ("Immobilizing plaster cast in the last month",),
    "central_venous_access": ("Current central venous access",),
    "history_of_vte": ("Previously documented Deep Vein Thrombosis", "Previously Documented Pulmonary Embolism"),
    "family_history_of_thrombosis": ("Family history of thrombosis",),
    "factor_v_leiden": ("Positive Factor V Leiden",),
    "prothrombin_20210a": ("Positive prothrombin 20210A",),
    "lupus_anticoagulant": ("Positive lupus anticoagulant",),
    "anticardiolipin_antibody": ("Elevated anticardiolipin antibody",),
    "elevated_homocysteine": ("Elevated serum homocysteine",),
    "heparin_induced_thrombocytopenia": ("Heparin-induced thrombocytopenia",),
    "other_thrombophilia": ("Other congenital or acquired thrombophilia",),
    "stroke_last_month": ("Stroke in the last month",),
    "hip_pelvis_leg_fracture_last_month": ("Hip, pelvis, or leg fracture in the last month",),
    "multiple_trauma_last_month": ("Multiple trauma in the last month",),
    "spinal_cord_injury_last_month": ("Acute spinal cord injury causing paralysis in the last month",),
}


def caprini(e: Entities) -> dict[str, Any]:
    inputs: dict[str, Any] = {
        "age_years": quantity(e, "age"),
        "sex": sex(e),
        "surgery_type": by_words(e, "Surgery Type", _CAPRINI_SURGERY),
        "mobility": by_words(e, "Mobility", _CAPRINI_MOBILITY),
        "bmi_kg_m2": quantity(e, "Body Mass Index (BMI)"),
    }
    inputs |= {name: any_yes(e, *keys) for name, keys in _CAPRINI_FLAGS.items()}
    return compact(inputs)


# ---------------------------------------------------------------- liver, GI
_ASCITES = [(("absent",), "absent"), (("none",), "absent"), (("no",), "absent"), (("slight",), "slight"),
            (("mild",), "slight"), (("moderate",), "moderate"), (("severe",), "moderate"), (("large",), "moderate")]
_ENCEPHALOPATHY = [(("no",), "none"), (("grade 0",), "none"), (("none",), "none"), (("3",), "grade 3-4"),
                   (("4",), "grade 3-4"), (("1",), "grade 1-2"), (("2",), "grade 1-2")]


def child_pugh(e: Entities) -> dict[str, Any]:
    return compact({
        "bilirubin_mg_dl": quantity(e, "Bilirubin"),
        "albumin_g_dl": quantity(e, "Albumin"),
        "inr": value_only(e, "international normalized ratio"),
        "ascites": by_words(e, "Ascites", _ASCITES),
        "encephalopathy": by_words(e, "Encephalopathy", _ENCEPHALOPATHY),
    })


def meld_na(e: Entities) -> dict[str, Any]:
    return compact({
        "creatinine_mg_dl": quantity(e, "creatinine"),
        "bilirubin_mg_dl": quantity(e, "Bilirubin"),
        "inr": value_only(e, "international normalized ratio"),
        "sodium_mmol_l": quantity(e, "Sodium"),
        "dialysis_twice_past_week": yes_no(e, "Dialysis at least twice in the past week"),
        "cvvhd_24h_past_week": yes_no(e, "Continuous veno-venous hemodialysis for ≥24 hours in the past week"),
    })


def glasgow_blatchford(e: Entities) -> dict[str, Any]:
    return compact({
        "bun_mmol_l": quantity(e, "Blood Urea Nitrogen (BUN)"),
        "hemoglobin_g_dl": quantity(e, "Hemoglobin"),
        "sex": sex(e),
        "systolic_bp_mm_hg": quantity(e, "Systolic Blood Pressure"),
        "heart_rate_per_min": quantity(e, "Heart Rate or Pulse"),
        "melena": yes_no(e, "Melena present"),
        "syncope": yes_no(e, "Recent syncope"),
        "hepatic_disease": yes_no(e, "Hepatic disease history"),
        "cardiac_failure": yes_no(e, "Cardiac failure present"),
    })


# ---------------------------------------------------------------- neurology
_EYE = [(("spontan",), "spontaneous"), (("verbal",), "to sound"), (("sound",), "to sound"),
        (("speech",), "to sound"), (("pain",), "to pain"), (("pressure",), "to pain"), (("no",), "none")]
_VERBAL = [(("oriented",), "oriented"), (("confused",), "confused"), (("inappropriate",), "inappropriate words"),
           (("incomprehensible",), "incomprehensible sounds"), (("sounds",), "incomprehensible sounds"),
           (("no",), "none")]
_MOTOR = [(("obey",), "obeys commands"), (("locali",), "localizes pain"), (("withdraw",), "withdraws from pain"),
          (("extension",), "extension"), (("extensor",), "extension"), (("flexion",), "abnormal flexion"),
          (("decorticate",), "abnormal flexion"), (("decerebrate",), "extension"), (("no",), "none")]


def gcs(e: Entities) -> dict[str, Any]:
    return compact({
        "eye": by_words(e, "Best eye response", _EYE),
        "verbal": by_words(e, "Best verbal response", _VERBAL),
        "motor": by_words(e, "Best motor response", _MOTOR),
    })


# ---------------------------------------------------------------- infection, pulmonary
def centor(e: Entities) -> dict[str, Any]:
    return compact({
        "age_years": quantity(e, "age"),
        "temperature_c": quantity(e, "Temperature"),
        "tonsillar_exudate_or_swelling": yes_no(e, "Exudate or swelling on tonsils"),
        "tender_anterior_cervical_nodes": yes_no(e, "Tender/swollen anterior cervical lymph nodes"),
        "cough_absent": yes_no(e, "Cough Absent"),
    })


def feverpain(e: Entities) -> dict[str, Any]:
    return compact({
        "fever_past_24h": yes_no(e, "Fever in past 24 hours"),
        "purulent_tonsils": yes_no(e, "Purulent tonsils"),
        "attended_within_3_days": yes_no(e, "Symptom onset ≤3 days"),
        "severely_inflamed_tonsils": yes_no(e, "Severe tonsil inflammation"),
        "no_cough_or_coryza": yes_no(e, "Absence of cough or coryza"),
    })


def curb65(e: Entities) -> dict[str, Any]:
    return compact({
        "confusion": yes_no(e, "Confusion"),
        "bun_mg_dl": quantity(e, "Blood Urea Nitrogen (BUN)"),
        "respiratory_rate_per_min": quantity(e, "respiratory rate"),
        "systolic_bp_mm_hg": quantity(e, "Systolic Blood Pressure"),
        "diastolic_bp_mm_hg": quantity(e, "Diastolic Blood Pressure"),
        "age_years": quantity(e, "age"),
    })


def psi(e: Entities) -> dict[str, Any]:
    return compact({
        "age_years": quantity(e, "age"),
        "sex": sex(e),
        "nursing_home_resident": yes_no(e, "Nursing home resident"),
        "neoplastic_disease": yes_no(e, "Neoplastic disease"),
        "liver_disease": yes_no(e, "Liver disease severity"),
        "chf_history": yes_no(e, "Congestive Heart Faliure", "Congestive Heart Failure"),
        "cerebrovascular_disease": yes_no(e, "Cerebrovascular disease history"),
        "renal_disease": yes_no(e, "Renal disease"),
        "altered_mental_status": yes_no(e, "Altered mental status"),
        "respiratory_rate_per_min": quantity(e, "respiratory rate"),
        "systolic_bp_mm_hg": quantity(e, "Systolic Blood Pressure"),
        "temperature_c": quantity(e, "Temperature"),
        "heart_rate_per_min": quantity(e, "Heart Rate or Pulse"),
        "arterial_ph": value_only(e, "pH"),
        "bun_mg_dl": quantity(e, "Blood Urea Nitrogen (BUN)"),
        "sodium_mmol_l": quantity(e, "Sodium"),
        "glucose_mg_dl": quantity(e, "Glucose"),
        "hematocrit_pct": quantity(e, "Hematocrit"),
        "pao2_mm_hg": quantity(e, "Partial pressure of oxygen (PaO₂) for Apache II", "Partial pressure of oxygen"),
        "pleural_effusion": yes_no(e, "Pleural effusion on x-ray"),
    })


# ---------------------------------------------------------------- critical care
_ADMISSION = [(("elective",), "elective postoperative"), (("emergency",), "emergency postoperative"),
              (("nonoperative",), "nonoperative"), (("non operative",), "nonoperative")]


def apache_ii(e: Entities) -> dict[str, Any]:
    return compact({
        "age_years": quantity(e, "age"),
        "temperature_c": quantity(e, "Temperature"),
        "systolic_bp_mm_hg": quantity(e, "Systolic Blood Pressure"),
        "diastolic_bp_mm_hg": quantity(e, "Diastolic Blood Pressure"),
        "heart_rate_per_min": quantity(e, "Heart Rate or Pulse"),
        "respiratory_rate_per_min": quantity(e, "respiratory rate"),
        "fio2_pct": fio2(e),
        "pao2_mm_hg": quantity(e, "Partial pressure of oxygen (PaO₂) for Apache II"),
        "a_a_gradient_mm_hg": value_only(e, "A-a gradient"),
        "arterial_ph": value_only(e, "pH"),
        "sodium_mmol_l": quantity(e, "Sodium"),
        "potassium_mmol_l": quantity(e, "Potassium"),
        "creatinine_mg_dl": quantity(e, "creatinine"),
        "acute_renal_failure": yes_no(e, "Acute renal failure"),
        "hematocrit_pct": quantity(e, "Hematocrit"),
        "wbc_k_per_ul": white_cell_count(e),
        "gcs": value_only(e, "Glasgow Coma Score"),
        "chronic_organ_insufficiency_or_immunocompromise": yes_no(
            e, "History of severe organ failure or immunocompromise"),
        "admission_type": by_words(e, "Surgery Type", _ADMISSION),
    })


def sofa(e: Entities) -> dict[str, Any]:
    return compact({
        "pao2_mm_hg": quantity(e, "Partial pressure of oxygen (PaO₂) for Apache II", "Partial pressure of oxygen"),
        "fio2_pct": fio2(e),
        "mechanical_ventilation_or_cpap": any_yes(e, "On mechanical ventilation", "Continous positive airway pressure",
                                                  "Continuous positive airway pressure"),
        "platelets_k_per_ul": count(e, "Platelet count"),
        "gcs": value_only(e, "Glasgow Coma Score"),
        "bilirubin_mg_dl": quantity(e, "Bilirubin"),
        "systolic_bp_mm_hg": quantity(e, "Systolic Blood Pressure"),
        "diastolic_bp_mm_hg": quantity(e, "Diastolic Blood Pressure"),
        "hypotension_map_below_70": yes_no(e, "Hypotension"),
        "dopamine_ug_kg_min": quantity(e, "DOPamine"),
        "dobutamine_ug_kg_min": quantity(e, "DOBUTamine"),
        "epinephrine_ug_kg_min": quantity(e, "EPINEPHrine"),
        "norepinephrine_ug_kg_min": quantity(e, "norEPINEPHrine"),
        "creatinine_mg_dl": quantity(e, "creatinine"),
        "urine_output_ml_per_day": quantity(e, "Urine Output"),
    })


def sirs(e: Entities) -> dict[str, Any]:
    return compact({
        "temperature_c": quantity(e, "Temperature"),
        "heart_rate_per_min": quantity(e, "Heart Rate or Pulse"),
        "respiratory_rate_per_min": quantity(e, "respiratory rate"),
        "paco2_mm_hg": quantity(e, "PaCO₂"),
        "wbc_k_per_ul": white_cell_count(e),
        "band_forms_pct": quantity(e, "Band form percentage", "Bands"),
    })


# ---------------------------------------------------------------- comorbidity
_LIVER_SEVERITY = [(("moderate",), "moderate to severe"), (("severe",), "moderate to severe"),
                   (("mild",), "mild"), (("none",), "none"), (("no",), "none")]
_DIABETES = [(("end",), "end-organ damage"), (("organ",), "end-organ damage"), (("uncomplicated",), "uncomplicated"),
             (("none",), "none or diet-controlled"), (("diet",), "none or diet-controlled")]
_TUMOR = [(("metasta",), "metastatic"), (("locali",), "localized"), (("none",), "none")]


def _graded(e: Entities, key: str, rules: list[tuple[tuple[str, ...], str]], when_true: str,
            when_false: str) -> str | None:
    """A graded condition MedCalc gives either as a word or as True/False (True: the mildest grade)."""
    raw = first(e, key)
    if isinstance(raw, bool):
        return when_true if raw else when_false
    return by_words(e, key, rules)


def charlson(e: Entities) -> dict[str, Any]:
    ckd = first(e, "Moderate to severe Chronic Kidney Disease")
    return compact({
        "age_years": quantity(e, "age"),
        "myocardial_infarction": yes_no(e, "Myocardial infarction"),
        "chf_history": yes_no(e, "Congestive Heart Faliure", "Congestive Heart Failure"),
        "peripheral_vascular_disease": yes_no(e, "Peripheral vascular disease"),
        "cerebrovascular_accident_or_tia": any_yes(e, "Cerebrovascular Accident", "Transient Ischemic Attacks History"),
        "dementia": yes_no(e, "Dementia"),
        "copd": yes_no(e, "Chronic Obstructive Pulmonary Disease"),
        "connective_tissue_disease": yes_no(e, "Connective tissue disease"),
        "peptic_ulcer_disease": yes_no(e, "Peptic ulcer disease"),
        "liver_disease": _graded(e, "Liver disease severity", _LIVER_SEVERITY, "mild", "none"),
        "diabetes": _graded(e, "Diabetes mellitus criteria for CCI rule", _DIABETES, "uncomplicated",
                            "none or diet-controlled"),
        "hemiplegia": yes_no(e, "Hemiplegia"),
        # MedCalc sometimes writes the grade ("Severe") instead of True
        "moderate_severe_ckd": ckd if isinstance(ckd, bool) or ckd is None else yes_no(
            {"ckd": "yes" if normalise_words(ckd) in {"moderate", "severe"} else ckd}, "ckd"),
        "solid_tumor": _graded(e, "Solid tumor", _TUMOR, "localized", "none"),
        "leukemia": yes_no(e, "Leukemia"),
        "lymphoma": yes_no(e, "Lymphoma"),
        "aids": yes_no(e, "AIDS"),
    })


ADAPTERS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {
    4: cha2ds2_vasc, 8: wells_pe, 15: child_pugh, 16: wells_dvt, 17: rcri, 18: heart_score, 20: centor,
    21: gcs, 23: meld_na, 25: has_bled, 27: glasgow_blatchford, 28: apache_ii, 29: psi, 32: charlson,
    33: feverpain, 36: caprini, 43: sofa, 45: curb65, 46: framingham, 48: perc, 51: sirs,
}
