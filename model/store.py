"""Reading and writing plan files.

Reads go through ``tomli`` (the standard ``tomllib``'s parser, compiled) and
:class:`~model.plan.Plan` validation; every failure becomes one :class:`PlanError`
naming the file and the line or field. Writes are canonical (a fixed key order, so
saving twice gives the same bytes and a one-field edit is a one-line diff) and atomic
(see :mod:`model.atomic`): an interrupted save leaves the old file whole, and the
previous version is kept as ``plan.toml.bak``.

A plan loaded with :func:`load_plan_with_fingerprint` remembers what the file held;
saving with ``expected=`` that fingerprint refuses to overwrite a file someone else
changed in the meantime (:class:`ConflictError`).

Unknown keys are rejected, with a suggestion when one is close: a typo such as
``ownr = "growth"`` would otherwise be dropped silently on the next save.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import math
import os
import re
import stat
from collections.abc import Iterable, Iterator
from typing import Any, NamedTuple

import tomli_w
from pydantic import BaseModel, ValidationError

from model.atomic import WriteResult, backup_path_for, real_target, write_bytes_atomic
from model.comments import Layout, carry_comments
from model.errors import ConflictError, PlanError
from model.fingerprint import (
    ABSENT,
    MAX_PLAN_BYTES,
    Fingerprint,
    changed_on_disk,
    fingerprint_of,
    read_plan_bytes,
)
from model.i18n import t
from model.limits import LimitExceeded, check_limits, deep_nesting_line
from model.plan import IDENTIFIER, NUMBER_LIMIT, Plan
from model.plan_source import PlanSource, decode_plan_bytes, parse_toml, read_plan_source
from model.safetext import shown
from model.tomlpos import locate, plan_fields_at, show_value
from model.writelock import write_turn

__all__ = [
    "ABSENT",
    "MAX_PLAN_BYTES",
    "ConflictError",
    "Fingerprint",
    "LoadedPlan",
    "PlanError",
    "WriteResult",
    "backup_path_for",
    "changed_on_disk",
    "dumps_plan",
    "fingerprint_of",
    "load_plan",
    "load_plan_with_fingerprint",
    "parse_plan",
    "parse_plan_bytes",
    "plan_from_source",
    "read_plan_text",
    "save_plan",
    "validate_plan",
]


SAVE_WAIT_SECONDS = 5.0
"""How long a save waits for an ``okr checkin`` writing the file (it takes milliseconds);
shorter than a check-in's wait, since the app waits with it."""


class LoadedPlan(NamedTuple):
    """A plan as loaded, with the fingerprint of the bytes it came from."""

    plan: Plan
    fingerprint: Fingerprint


def read_plan_text(path: str | os.PathLike[str]) -> str:
    """The text of a plan file, refusing what cannot be a plan (too big, not UTF-8)."""
    return decode_plan_bytes(read_plan_bytes(path)[0], path)


def parse_plan(text: str, path: str | os.PathLike[str]) -> Plan:
    """Validate the TOML ``text`` of a plan; ``path`` is used in error messages only."""
    return validate_plan(parse_toml(text, path), text, path)


def validate_plan(data: dict, text: str, path: str | os.PathLike[str]) -> Plan:
    """The plan models built from parsed TOML ``data`` (``text`` locates errors)."""
    try:
        return Plan.model_validate(data)
    except ValidationError as error:
        raise _validation_error(error, data, text, path) from None
    except RecursionError:
        raise PlanError(path, t("core.too_deep"), line=deep_nesting_line(text)) from None


def plan_from_source(source: PlanSource, path: str | os.PathLike[str]) -> LoadedPlan:
    """Validate a plan file already read and parsed (:func:`model.plan_source.read_plan_source`)."""
    return LoadedPlan(validate_plan(source.data, source.text, path), source.fingerprint)


def parse_plan_bytes(data: bytes, path: str | os.PathLike[str]) -> Plan:
    """Decode and validate a plan file's bytes (what :func:`load_plan` does after reading)."""
    return parse_plan(decode_plan_bytes(data, path), path)


def load_plan(path: str | os.PathLike[str]) -> Plan:
    """Read and validate the plan at ``path``; raise :class:`PlanError` on any failure."""
    return load_plan_with_fingerprint(path).plan


