"""Yes/no findings (history, symptoms, signs, exposures) with negation and uncertainty.

The lexicon maps a concept to the phrases notes use for it. Each mention is classified by
ConText-style modifiers (see context.py); the calculator mapping decides what a negated,
uncertain or family mention means for an input (never "present").
"""

from __future__ import annotations

import re

from dxkit.tools.extraction.context import modifiers
from dxkit.tools.extraction.model import Finding, Span

# concept -> phrases (regex fragments, case-insensitive, matched as whole words)
LEXICON: dict[str, list[str]] = {
    "chf_history": [r"congestive heart failure", r"CHF", r"heart failure", r"HFrEF", r"HFpEF", r"cardiac failure",
                    r"(?:reduced|low|depressed) ejection fraction", r"LV(?:EF)? dysfunction", r"cardiomyopathy",
                    r"left ventricular (?:systolic )?dysfunction"],
    "hypertension": [r"hypertension", r"HTN", r"high blood pressure", r"hypertensive", r"elevated blood pressure"],
    "diabetes": [r"diabetes(?: mellitus)?", r"T[12]DM", r"DM(?: ?type ?[12I]+)?", r"IDDM", r"NIDDM", r"diabetic"],
    "stroke": [r"stroke", r"CVA", r"cerebrovascular accident", r"cerebral infarct(?:ion)?",
               r"(?:ischa?emic|ha?emorrhagic) stroke", r"intracerebral ha?emorrhage"],
    "tia": [r"transient isch(?:a)?emic attacks?", r"TIAs?"],
    "thromboembolism": [r"thromboembolism", r"thromboembolic (?:event|disease)", r"systemic embol(?:ism|us)",
                        r"arterial embol(?:ism|us)"],
    "myocardial_infarction": [r"myocardial infarction", r"MI", r"STEMI", r"NSTEMI", r"heart attack",
                              r"acute coronary syndrome", r"ACS"],
    "coronary_artery_disease": [r"coronary artery disease", r"CAD", r"isch(?:a)?emic heart disease", r"IHD",
                                r"angina(?: pectoris)?", r"coronary heart disease", r"CABG",
                                r"coronary artery bypass", r"PCI", r"coronary stent(?:ing|s)?"],
    "peripheral_vascular_disease": [r"peripheral (?:arterial|artery|vascular) disease", r"PAD", r"PVD",
                                    r"claudication", r"aortic (?:plaque|aneurysm)", r"peripheral arterial occlusive"],
    "dvt": [r"deep (?:vein|venous) thromboses?", r"DVT", r"venous thromboembolism", r"VTE"],
    "pulmonary_embolism": [r"pulmonary embol(?:ism|i|us)", r"PE"],
    "hemoptysis": [r"ha?emoptysis", r"coughing up blood", r"blood-tinged sputum"],
    "cancer": [r"cancer", r"carcinoma", r"malignan(?:cy|t)", r"metasta(?:sis|ses|tic)", r"lymphoma", r"leuka?emia",
               r"sarcoma", r"myeloma", r"neoplasm", r"adenocarcinoma", r"melanoma", r"glioblastoma", r"oncolog\w*",
               r"chemotherapy", r"tumou?r"],
    "metastatic_cancer": [r"metasta(?:sis|ses|tic)", r"stage IV", r"disseminated (?:cancer|malignancy)"],
    "leukemia": [r"leuka?emia", r"CLL", r"AML", r"ALL", r"CML"],
    "lymphoma": [r"lymphoma", r"Hodgkin", r"non-Hodgkin"],
    "immobilization": [r"immobili[sz]ed", r"immobili[sz]ation", r"bed ?ridden", r"bed ?bound", r"bed rest",
                       r"confined to bed"],
    "recent_surgery": [r"(?:recent|underwent|post-?operative|postop|after) (?:\w+ ){0,3}surgery", r"surgery",
                       r"operation", r"post-?operative", r"status post", r"underwent (?:a |an )?\w*(?:ectomy|plasty|otomy)"],
    "trauma": [r"trauma", r"fracture", r"injur(?:y|ies)", r"motor vehicle (?:accident|collision)", r"MVC", r"fall"],
    "leg_swelling": [r"(?:leg|calf|lower extremity|lower limb) (?:swelling|edema|oedema)", r"swollen (?:leg|calf)",
                     r"pedal edema", r"ankle edema"],
    "cerebrovascular_disease": [r"cerebrovascular disease", r"stroke", r"CVA", r"TIA", r"transient ischemic"],
    "insulin_use": [r"insulin (?:therapy|treatment|dependent)", r"on insulin", r"insulin glargine", r"insulin lispro",
                    r"insulin aspart", r"basal insulin", r"\binsulin\b(?! level)(?! resistance)(?! sensitivity)"],
    "hyperlipidemia": [r"hyperlipida?emia", r"hypercholesterola?emia", r"dyslipida?emia", r"high cholesterol",
                       r"hypertriglyceridemia"],
    "obesity": [r"obes(?:e|ity)", r"morbidly obese"],
    "smoking": [r"smok(?:er|es|ing|ed)", r"tobacco", r"cigarettes?", r"pack[- ]years?", r"nicotine"],
    "family_history_cvd": [r"family history of (?:premature )?(?:coronary|cardiac|heart|cardiovascular)",
                           r"(?:father|mother|brother|sister|sibling|parent)\w* (?:had|with|died of) (?:an? )?"
                           r"(?:MI|myocardial infarction|heart attack|coronary)"],
    "atherosclerotic_disease": [r"atherosclero\w+", r"coronary artery disease", r"CAD", r"peripheral arterial disease",
                                r"prior (?:MI|stroke)", r"carotid stenosis"],
    "cough": [r"cough(?:ing)?"],
    "coryza": [r"coryza", r"rhinorrh(?:o|e)a", r"runny nose", r"nasal congestion"],
    "tonsillar_exudate": [r"tonsil(?:lar)? exudates?", r"tonsils? (?:\w+ ){0,2}(?:with|showing|covered (?:in|with)) "
                          r"(?:\w+ ){0,2}(?:exudates?|pus)", r"exudates? (?:over|covering) (?:the |both )?tonsils?", r"exudative tonsil\w*", r"exudates? on (?:the )?tonsils?",
                          r"purulent tonsils?", r"tonsillar (?:swelling|enlargement|hypertrophy)", r"swollen tonsils?"],
    "tender_anterior_nodes": [r"tender (?:anterior )?(?:cervical )?(?:lymph ?nodes|lymphadenopathy|adenopathy)",
                              r"tender(?:,? (?:\w+|\d+-cm)){0,3},? (?:anterior )?cervical (?:lymph ?)?nodes?",
                              r"(?:anterior )?cervical (?:lymph ?)?nodes? (?:\w+ ){0,2}(?:were |was |are |is )?tender",
                              r"(?:anterior )?cervical (?:lymphadenopathy|adenopathy)",
                              r"swollen (?:anterior )?(?:cervical )?(?:lymph )?nodes"],
    "fever": [r"fevers?", r"febrile", r"pyrexia", r"pyrexial"],
    "cirrhosis": [r"cirrhosis", r"cirrhotic"],
    "liver_disease": [r"liver disease", r"hepatic (?:disease|dysfunction|impairment)", r"cirrhosis", r"hepatitis",
                      r"hepatic failure", r"liver failure", r"portal hypertension"],
    "renal_disease": [r"chronic kidney disease", r"CKD", r"renal (?:disease|insufficiency|failure|impairment)",
                      r"dialysis", r"ha?emodialysis", r"kidney transplant", r"renal transplant", r"ESRD",
                      r"end[- ]stage renal"],
    "dialysis": [r"dialysis", r"ha?emodialysis", r"CVVHD?F?", r"continuous veno-?venous", r"peritoneal dialysis"],
    "alcohol_use": [r"alcohol(?:ism| abuse| use disorder| dependence)?", r"drinks? (?:per|a) (?:day|week)",
                    r"ethanol", r"EtOH", r"heavy drinking"],
    "bleeding_history": [r"(?:major |prior |previous |history of )bleed(?:ing)?", r"ha?emorrhage", r"GI bleed",
                         r"bleeding diathesis", r"ha?emophilia", r"thrombocytopenia"],
    "labile_inr": [r"labile INR", r"unstable INR", r"fluctuating INR", r"time in therapeutic range"],
    "antiplatelet_nsaid_use": [r"aspirin", r"clopidogrel", r"ticagrelor", r"prasugrel", r"NSAIDs?", r"ibuprofen",
                               r"naproxen", r"diclofenac", r"antiplatelet"],
    "melena": [r"mela?ena", r"black(?:,)? tarry stools?", r"tarry stools?"],
    "syncope": [r"syncope", r"syncopal", r"passed out", r"fainted", r"loss of consciousness"],
    "confusion": [r"confus(?:ed|ion)", r"disorient(?:ed|ation)", r"altered mental status", r"AMS", r"delirium",
                  r"obtunded", r"altered sensorium", r"lethargic"],
    "nursing_home": [r"nursing home", r"long-term care facility", r"assisted living", r"care home"],
    "pleural_effusion": [r"pleural effusions?"],
    "copd": [r"chronic obstructive pulmonary disease", r"COPD", r"emphysema", r"chronic bronchitis"],
    "dementia": [r"dementia", r"Alzheimer'?s?", r"cognitive impairment"],
    "connective_tissue_disease": [r"connective tissue disease", r"lupus", r"SLE", r"rheumatoid arthritis",
                                  r"scleroderma", r"systemic sclerosis", r"polymyositis", r"dermatomyositis",
                                  r"Sj(?:o|ö)gren", r"polymyalgia rheumatica", r"mixed connective tissue"],
    "hemiplegia": [r"hemiplegi\w*", r"hemipares\w*", r"paraplegi\w*", r"quadriplegi\w*", r"tetraplegi\w*"],
    "aids": [r"AIDS", r"acquired immunodeficiency syndrome"],
    "hiv": [r"HIV"],
    "peptic_ulcer": [r"peptic ulcer", r"gastric ulcer", r"duodenal ulcer", r"PUD"],
    "ascites": [r"ascites"],
    "encephalopathy": [r"(?:hepatic )?encephalopathy", r"asterixis"],
    "mechanical_ventilation": [r"mechanical(?:ly)? ventilat\w+", r"intubated", r"on (?:the )?ventilator",
                               r"endotracheal intubation"],
    "cpap": [r"CPAP", r"continuous positive airway pressure", r"BiPAP", r"non-?invasive ventilation", r"NIV"],
    "estrogen_use": [r"estrogens?", r"oral contraceptives?", r"OCPs?", r"hormone replacement", r"HRT",
                     r"birth control pills?", r"hormonal (?:therapy|contraception)"],
    "pregnancy": [r"pregnan(?:t|cy)", r"gravida", r"postpartum", r"gestation"],
    "paralysis_leg": [r"paralysis", r"paresis", r"plaster cast", r"cast (?:on|of) (?:the )?(?:leg|lower)"],
    "varicose_veins": [r"varicose veins?", r"varicosities"],
    "sepsis": [r"sepsis", r"septic"],
    "pneumonia": [r"pneumonia"],
    "inflammatory_bowel_disease": [r"inflammatory bowel disease", r"IBD", r"Crohn'?s?", r"ulcerative colitis"],
    "central_venous_access": [r"central (?:venous )?(?:line|catheter|access)", r"PICC", r"port-?a-?cath"],
    "hip_pelvis_leg_fracture": [r"(?:hip|pelvi[cs]|femur|femoral|tibia\w*|fibula\w*|leg) fracture",
                                r"fractured? (?:hip|pelvis|femur|tibia|fibula|leg)"],
    "vomiting": [r"vomit\w*", r"emesis"],
    "nausea": [r"nausea"],
    "anorexia": [r"anorexia", r"loss of appetite", r"poor appetite"],
    "chest_pain": [r"chest pain", r"chest discomfort", r"chest tightness", r"chest pressure"],
    "headache": [r"headache"],
    "factor_v_leiden": [r"factor V Leiden", r"FVL"],
    "prothrombin_20210a": [r"prothrombin (?:gene )?(?:mutation|20210A?|G20210A)", r"G20210A"],
    "lupus_anticoagulant": [r"lupus anticoagulant"],
    "anticardiolipin_antibody": [r"anticardiolipin", r"antiphospholipid (?:antibod\w+|syndrome)"],
    "elevated_homocysteine": [r"hyperhomocyst\w+", r"(?:elevated|high) (?:serum )?homocysteine"],
    "heparin_induced_thrombocytopenia": [r"heparin[- ]induced thrombocytopenia", r"HIT"],
    "thrombophilia": [r"thrombophilia", r"hypercoagulab\w+", r"protein [CS] deficiency", r"antithrombin deficiency"],
    "family_history_thrombosis": [r"family history of (?:\w+ ){0,3}(?:thrombosis|DVT|VTE|clots?|pulmonary embol\w+)"],
    "spinal_cord_injury": [r"spinal cord injury", r"spinal cord compression", r"cord injury"],
    "multiple_trauma": [r"multiple trauma", r"polytrauma", r"multiple injuries"],
    "acute_kidney_injury": [r"acute kidney injury", r"AKI", r"acute renal failure", r"ARF",
                            r"acute (?:renal|kidney) (?:injury|insufficiency)"],
    "chronic_organ_insufficiency": [r"cirrhosis", r"NYHA (?:class )?IV", r"immunosuppress\w+", r"immunocompromised",
                                    r"chemotherapy", r"(?:liver|kidney|renal|heart|lung) transplant",
                                    r"chronic (?:ha?emo)?dialysis", r"home oxygen", r"oxygen[- ]dependent"],
    "recurrent_spontaneous_abortion": [r"recurrent (?:spontaneous )?(?:abortions?|miscarriages?|pregnancy loss)"],
    "collateral_superficial_veins": [r"collateral (?:superficial |nonvaricose |non-varicose )?veins?",
                                     r"dilated superficial veins?"],
    "entire_leg_swollen": [r"(?:entire|whole) (?:left |right )?(?:leg|lower (?:extremity|limb)) (?:was |is )?swollen",
                           r"swelling of the (?:entire|whole) (?:left |right )?(?:leg|lower (?:extremity|limb))",
                           r"(?:diffuse|entire) (?:left |right )?(?:leg|lower extremity) swelling"],
    "deep_vein_tenderness": [r"tenderness (?:along|over) the (?:deep )?(?:venous|vein)", r"calf tenderness",
                             r"tender(?:ness)? (?:of|in|over) the (?:left |right )?(?:calf|popliteal|femoral)",
                             r"tender (?:left |right )?calf"],
    "pitting_edema": [r"pitting (?:o|e)dema"],
    "black_race": [r"African[- ]American", r"black (?:man|woman|male|female|patient)", r"of African descent"],
    "antihypertensive_treatment": [r"antihypertensives?", r"lisinopril", r"enalapril", r"ramipril", r"losartan",
                                   r"valsartan", r"amlodipine", r"nifedipine", r"hydrochlorothiazide", r"HCTZ",
                                   r"chlorthalidone", r"metoprolol", r"atenolol", r"carvedilol", r"bisoprolol",
                                   r"diltiazem", r"verapamil", r"hydralazine", r"spironolactone", r"furosemide",
                                   r"(?:treated|on treatment|on medication) for hypertension"],
    "high_risk_surgery": [r"intraperitoneal", r"intrathoracic", r"suprainguinal vascular", r"laparotomy",
                          r"thoracotomy", r"(?:colectomy|gastrectomy|esophagectomy|pancreat\w*ectomy|hepatectomy|"
                          r"lobectomy|pneumonectomy|Whipple)", r"aortic (?:aneurysm )?repair",
                          r"abdominal aortic", r"aorto-?(?:bi)?femoral"],
    "severe_tonsil_inflammation": [r"severe(?:ly)? (?:inflamed )?tonsil\w*", r"(?:markedly|severely) (?:enlarged|"
                                   r"inflamed|swollen) tonsils?", r"tonsillar hypertrophy", r"kissing tonsils",
                                   r"grade (?:3|4|III|IV) tonsils?"],
    "dvt_signs": [r"(?:leg|calf|lower (?:extremity|limb)) (?:swelling|edema|oedema|tenderness)",
                  r"swollen (?:left |right )?(?:leg|calf)", r"signs of (?:a )?(?:DVT|deep vein thrombosis)",
                  r"(?:calf|leg) pain"],
    "chf_exacerbation": [r"pulmonary (?:o|e)dema", r"S3 gallop", r"paroxysmal nocturnal dyspn(?:o|e)a", r"orthopn(?:o|e)a"],

    "seizure": [r"seizures?", r"convulsions?"],
    # acute coronary syndromes (TIMI)
    "aspirin_use": [r"aspirin", r"acetylsalicylic acid", r"ASA"],
    "st_deviation": [r"ST[- ](?:segment )?(?:elevations?|depressions?|deviations?|changes)", r"STEMI",
                     r"ST (?:elevation|depression) myocardial infarction"],
    "positive_troponin": [r"(?:elevated|raised|positive|rising|increased|high) (?:serum )?(?:high-sensitivity )?"
                          r"troponin(?: [IT])?", r"troponin(?: [IT])?(?: level)? (?:was |were |is )?(?:elevated|raised|"
                          r"positive|increased|high)", r"troponin(?: [IT])? leak", r"troponinemia"],
    "recurrent_angina": [r"recurrent (?:angina|chest pain)", r"(?:two|2|three|3|several|multiple|repeated) "
                         r"(?:\w+ )?(?:episodes|bouts|attacks) of (?:angina|chest pain|chest discomfort)"],
    # early warning scores (NEWS2)
    "supplemental_oxygen": [r"(?:supplemental|supplementary) oxygen", r"nasal cannula", r"non-?rebreather",
                            r"(?:venturi|oxygen|face) mask", r"high[- ]flow (?:nasal )?(?:oxygen|cannula)",
                            r"on (?:\d+(?:\.\d+)? ?(?:L|liters|litres)(?:/min)? (?:of )?)?(?:O2|oxygen)",
                            r"\d+(?:\.\d+)? ?L(?:/min)? (?:of )?(?:O2|oxygen)"],
    "hypercapnic_respiratory_failure": [r"hypercapni\w+ (?:respiratory )?failure", r"type (?:2|II) respiratory "
                                        r"failure", r"chronic hypercapni\w+", r"CO2 retain\w*", r"CO2 retention"],
    # appendicitis (Alvarado)
    "pain_migration_rlq": [r"(?:pain|discomfort) (?:that )?(?:later |subsequently |then )?(?:migrat|shift|mov|"
                           r"localiz|localis)\w* (?:\w+ ){0,3}(?:to|into) the (?:right lower quadrant|RLQ|right iliac "
                           r"fossa)", r"migrat\w+ (?:abdominal )?pain", r"periumbilical pain (?:\w+ ){0,6}(?:right "
                           r"lower quadrant|RLQ|right iliac fossa)"],
    "rlq_tenderness": [r"(?:right lower quadrant|RLQ|right iliac fossa|McBurney'?s?(?: point)?) tenderness",
                       r"tender(?:ness)? (?:\w+ ){0,3}(?:in|over|at|of) the (?:right lower quadrant|RLQ|right iliac "
                       r"fossa|McBurney'?s? point)", r"McBurney'?s? (?:point )?(?:sign|tenderness)"],
    "rebound_tenderness": [r"rebound(?: tenderness)?", r"Blumberg'?s? sign", r"peritoneal signs",
                           r"peritonism"],
    # ankle injury (Ottawa)
    "malleolar_pain": [r"(?:ankle|malleol\w+) pain", r"pain (?:\w+ ){0,3}(?:in|over|around|of) the (?:\w+ ){0,2}"
                       r"(?:ankle|malleol\w+)"],
    "midfoot_pain": [r"mid-?foot pain", r"pain (?:\w+ ){0,3}(?:in|over|of) the (?:\w+ ){0,2}mid-?foot"],
    "lateral_malleolus_tenderness": [r"tender\w* (?:\w+ ){0,6}(?:lateral malleol\w+|distal fibula)",
                                     r"(?:lateral malleol\w+|distal fibula) (?:bony |point )?tenderness"],
    "medial_malleolus_tenderness": [r"tender\w* (?:\w+ ){0,6}(?:medial malleol\w+|distal tibia)",
                                    r"(?:medial malleol\w+|distal tibia) (?:bony |point )?tenderness"],
    "navicular_tenderness": [r"tender\w* (?:\w+ ){0,6}navicular", r"navicular (?:bony |point )?tenderness"],
    "fifth_metatarsal_tenderness": [r"tender\w* (?:\w+ ){0,6}(?:base of the )?(?:fifth|5th) metatarsal",
                                    r"(?:fifth|5th) metatarsal (?:base )?(?:bony |point )?tenderness"],
    "unable_to_bear_weight": [r"(?:unable|inability|could not|couldn't|cannot|can't|not able) to (?:bear weight|"
                              r"weight[- ]bear|walk|ambulate|take (?:four|4) steps)", r"non-?weight[- ]bearing"],
    # head injury (PECARN, Canadian CT head)
    "basal_skull_fracture_signs": [r"bas(?:al|ilar) skull fracture", r"ha?emotympanum", r"raccoon eyes",
                                   r"Battle'?s sign", r"CSF (?:otorrh|rhinorrh)o?ea", r"cerebrospinal fluid (?:leak|"
                                   r"otorrh\w+|rhinorrh\w+)", r"retroauricular ecchymosis"],
    "open_skull_fracture": [r"open (?:or depressed )?skull fracture", r"depressed skull fracture",
                            r"skull fracture (?:\w+ ){0,2}(?:open|depressed)"],
    "palpable_skull_fracture": [r"palpable (?:skull )?(?:fracture|step-?off|depression)",
                                r"skull (?:step-?off|depression)"],
    "dangerous_mechanism": [r"pedestrian (?:\w+ ){0,2}(?:struck|hit)", r"(?:struck|hit) by (?:a |an )?(?:car|"
                            r"vehicle|truck|motor vehicle)", r"eject\w* from (?:a |the )?(?:motor )?vehicle",
                            r"fall(?:ing)? from (?:a )?(?:height|(?:more than |over |greater than )?(?:[3-9]|\d{2}) "
                            r"(?:feet|ft|meters|m|stairs|steps))", r"fell (?:\w+ ){0,3}(?:[3-9]|\d{2}) (?:feet|ft|"
                            r"meters|stairs|steps)", r"rollover"],
    "severe_mechanism": [r"pedestrian (?:\w+ ){0,2}(?:struck|hit)", r"(?:struck|hit) by (?:a |an )?(?:car|vehicle|"
                         r"truck|motor vehicle)", r"eject\w* from (?:a |the )?(?:motor )?vehicle", r"rollover",
                         r"high[- ](?:speed|velocity|impact)", r"(?:struck|hit) by (?:a )?high-impact",
                         r"fall(?:ing)? from (?:a )?(?:height|(?:more than |over )?(?:[4-9]|\d{2}) (?:feet|ft))"],
    "loss_of_consciousness": [r"loss of consciousness", r"LOC", r"lost consciousness", r"unconscious",
                              r"knocked out", r"passed out", r"unresponsive for"],
    "not_acting_normally": [r"not acting (?:like )?(?:(?:him|her)self|normal(?:ly)?)", r"acting (?:abnormally|"
                            r"strangely|differently)", r"not (?:at|back to) (?:his|her) baseline"],
    "repeated_vomiting": [r"(?:vomit\w*|emesis|threw up) (?:\w+ ){0,2}(?:two|three|four|five|several|multiple|"
                          r"repeated\w*|[2-9]) times", r"(?:repeated|recurrent|persistent|multiple episodes of|"
                          r"several episodes of|[2-9] episodes of|two episodes of|three episodes of) (?:vomiting|"
                          r"emesis)", r"(?:vomiting|emesis) x ?[2-9]"],
    "retrograde_amnesia_30_min": [r"retrograde amnesia", r"(?:does not|doesn't|cannot|can't|could not) "
                                  r"(?:remember|recall) (?:the )?(?:events )?(?:before|preceding|leading up to)"],
    "scalp_hematoma": [r"(?:scalp|occipital|parietal|temporal) (?:ha?ematoma|swelling|contusion)",
                       r"boggy (?:scalp|swelling)", r"cephalo-?ha?ematoma", r"goose ?egg"],
    "severe_headache": [r"severe headache", r"worst headache", r"(?:excruciating|intense) headache"],
    "acute_infection": [r"infection", r"cellulitis", r"urinary tract infection", r"UTI", r"pyelonephritis",
                        r"osteomyelitis", r"abscess", r"bacteri(?:a|ae)mia", r"endocarditis", r"meningitis"],
    "respiratory_failure": [r"respiratory failure", r"respiratory insufficiency", r"hypoxemic failure"],
    "hypotension": [r"hypotension", r"hypotensive", r"MAP (?:of |was |below |<) ?(?:[1-6]\d)\b", r"shock"],
}

