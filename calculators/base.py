"""The calculator contract: typed inputs with units, a pure compute function, one result shape.

A calculator module defines

    class Inputs(CalcInputs):
        creatinine_mg_dl: Creatinine                  # Annotated[float, Measure(...)]
        chf_history: Annotated[bool, Flag(concept="chf_history")] = ...

    def compute(x: Inputs) -> Computation: ...

    CALCULATOR = Calculator(id=..., name=..., Inputs=Inputs, compute=compute, reference=..., ...)

`Calculator.run(raw)` validates and converts the raw inputs (numbers in the canonical unit,
"1.4 mg/dL" strings, [value, unit] pairs or {"value", "unit"} dicts), refuses unknown keys,
and either computes the result or, when inputs are missing, reports them with the lowest and
highest possible result (for point scores) so an agent can decide what to ask next.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal, get_args, get_origin

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from dxkit.calculators.units import convert
from dxkit.errors import InputError

Kind = Literal["score", "formula", "date", "rule"]
MissingPolicy = Literal["report", "assume_absent"]
ResultValue = float | int | str | tuple[int, int] | None


# ---------------------------------------------------------------- field metadata
@dataclass(frozen=True)
class Measure:
    """A numeric input with a unit. Raw values are converted to `unit` and range-checked.

    ge/le: physiologically possible range in `unit` (outside -> InputError).
    analyte: molar-mass/valence facts for mass<->SI conversion (see units.ANALYTES).
    concept: the shared clinical concept this field takes (used by note extraction).
    probes: values to try for this field when it is missing (threshold edges of the score).
    """

    unit: str
    ge: float | None = None
    le: float | None = None
    analyte: str | None = None
    concept: str | None = None
    probes: tuple[float, ...] = ()
    normal: float | None = None  # value assumed under MissingPolicy "assume_absent"


@dataclass(frozen=True)
class Flag:
    """A yes/no finding. `concept` names the shared clinical concept (e.g. "chf_history")."""

    concept: str | None = None


@dataclass(frozen=True)
class Choice:
    """A categorical input (a Literal type). `normal` is assumed under "assume_absent"."""

    concept: str | None = None
    normal: str | None = None


def _coerce_quantity(raw: Any, meta: Measure, name: str) -> Any:
    """Turn a raw input into a float in `meta.unit`; None and already-converted floats pass."""
    if raw is None:
        return None
    value: Any
    unit: str | None
    if isinstance(raw, bool):
        raise InputError(name, raw, "must be a number", unit=meta.unit)
    if isinstance(raw, int | float):
        value, unit = raw, meta.unit
    elif isinstance(raw, str):
        parts = raw.strip().split(maxsplit=1)
        try:
            value = float(parts[0])
        except (ValueError, IndexError):
            raise InputError(name, raw, "is not a number with a unit", accepted=f'e.g. "1.2 {meta.unit}"') from None
        unit = parts[1] if len(parts) > 1 else meta.unit
    elif isinstance(raw, list | tuple) and len(raw) == 2:
        value, unit = raw
    elif isinstance(raw, dict) and "value" in raw:
        value, unit = raw["value"], raw.get("unit") or meta.unit
    else:
        raise InputError(name, raw, "is not a number or [value, unit]", accepted=f"a number in {meta.unit}")
    try:
        value = float(value)
    except (TypeError, ValueError):
        raise InputError(name, value, "is not a number", unit=str(unit)) from None
    if math.isnan(value) or math.isinf(value):
        raise InputError(name, value, "is not a finite number", unit=str(unit))
    converted = convert(value, str(unit), meta.unit, field=name, analyte=meta.analyte)
    low_ok = meta.ge is None or converted >= meta.ge - 1e-9
    high_ok = meta.le is None or converted <= meta.le + 1e-9
    if not (low_ok and high_ok):
        shown = f"{value:g} {unit}" + (f" (= {converted:.4g} {meta.unit})" if unit != meta.unit else "")
        raise InputError(name, shown, "is outside the physiologically possible range",
                         accepted=f"{meta.ge:g} to {meta.le:g} {meta.unit}")
    return converted


def field_meta(model: type[BaseModel], name: str) -> Measure | Flag | Choice | None:
    for item in model.model_fields[name].metadata:
        if isinstance(item, Measure | Flag | Choice):
            return item
    return None


class CalcInputs(BaseModel):
    """Base of every calculator's input model: unknown keys are errors, quantities convert."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    @model_validator(mode="before")
    @classmethod
    def _convert_quantities(cls, data: Any) -> Any:
        if not isinstance(data, dict):
            return data
        unknown = sorted(set(data) - set(cls.model_fields))
        if unknown:
            raise InputError(unknown[0], data[unknown[0]], "is not an input of this calculator",
                             accepted=", ".join(cls.model_fields))
        out = dict(data)
        for name, value in data.items():
            meta = field_meta(cls, name)
            if isinstance(meta, Measure):
                out[name] = _coerce_quantity(value, meta, name)
        return out


