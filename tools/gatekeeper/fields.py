"""A case's findings as addressable fields: every node of the history, exam and test trees."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from dxkit.cases import SECTIONS, Case
from dxkit.tools.gatekeeper.names import Vocabulary, display_name


@dataclass(frozen=True)
class CaseField:
    """One node of a case tree: a section name and the keys leading to it."""

    section: str
    path: tuple[str, ...]
    value: Any  # text, or a mapping of child name -> subtree

    @property
    def field_path(self) -> str:
        return "/".join((self.section, *self.path))

    @property
    def name(self) -> str:
        return display_name(self.path[-1])

    @property
    def qualified_name(self) -> str:
        """Parents and name, e.g. 'Imaging Chest CT': how scripted requests address nested fields."""
        return " ".join(display_name(part) for part in self.path)

    @property
    def label(self) -> str:
        """Parents and name for display, e.g. 'Imaging > Chest CT'."""
        return " > ".join(display_name(part) for part in self.path)

    @property
    def depth(self) -> int:
        return len(self.path)

    def text(self) -> str:
        """The field rendered for the solver: its name, then its content (children indented)."""
        return render(self.name, self.value)


def render(name: str, value: Any, indent: int = 0) -> str:
    pad = "  " * indent
    if isinstance(value, dict):
        lines = [f"{pad}{name}:"]
        lines += [render(display_name(child), sub, indent + 1) for child, sub in value.items()]
        return "\n".join(lines)
    return f"{pad}{name}: {value}"


def case_fields(case: Case) -> list[CaseField]:
    """Every node of every section, parents before children, in the case's order."""
    out: list[CaseField] = []

    def walk(section: str, path: tuple[str, ...], tree: dict[str, Any]) -> None:
        for key, value in tree.items():
            node = CaseField(section, (*path, key), value)
            out.append(node)
            if isinstance(value, dict):
                walk(section, node.path, value)

    for section in SECTIONS:
        walk(section, (), case.section(section))  # type: ignore[arg-type]
    return out


class FieldIndex:
    """Name key -> fields, per section. Bare child names are keys only when unambiguous.

    Each field is indexed under its literal key (normalised name) and its synonym-group key;
    a literal match is always tried first, so two fields whose names are synonyms of each
    other ("General Examination", "General Appearance") both stay reachable by name.
    """

    def __init__(self, fields: list[CaseField], vocab: Vocabulary) -> None:
        self.fields = fields
        self.vocab = vocab
        self._literal: dict[str, list[tuple[int, CaseField]]] = {}
        self._canonical: dict[str, list[tuple[int, CaseField]]] = {}
        bare_counts: dict[str, int] = {}
        for node in fields:
            bare = vocab.canonical_key(node.name)
            bare_counts[bare] = bare_counts.get(bare, 0) + 1
        for node in fields:
            # rank 0: the field's full name; rank 1: its bare name (nested, unique, not generic)
            names = [(0, node.qualified_name)]
            if node.depth > 1 and bare_counts[vocab.canonical_key(node.name)] == 1 and not vocab.is_generic(node.name):
                names.append((1, node.name))
            for rank, name in names:
                self._add(self._literal, vocab.key(name), rank, node)
                self._add(self._canonical, vocab.canonical_key(name), rank, node)

    @staticmethod
    def _add(table: dict[str, list[tuple[int, CaseField]]], key: str, rank: int, node: CaseField) -> None:
        if key:
            table.setdefault(key, []).append((rank, node))

    def lookup(self, request: str, sections: tuple[str, ...]) -> tuple[CaseField, str] | None:
        """(best field, 'exact' | 'synonym') for a request in `sections`, or None.

        Literal names before synonyms; full names before bare names; shallow fields first.
        """
        for table, key, method in ((self._literal, self.vocab.key(request), "exact"),
                                   (self._canonical, self.vocab.canonical_key(request), "synonym")):
            hits = [(rank, node.depth, i, node) for i, (rank, node) in enumerate(table.get(key, []))
                    if node.section in sections]
            if hits:
                return min(hits, key=lambda hit: hit[:3])[3], method
        return None

    def in_sections(self, sections: tuple[str, ...]) -> list[CaseField]:
        return [node for node in self.fields if node.section in sections]
