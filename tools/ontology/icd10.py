"""ICD-10-CM (FY2021, public domain): code titles and the category / block / chapter hierarchy.

Category = the first three characters. Blocks and chapters are code ranges compared on the
3-character category; where the source nests ranges (C00-C96 over C00-C14, ...), a code's
block is the innermost range that holds it. Three categories carry a letter in third place and sit, in the
tabular list, inside a block whose range they do not sort into; they are mapped explicitly.
"""

from __future__ import annotations

import csv
import gzip
import re
from functools import lru_cache
from importlib import resources

from pydantic import BaseModel, Field

from dxkit.errors import InputError

CODE_PATTERN = re.compile(r"^[A-Z][0-9][0-9A-Z](\.?[0-9A-Z]{1,4})?$")
ACCEPTED = "an ICD-10-CM code such as 'E11.9', 'E119' or the category 'E11'"
# Placement in the tabular list (FY2021): C4A Merkel cell carcinoma under skin neoplasms,
# M1A chronic gout under inflammatory polyarthropathies, Z3A weeks of gestation under Z30-Z39.
OUT_OF_ORDER_CATEGORIES = {"C4A": "C43", "M1A": "M10", "Z3A": "Z30"}


class IcdGroup(BaseModel):
    """A block or chapter: its code range and title."""

    code_range: str = Field(description="First and last category, e.g. 'E08-E13' (or 'B20').")
    title: str
    chapter: int | None = Field(None, description="Chapter number (chapters only).")


class _Block(BaseModel):
    start: str
    end: str
    title: str
    chapter: IcdGroup


def normalise_code(code: str) -> str:
    """'e119' or 'E11.9' -> 'E11.9'; raises InputError on anything else."""
    if not isinstance(code, str):
        raise InputError("code", code, "is not a string", accepted=ACCEPTED)
    cleaned = code.strip().upper()
    if not CODE_PATTERN.match(cleaned):
        raise InputError("code", code, "is not an ICD-10-CM code", accepted=ACCEPTED)
    bare = cleaned.replace(".", "")
    return bare if len(bare) == 3 else f"{bare[:3]}.{bare[3:]}"


@lru_cache(maxsize=1)
def icd10_titles() -> dict[str, str]:
    """Every ICD-10-CM code (dotted) with its long title."""
    source = resources.files("dxkit.tools.ontology") / "data" / "icd10cm_codes.csv.gz"
    with source.open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as handle:
        return {row["code"]: row["title"] for row in csv.DictReader(handle)}


@lru_cache(maxsize=1)
def _blocks() -> list[_Block]:
    source = resources.files("dxkit.tools.ontology") / "data" / "icd10cm_blocks.csv"
    blocks = []
    with source.open("r", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            chapter = IcdGroup(code_range=f"{row['chapter_start']}-{row['chapter_end']}",
                               title=row["chapter_title"], chapter=int(row["chapter"]))
            blocks.append(_Block(start=row["block_start"], end=row["block_end"],
                                 title=row["block_title"], chapter=chapter))
    return blocks


def icd10_category(code: str) -> str:
    """The 3-character category of a code ('E11.9' -> 'E11')."""
    return normalise_code(code)[:3]


def icd10_title(code: str) -> str | None:
    return icd10_titles().get(normalise_code(code))


def _block_of(code: str) -> _Block:
    category = icd10_category(code)
    key = OUT_OF_ORDER_CATEGORIES.get(category, category)
    containing = [b for b in _blocks() if b.start <= key <= b.end]
    if not containing:
        raise InputError("code", code, "falls in no ICD-10-CM block", accepted=ACCEPTED)
    # The source nests some ranges (C00-C96 holds C00-C14, ...): the innermost one is the block.
    return max(containing, key=lambda b: (b.start, [-ord(ch) for ch in b.end]))


def icd10_block(code: str) -> IcdGroup:
    """The block holding the code, e.g. 'E11.9' -> E08-E13 Diabetes mellitus."""
    block = _block_of(code)
    span = block.start if block.start == block.end else f"{block.start}-{block.end}"
    return IcdGroup(code_range=span, title=block.title, chapter=block.chapter.chapter)


def icd10_chapter(code: str) -> IcdGroup:
    """The chapter holding the code, e.g. 'E11.9' -> chapter 4 (E00-E89)."""
    return _block_of(code).chapter
