"""The classifier's readings for the editor, cached per text and loaded off the start-up path.

``model.classify`` takes about 80 ms to import, so the app does not import it while it
starts: :func:`warm_up` runs in a worker after the first paint, and until it is done the
item list simply shows no confidence. A keystroke that needs a reading before then
imports it on the spot (once). Readings are cached per text, so a long list repaints
without classifying its lines again, and retyping a line back to what it was is free.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from types import ModuleType
from typing import TYPE_CHECKING

from model.i18n import t
from model.plan import ItemKind

if TYPE_CHECKING:
    from model.classify import Classification, SmartHint

_classify: ModuleType | None = None

REASON_LINES = 2
"""At most this many reasons are shown under the items editor (the screen is 24 rows)."""


def warm_up() -> None:
    """Import the classifier (from a worker thread after the first paint)."""
    global _classify
    if _classify is None:
        from model import classify

        _classify = classify


def ready() -> bool:
    """Whether the classifier is loaded (so readings cost no import)."""
    return _classify is not None


def _module() -> ModuleType:
    warm_up()
    assert _classify is not None
    return _classify


@lru_cache(maxsize=8192)
def reading(text: str) -> Classification:
    """The classifier's reading of one item's text (cached per text)."""
    return _module().classify(text)


@lru_cache(maxsize=1024)
def switch_suggestion(text: str, kind: ItemKind) -> Classification | None:
    """The reading when it confidently says ``text`` is not a ``kind`` (else ``None``)."""
    return _module().suggest_switch(text, kind)


@lru_cache(maxsize=256)
def smart_hints(statement: str, kgi: str, period_end: dt.date | None) -> tuple[SmartHint, ...]:
    """SMART hints of an objective (cached per statement, KGI and end date)."""
    return _module().smart_hints(statement, kgi, period_end=period_end)


def percent(confidence: float) -> str:
    """A confidence as a whole percentage: ``72%``."""
    return t("assist.percent", value=round(confidence * 100))


def kind_name(kind: ItemKind) -> str:
    """An item kind in running text (``key result``, ``行動方案``)."""
    from model.vocab import kind_label

    return kind_label(kind)


def reason_lines(text: str, kind: ItemKind, set_by: str) -> list[str]:
    """What the editor shows under an item: how it reads, and why.

    A kind the user chose that the classifier confidently reads otherwise gets a hint to
    switch (never a block) instead of the reading with its confidence; then the reasons.
    """
    if not text.strip():
        return []
    read = reading(text)
    lines: list[str] = []
    other = switch_suggestion(text, kind) if set_by == "user" else None
    if other is not None:
        hint = t(
            "assist.switch_hint",
            reading=kind_name(other.kind),
            confidence=percent(other.confidence),
            chosen=kind_name(kind),
        )
        lines.append(hint)
    else:
        key = "assist.reading" if read.confident else "assist.reading_unsure"
        lines.append(t(key, kind=kind_name(read.kind), confidence=percent(read.confidence)))
    lines.extend(
        t("assist.reason_line", reason=reason) for reason in read.reason_texts()[:REASON_LINES]
    )
    return lines


def smart_lines(
    statement: str, kgi: str, period_end: dt.date | None, *, detail: bool = True
) -> str:
    """The objective's SMART hints: a mark per letter, then (with ``detail``) the first
    property missing (or, when none is, the first unclear one the text could settle)
    with its reason."""
    if not statement.strip():
        return ""
    hints = smart_hints(statement, kgi, period_end)
    marks = {"present": "✓", "missing": "✗", "unclear": "?"}
    summary = t("assist.smart_summary", **{hint.criterion: marks[hint.status] for hint in hints})
    worst = next((hint for hint in hints if hint.status == "missing"), None) or next(
        (hint for hint in hints if hint.status == "unclear" and hint.criterion != "relevant"),
        None,
    )
    if worst is None or not detail:
        return summary
    detail = t(
        "assist.smart_detail", mark=marks[worst.status], label=worst.label, reason=worst.reason.text
    )
    return f"{summary}\n{detail}"