def load_plan_with_fingerprint(path: str | os.PathLike[str]) -> LoadedPlan:
    """Read and validate the plan at ``path``, with the fingerprint of the bytes read.

    Pass the fingerprint to :func:`save_plan` as ``expected`` to be told, instead of
    overwriting, when someone else changed the file in the meantime.
    """
    return plan_from_source(read_plan_source(path), path)


def dumps_plan(plan: Plan, dumped: dict[str, Any] | None = None) -> str:
    """The canonical TOML text of ``plan``.

    Keys come out in the models' field order; a value equal to its field's empty default
    (``""``, ``None``, ``[]``) is left out, since it loads back as that default, so the
    output is stable under save -> load -> save. So is a default the plan never set (a
    KPI's ``direction`` left out of its file): writing it would invent a choice nobody
    made. Required fields and ``schema`` are always written.

    ``dumped`` is ``plan.model_dump(by_alias=True)`` when the caller has it already.
    """
    return _text(_sections(plan, dumped))


_Section = tuple[tuple[str, ...], bool, list[tuple[str, str]]]
"""A table of a plan file as written: its path (``()`` for the keys before any table),
whether it is an entry of a list of tables, and its keys with their values as written."""


def _sections(plan: Plan, dumped: dict[str, Any] | None) -> list[_Section]:
    top: list[tuple[str, str]] = []
    tables: list[_Section] = []
    for key, value, attribute in _written_fields(plan, dumped):
        if isinstance(attribute, BaseModel):
            fields = _fields(attribute, value)
            if fields:  # an empty table is left out
                tables.append(((key,), False, fields))
        elif isinstance(attribute, dict) and _all_models(attribute.values()):
            for name, sub in attribute.items():  # named sub-tables, e.g. [inputs.orders]
                tables.append(((key, name), False, _fields(sub, value[name])))
        elif isinstance(attribute, list) and _all_models(attribute):
            tables.extend(
                ((key,), True, _fields(entry, values))
                for entry, values in zip(attribute, value, strict=True)
            )
        else:
            top.append((key, _literal(value)))
    return [((), False, top), *tables] if top else tables


def _fields(model: BaseModel, dumped: dict[str, Any]) -> list[tuple[str, str]]:
    return [(key, _literal(value)) for key, value, _ in _written_fields(model, dumped)]


def _text(sections: list[_Section]) -> str:
    """The sections one after another, a blank line between two."""
    out: list[str] = []
    for path, array, fields in sections:
        if out:
            out.append("\n")
        if path:
            name = ".".join(map(_key, path))
            out.append(f"[[{name}]]\n" if array else f"[{name}]\n")
        out.extend(f"{_key(key)} = {written}\n" for key, written in fields)
    return "".join(out)


def _layout(sections: list[_Section]) -> Layout:
    """Where :func:`_text` puts each statement of the sections (for their comments)."""
    layout = Layout()
    line = 0
    for path, array, fields in sections:
        if line:
            line += 1  # the blank line between two
        if path:
            layout.header(line, path, array=array)
            line += 1
        for key, written in fields:
            layout.key(line, (key,), written)
            line += 1
    return layout


