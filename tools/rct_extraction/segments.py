"""Split a Markdown trial report into sentences and table rows, keeping character offsets.

Tables may be pipe tables (`| a | b |`) or pandoc simple tables (columns set by a dashed
separator line). A body row without digits directly under the header (e.g. "Intervention
Control") is folded into the column headers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

SIMPLE_SEPARATOR = re.compile(r"^\s*-{3,}(?:\s+-{3,})*\s*$")
PIPE_SEPARATOR = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")
CELL = re.compile(r"\S(?:.*?\S)?(?=\s{2,}|\s*$)")
SENTENCE_END = re.compile(r"(?<=[.!?;])\s+(?=[A-Z(\[*])|\s+(?=#+\s)|::::")


@dataclass
class Cell:
    text: str
    start: int
    end: int
    column: int


@dataclass
class Segment:
    kind: str  # "sentence" or "row"
    text: str
    start: int
    end: int
    cells: list[Cell] = field(default_factory=list)
    headers: list[str] = field(default_factory=list)
    caption: str = ""
    table: int = -1  # rows of one table share this number

    @property
    def label(self) -> str:
        return self.cells[0].text if self.cells else self.text


def _line_offsets(document: str) -> list[tuple[int, str]]:
    offsets, position = [], 0
    for line in document.split("\n"):
        offsets.append((position, line))
        position += len(line) + 1
    return offsets


def _simple_cells(line: str, line_start: int, columns: list[tuple[int, int]]) -> list[Cell]:
    cells = []
    for match in CELL.finditer(line):
        # left-aligned cells start at their column's dashes (1 character of slack)
        starts = [i for i, (a, _) in enumerate(columns) if a <= match.start() + 1]
        index = starts[-1] if starts else 0
        cells.append(Cell(match.group(), line_start + match.start(), line_start + match.end(), index))
    return cells


def _pipe_cells(line: str, line_start: int) -> list[Cell]:
    cells, column, position = [], 0, 0
    stripped = line.strip()
    offset = line.find(stripped)
    parts = stripped.strip("|").split("|")
    position = offset + (1 if stripped.startswith("|") else 0)
    for part in parts:
        text = part.strip()
        if text:
            inner = part.find(text)
            cells.append(Cell(text, line_start + position + inner, line_start + position + inner + len(text), column))
        position += len(part) + 1
        column += 1
    return cells


def _caption_before(lines: list[tuple[int, str]], index: int) -> str:
    collected = []
    for _, text in reversed(lines[max(0, index - 8):index]):
        if "caption" in text or "table-wrap" in text:
            break
        collected.append(text.strip())
    return " ".join(reversed(collected)).strip(": ")


def segment(document: str) -> list[Segment]:
    """Sentences and table rows of `document`, in order."""
    lines = _line_offsets(document)
    in_table = [False] * len(lines)
    segments: list[Segment] = []
    i = 0
    while i < len(lines):
        start, text = lines[i]
        pipe = bool(PIPE_SEPARATOR.match(text)) and "|" in text
        simple = bool(SIMPLE_SEPARATOR.match(text))
        if not (pipe or simple):
            i += 1
            continue
        columns = [(m.start(), m.end()) for m in re.finditer(r"-{3,}", text)]
        header_index = [j for j in range(max(0, i - 3), i) if lines[j][1].strip() and ":::" not in lines[j][1]]
        header_index = header_index[-2:] if simple else header_index[-1:]
        n_cols = len(columns) if simple else len(text.strip().strip("|").split("|"))
        headers = [""] * max(n_cols, 1)
        caption = _caption_before(lines, header_index[0] if header_index else i)
        for j in header_index:
            in_table[j] = True
            cells = _simple_cells(lines[j][1], lines[j][0], columns) if simple else _pipe_cells(*reversed(lines[j]))
            for cell in cells:
                if cell.column < len(headers):
                    headers[cell.column] = (headers[cell.column] + " " + cell.text).strip()
        in_table[i] = True
        j, seen_body = i + 1, False
        while j < len(lines) and lines[j][1].strip() and "::::" not in lines[j][1] \
                and not SIMPLE_SEPARATOR.match(lines[j][1]):
            line_start, line = lines[j]
            in_table[j] = True
            cells = _simple_cells(line, line_start, columns) if simple else _pipe_cells(line, line_start)
            if not seen_body and cells and not any(ch.isdigit() for ch in line):
                for cell in cells:  # a sub-header row
                    if cell.column < len(headers):
                        headers[cell.column] = (headers[cell.column] + " " + cell.text).strip()
            elif cells:
                seen_body = True
                segments.append(Segment("row", line.strip(), line_start, line_start + len(line), cells,
                                        list(headers), caption, table=i))
            j += 1
        i = j
    for (start, text), is_table in zip(lines, in_table, strict=True):
        if is_table or not text.strip():
            continue
        position = 0
        for piece in SENTENCE_END.split(text):
            at = text.find(piece, position)
            if at < 0:
                continue
            position = at + len(piece)
            if piece.strip():
                lead = len(piece) - len(piece.lstrip())
                segments.append(Segment("sentence", piece.strip(), start + at + lead,
                                        start + at + lead + len(piece.strip())))
    segments.sort(key=lambda s: s.start)
    return segments
