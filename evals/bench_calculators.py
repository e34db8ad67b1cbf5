"""Calculator throughput: runs per second over the whole registry (a figure, no threshold).

    python -m dxkit.evals.bench_calculators [--seconds 3]

Inputs for each calculator are built from its declared metadata (the normal value, a
probe, or a point inside the physiological range; the first option; "no"), passed as
"value unit" strings so unit parsing and conversion are part of what is timed.
"""

from __future__ import annotations

import argparse
import time
from typing import Any

from dxkit.calculators.base import Calculator, Measure, field_meta, literal_options
from dxkit.calculators.registry import registry
from dxkit.errors import DxkitError


def example_inputs(calc: Calculator) -> dict[str, Any]:
    inputs: dict[str, Any] = {}
    for name, info in calc.Inputs.model_fields.items():
        meta = field_meta(calc.Inputs, name)
        if isinstance(meta, Measure):
            if meta.normal is not None:
                number = meta.normal
            elif meta.probes:
                number = meta.probes[-1]
            else:
                low = meta.ge if meta.ge is not None else 0.0
                high = meta.le if meta.le is not None else low + 10
                number = low + (high - low) * 0.3
            inputs[name] = f"{number:g} {meta.unit}"
        elif literal_options(info.annotation):
            inputs[name] = literal_options(info.annotation)[0]
        elif info.annotation is bool:
            inputs[name] = False
        elif "date" in name:
            inputs[name] = "2024-01-01" if "current" not in name else "2024-03-01"
    return inputs


def benchmark(seconds: float = 3.0) -> dict[str, float]:
    cases = []
    skipped = []
    for calc in registry():
        inputs = example_inputs(calc)
        try:
            calc.run(inputs, missing="assume_absent")
        except DxkitError:
            skipped.append(calc.id)
            continue
        cases.append((calc, inputs))
    runs = 0
    start = time.perf_counter()
    while time.perf_counter() - start < seconds:
        for calc, inputs in cases:
            calc.run(inputs, missing="assume_absent")
        runs += len(cases)
    elapsed = time.perf_counter() - start
    return {"calculators": len(cases), "skipped": len(skipped), "runs": runs, "seconds": elapsed,
            "runs_per_second": runs / elapsed}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Calculator runs per second.")
    parser.add_argument("--seconds", type=float, default=3.0)
    args = parser.parse_args(argv)
    result = benchmark(args.seconds)
    print(f"{result['calculators']} calculators ({result['skipped']} skipped: example inputs invalid), "
          f"{result['runs']} runs in {result['seconds']:.2f} s = {result['runs_per_second']:.0f} runs/s")


if __name__ == "__main__":
    main()
