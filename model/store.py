"""Reading and writing plan files.

Reads go through ``tomllib`` and :class:`~model.plan.Plan` validation; every failure
becomes one :class:`PlanError` naming the file and the line or field. Writes are
canonical (a fixed key order, so saving twice gives the same bytes and a one-field edit
is a one-line diff) and atomic (a temp file in the same folder, fsync, ``os.replace``),
so an interrupted save leaves the old file whole.

Unknown keys are rejected, with a suggestion when one is close: a typo such as
``ownr = "growth"`` would otherwise be dropped silently on the next save.
"""

from __future__ import annotations

import contextlib
import os
import re
import stat
import tempfile
import tomllib
from pathlib import Path

import tomli_w
from pydantic import ValidationError

from model.i18n import t
from model.plan import IDENTIFIER, Plan
from model.tomlpos import locate, plan_fields_at, show_value, submodel

MAX_PLAN_BYTES = 5 * 1024 * 1024
"""Plan files larger than this are refused: no real plan comes near it."""

_TOML_POSITION = re.compile(r"^(?P<detail>.*?)\s*\(at line (?P<line>\d+), column (?P<col>\d+)\)$")


class PlanError(Exception):
    """A plan file could not be read, validated or written.

    ``str(error)`` is one line a person can act on:
    ``plans/q1.toml:12:5: <message>`` or ``plans/q1.toml:12: kpis.cac.unit: <message>``.
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
        where = self.path
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        parts = [where]
        if self.field:
            parts.append(self.field)
        parts.append(self.message)
        return ": ".join(parts)


def read_plan_text(path: str | os.PathLike[str]) -> str:
    """The text of a plan file, refusing what cannot be a plan (too big, not UTF-8)."""
    file = Path(path)
    try:
        size = file.stat().st_size
        if not stat.S_ISREG(file.stat().st_mode):
            raise PlanError(path, t("core.not_a_file"))
        if size > MAX_PLAN_BYTES:
            raise PlanError(
                path, t("core.too_big", size=size, limit=MAX_PLAN_BYTES // (1024 * 1024))
            )
        data = file.read_bytes()
    except FileNotFoundError:
        raise PlanError(path, t("core.not_found")) from None
    except PermissionError:
        raise PlanError(path, t("core.no_permission")) from None
    except IsADirectoryError:
        raise PlanError(path, t("core.not_a_file")) from None
    except OSError as error:
        raise PlanError(path, t("core.os_error", detail=error.strerror or error)) from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        column = error.start - (data.rfind(b"\n", 0, error.start) + 1) + 1
        raise PlanError(path, t("core.not_utf8"), line=line, column=column) from None


def parse_plan(text: str, path: str | os.PathLike[str]) -> Plan:
    """Validate the TOML ``text`` of a plan; ``path`` is used in error messages only."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise _syntax_error(error, path) from None
    except RecursionError:
        raise PlanError(path, t("core.too_deep")) from None
    try:
        return Plan.model_validate(data)
    except ValidationError as error:
        raise _validation_error(error, data, text, path) from None
    except RecursionError:
        raise PlanError(path, t("core.too_deep")) from None


def load_plan(path: str | os.PathLike[str]) -> Plan:
    """Read and validate the plan at ``path``; raise :class:`PlanError` on any failure."""
    return parse_plan(read_plan_text(path), path)


def dumps_plan(plan: Plan) -> str:
    """The canonical TOML text of ``plan``.

    Keys come out in the models' field order; empty strings, ``None`` and empty lists are
    left out (they load back as the same defaults), so the output is stable under
    save -> load -> save.
    """
    data = plan.model_dump(by_alias=True)
    lines: list[str] = []
    tables: list[str] = []
    for key, value in data.items():
        if _is_empty(value):
            continue
        if isinstance(value, dict):
            _, container = submodel(Plan.model_fields[_attribute(key)].annotation)
            if container is dict:  # a table of named sub-tables, e.g. [inputs.orders]
                for name, sub in value.items():
                    tables.append(_table(f"{_key(key)}.{_key(name)}", sub, header_always=True))
            else:
                tables.append(_table(_key(key), value))
        elif isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
            tables.extend(_table(_key(key), entry, array=True) for entry in value)
        else:
            lines.append(f"{_key(key)} = {_literal(value)}\n")
    parts = ["".join(lines)] if lines else []
    parts.extend(table for table in tables if table)
    return "\n".join(parts)


