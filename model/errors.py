"""The planner's errors about files: one line a person can act on, never a traceback."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from model.i18n import t
from model.safetext import one_line, shown_path

if TYPE_CHECKING:
    from model.fingerprint import Fingerprint


class TranslatedError(ValueError):
    """An error whose reason is a message key and its parameters, shown (``str`` and
    :attr:`message`) in the language current when it is read, not when it was raised."""

    def __init__(self, key: str, **params: object) -> None:
        self.key = key
        self.params = params
        super().__init__(key)

    @property
    def message(self) -> str:
        """The reason, in the current language."""
        return t(self.key, **self.params)

    def __str__(self) -> str:
        return self.message


class PlanError(Exception):
    """A plan file could not be read, validated or written.

    ``str(error)`` is one line a person can act on:
    ``plans/q1.toml:12:5: <message>`` or ``plans/q1.toml:12: kpis.cac.unit: <message>``.
    Control characters, newlines and bidi overrides from the file (in a path, a key or
    a value) are shown escaped, so the line is safe to print on any terminal.
    """

    def __init__(
        self,
        path: str | os.PathLike[str],
        message: str,
        *,
        line: int | None = None,
        column: int | None = None,
        field: str | None = None,
    ) -> None:
        self.path = str(path)
        self.message = message
        self.line = line
        self.column = column
        self.field = field
        super().__init__(str(self))

    def __str__(self) -> str:
        where = shown_path(self.path)
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        parts = [where]
        if self.field:
            parts.append(self.field)
        parts.append(self.message)
        return one_line(": ".join(parts))

    def __reduce__(self) -> tuple[object, ...]:
        """Pickle with every attribute (errors cross process boundaries in workers)."""
        return (_rebuild, (type(self), self.__dict__.copy()))


def _rebuild(cls: type[PlanError], state: dict[str, object]) -> PlanError:
    error = cls.__new__(cls)
    error.__dict__.update(state)
    Exception.__init__(error, str(error))
    return error


class NotWritableError(PlanError):
    """Nothing was written: the file, or its folder, does not let this user write there.

    The message states the fact only; what to do depends on where it is shown (the app
    offers Save as…, a command takes another output path)."""


class ConflictError(PlanError):
    """The file changed on disk since it was loaded, so saving would overwrite someone's work.

    Nothing was written. The app offers: reload the file, overwrite it anyway (save
    again with ``expected=None``) or save under another name. ``current`` is what is on
    disk now (``ABSENT`` if the file was deleted).
    """

    def __init__(
        self, path: str | os.PathLike[str], expected: Fingerprint, current: Fingerprint
    ) -> None:
        self.expected = expected
        self.current = current
        if not current.exists:
            self.kind = "deleted"
            key = "reliability.conflict_deleted"
        elif not expected.exists:
            self.kind = "created"
            key = "reliability.conflict_created"
        else:
            self.kind = "changed"
            key = "reliability.conflict"
        super().__init__(path, t(key))
