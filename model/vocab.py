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


KIND_LABELS: dict[ItemKind, str] = {
    "key_result": "classify.kind_key_result",
    "initiative": "classify.kind_initiative",
    "objective": "classify.kind_objective",
}
"""The message of each item kind: the classifier's own words for them, the one source
of kind names for forms, exports and ``okr classify`` alike."""


def kind_label(kind: ItemKind) -> str:
    """An item kind in running text: ``key result``, ``initiative`` / ``行動方案``."""
    return t(KIND_LABELS[kind])


def label(field: str, value: str) -> str:
    """The label of ``value`` in the vocabulary of ``field``: ``label("unit", "percent")``.

    Labels start a field, so an item kind starts with a capital (``Key result``).
    """
    if field == "kind":
        text = kind_label(value)  # type: ignore[arg-type]
        return text[:1].upper() + text[1:]
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
