"""The plan-file reference, generated from the models' field docstrings.

``python -m model.formatdoc > docs/plan-format.md`` rewrites the reference; a test fails
when the committed file and the models disagree, so the documentation cannot drift.
"""

from __future__ import annotations

import ast
import inspect
import itertools
import textwrap
import typing

from pydantic import BaseModel

from model.plan import CheckIn, Guardrail, Ignore, Input, Item, Kpi, NorthStar, Objective, Plan
from model.tomlpos import submodel

_SECTIONS: list[tuple[str, type[BaseModel]]] = [
    ("Top level", Plan),
    ("[objective]", Objective),
    ("[north_star]", NorthStar),
    ("[inputs.NAME]", Input),
    ("[[kpis]]", Kpi),
    ("guardrail = { ... } (inside a KPI)", Guardrail),
    ("[[items]]", Item),
    ("[[ignore]]", Ignore),
    ("[[checkins]]", CheckIn),
]

_INTRO = """\
# Plan file format

A plan is one TOML file. This reference is generated from the planner's models
(`model/plan.py`) by `python -m model.formatdoc`; every key, its type and its meaning
are listed below. Rules worth knowing:

- Keys not listed here are rejected with the file, line and a suggestion, so a typo
  never disappears silently on the next save.
- Words in `a | b` lists are the only values allowed.
- `percent` values are stored as fractions: `0.12` means 12%.
- Numbers must be finite and at most 1e15 in size; dates are TOML dates (`2026-03-31`).
- Limits: a file is at most 5 MB, a text at most 10,000 characters, a list or table at
  most 10,000 entries. A UTF-8 byte-order mark and CRLF line endings are accepted.
- The planner writes keys in the order below and leaves out empty values, and defaults
  the file never set (a KPI without `direction` is saved, and carried to the next
  period, without one), so saving twice gives the same bytes and a one-field edit is a
  one-line diff.
- Tables that hold other tables (`objective`, `north_star`, ...) are written as
  sections; `[[checkins]]` come last so `okr checkin` can append to the file.
"""


def render_format_doc() -> str:
    """The whole Markdown reference for the plan-file format."""
    out = [_INTRO]
    for title, model in _SECTIONS:
        out.append(f"\n## `{title}`\n\n{_first_line(model.__doc__)}\n")
        out.append("\n| key | type | meaning |\n| --- | --- | --- |\n")
        for name, info in model.model_fields.items():
            key = info.alias or name
            inner, container = submodel(info.annotation)
            if inner is not None and model is Plan:
                kind = {list: "array of tables", dict: "named tables"}.get(container, "table")
            else:
                kind = _type_name(info.annotation)
            if info.is_required():
                kind += ", required"
            meaning = " ".join(field_docs(model).get(name, "").split()).replace("|", "\\|")
            out.append(f"| `{key}` | {kind} | {meaning} |\n")
    return "".join(out)


def field_docs(model: type[BaseModel]) -> dict[str, str]:
    """Each field's attribute docstring (the string under it in the class body), by name.

    Read from the source here rather than by pydantic's ``use_attribute_docstrings``,
    which would parse the source on every start of the app.
    """
    body = ast.parse(textwrap.dedent(inspect.getsource(model))).body[0].body
    docs: dict[str, str] = {}
    for field, after in itertools.pairwise(body):
        if (
            isinstance(field, ast.AnnAssign)
            and isinstance(field.target, ast.Name)
            and isinstance(after, ast.Expr)
            and isinstance(after.value, ast.Constant)
            and isinstance(after.value.value, str)
        ):
            docs[field.target.id] = inspect.cleandoc(after.value.value)
    return docs


def _first_line(doc: str | None) -> str:
    return " ".join((doc or "").strip().split("\n\n")[0].split())


def _type_name(annotation: object) -> str:
    origin = typing.get_origin(annotation)
    args = typing.get_args(annotation)
    if origin is typing.Literal:
        return " \\| ".join(f"`{a}`" for a in args)
    if origin is typing.Annotated:
        return _type_name(args[0])
    if origin in (typing.Union, __import__("types").UnionType):
        return " or ".join(_type_name(a) for a in args if a is not type(None))
    if origin is dict:
        return f"table of {_type_name(args[1])}"
    if origin is list:
        return f"list of {_type_name(args[0])}"
    names = {"str": "text", "float": "number", "int": "integer", "date": "date"}
    name = getattr(annotation, "__name__", str(annotation))
    return names.get(name, name)


if __name__ == "__main__":
    print(render_format_doc(), end="")
