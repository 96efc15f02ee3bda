"""A plan file read and parsed, but not yet validated: what the app paints first.

Reading a plan has two halves. This module does the first, without pydantic: read the
bytes (refusing what is too big), decode UTF-8, parse the TOML and check the size
limits, every failure one :class:`~model.errors.PlanError` naming the file and line.
:func:`model.store.plan_from_source` does the second, validating the parsed data into
the plan models. The split lets ``okr PLAN`` put the plan on screen before the
validation layer is even imported, then validate right after the first paint; a big
file is only parsed as far as the first paint needs (:attr:`PlanSource.head`) before it.
"""

from __future__ import annotations

import functools
import os
import re

import tomli as tomllib  # same parser as the standard tomllib, compiled: ~2.5x faster

from model.errors import PlanError
from model.fingerprint import Fingerprint, fingerprint_bytes, read_plan_file
from model.i18n import t
from model.limits import LimitExceeded, check_limits, deep_nesting_line

_BOM = "\ufeff"


HEAD_BYTES = 64 * 1024
"""Files up to this size are parsed whole for the first paint; bigger ones only up to
their first array of tables (``[[kpis]]``, ``[[items]]``...), the rest after the paint."""

_ARRAY_TABLE = re.compile(r"^[ \t]*\[\[", re.MULTILINE)
_ITEMS_TABLE = re.compile(r"^[ \t]*\[\[[ \t]*items[ \t]*\]\]", re.MULTILINE)


class PlanSource:
    """A plan file's text, parsed when asked, and the fingerprint of the bytes read."""

    def __init__(self, raw: bytes, mtime_ns: int, path: str | os.PathLike[str]) -> None:
        self.text = decode_plan_bytes(raw, path)
        self.path = path
        self._raw: bytes | None = raw
        self._mtime_ns = mtime_ns

    @functools.cached_property
    def fingerprint(self) -> Fingerprint:
        """What the file held (for conflicts on save); taken when first asked, after
        the first paint, from the bytes read then."""
        assert self._raw is not None
        found = fingerprint_bytes(self._raw, self._mtime_ns)
        self._raw = None
        return found

    @functools.cached_property
    def data(self) -> dict:
        """The whole file parsed (raises :class:`PlanError` on a syntax error)."""
        return parse_toml(self.text, self.path)

    @functools.cached_property
    def head(self) -> dict:
        """Enough of the file for a first look: the whole of a usual plan; of a big one,
        the part before its first array of tables (title, objective, north star), when
        that part parses alone. Raises :class:`PlanError` when parsing the whole does."""
        if len(self.text) <= HEAD_BYTES:
            return self.data
        cut = _ARRAY_TABLE.search(self.text)
        try:
            return tomllib.loads(self.text[: cut.start()] if cut else self.text)
        except (tomllib.TOMLDecodeError, RecursionError):
            return self.data

    def item_count(self) -> int:
        """How many items the file holds (counted, not parsed: for a first look)."""
        if "data" in self.__dict__ or len(self.text) <= HEAD_BYTES:
            items = self.data.get("items")
            return len(items) if isinstance(items, list) else 0
        return len(_ITEMS_TABLE.findall(self.text))


def read_plan_source(path: str | os.PathLike[str]) -> PlanSource:
    """Read and decode the plan file at ``path`` (parsed on demand, not validated)."""
    return PlanSource(*read_plan_file(path), path)


def decode_plan_bytes(data: bytes, path: str | os.PathLike[str]) -> str:
    """The text of a plan file's bytes: UTF-8, with a leading byte-order mark dropped.

    Notepad and some Windows tools start UTF-8 files with a BOM; it carries no meaning,
    so it is accepted (a save does not write it back; ``okr checkin``, which only
    appends, keeps it). Anything that is not UTF-8 is refused with the line and column
    of the first bad byte.
    """
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        column = error.start - (data.rfind(b"\n", 0, error.start) + 1) + 1
        raise PlanError(path, t("core.not_utf8"), line=line, column=column) from None
    return text.removeprefix(_BOM)


def parse_toml(text: str, path: str | os.PathLike[str]) -> dict:
    """The TOML data of a plan's ``text``, within the size limits (``model.limits``)."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise syntax_error(error, path, text) from None
    except RecursionError:
        raise PlanError(path, t("core.too_deep"), line=deep_nesting_line(text)) from None
    try:
        check_limits(data)
    except LimitExceeded as error:
        from model.store import limit_error  # names the field: needs the plan models

        raise limit_error(error, data, text, path) from None
    return data


def syntax_error(
    error: tomllib.TOMLDecodeError, path: str | os.PathLike[str], text: str | None = None
) -> PlanError:
    """A TOML syntax error as one line, in the user's language, at its line and column."""
    from model.toml_messages import describe_toml_error

    problem = describe_toml_error(error, text)
    detail = t("core.toml_syntax", detail=problem.message)
    return PlanError(path, detail, line=problem.line, column=problem.column)