# ---------------------------------------------------------------- results
class Reference(BaseModel):
    """The published source of a calculator."""

    citation: str
    pmid: str | None = None
    doi: str | None = None
    url: str | None = None


class Band(BaseModel):
    """An interpretation band: low <= value <= high (either end open when None)."""

    label: str
    low: float | None = None
    high: float | None = None
    interpretation: str = ""

    def contains(self, value: float) -> bool:
        return (self.low is None or value >= self.low) and (self.high is None or value <= self.high)


class Computation(BaseModel):
    """What a compute function returns: the value, the worked steps, optionally the band."""

    value: ResultValue
    steps: list[str]
    band: str | None = None
    warnings: list[str] = Field(default_factory=list)


class PossibleRange(BaseModel):
    """With inputs missing: the lowest and highest result, and which bands remain possible."""

    low: float | None
    high: float | None
    bands: list[str]
    category_could_change: bool
    method: Literal["enumerated", "additive_bound", "not_available"]


class CalculatorResult(BaseModel):
    calculator_id: str
    name: str
    value: ResultValue
    unit: str
    band: Band | None = None
    steps: list[str] = Field(default_factory=list)
    inputs: dict[str, Any] = Field(default_factory=dict)
    missing: list[str] = Field(default_factory=list)
    assumed: dict[str, Any] = Field(default_factory=dict)
    possible_range: PossibleRange | None = None
    reference: Reference
    warnings: list[str] = Field(default_factory=list)

    @property
    def complete(self) -> bool:
        return not self.missing


# ---------------------------------------------------------------- the calculator
_MAX_ENUMERATION = 4096


