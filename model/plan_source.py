"""A plan file read and parsed, but not yet validated: what the app paints first.

Reading a plan has two halves. This module does the first, without pydantic: read the
bytes (refusing what is too big), decode UTF-8, parse the TOML and check the size
limits, every failure one :class:`~model.errors.PlanError` naming the file and line.
:func:`model.store.plan_from_source` does the second, validating the parsed data into
the plan models. The split lets ``okr PLAN`` put the plan on screen before the
validation layer is even imported, then validate right after the first paint.
"""

from __future__ import annotations

import os
from typing import NamedTuple

import tomli as tomllib  # same parser as the standard tomllib, compiled: ~2.5x faster

from model.errors import PlanError
from model.fingerprint import Fingerprint, read_plan_bytes
from model.i18n import t
from model.limits import LimitExceeded, check_limits, deep_nesting_line

_BOM = "\ufeff"


class PlanSource(NamedTuple):
    """A plan file's text and its parsed TOML, with the fingerprint of the bytes read."""

    text: str
    data: dict
    fingerprint: Fingerprint


def read_plan_source(path: str | os.PathLike[str]) -> PlanSource:
    """Read and parse the plan file at ``path`` (not validated: see ``model.store``)."""
    raw, fingerprint = read_plan_bytes(path)
    text = decode_plan_bytes(raw, path)
    return PlanSource(text, parse_toml(text, path), fingerprint)


def decode_plan_bytes(data: bytes, path: str | os.PathLike[str]) -> str:
    """The text of a plan file's bytes: UTF-8, with a leading byte-order mark dropped.

    Notepad and some Windows tools start UTF-8 files with a BOM; it carries no meaning,
    so it is accepted (and not written back). Anything that is not UTF-8 is refused
    with the line and column of the first bad byte.
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
