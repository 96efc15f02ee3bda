"""What the classifier returns: a kind, a confidence and reasons that re-render per language."""

from __future__ import annotations

from typing import NamedTuple

from model.i18n import t
from model.plan import ItemKind

CONFIDENT = 0.6
"""At or above this confidence a reading is firm enough to label a line without a hint
of doubt; below it the UI should show the kind as a guess."""


class Reason(NamedTuple):
    """One observation behind a classification, kept as a message key plus parameters.

    Storing the key rather than the sentence lets the UI re-render every reason when the
    user switches language: ``reason.text`` is always in the current language. It is an
    immutable named tuple (cheaper to build than a frozen dataclass: the classifier runs
    on every keystroke).
    """

    key: str
    """The message key in ``model/messages/classify.toml`` (``"classify.action_verb"``)."""

    params: tuple[tuple[str, str], ...] = ()
    """The message's placeholders as ``(name, value)`` pairs; values are the user's own
    words ("write", "12%"), quoted back as typed."""

    supports: ItemKind | None = None
    """The kind this observation argues for, or ``None`` when it is neutral (a deadline)."""

    @property
    def text(self) -> str:
        """The reason as a sentence in the current language."""
        return t(self.key, **dict(self.params))


class Classification(NamedTuple):
    """The classifier's reading of one line (an immutable named tuple)."""

    kind: ItemKind
    """``key_result``, ``initiative`` or ``objective``."""

    confidence: float
    """How sure the reading is, from 0 (no idea) to 1, rounded to two decimals."""

    reasons: tuple[Reason, ...]
    """Why: observations for the chosen kind first, then any against it, then neutral
    facts (such as the deadline)."""

    @property
    def confident(self) -> bool:
        """Whether the reading is firm enough to show without a hint of doubt."""
        return self.confidence >= CONFIDENT

    def reason_texts(self) -> list[str]:
        """Every reason as a sentence in the current language."""
        return [reason.text for reason in self.reasons]