@dataclass(frozen=True)
class Calculator:
    id: str
    name: str
    Inputs: type[CalcInputs]
    compute: Callable[[Any], Computation]
    reference: Reference
    output_unit: str
    kind: Kind
    category: str
    purpose: str
    population: str
    medcalc_id: int | None = None
    synonyms: tuple[str, ...] = ()
    bands: tuple[Band, ...] = ()
    triggers: tuple[str, ...] = ()  # words in a note that suggest this calculator applies
    extra_references: tuple[Reference, ...] = field(default_factory=tuple)

    # -------------------------------------------------------------- introspection
    def input_names(self) -> list[str]:
        return list(self.Inputs.model_fields)

    def required_names(self) -> list[str]:
        return [n for n, f in self.Inputs.model_fields.items() if f.is_required()]

    def json_schema(self) -> dict[str, Any]:
        return self.Inputs.model_json_schema()

    def band_for(self, value: ResultValue, label: str | None = None) -> Band | None:
        if label is not None:
            return next((b for b in self.bands if b.label == label), Band(label=label))
        if isinstance(value, int | float) and not isinstance(value, bool):
            return next((b for b in self.bands if b.contains(float(value))), None)
        return None

    # -------------------------------------------------------------- running
    def run(self, raw: dict[str, Any] | BaseModel | None = None, *,
            missing: MissingPolicy = "report", **kwargs: Any) -> CalculatorResult:
        """Validate, convert and compute. Missing inputs are reported, never guessed.

        missing="assume_absent" treats an absent yes/no finding as "no" and an absent
        categorical or numeric input as its declared normal value (the convention of
        scoring systems such as APACHE II and of MedCalc-Bench); every assumption is listed
        in `result.assumed`.
        """
        data = dict(raw.model_dump() if isinstance(raw, BaseModel) else (raw or {}))
        data.update(kwargs)
        data = {k: v for k, v in data.items() if v is not None}
        fields = self.Inputs.model_fields
        unknown = sorted(set(data) - set(fields))
        if unknown:
            raise InputError(unknown[0], data[unknown[0]], f"is not an input of {self.name}",
                             accepted=", ".join(fields))
        assumed: dict[str, Any] = {}
        if missing == "assume_absent":
            for name in fields:
                if name not in data and fields[name].is_required():
                    normal = _normal_value(self.Inputs, name)
                    if normal is not None:
                        data[name] = assumed[name] = normal
        absent = [n for n in self.required_names() if n not in data]
        if not absent:
            inputs = self._validate(data)
            return self._result(inputs, assumed=assumed)
        # validate what was given (errors on bad values even when others are missing)
        given = {n: _coerce_one(self.Inputs, n, v) for n, v in data.items()}
        return CalculatorResult(
            calculator_id=self.id, name=self.name, value=None, unit=self.output_unit,
            inputs=given, missing=absent, assumed=assumed, reference=self.reference,
            possible_range=self._possible_range(given, absent),
            steps=[f"Missing: {', '.join(absent)}"],
        )

    def _validate(self, data: dict[str, Any]) -> CalcInputs:
        try:
            return self.Inputs.model_validate(data)
        except ValidationError as exc:
            err = exc.errors()[0]
            original = (err.get("ctx") or {}).get("error")
            if isinstance(original, InputError):  # raised by our own converters: keep its message
                raise original from None
            name = ".".join(str(p) for p in err["loc"]) or "input"
            accepted = _accepted(self.Inputs, name)
            raise InputError(name, err.get("input"), err["msg"].lower(), accepted=accepted) from None

    def _result(self, inputs: CalcInputs, *, assumed: dict[str, Any] | None = None) -> CalculatorResult:
        out = self.compute(inputs)
        return CalculatorResult(
            calculator_id=self.id, name=self.name, value=out.value, unit=self.output_unit,
            band=self.band_for(out.value, out.band), steps=out.steps, inputs=inputs.model_dump(),
            assumed=assumed or {}, reference=self.reference, warnings=out.warnings,
        )

    def _possible_range(self, given: dict[str, Any], absent: list[str]) -> PossibleRange:
        options = {n: _candidates(self.Inputs, n) for n in absent}
        # For continuous formulas a range over the whole physiological span of a missing
        # input says nothing useful; ranges are given for scores, or where probes are declared.
        unprobed = [n for n in absent if isinstance(field_meta(self.Inputs, n), Measure)
                    and not field_meta(self.Inputs, n).probes]
        if any(not opts for opts in options.values()) or (self.kind not in ("score", "rule") and unprobed):
            return PossibleRange(low=None, high=None, bands=[], category_could_change=True,
                                 method="not_available")
        total = math.prod(len(o) for o in options.values())
        values: list[float] = []
        bands: set[str] = set()
        if total <= _MAX_ENUMERATION:
            for combo in itertools.product(*options.values()):
                self._try(dict(given) | dict(zip(options, combo, strict=True)), values, bands)
            method = "enumerated"
        else:  # additive bound: vary one missing field at a time from a baseline
            baseline = {n: o[0] for n, o in options.items()}
            base_values: list[float] = []
            self._try(dict(given) | baseline, base_values, bands)
            if not base_values:
                return PossibleRange(low=None, high=None, bands=[], category_could_change=True,
                                     method="not_available")
            low = high = base_values[0]
            for name, opts in options.items():
                deltas: list[float] = []
                for option in opts:
                    self._try(dict(given) | baseline | {name: option}, deltas, bands)
                low += min(deltas) - base_values[0]
                high += max(deltas) - base_values[0]
            values = [low, high]
            bands |= {b.label for b in self.bands if b.low is None or b.high is None or
                      (b.high >= low and b.low <= high)}
            method = "additive_bound"
        if not values and bands and method == "enumerated":  # a rule with a categorical verdict
            return PossibleRange(low=None, high=None, bands=sorted(bands),
                                 category_could_change=len(bands) > 1, method=method)
        if not values:
            return PossibleRange(low=None, high=None, bands=[], category_could_change=True,
                                 method="not_available")
        return PossibleRange(low=min(values), high=max(values), bands=sorted(bands),
                             category_could_change=len(bands) > 1, method=method)

    def _try(self, data: dict[str, Any], values: list[float], bands: set[str]) -> None:
        try:
            out = self.compute(self.Inputs.model_validate(data))
        except (InputError, ValidationError, ValueError):
            return  # an impossible combination of candidate values
        if isinstance(out.value, int | float):
            values.append(float(out.value))
        band = self.band_for(out.value, out.band)  # categorical rules report their verdict as the band
        if band is not None:
            bands.add(band.label)


