"""The plan as CSV for spreadsheets: one row per KPI, or one row per check-in.

One well-formed table per file (RFC 4180: comma separated, CRLF line ends, quoted where
needed), UTF-8, with an optional byte-order mark so Excel reads Chinese text correctly.
Headers and words (units, statuses, cadences) follow the export's language; numbers are
plain numbers with a ``.`` decimal point (a percent as a fraction, 0.12 for 12%), so a
spreadsheet can compute with them: values to 15 significant digits (no float noise such
as ``1.3750000375000038``), progress, expected progress and scores to 6 decimals. An
amount of money has the plan's currency in its own column (``USD``), and a KPI whose
closing value is missing after the period says so in ``closing value missing``. Text
cells that a spreadsheet would run as a formula (starting with ``=``, ``+``, ``-``,
``@``, a tab or a carriage return) get a leading ``'`` (the usual defence against CSV
injection).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from typing import Literal

from model.export.common import (
    ExportContext,
    cadence_words,
    direction_label,
    indicator_label,
    unit_words,
)
from model.i18n import t
from model.progress_report import status_label
from model.safetext import printable

CsvTable = Literal["kpis", "checkins"]
CSV_TABLES: tuple[CsvTable, ...] = ("kpis", "checkins")

BOM = "\ufeff"

_FORMULA_STARTS = tuple("=+-@\t\r＝＋－＠")

Cell = str | float | int | None

KPI_COLUMNS = (
    "export.csv_id",
    "export.csv_name",
    "export.csv_definition",
    "export.csv_formula",
    "export.csv_inputs",
    "export.csv_data_source",
    "export.csv_unit",
    "export.csv_currency",
    "export.csv_direction",
    "export.csv_indicator",
    "export.csv_funnel_stage",
    "export.csv_owner",
    "export.csv_baseline",
    "export.csv_target",
    "export.csv_guardrail_min",
    "export.csv_guardrail_max",
    "export.csv_cadence",
    "export.csv_on_breach",
    "export.csv_latest_value",
    "export.csv_latest_date",
    "export.csv_progress",
    "export.csv_expected",
    "export.csv_status",
    "export.csv_score",
    "export.csv_guardrail_state",
    "export.csv_next_due",
    "export.csv_days_overdue",
    "export.csv_closing_missing",
)
CHECKIN_COLUMNS = (
    "export.csv_date",
    "export.csv_kpi",
    "export.csv_name",
    "export.csv_value",
    "export.csv_unit",
    "export.csv_currency",
    "export.csv_confidence",
    "export.csv_note",
    "export.csv_inputs",
)


def safe_text(text: str) -> str:
    """A text cell that no spreadsheet runs as a formula, with control characters shown."""
    shown = printable(text, keep="\n\t")
    return "'" + shown if shown.startswith(_FORMULA_STARTS) else shown


SIGNIFICANT_DIGITS = 15
"""Digits a value keeps: as many as a float holds exactly, so what was typed is kept
and the noise of arithmetic (``1.3750000375000038``) is dropped."""

SHARE_DECIMALS = 6
"""Decimals of a progress, an expected progress or a score (0.285714: 28.5714%)."""


def number_text(value: float | int) -> str:
    """A number as a spreadsheet reads it: ``780``, ``0.09``, ``-5``, ``1.3750000375``
    (no float noise)."""
    if isinstance(value, float):
        value = float(format(value, f".{SIGNIFICANT_DIGITS}g"))
        if value.is_integer() and abs(value) < 1e16:
            return str(int(value))
    return repr(value)


def share(value: float | None) -> float | None:
    """A progress or a score rounded to :data:`SHARE_DECIMALS` (``None`` stays)."""
    return None if value is None else round(value, SHARE_DECIMALS) + 0.0  # no -0.0


def _cell(value: Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return safe_text(value)
    return number_text(value)


def header(table: CsvTable) -> list[str]:
    """The header row of ``table`` in the current language."""
    return [t(key) for key in (KPI_COLUMNS if table == "kpis" else CHECKIN_COLUMNS)]


def render_csv(context: ExportContext, table: CsvTable = "kpis", *, bom: bool = False) -> str:
    """The table as CSV text (CRLF line ends), with a byte-order mark when ``bom``."""
    rows = _kpi_rows(context) if table == "kpis" else _checkin_rows(context)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header(table))
    writer.writerows([_cell(value) for value in row] for row in rows)
    return (BOM if bom else "") + buffer.getvalue()


def _kpi_rows(context: ExportContext) -> list[Sequence[Cell]]:
    from model.checks.funnel import STAGE_KEYS

    rows: list[Sequence[Cell]] = []
    for entry in context.progress.kpis:
        kpi = entry.kpi
        guardrail = kpi.guardrail
        latest = entry.latest
        rows.append(
            (
                kpi.id,
                kpi.name,
                kpi.definition,
                kpi.formula,
                context.inputs(kpi) if kpi.formula.strip() else "",
                kpi.data_source,
                unit_words(kpi) if kpi.unit else "",
                context.plan.currency if kpi.unit == "currency" else "",
                direction_label(kpi),
                indicator_label(kpi) if kpi.indicator else "",
                t(STAGE_KEYS[kpi.funnel_stage]) if kpi.funnel_stage else "",
                kpi.owner,
                kpi.baseline,
                kpi.target,
                guardrail.min if guardrail else None,
                guardrail.max if guardrail else None,
                cadence_words(kpi) if kpi.cadence else "",
                kpi.on_breach,
                latest.value if latest else None,
                latest.date.isoformat() if latest else "",
                share(entry.raw_progress),
                share(entry.expected),
                status_label(entry.status),
                share(entry.score),
                _guardrail_state(entry.guardrail),
                entry.next_due.isoformat() if entry.next_due else "",
                entry.days_overdue,
                t("export.csv_yes") if entry.closing_missing else "",
            )
        )
    return rows


def _guardrail_state(state: str | None) -> str:
    return {
        None: "",
        "ok": t("progress.guardrail_ok"),
        "below_min": t("export.csv_below_min"),
        "above_max": t("export.csv_above_max"),
    }[state]


def _checkin_rows(context: ExportContext) -> list[Sequence[Cell]]:
    kpis = {kpi.id: kpi for kpi in reversed(context.plan.kpis)}
    ordered = sorted(enumerate(context.plan.checkins), key=lambda pair: (pair[1].date, pair[0]))
    rows: list[Sequence[Cell]] = []
    for _, checkin in ordered:
        kpi = kpis.get(checkin.kpi)
        inputs = "; ".join(f"{name}={number_text(value)}" for name, value in checkin.inputs.items())
        rows.append(
            (
                checkin.date.isoformat(),
                checkin.kpi,
                kpi.name if kpi else "",
                checkin.value,
                unit_words(kpi) if kpi and kpi.unit else "",
                context.plan.currency if kpi and kpi.unit == "currency" else "",
                checkin.confidence,
                checkin.note,
                inputs,
            )
        )
    return rows