def save_plan(plan: Plan, path: str | os.PathLike[str]) -> None:
    """Write ``plan`` to ``path`` atomically, keeping the file's permissions.

    The text goes to a temporary file in the same folder, is flushed and fsynced, then
    replaces the target in one step: a crash at any moment leaves either the old file or
    the new one, never a mix.
    """
    write_text_atomic(path, dumps_plan(plan))


def write_text_atomic(path: str | os.PathLike[str], text: str) -> None:
    """Replace the file at ``path`` with ``text`` in one atomic step (see :func:`save_plan`)."""
    target = Path(path)
    folder = target.parent
    try:
        mode = stat.S_IMODE(target.stat().st_mode)
    except FileNotFoundError:
        mode = None
    except OSError as error:
        raise PlanError(path, t("core.os_error", detail=error.strerror or error)) from None
    try:
        fd, temp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as error:
        raise PlanError(path, t("core.cannot_write", detail=error.strerror or error)) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(text.encode("utf-8"))
            handle.flush()
            os.fsync(handle.fileno())
        if mode is not None:
            os.chmod(temp_name, mode)
        else:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(temp_name, 0o666 & ~umask)
        os.replace(temp_name, target)
    except OSError as error:
        with contextlib.suppress(OSError):
            os.unlink(temp_name)
        raise PlanError(path, t("core.cannot_write", detail=error.strerror or error)) from None
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp_name)
        raise
    _fsync_folder(folder)


def _fsync_folder(folder: Path) -> None:
    """Make the rename itself durable (a no-op where folders cannot be opened)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


# --- writing ---------------------------------------------------------------------


def _attribute(key: str) -> str:
    """The Plan attribute behind a file key (``schema`` -> ``schema_version``)."""
    for name, info in Plan.model_fields.items():
        if key in (name, info.alias):
            return name
    raise KeyError(key)


def _is_empty(value: object) -> bool:
    return value is None or value == "" or value == [] or value == {}


def _key(name: str) -> str:
    return tomli_w.dumps({name: 0})[: -len(" = 0\n")]


def _literal(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, dict):
        inner = ", ".join(
            f"{_key(k)} = {_literal(v)}" for k, v in value.items() if not _is_empty(v)
        )
        return f"{{ {inner} }}" if inner else "{}"
    if isinstance(value, list):
        return "[" + ", ".join(_literal(v) for v in value) + "]"
    return tomli_w.dumps({"v": value})[len("v = ") : -1]


def _table(name: str, values: dict, *, array: bool = False, header_always: bool = False) -> str:
    body = "".join(f"{_key(k)} = {_literal(v)}\n" for k, v in values.items() if not _is_empty(v))
    if not body and not (array or header_always):
        return ""
    header = f"[[{name}]]" if array else f"[{name}]"
    return f"{header}\n{body}"


# --- error messages --------------------------------------------------------------


def _syntax_error(error: tomllib.TOMLDecodeError, path: str | os.PathLike[str]) -> PlanError:
    match = _TOML_POSITION.match(str(error))
    if match:
        return PlanError(
            path,
            t("core.toml_syntax", detail=match["detail"]),
            line=int(match["line"]),
            column=int(match["col"]),
        )
    return PlanError(path, t("core.toml_syntax", detail=str(error)))


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
    if kind in ("float_type", "float_parsing", "int_type", "int_parsing", "int_from_float"):
        return t("core.expected_number", value=show_value(value))
    if kind == "finite_number":
        return t("core.not_finite", value=show_value(value))
    if kind in ("less_than_equal", "greater_than_equal", "less_than", "greater_than"):
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