# ---------------------------------------------------------------- helpers
def literal_options(annotation: Any) -> list[Any]:
    """The allowed values of a Literal (possibly inside Optional/Annotated)."""
    if get_origin(annotation) is Literal:
        return list(get_args(annotation))
    for arg in get_args(annotation):
        found = literal_options(arg)
        if found:
            return found
    return []


def _candidates(model: type[BaseModel], name: str) -> list[Any]:
    info = model.model_fields[name]
    meta = field_meta(model, name)
    if info.annotation is bool:
        return [False, True]
    options = literal_options(info.annotation)
    if options:
        return options
    if isinstance(meta, Measure):
        probes = list(meta.probes) or [v for v in (meta.ge, meta.le) if v is not None]
        return probes
    return []


def _normal_value(model: type[BaseModel], name: str) -> Any:
    info = model.model_fields[name]
    meta = field_meta(model, name)
    if info.annotation is bool:
        return False
    if isinstance(meta, Choice | Measure) and meta.normal is not None:
        return meta.normal
    return None


def _coerce_one(model: type[BaseModel], name: str, value: Any) -> Any:
    meta = field_meta(model, name)
    if isinstance(meta, Measure):
        return _coerce_quantity(value, meta, name)
    info = model.model_fields[name]
    options = literal_options(info.annotation)
    if options and value not in options:
        raise InputError(name, value, "is not one of the accepted options", accepted=", ".join(map(str, options)))
    if info.annotation is bool and not isinstance(value, bool):
        lowered = str(value).strip().lower()
        if lowered in {"true", "yes", "1", "y", "present"}:
            return True
        if lowered in {"false", "no", "0", "n", "absent"}:
            return False
        raise InputError(name, value, "is not yes/no", accepted="true or false")
    return value


def _accepted(model: type[BaseModel], name: str) -> str | None:
    if name not in model.model_fields:
        return ", ".join(model.model_fields)
    meta = field_meta(model, name)
    if isinstance(meta, Measure):
        return f"{meta.ge:g} to {meta.le:g} {meta.unit}" if meta.ge is not None and meta.le is not None else meta.unit
    options = literal_options(model.model_fields[name].annotation)
    if options:
        return ", ".join(map(str, options))
    if model.model_fields[name].annotation is bool:
        return "true or false"
    return None


def points_steps(items: Sequence[tuple[str, Any, int]]) -> list[str]:
    """Worked steps for a point score: one line per criterion, then the total."""
    lines = [f"{label}: {shown} -> {points:+d}" for label, shown, points in items]
    lines.append(f"Total = {sum(p for _, _, p in items)}")
    return lines
