"""Translated labels for the plan's closed vocabularies (units, cadences, kinds...).

The file stores the plain words (``percent``, ``weekly``); people see the labels, in
their language. Forms, exports and the command line share these labels.
"""

from __future__ import annotations

from model.i18n import t
from model.plan import (
    CADENCES,
    DIRECTIONS,
    FUNNEL_STAGES,
    INDICATORS,
    ITEM_KINDS,
    LEVELS,
    ROLES,
    UNITS,
    ItemKind,
)

VOCABULARIES: dict[str, tuple[str, ...]] = {
    "unit": UNITS,
    "direction": DIRECTIONS,
    "indicator": INDICATORS,
    "role": ROLES,
    "level": LEVELS,
    "cadence": CADENCES,
    "funnel_stage": FUNNEL_STAGES,
    "kind": ITEM_KINDS,
}
"""Each vocabulary by the plan field that uses it (``kind`` is an item's kind)."""


def label(field: str, value: str) -> str:
    """The label of ``value`` in the vocabulary of ``field``: ``label("unit", "percent")``."""
    return t(f"vocab.{field}_{value}")


def choices(field: str) -> list[tuple[str, str]]:
    """``(label, value)`` pairs of the vocabulary of ``field``, in the file's order."""
    return [(label(field, value), value) for value in VOCABULARIES[field]]


_SHORT_KINDS: dict[ItemKind, str] = {
    "key_result": "vocab.kind_short_key_result",
    "initiative": "vocab.kind_short_initiative",
    "objective": "vocab.kind_short_objective",
}


def short_kind(kind: ItemKind) -> str:
    """The short tag of an item kind, for lists: ``KR``, ``Init``, ``Obj``."""
    return t(_SHORT_KINDS[kind])
