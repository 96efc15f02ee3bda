"""Exports of a plan for people who do not open the app: Markdown for a pull request,
CSV for a spreadsheet, JSON for scripts, HTML to read or print.

Every export holds the plan, the method checks' findings and where the KPIs stand
(latest values, statuses, scores, the check-in history) as of one day, in one language:
the one asked for, else the plan's own ``language``, else the current one.

Public API::

    render_export(plan, "md", today=day, language=None, source="q1.toml") -> str
    export_path(plan_path, "md") -> Path          # q1.toml -> q1.md (never someone's file)
    export_next_to_plan(plan, plan_path, "md", today=day) -> Path   # atomic write
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import Literal, get_args

from model.export.common import GENERATOR, ExportContext, export_language, using_language
from model.export.csv import CSV_TABLES, CsvTable
from model.i18n import LANGUAGES, Language
from model.plan import Plan

Format = Literal["md", "csv", "json", "html"]
FORMATS: tuple[Format, ...] = get_args(Format)

EXTENSIONS: dict[Format, str] = {"md": ".md", "csv": ".csv", "json": ".json", "html": ".html"}

_SNIFF_BYTES = 4096
_MAX_NAME_TRIES = 100

__all__ = [
    "CSV_TABLES",
    "EXTENSIONS",
    "FORMATS",
    "CsvTable",
    "ExportContext",
    "Format",
    "export_language",
    "export_next_to_plan",
    "export_path",
    "is_own_export",
    "render_export",
]


def render_export(
    plan: Plan,
    fmt: Format,
    *,
    today: dt.date,
    explicit_date: bool = False,
    language: Language | None = None,
    source: str = "",
    table: CsvTable = "kpis",
    bom: bool = False,
) -> str:
    """``plan`` exported as ``fmt`` text, as of ``today``.

    ``language`` is an explicit choice (``--lang``); without it the plan's ``language``
    decides, then the current language. ``source`` is the plan's file name, shown in
    the export. ``table`` and ``bom`` apply to CSV only. ``explicit_date`` says ``today``
    was asked for (see :func:`model.checks.run_checks`).
    """
    with using_language(export_language(plan, language)):
        context = ExportContext(plan, today, explicit_date, source)
        if fmt == "md":
            from model.export.md import render_markdown

            return render_markdown(context)
        if fmt == "html":
            from model.export.html import render_html

            return render_html(context)
        if fmt == "json":
            from model.export.json import render_json

            return render_json(context)
        from model.export.csv import render_csv

        return render_csv(context, table, bom=bom)


def export_path(
    plan_path: str | os.PathLike[str], fmt: Format, *, table: CsvTable = "kpis"
) -> Path:
    """Where an export of the plan at ``plan_path`` goes: beside it, named after it.

    ``q1.toml`` gives ``q1.md``, ``q1.csv`` (``q1.checkins.csv`` for the check-ins),
    ``q1.json``, ``q1.html``. A file of that name that is not an earlier export of the
    planner is never replaced: the name gets ``-2``, ``-3``... instead.
    """
    plan = Path(plan_path)
    stem = plan.name[: -len(plan.suffix)] if plan.suffix else plan.name
    if fmt == "csv" and table == "checkins":
        stem += ".checkins"
    extension = EXTENSIONS[fmt]
    candidate = plan.with_name(stem + extension)
    for number in range(2, _MAX_NAME_TRIES + 2):
        if candidate != plan and (not candidate.exists() or is_own_export(candidate, fmt)):
            return candidate
        candidate = plan.with_name(f"{stem}-{number}{extension}")
    return candidate


def is_own_export(path: str | os.PathLike[str], fmt: Format | None = None) -> bool:
    """Whether the file at ``path`` is an export the planner wrote (safe to replace): one
    in ``fmt``, or with ``fmt`` left out in any format (``-o out.md`` may hold the HTML)."""
    try:
        with open(path, "rb") as file:
            head = file.read(_SNIFF_BYTES).decode("utf-8", "replace").removeprefix("\ufeff")
    except OSError:
        return False
    return any(_sniffs_as(head, each) for each in ((fmt,) if fmt else FORMATS))


def _sniffs_as(head: str, fmt: Format) -> bool:
    """Whether a file starting with ``head`` is the planner's own export in ``fmt``."""
    if fmt == "md":
        from model.export.md import MARKER

        return head.startswith(MARKER)
    if fmt == "html":
        return f'<meta name="generator" content="{GENERATOR}">' in head
    if fmt == "json":
        return head.startswith("{") and f'"generator": "{GENERATOR}"' in head[:200]
    return _own_csv_header(head)


def _own_csv_header(head: str) -> bool:
    import csv

    from model.export.csv import header

    first = next(csv.reader([head.splitlines()[0] if head else ""]), [])
    for language in LANGUAGES:
        with using_language(language):
            if first in (header("kpis"), header("checkins")):
                return True
    return False


def export_next_to_plan(
    plan: Plan,
    plan_path: str | os.PathLike[str],
    fmt: Format,
    *,
    today: dt.date,
    language: Language | None = None,
    table: CsvTable = "kpis",
    bom: bool = False,
) -> Path:
    """Write the export beside the plan file (see :func:`export_path`); return its path.

    The write is atomic (a temporary file renamed into place); a failure raises
    :class:`~model.errors.PlanError` naming the file, and nothing is left half-written.
    """
    from model.atomic import write_bytes_atomic

    path = export_path(plan_path, fmt, table=table)
    text = render_export(
        plan, fmt, today=today, language=language, source=Path(plan_path).name, table=table, bom=bom
    )
    write_bytes_atomic(path, text.encode("utf-8"))
    return path
