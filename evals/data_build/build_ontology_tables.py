"""Regenerate the compact ontology tables shipped in `dxkit.tools.ontology`.

Sources (read from shared/data/ontologies, never needed at run time):
- doid_<date>.obo.gz (Human Disease Ontology, CC0): id, name, EXACT and RELATED synonyms,
  ICD10CM xrefs, is_a parents and alt_ids of every non-obsolete term. Definitions and
  comments are deliberately not carried.
- icd10cm_2021_codes.csv.gz (CMS/CDC, public domain): code and long title.
- icd10cm_2021_chapters_blocks.csv (public domain): chapter number, chapter and block titles
  and the code range of each block.

Usage: python evals/data_build/build_ontology_tables.py [--shared ../shared/data]
"""

from __future__ import annotations

import argparse
import csv
import gzip
import io
import logging
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OUT_DIR = ROOT / "tools" / "ontology" / "data"
SYNONYM = re.compile(r'^synonym: "(?P<text>(?:[^"\\]|\\.)*)" (?P<scope>EXACT|RELATED|NARROW|BROAD)')
log = logging.getLogger("build_ontology_tables")


def parse_obo(path: Path) -> list[dict[str, list[str] | str]]:
    """Terms of an OBO file as dicts of lists; obsolete terms dropped."""
    terms: list[dict] = []
    current: dict | None = None
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for raw in handle:
            line = raw.rstrip("\n")
            if line.startswith("["):
                current = {"exact": [], "related": [], "icd": [], "parents": [], "alt": []}
                if line == "[Term]":
                    terms.append(current)
                else:
                    current = None  # [Typedef] stanzas are not diseases
                continue
            if current is None or ": " not in line:
                continue
            key, value = line.split(": ", 1)
            if key == "id":
                current["id"] = value
            elif key == "name":
                current["name"] = value
            elif key == "is_obsolete" and value == "true":
                current["obsolete"] = True
            elif key == "synonym":
                match = SYNONYM.match(line)
                if match:
                    scope = "exact" if match["scope"] == "EXACT" else "related"
                    if match["scope"] in ("EXACT", "RELATED"):
                        current[scope].append(match["text"].replace('\\"', '"'))
            elif key == "xref" and value.startswith("ICD10CM:"):
                current["icd"].append(value.split()[0].removeprefix("ICD10CM:"))
            elif key == "is_a":
                current["parents"].append(value.split()[0])
            elif key == "alt_id":
                current["alt"].append(value)
    return [t for t in terms if not t.get("obsolete") and t.get("id", "").startswith("DOID:")]


def _join(values: list[str]) -> str:
    seen: dict[str, None] = {}
    for value in values:
        if "|" in value:
            raise ValueError(f"separator '|' inside a value: {value!r}")
        seen.setdefault(value.strip(), None)
    return "|".join(v for v in seen if v)


def write_doid(terms: list[dict], out: Path) -> None:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["doid", "name", "exact_synonyms", "related_synonyms", "icd10cm", "parents", "alt_ids"])
    for term in sorted(terms, key=lambda t: t["id"]):
        writer.writerow([term["id"], term["name"], _join(term["exact"]), _join(term["related"]),
                         _join(term["icd"]), _join(term["parents"]), _join(term["alt"])])
    _write_gz(out, buffer.getvalue())


def write_icd_codes(source: Path, out: Path) -> int:
    """Code (dotted, e.g. 'E11.9') and long title; the short titles are redundant."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["code", "title"])
    count = 0
    with gzip.open(source, "rt", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            code = row["code"].strip()
            dotted = code if len(code) <= 3 else f"{code[:3]}.{code[3:]}"
            writer.writerow([dotted, row["long"].strip()])
            count += 1
    _write_gz(out, buffer.getvalue())
    return count


def write_blocks(source: Path, out: Path) -> int:
    """Chapter number, chapter range and title, block range and title."""
    rows = []
    with source.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            chapter_range = re.search(r"\(([A-Z0-9]{3})-([A-Z0-9]{3})\)\s*$", row["chapter_title"])
            if not chapter_range:
                raise ValueError(f"chapter title without a code range: {row['chapter_title']!r}")
            start, _, end = row["block"].partition("-")
            rows.append([row["chapter"], chapter_range[1], chapter_range[2],
                         re.sub(r"\s*\([A-Z0-9-]+\)\s*$", "", row["chapter_title"]),
                         start, end or start, re.sub(r"\s*\([A-Z0-9-]+\)\s*$", "", row["block_title"])])
    with out.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["chapter", "chapter_start", "chapter_end", "chapter_title",
                         "block_start", "block_end", "block_title"])
        writer.writerows(rows)
    return len(rows)


def _write_gz(out: Path, text: str) -> None:
    # mtime=0 keeps the bytes reproducible, so a rebuild of unchanged sources is a no-op diff.
    with out.open("wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as handle:
        handle.write(text.encode("utf-8"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared" / "data")
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    source = args.shared / "ontologies"
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    obo = sorted(source.glob("doid_*.obo.gz"))[-1]
    terms = parse_obo(obo)
    write_doid(terms, OUT_DIR / "doid_terms.csv.gz")
    codes = write_icd_codes(source / "icd10cm_2021_codes.csv.gz", OUT_DIR / "icd10cm_codes.csv.gz")
    blocks = write_blocks(source / "icd10cm_2021_chapters_blocks.csv", OUT_DIR / "icd10cm_blocks.csv")
    log.info("DOID terms: %d (from %s); ICD-10-CM codes: %d; blocks: %d", len(terms), obo.name, codes, blocks)


if __name__ == "__main__":
    main()