def save_plan(
    plan: Plan,
    path: str | os.PathLike[str],
    *,
    expected: Fingerprint | None = None,
    backup: bool = True,
    comments_from: str | None = None,
) -> WriteResult:
    """Write ``plan`` to ``path`` atomically; return the new fingerprint and the backup.

    The ``#`` comments of the file it replaces (or of ``comments_from``, the text of the
    plan it was made from) stay beside the same keys, tables, KPIs and items
    (:mod:`model.comments`); :attr:`WriteResult.comments_dropped` counts those that had
    nowhere left to go.

    The text goes to a temporary file in the same folder, is flushed and fsynced, then
    replaces the target in one step: a crash at any moment leaves either the old file or
    the new one, never a mix. The replaced version is kept as ``<name>.bak`` (see
    :func:`model.atomic.write_bytes_atomic` for what happens when it cannot be).

    ``expected`` is the fingerprint from :func:`load_plan_with_fingerprint` (or
    :data:`ABSENT` for a new plan): if the file on disk no longer matches it,
    :class:`ConflictError` is raised and nothing is written. ``None`` overwrites.
    The save takes the file's write turn (:mod:`model.writelock`), so an ``okr checkin``
    appending to the file meanwhile is either done before the check (and so a conflict)
    or waits for the save (and appends to the saved file); never lost in between.
    A plan over the size limits (:mod:`model.limits`) is refused, so every saved plan
    loads again.
    """
    dumped = plan.model_dump(by_alias=True)
    try:
        check_limits(dumped)
    except LimitExceeded as error:
        raise limit_error(error, dumped, "", path) from None
    sections = _sections(plan, dumped)
    text = _text(sections)
    with write_turn(path, wait=SAVE_WAIT_SECONDS):  # not between a check-in's read and write
        old = text_for_comments(path) if comments_from is None else comments_from
        text, dropped = carry_comments(old, text, lambda: _layout(sections))
        result = write_bytes_atomic(path, text.encode("utf-8"), expected=expected, backup=backup)
    return dataclasses.replace(result, comments_dropped=dropped) if dropped else result


def text_for_comments(path: str | os.PathLike[str]) -> str:
    """The text of a plan file, for its ``#`` comments (``save_plan``'s ``comments_from``):
    of the file a save replaces, or of the plan a new one is made from. "" if there is
    none or it cannot be read (the write that follows says why, when it is the target)."""
    try:
        target = real_target(path)
        status = os.stat(target)
        if not stat.S_ISREG(status.st_mode) or status.st_size > MAX_PLAN_BYTES:
            return ""  # a FIFO would never answer; the write refuses it, or anything huge
        return target.read_bytes().decode("utf-8")
    except (OSError, UnicodeDecodeError):
        return ""


# --- writing ---------------------------------------------------------------------


def _written_fields(
    model: BaseModel, dumped: dict[str, Any] | None = None
) -> Iterator[tuple[str, Any, object]]:
    """(file key, dumped value, attribute) of each field of ``model`` worth writing;
    ``dumped`` is the model's ``model_dump(by_alias=True)``, if made already."""
    if dumped is None:
        dumped = model.model_dump(by_alias=True)
    for name, info in type(model).model_fields.items():
        key = info.alias or name
        value = dumped[key]
        if value is None:
            continue
        if (
            (_is_empty(value) or (name not in model.model_fields_set and key != "schema"))
            and not info.is_required()
            and value == info.get_default(call_default_factory=True)
        ):
            continue
        yield key, value, getattr(model, name)


def _all_models(values: Iterable[object]) -> bool:
    values = list(values)
    return bool(values) and all(isinstance(v, BaseModel) for v in values)


def _is_empty(value: object) -> bool:
    return value is None or value == "" or value == [] or value == {}


@functools.lru_cache(maxsize=4096)
def _key(name: str) -> str:
    return tomli_w.dumps({name: 0})[: -len(" = 0\n")]


_PLAIN_STRING = re.compile(r'[^"\\\x00-\x08\x0a-\x1f\x7f]*')
"""A string tomli_w writes as is between double quotes (nothing to escape)."""


def _literal(value: object) -> str:
    # Fast paths give the bytes tomli_w would (a large plan has tens of thousands of
    # values; a whole tomli_w.dumps call per value was most of the save time).
    if isinstance(value, str) and _PLAIN_STRING.fullmatch(value):
        return f'"{value}"'
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if type(value) is int or type(value) is float or type(value) is dt.date:
        return str(value)  # as tomli_w writes them
    if isinstance(value, dict):
        inner = ", ".join(f"{_key(k)} = {_literal(v)}" for k, v in value.items() if v is not None)
        return f"{{ {inner} }}" if inner else "{}"
    if isinstance(value, list):
        return "[" + ", ".join(_literal(v) for v in value) + "]"
    return tomli_w.dumps({"v": value})[len("v = ") : -1]


# --- error messages --------------------------------------------------------------


