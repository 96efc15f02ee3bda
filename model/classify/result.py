"""What the classifier returns: a kind, a confidence and reasons that re-render per language."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:
    from model.plan import ItemKind  # a Literal: only annotations need it (no pydantic)

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
        from model.i18n import t  # on first use: classifying a line needs no messages

        return t(self.key, **dict(self.params))


class Deferred(tuple):
    """Reasons not built yet, as ``(build, *args)``: :meth:`value` returns ``build(*args)``.

    Most keystrokes only need a line's kind and confidence; the reasons are built when
    someone reads them (the user asks why). It is a tuple, made by ``tuple.__new__``
    without a Python-level constructor, because one is made on every keystroke; it
    compares and hashes as the reasons it builds.
    """

    __slots__ = ()

    def value(self) -> tuple[Reason, ...]:
        """The reasons."""
        return self[0](*self[1:])

    def __eq__(self, other: object) -> bool:
        mine = self.value()
        return mine == (other.value() if isinstance(other, Deferred) else other)

    def __ne__(self, other: object) -> bool:
        return not self == other

    def __hash__(self) -> int:
        return hash(self.value())

    def __repr__(self) -> str:
        return repr(self.value())


_item = tuple.__getitem__
"""The stored item, without :meth:`Classification.__getitem__`'s building of reasons."""


def _reasons_of(item: tuple[Reason, ...] | Deferred) -> tuple[Reason, ...]:
    return item if type(item) is tuple else item.value()  # type: ignore[union-attr]


class Classification(tuple):
    """The classifier's reading of one line: an immutable ``(kind, confidence, reasons)``.

    It behaves as a named tuple of those three (attributes, indexing, unpacking, equality,
    hashing). The classifier may hand it the reasons as a :class:`Deferred`, built only
    when first read: the editor needs the kind on every keystroke, the reasons on demand.
    """

    __slots__ = ()
    _fields = ("kind", "confidence", "reasons")

    def __new__(
        cls,
        kind: ItemKind,
        confidence: float,
        reasons: tuple[Reason, ...] | Deferred,
    ) -> Classification:
        return tuple.__new__(cls, (kind, confidence, reasons))

    @property
    def kind(self) -> ItemKind:
        """``key_result``, ``initiative`` or ``objective``."""
        return _item(self, 0)

    @property
    def confidence(self) -> float:
        """How sure the reading is, from 0 (no idea) to 1, rounded to two decimals."""
        return _item(self, 1)

    @property
    def reasons(self) -> tuple[Reason, ...]:
        """Why: observations for the chosen kind first, then any against it, then neutral
        facts (such as the deadline)."""
        return _reasons_of(_item(self, 2))

    def __getitem__(self, index: Any) -> Any:
        return (self.kind, self.confidence, self.reasons)[index]

    def __iter__(self) -> Iterator[Any]:
        return iter((self.kind, self.confidence, self.reasons))

    def __getnewargs__(self) -> tuple[Any, ...]:  # for pickle and copy
        return (self.kind, self.confidence, self.reasons)

    def __repr__(self) -> str:
        return (
            f"Classification(kind={self.kind!r}, confidence={self.confidence!r}, "
            f"reasons={self.reasons!r})"
        )

    @property
    def confident(self) -> bool:
        """Whether the reading is firm enough to show without a hint of doubt."""
        return self.confidence >= CONFIDENT

    def reason_texts(self) -> list[str]:
        """Every reason as a sentence in the current language."""
        return [reason.text for reason in self.reasons]
