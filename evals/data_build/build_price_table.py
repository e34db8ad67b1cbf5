"""Regenerate the price table shipped in `dxkit.tools.prices` (tools/prices/data/cms_prices_2025.csv).

Inputs:
- evals/data_build/price_catalogue.txt: dxkit's own list of orderable tests (names and
  synonyms in our words, the CPT/HCPCS codes each one bills, a category and a region);
- shared/data/prices/cms_clfs_2025_q1_national.csv: CMS Clinical Laboratory Fee Schedule,
  2025 Q1, national limits (the row with an empty MOD);
- shared/data/prices/cms_pfs_2025_national.csv: CMS Physician Fee Schedule 2025, national
  payment (the row with an empty MOD, i.e. the global service: technical + professional).

A code found on the lab schedule is priced from it; otherwise from the physician schedule.
Where the physician schedule has no global row (PET: the technical component is priced by
each Medicare contractor, not nationally), the professional component (MOD 26) is used and
the row's `notes` says that its price is a lower bound.
A test with several codes (a bundle) costs the sum of its codes, a code listed twice counts
twice. The script fails on an unknown code, an unpriced code or a synonym claimed twice.

Usage: python evals/data_build/build_price_table.py [--shared ../shared/data]
"""

from __future__ import annotations

import argparse
import csv
import logging
import math
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CATALOGUE = Path(__file__).with_name("price_catalogue.txt")
OUT = ROOT / "tools" / "prices" / "data" / "cms_prices_2025.csv"
COLUMNS = ["test_id", "name", "synonyms", "codes", "schedule", "price_usd", "facility_price_usd",
           "category", "region", "notes"]
PROFESSIONAL_ONLY_NOTE = "professional component only (technical component carrier-priced): a lower bound"
log = logging.getLogger("build_price_table")


def read_schedule(path: Path, modifier: str = "") -> dict[str, tuple[float, float]]:
    """HCPCS -> (non-facility rate, facility rate) for the rows with this modifier (default: none)."""
    rates: dict[str, tuple[float, float]] = {}
    with path.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            if row["MOD"].strip() != modifier:
                continue
            rates[row["HCPCS"].strip()] = (float(row["NF RATE"] or "nan"), float(row["F RATE"] or "nan"))
    return rates


def read_catalogue(path: Path) -> list[dict[str, str]]:
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        fields = [f.strip() for f in line.split(";")]
        if len(fields) != 6:
            raise ValueError(f"{path.name}:{number}: expected 6 ';'-separated fields, got {len(fields)}")
        rows.append(dict(zip(["test_id", "name", "synonyms", "codes", "category", "region"], fields, strict=True)))
    return rows


def build(shared: Path) -> list[dict[str, str]]:
    from dxkit.tools.prices.matching import normalise_test_name

    lab = read_schedule(shared / "prices" / "cms_clfs_2025_q1_national.csv")
    physician = read_schedule(shared / "prices" / "cms_pfs_2025_national.csv")
    professional = read_schedule(shared / "prices" / "cms_pfs_2025_national.csv", modifier="26")
    out, claimed, problems = [], {}, []
    for row in read_catalogue(CATALOGUE):
        schedules, nf_total, f_total, notes = [], 0.0, 0.0, ""
        for code in row["codes"].split("|"):
            schedule, rates = ("lab", lab.get(code)) if code in lab else ("physician", physician.get(code))
            if rates is None and code in professional:
                rates, notes = professional[code], f"{code}: {PROFESSIONAL_ONLY_NOTE}"
            if rates is None or math.isnan(rates[0]) or rates[0] <= 0:
                problems.append(f"{row['test_id']}: code {code} has no national rate")
                continue
            schedules.append(schedule)
            nf_total += rates[0]
            f_total += rates[1] if not math.isnan(rates[1]) else rates[0]
        for label in [row["name"], row["test_id"].replace("_", " "), *row["synonyms"].split("|")]:
            key = normalise_test_name(label)
            if key and claimed.setdefault(key, row["test_id"]) != row["test_id"]:
                problems.append(f"{label!r} claimed by both {claimed[key]} and {row['test_id']}")
        out.append({**row, "schedule": "|".join(schedules), "price_usd": f"{nf_total:.2f}",
                    "facility_price_usd": f"{f_total:.2f}", "notes": notes})
    if problems:
        raise SystemExit("catalogue problems:\n  " + "\n  ".join(problems))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared" / "data")
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(message)s", stream=sys.stderr)
    rows = build(args.shared)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with OUT.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows({k: r[k] for k in COLUMNS} for r in rows)
    codes = {c for r in rows for c in r["codes"].split("|")}
    log.info("wrote %d tests, %d distinct codes -> %s", len(rows), len(codes), OUT.relative_to(ROOT))


if __name__ == "__main__":
    main()
