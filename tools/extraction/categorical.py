"""Categorical inputs (a calculator's Literal options) from note text.

Concept-specific readers cover graded findings whose wording varies (ascites, hepatic
encephalopathy, Glasgow Coma Scale responses); any other categorical input is filled only
when exactly one of its options is written in the note.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from dxkit.tools.extraction.context import modifiers
from dxkit.tools.extraction.model import Finding, NoteFacts, Span

Resolved = tuple[str, Finding] | None


def _finding(concept: str, value: str, text: str, match: re.Match[str], note: str | None = None) -> Finding:
    return Finding(concept=concept, value=value, note=note,
                   span=Span(start=match.start(), end=match.end(), text=text[match.start():match.end()]))


def _pick(options: list[str], *wanted: str) -> str | None:
    """The first option whose lower-case text contains any of `wanted`."""
    for word in wanted:
        for option in options:
            if word in option.lower():
                return option
    return None


def _sex(options: list[str], facts: NoteFacts) -> Resolved:
    finding = facts.first("sex")
    if finding is None:
        return None
    option = _pick(options, str(finding.value)) if str(finding.value) != "male" else next(
        (o for o in options if o.lower() in ("male", "m", "man")), None)
    return (option, finding) if option else None


_ASCITES = re.compile(r"\bascites\b", re.I)
_ASCITES_GRADE = re.compile(r"\b(?P<grade>mild|slight|small|trace|minimal|moderate|severe|large|massive|tense|gross|"
                            r"refractory)\b(?:[\w\s-]{0,15})$", re.I)
_ASCITES_AFTER = re.compile(r"moderate|severe|large|massive|tense|refractory|paracentesis", re.I)


def _ascites(options: list[str], facts: NoteFacts) -> Resolved:
    """Grade read from the words just before "ascites" (same clause), or after it ("requiring paracentesis")."""
    for match in _ASCITES.finditer(facts.text):
        mods = modifiers(facts.text, match.start(), match.end())
        before = facts.text[max(0, match.start() - 25):match.start()]
        before = re.split(r"[.;,]", before)[-1]
        grade = _ASCITES_GRADE.search(before)
        after = facts.text[match.end():match.end() + 40].split(".")[0]
        if mods.negated:
            option = _pick(options, "absent", "none", "no")
        elif mods.uncertain:
            continue
        elif (grade and grade.group("grade").lower() not in ("mild", "slight", "small", "trace", "minimal")) or (
                not grade and _ASCITES_AFTER.search(after)):
            option = _pick(options, "moderate", "severe")
        else:  # mentioned without a grade, or mild/slight/small/trace
            option = _pick(options, "slight", "mild")
        if option:
            return option, _finding("ascites", option, facts.text, match)
    return None


_ENCEPHALOPATHY = re.compile(r"(?:hepatic )?encephalopathy|asterixis|(?:west haven )?grade (?P<grade>[1-4I]+)"
                             r"(?= (?:hepatic )?encephalopathy)|confus(?:ed|ion)|disorient\w+|somnolen\w+|stupor|coma",
                             re.I)


def _encephalopathy(options: list[str], facts: NoteFacts) -> Resolved:
    for match in _ENCEPHALOPATHY.finditer(facts.text):
        mods = modifiers(facts.text, match.start(), match.end())
        word = match.group(0).lower()
        if mods.negated:
            option = _pick(options, "none", "no")
        elif any(w in word for w in ("stupor", "coma")) or (match.group("grade") or "") in ("3", "4", "III", "IV"):
            option = _pick(options, "3-4", "severe")
        else:
            option = _pick(options, "1-2", "mild")
        if option:
            return option, _finding("hepatic_encephalopathy", option, facts.text, match)
    return None


# Glasgow Coma Scale: phrases for each response, best (highest) first within each component.
_EYES_OPEN = r"(?:eyes? open(?:s|ed|ing)?|open(?:s|ed|ing)? (?:his |her |their |the )?eyes)(?: \w+){0,4}?"
_GCS: dict[str, list[tuple[str, str]]] = {
    "eye": [(_EYES_OPEN + r" spontaneous\w*|spontaneous(?:ly)? (?:eye opening|open)|with eyes open\b|"
             r"\b(?:awake|alert)\b", "spontaneous"),
            (_EYES_OPEN + r" (?:to|in response to|upon|on|when|with) (?:\w+ )?(?:verbal|voice|speech|command|"
             r"being spoken|(?:his|her) name|loud|sound)", "sound"),
            (_EYES_OPEN + r" (?:only )?(?:to|in response to|upon|on|when|with) (?:\w+ )?(?:pain|painful|noxious|"
             r"sternal|trapezius|nail ?bed)", "pain"),
            (r"(?:no eye opening|eyes? (?:remain(?:ed)? )?closed|does not open (?:his |her )?eyes|"
             r"not open (?:his |her )?eyes)", "no")],
    "verbal": [(r"\boriented\b", "oriented"), (r"\bconfused\b|\bdisoriented\b|\btangential\b", "confused"),
               (r"inappropriate words|random words|inappropriate (?:speech|responses|word)", "inappropriate"),
               (r"incomprehensible|moan\w*|groan\w*|mumbl\w*|unintelligible", "incomprehensible"),
               (r"no verbal (?:response|output)|nonverbal|non-verbal|aphasic|mute|no (?:speech|sounds)", "no")],
    "motor": [(r"(?:obey\w*|follow\w*) (?:\w+ ){0,3}commands?", "obeys"),
              (r"locali[sz]\w* (?:\w+ ){0,3}(?:pain|painful|stimul\w+)", "localizes"),
              (r"withdr[ae]w\w* (?:\w+ ){0,4}(?:pain|painful|noxious)", "withdraw"),
              (r"(?:abnormal |decorticate )?flexion|decorticate", "flexion"),
              (r"extension|decerebrate", "extension"), (r"no motor response|flaccid", "no")],
}


def _gcs(component: str) -> Callable[[list[str], NoteFacts], Resolved]:
    """Best response first; a negated description ("not oriented") does not count."""
    def resolve(options: list[str], facts: NoteFacts) -> Resolved:
        for pattern, key in _GCS[component]:
            for match in re.finditer(pattern, facts.text, re.I):
                if key != "no" and modifiers(facts.text, match.start(), match.end()).negated:
                    continue
                option = _pick(options, key)
                if option:
                    return option, _finding(f"gcs_{component}", option, facts.text, match)
        return None
    return resolve


_GCS_POINTS = {"eye": {"spontaneous": 4, "to sound": 3, "to pain": 2, "none": 1},
               "verbal": {"oriented": 5, "confused": 4, "inappropriate words": 3, "incomprehensible sounds": 2,
                          "none": 1},
               "motor": {"obeys commands": 6, "localizes pain": 5, "withdraws from pain": 4, "abnormal flexion": 3,
                         "extension": 2, "none": 1}}
_GCS_LABEL = re.compile(r"(?:Glasgow Coma (?:Scale|Score)|GCS)(?: score)?\s*[:(-]?\s*(?=[A-Za-z])", re.I)
_EYE_SHORT = [(r"eyes?(?: opening| response| open\w*)? (?:only )?to (?:pain|painful)", "to pain"),
              (r"eyes?(?: opening| response| open\w*)? (?:only )?to (?:voice|verbal|speech|sound|command)", "to sound"),
              (r"eyes?(?: opening| open\w*)? spontaneous\w*", "spontaneous")]


def gcs_total_from_components(text: str) -> list[Finding]:
    """A GCS written as its three responses ("GCS: eyes to pain, inappropriate words, withdraws
    from pain") summed to its total (2 + 3 + 4 = 9); only when all three are named there."""
    found = []
    for label in _GCS_LABEL.finditer(text):
        window = re.split(r"\.\s|;|\n", text[label.end():label.end() + 160])[0]
        facts = NoteFacts(text=window)
        options = {c: list(p) for c, p in _GCS_POINTS.items()}
        eye = next((key for pattern, key in _EYE_SHORT if re.search(pattern, window, re.I)), None)
        if eye is None:
            hit = _gcs("eye")(options["eye"], facts)
            eye = hit[0] if hit else None
        verbal, motor = _gcs("verbal")(options["verbal"], facts), _gcs("motor")(options["motor"], facts)
        if eye is None or verbal is None or motor is None:
            continue
        points = _GCS_POINTS["eye"][eye] + _GCS_POINTS["verbal"][verbal[0]] + _GCS_POINTS["motor"][motor[0]]
        span_end = label.end() + len(window)
        found.append(Finding(concept="gcs_total", value=float(points), unit="dimensionless",
                             note=f"summed from components: {eye}, {verbal[0]}, {motor[0]}",
                             span=Span(start=label.start(), end=span_end, text=text[label.start():span_end])))
    return found


def _steroid_from_note(options: list[str], facts: NoteFacts) -> Resolved:
    for finding in facts.findings:
        name = finding.concept.removeprefix("med:")
        if finding.concept.startswith("med:") and name in options:
            return name, finding
    return None


def _steroid_from_question(options: list[str], facts: NoteFacts) -> Resolved:
    """The steroid to convert to is named in the question ("... equivalent dose of prednisone?")."""
    question = facts.question or ""
    # the target is the steroid named last ("Based on the dose of X, what is the dose of Y?");
    # the look-behind keeps "prednisolone" from matching inside "methylprednisolone"
    mentions = [(m.start(), option, m) for option in options
                for m in re.finditer(rf"(?<![a-z]){option}", question, re.I)]
    if not mentions:
        return None
    _, option, match = max(mentions, key=lambda t: t[0])
    span = Span(start=0, end=0, text=question[match.start():match.end()])
    return option, Finding(concept="target_steroid", value=option, span=span, note="named in the question")


def _first_pattern(concept: str, table: list[tuple[str, str]]) -> Callable[[list[str], NoteFacts], Resolved]:
    """A reader trying (pattern -> option keyword) pairs in order; negated mentions are skipped."""
    def resolve(options: list[str], facts: NoteFacts) -> Resolved:
        for pattern, key in table:
            for match in re.finditer(pattern, facts.text, re.I):
                if modifiers(facts.text, match.start(), match.end()).negated:
                    continue
                option = _pick(options, key)
                if option:
                    return option, _finding(concept, option, facts.text, match)
        return None
    return resolve


_ADMISSION = [(r"elective (?:\w+ ){0,3}(?:surgery|operation|procedure|resection|repair)|scheduled surgery", "elective"),
              (r"emergen\w+ (?:\w+ ){0,3}(?:surgery|operation|laparotomy)|urgent(?:ly)? (?:\w+ ){0,2}(?:surgery|"
               r"operation)|taken to the operating room|underwent emergency", "emergency"),
              (r"post-?operative|after (?:the )?(?:surgery|operation)", "emergency")]
_SURGERY = [(r"(?:total )?(?:hip|knee) (?:arthroplasty|replacement)", "arthroplasty"),
            (r"arthroscop\w+", "arthroscopic"), (r"laparoscop\w+", "laparoscopic"),
            (r"major surgery|(?:laparotomy|thoracotomy|colectomy|resection|bypass|craniotomy)", "major"),
            (r"minor (?:surgery|procedure)", "minor")]
_MOBILITY = [(r"confined to bed|bed-?bound|bedridden|immobile for (?:more than )?(?:3|three|[4-9]) days", "72"),
             (r"bed rest|limited mobility|immobili[sz]\w+", "bed rest")]
_LIVER_SEVERITY = [(r"cirrhosis with (?:portal hypertension|varices|ascites)|portal hypertension|varic\w+ bleed|"
                    r"decompensated (?:cirrhosis|liver)|hepatic encephalopathy|esophageal varices", "moderate"),
                   (r"cirrhosis|chronic hepatitis|fatty liver|steatosis|NAFLD|NASH|liver disease", "mild")]
_DIABETES_SEVERITY = [(r"diabetic (?:nephropathy|retinopathy|neuropathy|foot)|diabetes (?:mellitus )?with "
                       r"(?:end[- ]organ|complications|nephropathy|retinopathy|neuropathy)", "end-organ"),
                      (r"diabetes|diabetic|T[12]DM|IDDM|NIDDM", "uncomplicated")]
_ECG = [(r"ST[- ](?:segment )?(?:elevation|depression)s?|STEMI|ST deviation", "significant"),
        (r"(?:T[- ]wave inversions?|left bundle branch block|LBBB|left ventricular hypertrophy|LVH|"
         r"repolari[sz]ation (?:abnormalit\w+|changes|disturbance)|nonspecific ST|non-specific ST|paced rhythm)",
         "non-specific"),
        (r"(?:ECG|EKG|electrocardiogram)[^.]{0,40}(?:normal|unremarkable|sinus rhythm|no (?:acute )?(?:ischemic )?"
         r"changes)", "normal")]
_TROPONIN = [(r"troponin[^.]{0,40}(?:markedly|significantly) (?:elevated|raised)|troponin[^.]{0,30}> ?3", "> 3x"),
             (r"troponin[^.]{0,40}(?:elevated|raised|positive|high)|(?:elevated|raised|positive) troponin", "1-3x"),
             (r"troponin[^.]{0,40}(?:normal|negative|unremarkable|undetectable|within)|negative troponin",
              "<= normal")]
_SUSPICION = [(r"(?:typical|classic) (?:angina|chest pain)|crushing|pressure-like|radiat\w+ to (?:the )?"
               r"(?:left arm|jaw|neck|shoulder)|diaphore\w+", "highly"),
              (r"chest (?:pain|discomfort|pressure|tightness)", "moderately")]

# AVPU, worst level first: a note saying "alert but confused" is at the confusion level
_AVPU = [(r"unresponsive(?! to (?:verbal|voice|commands))|unrousable|comatose|\bcoma\b|no response to pain",
          "unresponsive"),
         (r"respond\w* (?:only )?to (?:pain|painful|noxious|sternal)|rousable (?:only )?(?:to|with) pain", "pain"),
         (r"respond\w* (?:only )?to (?:voice|verbal|his name|her name)|rousable to voice|drowsy", "voice"),
         (r"(?:new|acute)(?:-onset)? confusion|\bconfused\b|disorient\w+|delirium|delirious|altered mental status",
          "confusion"),
         (r"\balert\b", "alert")]

_RACE = [(r"African[- ]American|\bblack (?:man|woman|male|female|patient|race)|of African (?:descent|ancestry)",
          "african"), (r"\b(?:Caucasian|white (?:man|woman|male|female|patient|race))\b", "white"),
         (r"\b(?:Asian|Hispanic|Latino|Latina|Native American|Pacific Islander)\b", "other")]
_TIA_FEATURES = [(r"(?:unilateral|one-sided|(?:left|right)[- ]sided|(?:left|right) (?:arm|leg|face|facial|hand))"
                  r" (?:\w+ )?(?:weakness|paresis|droop)|hemipares\w+|weakness (?:of|in) the (?:left|right)",
                  "unilateral"), (r"slurred speech|dysarthri\w+|aphasi\w+|speech (?:disturbance|difficult\w+)|"
                                  r"difficulty (?:speaking|finding words)|word[- ]finding", "speech")]
_TIA_DURATION = [(r"(?:lasted|lasting|for|resolved after|duration of) (?:about |approximately |around )?"
                  r"(?:[6-9]\d|\d{3}) ?min|(?:lasted|lasting|for) (?:about |approximately |over )?(?:an?|one|\d+"
                  r"(?:\.\d+)?) hours?", ">= 60"),
                 (r"(?:lasted|lasting|for|resolved after|duration of) (?:about |approximately |around )?"
                  r"(?:[1-5]\d) ?min", "10-59"),
                 (r"(?:lasted|lasting|for|resolved after|duration of) (?:about |approximately |around )?"
                  r"(?:[1-9]|a few) ?min", "< 10")]


READERS: dict[str, Callable[[list[str], NoteFacts], Resolved]] = {
    "steroid_name": _steroid_from_note,
    "target_steroid": _steroid_from_question,
    "admission_type": _first_pattern("admission_type", _ADMISSION),
    "surgery_type": _first_pattern("surgery_type", _SURGERY),
    "mobility": _first_pattern("mobility", _MOBILITY),
    "liver_disease_severity": _first_pattern("liver_disease_severity", _LIVER_SEVERITY),
    "diabetes_severity": _first_pattern("diabetes_severity", _DIABETES_SEVERITY),
    "ecg_findings": _first_pattern("ecg_findings", _ECG),
    "troponin_level": _first_pattern("troponin_level", _TROPONIN),
    "chest_pain_suspicion": _first_pattern("chest_pain_suspicion", _SUSPICION),
    "sex": _sex,
    "race": _first_pattern("race", _RACE),
    "tia_clinical_features": _first_pattern("tia_clinical_features", _TIA_FEATURES),
    "tia_duration": _first_pattern("tia_duration", _TIA_DURATION),
    "avpu": _first_pattern("avpu", _AVPU),
    "ascites": _ascites,
    "hepatic_encephalopathy": _encephalopathy,
    "encephalopathy": _encephalopathy,
    "gcs_eye": _gcs("eye"),
    "gcs_verbal": _gcs("verbal"),
    "gcs_motor": _gcs("motor"),
}


def _literal_mention(concept: str, options: list[str], facts: NoteFacts) -> Resolved:
    hits = []
    for option in options:
        if len(str(option)) < 4:
            continue  # short codes ("no", "1") are everywhere in text
        match = re.search(rf"(?<![\w-]){re.escape(str(option))}(?![\w-])", facts.text, re.I)
        if match:
            hits.append((option, match))
    if len(hits) != 1:
        return None
    option, match = hits[0]
    return option, _finding(concept, option, facts.text, match, note="option named in the note")


def resolve_choice(concept: str, options: list[str], facts: NoteFacts) -> Resolved:
    reader = READERS.get(concept)
    if reader is not None:
        return reader([str(o) for o in options], facts)
    return _literal_mention(concept, [str(o) for o in options], facts)
