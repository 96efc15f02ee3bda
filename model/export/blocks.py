"""The pieces a review document is made of; every string in them is plain text that
each renderer escapes for its own format."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Heading:
    level: int
    text: str


@dataclass(frozen=True)
class Paragraph:
    text: str


@dataclass(frozen=True)
class Fields:
    """Label: value lines."""

    rows: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Table:
    """A table with a header row; ``name`` identifies it (an HTML id, and for tests)."""

    name: str
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    row_classes: tuple[str, ...] = ()
    """A fixed English class per row (``severity-error``), for styling."""
    numbers: frozenset[int] = frozenset()
    """Positions of the columns holding short values (numbers, dates) kept on one line."""


@dataclass(frozen=True)
class Bullets:
    items: tuple[str, ...]


Block = Heading | Paragraph | Fields | Table | Bullets
