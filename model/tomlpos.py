"""Where things are in a plan file: the line of a field, the fields a table allows.

``tomllib`` gives values without positions, so a validation error about
``kpis[2].unit`` is traced back to its line by reading the file's headers and keys.
This follows the layout the planner writes (and any hand-written file with one key per
line); when a field cannot be found, the line of its table is used, or none.
"""

from __future__ import annotations

import re
import types
import typing

from pydantic import BaseModel

from model.safetext import one_line, shown

_HEADER = re.compile(r"^\s*(\[\[?)\s*(?P<name>[^\]]+?)\s*\]\]?\s*(#.*)?$")
_KEY_PART = r'[A-Za-z0-9_-]+|"(?:[^"\\]|\\.)*"|\'[^\']*\''
_KEY = re.compile(rf"^\s*(?P<key>(?:{_KEY_PART})(?:\s*\.\s*(?:{_KEY_PART}))*)\s*=")
"""A key line: ``unit = ...``, ``"MQL數" = ...`` or a dotted key, ``guardrail.max = ...``."""
_HEADER_PART = re.compile(r'"((?:[^"\\]|\\.)*)"|\'([^\']*)\'|([^.\s]+)')


def locate(text: str, loc: tuple) -> int | None:
    """The 1-based line of the field at ``loc`` (a pydantic error location), if found."""
    target = tuple(loc)
    counts: dict[tuple, int] = {}
    table: tuple = ()
    best: int | None = None
    best_depth = -1
    for number, line in enumerate(text.split("\n"), start=1):  # TOML lines end at \n only
        header = _HEADER.match(line)
        if header and not _KEY.match(line):
            names = _header_names(header["name"])
            for size in range(len(names) - 1, 0, -1):  # [kpis.guardrail] after [[kpis]]
                if names[:size] in counts:
                    names = (*names[:size], counts[names[:size]], *names[size:])
                    break
            if header[1] == "[[":
                index = counts.get(names, -1) + 1
                counts[names] = index
                table = (*names, index)
                # [[inputs.x]] where a table goes: the error is about inputs.x itself
                if target == names and len(names) > best_depth:
                    best, best_depth = number, len(names)
            else:
                table = names
            if target[: len(table)] == table and len(table) > best_depth:
                best, best_depth = number, len(table)
            continue
        key = _KEY.match(line)
        if not key:
            continue
        path = (*table, *_header_names(key["key"]))
        path = path[: len(target)]  # `guardrail.mid = 1` is where an unknown `guardrail` is
        if target[: len(path)] == path and len(path) > best_depth:
            best, best_depth = number, len(path)
    return best


def plan_fields_at(loc: tuple) -> list[str]:
    """The keys allowed in the table at ``loc`` (for "did you mean" suggestions)."""
    from model.plan import Plan

    model: type[BaseModel] | None = Plan
    skip_key = False
    for part in loc:
        if isinstance(part, int) or model is None:
            continue
        if skip_key:
            skip_key = False
            continue
        field = _field(model, part)
        if field is None:
            return []
        model, container = submodel(field.annotation)
        skip_key = container is dict
    if model is None:
        return []
    return [info.alias or name for name, info in model.model_fields.items()]


def submodel(annotation: object) -> tuple[type[BaseModel] | None, type | None]:
    """The model inside a field's type and its container: ``list[Kpi]`` -> (Kpi, list)."""
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        for arg in typing.get_args(annotation):
            found = submodel(arg)
            if found[0] is not None:
                return found
        return None, None
    if origin in (list, dict):
        inner = typing.get_args(annotation)[-1]
        model, _ = submodel(inner)
        return model, origin
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation, None
    return None, None


def show_value(value: object, limit: int = 40) -> str:
    """A short, printable rendering of a value from a file, safe to put in one line."""
    if isinstance(value, str):
        text = repr(value)
    elif isinstance(value, bool):  # as TOML spells it, not Python's True
        text = "true" if value else "false"
    elif isinstance(value, dict):
        text = "{...}"
    elif isinstance(value, list):
        text = "[...]"
    else:
        text = str(value)
    return shown(one_line(text), limit)


def _field(model: type[BaseModel], name: str):
    for field_name, info in model.model_fields.items():
        if name in (field_name, info.alias):
            return info
    return None


def _header_names(name: str) -> tuple[str, ...]:
    return tuple(a or b or c for a, b, c in _HEADER_PART.findall(name))
