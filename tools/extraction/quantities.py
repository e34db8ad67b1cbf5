"""Quantities in free text: vital signs, laboratory values and body measures, with units.

Each concept has label patterns, the units it is reported in (first = the unit assumed when
the note gives none) and a plausible range in that unit. A value whose stated unit makes it
implausible (a note saying "albumin 3.3 mg/dL") is re-read in the concept's other units and
the correction is recorded on the finding; nothing is silently guessed beyond that.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from dxkit.calculators.units import convert, is_convertible
from dxkit.errors import InputError
from dxkit.tools.extraction.model import Finding, Span


@dataclass(frozen=True)
class QuantitySpec:
    concept: str
    labels: str  # regex alternatives, matched case-insensitively as whole words
    units: tuple[str, ...]  # accepted units; units[0] is assumed when none is written
    plausible: tuple[float, float]  # in units[0]
    analyte: str | None = None
    window: int = 30  # characters allowed between the label and the number
    case_sensitive_labels: str | None = None  # abbreviations that must match case exactly


_MASS = ("mg/dL", "umol/L", "mmol/L", "mg/L", "g/L")
SPECS: tuple[QuantitySpec, ...] = (
    QuantitySpec("creatinine", r"(?<!urine )(?<!urinary )(?<!baseline )(?:serum |plasma )?creatinine(?! clearance)(?! kinase)",
                 ("mg/dL", "umol/L", "mmol/L"), (0.1, 25), "creatinine", case_sensitive_labels=r"S?Cr(?!Cl)"),
    QuantitySpec("baseline_creatinine", r"baseline (?:serum )?creatinine|creatinine (?:at|of) baseline",
                 ("mg/dL", "umol/L", "mmol/L"), (0.1, 25), "creatinine"),
    QuantitySpec("urine_creatinine", r"(?:urine|urinary) creatinine", ("mg/dL", "umol/L", "mmol/L"), (1, 1000),
                 "creatinine", case_sensitive_labels=r"UCr"),
    QuantitySpec("bun", r"blood urea nitrogen|urea nitrogen|BUN", ("mg/dL", "mmol/L"), (1, 300), "bun"),
    QuantitySpec("urea", r"(?<!blood )urea(?! nitrogen)(?! breath)", ("mmol/L", "mg/dL"), (0.5, 100), "bun"),
    QuantitySpec("glucose", r"(?:fasting |random |serum |plasma |blood )?glucose|blood sugar|FBG|FPG",
                 ("mg/dL", "mmol/L"), (10, 2500), "glucose"),
    QuantitySpec("sodium", r"(?<!urine )(?<!urinary )(?:serum |plasma )?sodium", ("mmol/L", "mEq/L"), (90, 200),
                 "sodium", case_sensitive_labels=r"Na\+?"),
    QuantitySpec("urine_sodium", r"(?:urine|urinary) sodium|urine Na", ("mmol/L", "mEq/L"), (1, 400), "sodium",
                 case_sensitive_labels=r"UNa"),
    QuantitySpec("potassium", r"(?:serum |plasma )?potassium", ("mmol/L", "mEq/L"), (1, 12), "potassium",
                 case_sensitive_labels=r"K\+?"),
    QuantitySpec("chloride", r"(?:serum |plasma )?chloride", ("mmol/L", "mEq/L"), (60, 150), "chloride",
                 case_sensitive_labels=r"Cl-?|CI-"),
    QuantitySpec("bicarbonate", r"(?:serum |plasma )?bicarbonate|bicarb|HCO3[-−]?|HCO₃[-−]?|total CO2|tCO2",
                 ("mmol/L", "mEq/L"), (2, 60), "bicarbonate", case_sensitive_labels=r"(?<!Pa)(?<!p)CO2"),
    QuantitySpec("albumin", r"(?:serum )?albumin(?!uria)(?!/)", ("g/dL", "g/L", "mg/dL"), (0.8, 6.5), "albumin",
                 case_sensitive_labels=r"Alb"),
    QuantitySpec("calcium", r"(?<!ionized )(?<!ionised )(?:serum |total )?calcium(?! carbonate)(?! channel)"
                 r"(?! gluconate)(?! acetate)(?! supplement)", ("mg/dL", "mmol/L", "mEq/L"), (3, 20), "calcium",
                 case_sensitive_labels=r"Ca(?:2\+)?"),
    QuantitySpec("bilirubin", r"(?:total |serum )?bilirubin|T\.? ?bili?|TBil", ("mg/dL", "umol/L"), (0.1, 60),
                 "bilirubin"),
    QuantitySpec("inr", r"INR|international normali[sz]ed ratio|PT-INR", ("dimensionless",), (0.5, 15)),
    QuantitySpec("hemoglobin", r"ha?emoglobin(?! ?A1c)|Hg?b(?! ?A1c)", ("g/dL", "g/L", "mmol/L"), (2, 25),
                 "hemoglobin"),
    QuantitySpec("hematocrit", r"ha?ematocrit|Hct", ("percent",), (8, 75)),
    QuantitySpec("platelets", r"platelets?(?: count)?|PLT|Plt", ("1e3 count/uL", "count/uL", "1e9 count/L"),
                 (1, 2000)),
    QuantitySpec("wbc", r"white (?:blood )?cell(?:s)?(?: count)?|WBC(?: count)?|leukocytes?(?: count)?|"
                 r"white count|leukocytosis of", ("1e3 count/uL", "count/uL", "1e9 count/L"), (0.1, 300)),
    QuantitySpec("ast", r"AST|aspartate (?:amino)?transaminase|aspartate aminotransferase|SGOT", ("U/L",),
                 (2, 20000)),
    QuantitySpec("alt", r"ALT|alanine (?:amino)?transaminase|alanine aminotransferase|SGPT", ("U/L",),
                 (2, 20000)),
    QuantitySpec("total_cholesterol", r"(?<!HDL )(?<!LDL )(?<!HDL-)(?<!LDL-)(?<!lipoprotein )total cholesterol|"
                 r"(?<!HDL )(?<!LDL )(?<!HDL-)(?<!LDL-)(?<!lipoprotein )(?<!non-HDL )cholesterol",
                 ("mg/dL", "mmol/L"), (50, 1000), "cholesterol"),
    QuantitySpec("hdl_cholesterol", r"HDL(?:-C|-cholesterol| cholesterol)?|high[- ]density lipoprotein"
                 r"(?: cholesterol)?", ("mg/dL", "mmol/L"), (5, 200), "cholesterol"),
    QuantitySpec("ldl_cholesterol", r"LDL(?:-C|-cholesterol| cholesterol)?|low[- ]density lipoprotein"
                 r"(?: cholesterol)?", ("mg/dL", "mmol/L"), (5, 600), "cholesterol"),
    QuantitySpec("triglycerides", r"triglycerides?|TGs?", ("mg/dL", "mmol/L"), (10, 8000), "triglycerides"),
    QuantitySpec("insulin", r"(?:fasting |serum |plasma )?insulin(?: level| concentration)?",
                 ("uIU/mL", "pmol/L", "mIU/L"), (0.5, 500), "insulin"),
    QuantitySpec("hba1c", r"h(?:a|e)moglobin A1c|HbA1c|A1c|glycated h(?:a|e)moglobin", ("percent",), (3, 20)),
    QuantitySpec("heart_rate", r"heart rate|pulse(?: rate)?|HR|ventricular rate|tachycardic (?:to|at)|"
                 r"tachycardia (?:to|of)|bradycardic (?:to|at)", ("1/min",), (10, 300), window=25),
    QuantitySpec("systolic_bp", r"systolic(?: blood pressure| BP| pressure)?|SBP", ("mmHg",), (30, 300), window=40),
    QuantitySpec("diastolic_bp", r"diastolic(?: blood pressure| BP| pressure)?|DBP", ("mmHg",), (10, 200), window=40),
    QuantitySpec("respiratory_rate", r"respiratory rate|respiration rate|respirations|RR|breathing rate|"
                 r"tachypn(?:o|e)ic (?:to|at)|tachypn(?:o|e)a (?:to|of)", ("1/min",), (2, 80), window=25),
    QuantitySpec("temperature", r"temperature|temp|T(?=\s*(?:of|:|=|was)?\s*\d)|febrile (?:to|at)|fever (?:to|of)"
                 r"|pyrexia of", ("degC", "degF"), (25, 45), window=25),
    QuantitySpec("oxygen_saturation", r"SpO2|SpO₂|SaO2|SaO₂|O2 sat(?:uration)?|oxygen saturation|saturation|"
                 r"saturating|pulse oximetry|sats?", ("percent",), (40, 100), window=35),
    QuantitySpec("pao2", r"PaO2|PaO₂|pO2|PO2|partial pressure of (?:arterial )?oxygen|arterial oxygen tension",
                 ("mmHg", "kPa"), (20, 700), window=25),
    QuantitySpec("paco2", r"PaCO2|PaCO₂|pCO2|PCO2|partial pressure of (?:arterial )?carbon dioxide",
                 ("mmHg", "kPa"), (5, 150), window=25),
    QuantitySpec("fio2", r"FiO2|FiO₂|FIO2|fraction of inspired (?:oxygen|air)|inspired oxygen fraction", ("percent",),
                 (21, 100), window=25),
    QuantitySpec("aa_gradient", r"A-a(?:-| )?(?:O2 |oxygen )?gradient|alveolar[- ]arterial (?:oxygen |O2 )?"
                 r"(?:gradient|difference)|AaDO2|P\(A-a\)O2", ("mmHg", "kPa"), (0, 700), window=20),
    QuantitySpec("ph", r"(?<![A-Za-z])pH", ("dimensionless",), (6.5, 8.0), window=15),
    QuantitySpec("weight", r"weight|weighed|weighs|weighing|body weight|wt", ("kg", "lb", "g"), (0.3, 400),
                 window=25),
    QuantitySpec("height", r"height|tall|length|ht|measur(?:ed|ing)", ("cm", "m", "inch", "foot"), (30, 250),
                 window=25),
    QuantitySpec("bmi", r"body mass index|BMI", ("kg/m**2",), (8, 100), window=25),
    QuantitySpec("qt_interval", r"QT(?: interval)?(?!c)(?! ?corrected)", ("ms", "s"), (150, 900), window=25),
    QuantitySpec("urine_output", r"urine output|urinary output|UOP|diuresis", ("mL/day", "mL/hour", "L/day"),
                 (0, 10000), window=30),
    QuantitySpec("gcs_total", r"Glasgow Coma (?:Scale|Score)|GCS", ("dimensionless",), (3, 15), window=20),
    QuantitySpec("lactate", r"lactate|lactic acid", ("mmol/L", "mg/dL"), (0.2, 30), "lactate"),
    QuantitySpec("ldh", r"lactate dehydrogenase|LDH", ("U/L",), (20, 20000)),
    QuantitySpec("crp", r"C-reactive protein|CRP", ("mg/L", "mg/dL"), (0.1, 600)),
    QuantitySpec("troponin", r"troponin(?: [IT])?|cTn[IT]|hs-?TnT|hs-?TnI", ("ng/mL", "ng/L"), (0.0, 100000)),
    QuantitySpec("band_forms", r"bands?|band (?:forms|neutrophils|cells)|bandemia(?: of)?|immature neutrophils",
                 ("percent",), (0, 100), window=20),
    QuantitySpec("neutrophil_percent", r"neutrophils?|neutrophilia(?: of)?|segs|PMNs?|polymorphonuclear (?:cells|"
                 r"leukocytes)|granulocytes", ("percent",), (0, 100), window=12),
    QuantitySpec("base_deficit", r"base deficit", ("mmol/L", "mEq/L"), (0, 40), window=20),
    QuantitySpec("cycle_length", r"(?:menstrual )?cycles? (?:length|of|lasting|is|are|every)|cycle length",
                 ("day",), (15, 60), window=25),
)

_NUMBER = r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
# units as written in notes; order matters (longest first inside the alternation)
_UNIT_WORDS = [
    r"mg/dl", r"mg/l", r"g/dl", r"g/l", r"mmol/l", r"[µμu]mol/l", r"nmol/l", r"pmol/l", r"meq/l", r"mEq/L",
    r"[µμu]iu/ml", r"miu/l", r"miu/ml", r"iu/l", r"u/l", r"ng/ml", r"ng/l", r"pg/ml", r"[µμu]g/ml", r"[µμu]g/dl",
    r"%", r"per cent", r"percent",
    r"(?:x|×|\*)\s*10\s*(?:\^|e)?\s*(?:9|⁹)\s*/\s*l", r"(?:x|×|\*)\s*109\s*/\s*l",
    r"(?:x|×|\*)\s*10\s*(?:\^|e)?\s*(?:3|³)\s*/\s*(?:[µμu]l|mm3|mm³)", r"(?:x|×|\*)\s*103\s*/\s*(?:[µμu]l|mm3)",
    r"(?:x|×|\*)\s*10\s*(?:\^|e)?\s*(?:4|⁴)\s*/\s*(?:[µμu]l|mm3|mm³)", r"k/[µμu]l", r"/[µμu]l", r"/mm3", r"/mm³", r"cells/[µμu]l", r"cells/mm3", r"/l",
    r"bpm", r"beats? ?(?:per|/) ?min(?:ute)?", r"breaths? ?(?:per|/) ?min(?:ute)?", r"/min", r"per minute",
    r"mm ?hg", r"kpa", r"°\s?c", r"°\s?f", r"º\s?c", r"º\s?f", r"degrees? (?:celsius|c|fahrenheit|f)", r"c\b", r"f\b",
    r"kg/m2", r"kg/m\^2", r"kg/m²", r"kgs?", r"lbs?", r"pounds?", r"grams?", r"g\b", r"cm", r"meters?", r"m\b",
    r"inches", r"in\b", r"feet", r"ft", r"msec", r"ms", r"ml/day", r"ml/24 ?h(?:ours?)?", r"ml/h(?:ou)?r?", r"ml/d",
    r"l/day", r"days?",
]
_UNIT = r"(?P<unit>" + "|".join(_UNIT_WORDS) + r")"
_UNIT_RE = re.compile(r"\s*" + _UNIT, re.I)


def _unit_name(raw: str) -> str:
    """Map a unit as matched in text onto a spelling units.normalise_unit understands."""
    u = " ".join(raw.lower().replace("μ", "u").replace("µ", "u").split())
    u = u.replace("º", "°")
    if re.fullmatch(r"(?:x|×|\*)\s*10\s*(?:\^|e)?\s*(?:9|⁹)\s*/\s*l|(?:x|×|\*)\s*109\s*/\s*l", u):
        return "x10^9/L"
    if re.fullmatch(r"(?:x|×|\*)\s*10\s*(?:\^|e)?\s*(?:3|³)\s*/\s*(?:ul|mm3|mm³)|(?:x|×|\*)\s*103\s*/\s*(?:ul|mm3)", u):
        return "x10^3/uL"
    if re.fullmatch(r"(?:x|×|\*)\s*10\s*(?:\^|e)?\s*(?:4|⁴)\s*/\s*(?:ul|mm3|mm³)", u):
        return "1e4 count/uL"
    table = {"°c": "degC", "° c": "degC", "°f": "degF", "° f": "degF", "c": "degC", "f": "degF",
             "degrees c": "degC", "degree c": "degC", "degrees celsius": "degC", "degree celsius": "degC",
             "degrees f": "degF", "degree f": "degF", "degrees fahrenheit": "degF", "degree fahrenheit": "degF",
             "per cent": "%", "percent": "%", "kg/m2": "kg/m^2", "kg/m²": "kg/m^2", "kgs": "kg", "pound": "lb",
             "pounds": "lb", "lbs": "lb", "gram": "g", "grams": "g", "meter": "m", "meters": "m", "inches": "in",
             "feet": "ft", "k/ul": "k/uL", "cells/ul": "/uL", "cells/mm3": "/mm3", "/mm³": "/mm3",
             "ml/24h": "mL/day", "ml/24 h": "mL/day", "ml/24 hours": "mL/day", "ml/24 hour": "mL/day",
             "ml/d": "mL/day", "ml/hr": "mL/h", "ml/hour": "mL/h", "per minute": "/min", "days": "day"}
    if u in table:
        return table[u]
    if re.fullmatch(r"beats? ?(?:per|/) ?min(?:ute)?|breaths? ?(?:per|/) ?min(?:ute)?", u):
        return "/min"
    return u


def _plausible(spec: QuantitySpec, value: float, unit: str) -> bool:
    try:
        in_default = convert(value, unit, spec.units[0], field=spec.concept, analyte=spec.analyte)
    except InputError:
        return False
    low, high = spec.plausible
    return low <= in_default <= high


def _choose_unit(spec: QuantitySpec, value: float, written: str | None) -> tuple[str, str | None] | None:
    """The unit to read `value` in, and a note when it differs from what was written."""
    if written is not None:
        if _plausible(spec, value, written):
            return written, None
        if not is_convertible(written, spec.units[0], spec.analyte):
            return None  # a unit of another dimension: the number belongs to something else
    for unit in spec.units:
        if _plausible(spec, value, unit):
            note = None if written is None else f"unit read as {unit} ({value:g} {written} is implausible)"
            return unit, note
    return None


def _label_pattern(spec: QuantitySpec) -> re.Pattern[str]:
    parts = [rf"(?i:(?<![\w-])(?:{spec.labels})(?![\w]))"]
    if spec.case_sensitive_labels:
        parts.append(rf"(?<![\w-])(?:{spec.case_sensitive_labels})(?![\w])")
    # between label and number: no digits, no line break, and no sentence end (". ")
    filler = rf"(?:(?!\.\s)[^\d\n;]){{0,{spec.window}}}?"
    return re.compile("(?:" + "|".join(parts) + ")" + filler + r"(?<![A-Za-z])" + _NUMBER)


_PATTERNS = [(spec, _label_pattern(spec)) for spec in SPECS]


def _label_only(spec: QuantitySpec) -> re.Pattern[str]:
    parts = [rf"(?i:(?<![\w-])(?:{spec.labels})(?![\w]))"]
    if spec.case_sensitive_labels:
        parts.append(rf"(?<![\w-])(?:{spec.case_sensitive_labels})(?![\w])")
    return re.compile("|".join(parts))


_LABELS_ONLY = [(spec, _label_only(spec)) for spec in SPECS]
_LIST_JOIN = re.compile(r"\s*(?:,\s*and|,|and|&)\s*(?:the\s+|his\s+|her\s+|serum\s+)*", re.I)
_LIST_VERB = re.compile(r"[^\d\n.;]{0,35}?$")
_LIST_VALUE = re.compile(_NUMBER + r"\s*" + _UNIT + r"?", re.I)
_LIST_SEP = re.compile(r"\s*(?:,\s*and|,|and)\s*", re.I)


def _listed(text: str) -> list[tuple[QuantitySpec, float, str | None, int, int]]:
    """"sodium, potassium and chloride were 140, 4.1 and 101 mmol/L (respectively)": labels
    joined by commas/"and", then as many values joined the same way, paired in order."""
    out = []
    for sentence in re.finditer(r"[^.;\n]+(?:\.\d[^.;\n]*)*", text):
        start, end = sentence.span()
        labels = []
        for spec, pattern in _LABELS_ONLY:
            labels += [(m.start(), m.end(), spec) for m in pattern.finditer(text, start, end)]
        labels.sort(key=lambda t: (t[0], -(t[1] - t[0])))
        chain: list[tuple[int, int, QuantitySpec]] = []
        for item in labels:
            if chain and item[0] < chain[-1][1]:
                continue  # a shorter label inside a longer one
            if chain and not _LIST_JOIN.fullmatch(text[chain[-1][1]:item[0]]):
                if len(chain) >= 2:
                    break
                chain = []
            chain.append(item)
        if len(chain) < 2:
            continue
        values, pos = [], chain[-1][1]
        verb = re.match(r"[^\d\n.;]{0,35}?(?=\d)", text[pos:end])
        if not verb:
            continue
        pos += verb.end()
        while len(values) < len(chain):
            value = _LIST_VALUE.match(text, pos)
            if not value:
                break
            values.append(value)
            sep = _LIST_SEP.match(text, value.end())
            if not sep:
                break
            pos = sep.end()
        if len(values) != len(chain):
            continue
        for (lstart, _, spec), value in zip(chain, values, strict=True):
            unit = _unit_name(value.group("unit")) if value.group("unit") else None
            if unit is None and values[-1].group("unit"):
                unit = _unit_name(values[-1].group("unit"))  # "110 and 75 mmHg": the unit is shared
            out.append((spec, _number(value.group("num")), unit, lstart, value.end()))
    return out
_BP = re.compile(r"(?P<sbp>\d{2,3})\s*/\s*(?P<dbp>\d{2,3})\s*(?:mm ?hg|mmhg)?", re.I)
_BP_LABEL = re.compile(r"(?i:blood pressure|\bBP\b|arterial pressure|hypotensive (?:to|at)|hypertensive (?:to|at))"
                       r"[^\d\n;]{0,30}?$")
_BARE_UNIT_VALUES = {  # numbers whose unit alone names the concept ("98 bpm", "38.2 °C")
    "heart_rate": re.compile(r"(?P<num>\d{2,3})\s*(?:bpm|beats? ?(?:per|/) ?min(?:ute)?)", re.I),
    "systolic_bp": re.compile(r"(?P<num>\d{2,3})\s*mm ?hg,? systolic", re.I),
    "diastolic_bp": re.compile(r"(?P<num>\d{2,3})\s*mm ?hg,? diastolic", re.I),
    "respiratory_rate": re.compile(r"(?P<num>\d{1,2})\s*breaths? ?(?:per|/) ?min(?:ute)?", re.I),
    "temperature": re.compile(r"(?P<num>\d{2,3}(?:\.\d+)?)\s*(?P<unit>°\s?[CF]|º\s?[CF]|degrees? (?:celsius|fahrenheit))",
                              re.I),
    "fio2": re.compile(r"(?P<num>\d{2,3})\s*%\s*(?:FiO2|FiO₂|FIO2)", re.I),
    # differential counts written value-first ("82% neutrophils, 12% bands")
    "neutrophil_percent": re.compile(r"(?P<num>\d{1,2}(?:\.\d+)?)\s*%\s*(?:neutrophils|segs|PMNs|"
                                    r"polymorphonuclear|granulocytes)", re.I),
    "band_forms": re.compile(r"(?P<num>\d{1,2}(?:\.\d+)?)\s*%\s*(?:bands?|band forms|immature)", re.I),
    "oxygen_saturation": re.compile(r"(?P<num>\d{2,3})\s*%\s*(?:on|at|in) (?:room air|RA|\d+ ?L)", re.I),
    # not a change of weight ("gained 5 kg", "a 3 kg weight loss")
    "weight": re.compile(r"(?<!gained )(?<!lost )(?<!gain of )(?<!loss of )(?<!losing )(?<!gaining )"
                         r"(?P<num>\d{1,3}(?:\.\d+)?)\s*(?P<unit>kg|kgs|lbs?|pounds)\b(?! (?:weight )?(?:loss|gain))",
                         re.I),
    "height": re.compile(r"(?P<num>\d{2,3}(?:\.\d+)?)\s*(?P<unit>cm)\b(?! (?:in diameter|mass|lesion|tumou?r))", re.I),
}
_COUNT = r"(?P<num>\d{1,3}(?:\.\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty)"
_DRINK = r"(?:standard |alcoholic )*(?:drinks?|beverages?|beers?|glasses of (?:wine|beer)|units of alcohol|shots)"
# "4 alcoholic drinks per week", "a weekly average of 12 alcoholic beverages", "two beers a day"
_DRINKS = re.compile(rf"{_COUNT} {_DRINK}(?: of alcohol)? (?:(?:per|a|each|every|/) ?(?P<per>week|day|night)|"
                     rf"(?:on )?(?:a )?(?P<per2>weekly|daily|nightly)(?: basis)?)|(?P<per3>weekly|daily) (?:average|"
                     rf"intake|consumption) of (?:about |approximately |roughly )?{_COUNT.replace('num', 'num2')} {_DRINK}",
                     re.I)
_FEET_INCHES = re.compile(r"(?P<ft>\d)\s*(?:'|′|ft|feet|foot)\s*(?P<inch>\d{1,2}(?:\.\d+)?)\s*(?:\"|″|''|in|inches)?",
                          re.I)


UNLABELLED = "unit only, no label"
_REFERENCE = re.compile(r"normal|reference|\bref\b|\brange\b|upper limit|\bULN\b", re.I)
_VALUE_FIRST = re.compile(r"\d\s*%\s*$")
_SCORE_WORDS = {w: i for i, w in enumerate(("zero", "one", "two", "three", "four", "five", "six", "seven", "eight",
                                            "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen"))}
# a Glasgow Coma Scale total spelled out ("a GCS score of nine")
_GCS_WORDS = re.compile(r"(?:Glasgow Coma (?:Scale|Score)|GCS)(?: score)?(?: of| was| is| at|:| =)? ?(?P<word>"
                        + "|".join(_SCORE_WORDS) + r")\b", re.I)


def _number(text: str) -> float:
    return float(text.replace(",", ""))


def extract_quantities(text: str) -> list[Finding]:
    """Every labelled quantity in the note, with its unit and span, in order of appearance."""
    findings: list[Finding] = []

    def add(concept: str, spec: QuantitySpec | None, value: float, written: str | None,
            start: int, end: int, unlabelled: bool = False) -> None:
        if any(f.concept == concept and f.span.start < end and start < f.span.end for f in findings):
            return  # the same mention, already read by a more specific pattern
        note = None
        unit = written
        if spec is not None:
            chosen = _choose_unit(spec, value, written)
            if chosen is None:
                return
            unit, note = chosen
        if unlabelled:  # read from the unit alone: used only when no labelled value exists
            note = "; ".join(filter(None, [note, UNLABELLED]))
        findings.append(Finding(concept=concept, value=value, unit=unit, note=note,
                                span=Span(start=start, end=end, text=text[start:end])))

    by_concept = {spec.concept: spec for spec in SPECS}
    # feet-and-inches first, so that the label pattern cannot read 5'6" as "5 ft"
    for match in _FEET_INCHES.finditer(text):
        inches = int(match.group("ft")) * 12 + float(match.group("inch"))
        add("height", by_concept["height"], round(inches * 2.54, 2), "cm", match.start(), match.end())
    for spec, value, written, start, end in _listed(text):
        concept = "bun" if spec.concept == "urea" else spec.concept
        add(concept, by_concept[concept], value, written, start, end)
    for spec, pattern in _PATTERNS:
        for match in pattern.finditer(text):
            if _VALUE_FIRST.search(text, max(0, match.start() - 10), match.start()):
                continue  # "82% neutrophils": the number before the label is its value
            if _REFERENCE.search(text, match.start(), match.start("num")):
                continue  # "albumin (normal: 3.5-5.0)": a reference range, not the patient's value
            num_end = match.end("num")
            unit_match = _UNIT_RE.match(text, num_end)
            written = _unit_name(unit_match.group("unit")) if unit_match else None
            end = unit_match.end() if unit_match else num_end
            if spec.concept == "urea" and (written or "").startswith("mg"):
                # urea (the molecule) in mg/dL -> BUN: urea-N is 28.02/60.06 of urea mass
                value = _number(match.group("num")) * 28.02 / 60.06
                add("bun", by_concept["bun"], round(value, 2), "mg/dL", match.start(), end)
                continue
            concept = "bun" if spec.concept == "urea" else spec.concept
            add(concept, by_concept[concept], _number(match.group("num")), written, match.start(), end)
    for concept, pattern in _BARE_UNIT_VALUES.items():
        for match in pattern.finditer(text):
            raw_unit = match.groupdict().get("unit")
            written = _unit_name(raw_unit) if raw_unit else by_concept[concept].units[0]
            add(concept, by_concept[concept], _number(match.group("num")), written, match.start(), match.end())
    for match in _DRINKS.finditer(text):
        raw = (match.group("num") or match.group("num2")).lower()
        count = float(_SCORE_WORDS.get(raw, 20 if raw == "twenty" else raw))
        per = (match.group("per") or match.group("per2") or match.group("per3") or "week").lower()
        unit = "drink/week" if per.startswith("week") else "drink/day"
        add("alcohol_drinks_per_week", None, count, unit, match.start(), match.end())
    for match in _GCS_WORDS.finditer(text):
        add("gcs_total", by_concept["gcs_total"], float(_SCORE_WORDS[match.group("word").lower()]), None,
            match.start(), match.end())
    for match in _BP.finditer(text):
        before = text[max(0, match.start() - 40):match.start()]
        unit_given = "mm" in match.group(0).lower()
        if not (_BP_LABEL.search(before) or unit_given):
            continue
        sbp, dbp = int(match.group("sbp")), int(match.group("dbp"))
        if 40 <= sbp <= 300 and 10 <= dbp <= 200 and sbp > dbp:
            add("systolic_bp", None, sbp, "mmHg", match.start(), match.end())
            add("diastolic_bp", None, dbp, "mmHg", match.start(), match.end())
    findings.sort(key=lambda f: f.span.start)
    return findings
