"""Undo and redo for a one-line text field (``ctrl+z`` / ``ctrl+y`` in the planner's fields).

Textual's ``Input`` keeps no history: ``ctrl+z`` did nothing, and ``ctrl+u`` (delete
everything left of the cursor) wiped a statement for good.
"""

from __future__ import annotations

import contextlib
import unicodedata
from collections.abc import Iterator


class TextHistory:
    """The undo and redo steps of one text field.

    Characters typed (or deleted) one after another make one step, up to a space or a
    punctuation mark, so ctrl+z takes back a word (a phrase in Chinese), not a letter;
    a paste or ctrl+u is a step of its own.
    """

    LIMIT = 200
    """Steps kept; the oldest go first."""

    def __init__(self, value: str) -> None:
        self.reset(value)

    def reset(self, value: str) -> None:
        """Start again from ``value`` (a new text loaded into the field)."""
        self._undo: list[str] = []
        self._redo: list[str] = []
        self._current = value
        self._run: str | None = None  # "insert" or "delete" while one character at a time
        self._quiet = False

    def changed(self, value: str) -> None:
        """The field's text became ``value``."""
        before, self._current = self._current, value
        if self._quiet or value == before:
            return
        if len(value) == len(before) + 1:  # one character typed: a space or a mark starts
            # a word (Chinese is written without spaces: "，" and "。" end its phrases)
            run: str | None = "insert"
            start = next(
                (i for i, (a, b) in enumerate(zip(before, value, strict=False)) if a != b),
                len(before),
            )
            new_step = self._run != run or _starts_word(value[start])
        elif len(value) == len(before) - 1:  # one deleted
            run = "delete"
            new_step = self._run != run
        else:  # a paste, ctrl+u, ctrl+w...
            run, new_step = None, True
        if new_step:
            self._undo.append(before)
            del self._undo[: -self.LIMIT]
        self._run = run
        self._redo.clear()

    def undo(self, value: str) -> str | None:
        """The text before the last step (``value`` goes to redo), or None."""
        if not self._undo:
            return None
        self._redo.append(value)
        return self._undo.pop()

    def redo(self, value: str) -> str | None:
        """The text the last undo took back (``value`` goes to undo), or None."""
        if not self._redo:
            return None
        self._undo.append(value)
        return self._redo.pop()

    @contextlib.contextmanager
    def restoring(self, value: str) -> Iterator[None]:
        """While the field is set to ``value`` by an undo or a redo (not a new step)."""
        self._quiet = True
        try:
            yield
        finally:
            self._quiet = False
            self._current = value
            self._run = None


def _starts_word(character: str) -> bool:
    """Whether typing ``character`` begins a new undo step: a space or punctuation."""
    return character.isspace() or unicodedata.category(character).startswith("P")