def limit_error(
    error: LimitExceeded, data: object, text: str, path: str | os.PathLike[str]
) -> PlanError:
    """A plan over a size limit, as one line naming the field (and line, if known)."""
    key = {
        "text": "reliability.text_too_long",
        "entries": "reliability.too_many_entries",
        "depth": "reliability.nested_too_deep",
    }[error.kind]
    message = t(key, size=error.size, limit=error.limit)
    line = locate(text, error.loc) if text else None
    if line is None and error.kind == "depth" and text:
        line = deep_nesting_line(text)
    # a path hundreds of tables deep says nothing more than its start
    field = shown(_field_path(error.loc, data), 60)
    return PlanError(path, message, line=line, field=field or None)


def _validation_error(
    error: ValidationError, data: dict, text: str, path: str | os.PathLike[str]
) -> PlanError:
    problems = error.errors(include_url=False)
    located = [(locate(text, tuple(p["loc"])), p) for p in problems]
    line, first = min(located, key=lambda pair: pair[0] if pair[0] is not None else 1 << 30)
    loc = tuple(first["loc"])
    message = _describe(first, loc)
    if len(problems) > 1:
        message += " " + t("core.more_problems", count=len(problems) - 1)
    return PlanError(path, message, line=line, field=_field_path(loc, data))


def _describe(problem: dict, loc: tuple) -> str:
    kind = problem["type"]
    value = problem.get("input")
    ctx = problem.get("ctx") or {}
    if kind == "okr":
        return str(ctx.get("message", problem["msg"]))
    if kind == "missing":
        return t("core.missing_key", key=loc[-1] if loc else "")
    if kind == "extra_forbidden":
        from difflib import get_close_matches

        key = str(loc[-1])
        close = get_close_matches(key, plan_fields_at(loc[:-1]), n=1)
        if close:
            return t("core.unknown_key_suggest", key=key, suggestion=close[0])
        return t("core.unknown_key", key=key)
    if kind == "literal_error":
        choices = re.findall(r"'([^']*)'", str(ctx.get("expected", "")))
        return t("core.bad_choice", value=show_value(value), choices=", ".join(choices))
    if kind in ("float_type", "float_parsing"):
        return t("core.expected_number", value=show_value(value))
    if kind in ("int_type", "int_parsing", "int_from_float"):
        return t("core.expected_whole_number", value=show_value(value))
    if kind == "finite_number":
        if isinstance(value, float) and math.isinf(value):  # `inf`, or 1e400 read as inf
            return t("core.infinite", value=show_value(value), limit=_bound(NUMBER_LIMIT))
        return t("core.not_finite", value=show_value(value))
    if kind == "less_than_equal":
        return t("core.too_large", value=show_value(value), limit=_bound(ctx.get("le")))
    if kind == "greater_than_equal":
        return t("core.too_small", value=show_value(value), limit=_bound(ctx.get("ge")))
    if kind in ("less_than", "greater_than"):
        return t("core.out_of_range", value=show_value(value))
    if kind == "string_type":
        return t("core.expected_text", value=show_value(value))
    if kind == "string_too_short":
        return t("core.empty_text")
    if kind in ("date_type", "date_parsing", "date_from_datetime_inexact"):
        return t("core.expected_date", value=show_value(value))
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        return t("core.expected_table", value=show_value(value))
    if kind == "list_type":
        return t("core.expected_list", key=loc[-1] if loc else "")
    return str(problem["msg"])


def _bound(limit: object) -> str:
    """A field's limit as the user would type it: ``10``, ``1,000,000,000,000,000``."""
    if isinstance(limit, float) and limit.is_integer():
        limit = int(limit)
    return f"{limit:,}" if isinstance(limit, int) else str(limit)


def _field_path(loc: tuple, data: object) -> str:
    """``('kpis', 2, 'unit')`` as ``kpis.cac.unit`` (the KPI's id when it has one)."""
    parts: list[str] = []
    node = data
    for part in loc:
        if isinstance(part, int):
            entry = node[part] if isinstance(node, list) and part < len(node) else None
            ident = entry.get("id") if isinstance(entry, dict) else None
            if isinstance(ident, str) and IDENTIFIER.fullmatch(ident):
                parts.append(ident)
            elif parts:
                parts[-1] += f"[{part}]"
            else:
                parts.append(f"[{part}]")
            node = entry
        elif part != "[key]":  # pydantic's marker for "the key itself" in a table
            parts.append(str(part))
            node = node.get(part) if isinstance(node, dict) else None
    return ".".join(parts)
