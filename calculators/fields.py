"""Shared input types: one definition per clinical quantity, with its unit, range and concept.

Calculators reuse these so that "creatinine" means the same unit, range and concept
everywhere, and the note extractor can fill any calculator from one set of concepts.
Ranges are physiologically possible values (wide on purpose): outside them is a data error.
Add a type here when two calculators need the same quantity.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, ValidationInfo

from dxkit.calculators.base import Choice, Flag, Measure
from dxkit.errors import InputError

_SEX_WORDS = {
    "male": "male", "m": "male", "man": "male", "boy": "male", "masculine": "male",
    "female": "female", "f": "female", "woman": "female", "girl": "female", "feminine": "female",
}


def _sex(value: Any) -> Any:
    key = str(value).strip().lower()
    if key in _SEX_WORDS:
        return _SEX_WORDS[key]
    raise InputError("sex", value, "is not a recognised sex", accepted="male, female")


Sex = Annotated[Literal["male", "female"], BeforeValidator(_sex), Choice(concept="sex")]

# demographics and anthropometrics
AgeYears = Annotated[float, Measure("year", ge=0, le=125, concept="age")]
AdultAgeYears = Annotated[float, Measure("year", ge=18, le=125, concept="age", probes=(18, 125))]
WeightKg = Annotated[float, Measure("kg", ge=0.3, le=500, concept="weight")]
HeightCm = Annotated[float, Measure("cm", ge=20, le=280, concept="height")]
BmiKgM2 = Annotated[float, Measure("kg/m**2", ge=5, le=150, concept="bmi")]

# vital signs
HeartRate = Annotated[float, Measure("1/min", ge=0, le=350, concept="heart_rate")]
RespiratoryRate = Annotated[float, Measure("1/min", ge=0, le=120, concept="respiratory_rate")]
SystolicBp = Annotated[float, Measure("mmHg", ge=0, le=350, concept="systolic_bp")]
DiastolicBp = Annotated[float, Measure("mmHg", ge=0, le=250, concept="diastolic_bp")]
TemperatureC = Annotated[float, Measure("degC", ge=20, le=46, concept="temperature")]
OxygenSaturationPct = Annotated[float, Measure("percent", ge=0, le=100, concept="oxygen_saturation")]

# chemistry
CreatinineMgDl = Annotated[float, Measure("mg/dL", ge=0.05, le=40, analyte="creatinine", concept="creatinine")]
SodiumMmolL = Annotated[float, Measure("mmol/L", ge=80, le=220, analyte="sodium", concept="sodium")]
PotassiumMmolL = Annotated[float, Measure("mmol/L", ge=1, le=12, analyte="potassium", concept="potassium")]
ChlorideMmolL = Annotated[float, Measure("mmol/L", ge=50, le=160, analyte="chloride", concept="chloride")]
BicarbonateMmolL = Annotated[float, Measure("mmol/L", ge=1, le=60, analyte="bicarbonate", concept="bicarbonate")]
BunMgDl = Annotated[float, Measure("mg/dL", ge=0.5, le=300, analyte="bun", concept="bun")]
GlucoseMgDl = Annotated[float, Measure("mg/dL", ge=5, le=3000, analyte="glucose", concept="glucose")]
AlbuminGDl = Annotated[float, Measure("g/dL", ge=0.5, le=7, analyte="albumin", concept="albumin")]
CalciumMgDl = Annotated[float, Measure("mg/dL", ge=2, le=25, analyte="calcium", concept="calcium")]
BilirubinMgDl = Annotated[float, Measure("mg/dL", ge=0.05, le=80, analyte="bilirubin", concept="bilirubin")]
InrRatio = Annotated[float, Measure("dimensionless", ge=0.5, le=20, concept="inr")]
HemoglobinGDl = Annotated[float, Measure("g/dL", ge=1, le=25, analyte="hemoglobin", concept="hemoglobin")]
HematocritPct = Annotated[float, Measure("percent", ge=5, le=80, concept="hematocrit")]
PlateletsKPerUl = Annotated[float, Measure("1e3 count/uL", ge=0.5, le=3000, concept="platelets")]
WbcKPerUl = Annotated[float, Measure("1e3 count/uL", ge=0.05, le=500, concept="wbc")]
AstUL = Annotated[float, Measure("U/L", ge=1, le=30000, concept="ast")]
AltUL = Annotated[float, Measure("U/L", ge=1, le=30000, concept="alt")]
TotalCholesterolMgDl = Annotated[float, Measure("mg/dL", ge=40, le=1500, analyte="cholesterol",
                                                concept="total_cholesterol")]
HdlMgDl = Annotated[float, Measure("mg/dL", ge=5, le=250, analyte="cholesterol", concept="hdl_cholesterol")]
TriglyceridesMgDl = Annotated[float, Measure("mg/dL", ge=10, le=10000, analyte="triglycerides",
                                             concept="triglycerides")]

# ECG
QtIntervalMs = Annotated[float, Measure("ms", ge=150, le=1000, concept="qt_interval")]


def flag(concept: str) -> Flag:
    """Metadata for a yes/no finding tied to a shared concept name."""
    return Flag(concept=concept)


# dates (obstetric calculators): ISO "2024-02-14" or US "02/14/2024"
def _calendar_date(value: Any, info: ValidationInfo) -> Any:
    from datetime import date, datetime

    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value).strip()
    for fmt in ("%Y-%m-%d", "%m/%d/%Y"):
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise InputError(info.field_name or "date", value, "is not a calendar date",
                     accepted="YYYY-MM-DD or MM/DD/YYYY")


def calendar_date(concept: str) -> Any:
    """An Annotated date input that accepts ISO and MM/DD/YYYY strings (concept names the field)."""
    from datetime import date

    return Annotated[date, BeforeValidator(_calendar_date), Choice(concept=concept)]