_COMPILED = {
    concept: re.compile(r"(?<![\w-])(?:" + "|".join(phrases) + r")(?![\w-])", re.I)
    for concept, phrases in LEXICON.items()
}
# Abbreviations that are ordinary words in lower case must match in upper case only.
_CASE_SENSITIVE = {"MI", "PE", "ALL", "AMS", "ACS", "PAD", "CAD", "AIDS", "HIV", "SLE", "NIV", "DM", "IHD", "PVD",
                   "HIT", "ASA", "LOC", "UTI", "AKI", "ARF", "FVL", "HCTZ", "AML", "CLL", "CML", "IBD", "PUD"}


def _accept(match: re.Match[str]) -> bool:
    word = match.group(0)
    return word.upper() not in _CASE_SENSITIVE or word.isupper()


def extract_conditions(text: str) -> list[Finding]:
    """Every mention of a lexicon concept, with negation/uncertainty/history/family flags."""
    findings: list[Finding] = []
    for concept, pattern in _COMPILED.items():
        for match in pattern.finditer(text):
            if not _accept(match):
                continue
            mods = modifiers(text, match.start(), match.end())
            findings.append(Finding(
                concept=concept, value=not mods.negated, span=Span(start=match.start(), end=match.end(),
                                                                     text=match.group(0)),
                negated=mods.negated, uncertain=mods.uncertain, historical=mods.historical, family=mods.family,
            ))
    findings.sort(key=lambda f: f.span.start)
    return findings
