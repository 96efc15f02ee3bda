"""Progress in words and data: labels, the status table, and a JSON-ready summary.

The check-in screen, the dashboard, ``okr status`` and the exporters all show the same
numbers the same way through these functions; the numbers themselves come from
:mod:`model.progress`. Labels follow the current language; the codes in
:func:`progress_data` (``on_track``, ``below_min``...) are fixed English words so scripts
can match them in any language.
"""

from __future__ import annotations

import datetime as dt

from model.i18n import t
from model.plan import Cadence, CheckIn, Objective, Plan
from model.progress import (
    GuardrailState,
    KpiProgress,
    PlanProgress,
    Status,
    missing_dates_status,
)
from model.units import format_number, format_value

NO_VALUE = "—"
"""Shown where there is no number (no check-in, no target...)."""

STATUS_KEYS: dict[Status, str] = {
    "on_track": "progress.status_on_track",
    "at_risk": "progress.status_at_risk",
    "off_track": "progress.status_off_track",
    "no_data": "progress.status_no_data",
    "not_started": "progress.status_not_started",
    "no_target": "progress.status_no_target",
    "no_period": "progress.status_no_period",
    "no_start": "progress.status_no_start",
    "no_end": "progress.status_no_end",
}
CADENCE_KEYS: dict[Cadence, str] = {
    "daily": "progress.cadence_daily",
    "weekly": "progress.cadence_weekly",
    "biweekly": "progress.cadence_biweekly",
    "monthly": "progress.cadence_monthly",
    "quarterly": "progress.cadence_quarterly",
}
CROSSED_KEYS: dict[GuardrailState, str] = {
    "below_min": "progress.guardrail_below_min",
    "above_max": "progress.guardrail_above_max",
}


def status_label(status: Status) -> str:
    """The status in words (``on track`` / ``進度正常``)."""
    return t(STATUS_KEYS[status])


MISSING_DATES_KEYS: dict[str, dict[Status, str]] = {
    "status": {
        "no_start": "progress.heading_no_start",
        "no_end": "progress.heading_no_end",
        "no_period": "progress.heading_no_period",
    },
    "export": {
        "no_start": "export.progress_no_start",
        "no_end": "export.progress_no_end",
        "no_period": "export.progress_no_period",
    },
    "dashboard": {
        "no_start": "tracking_ui.period_no_start",
        "no_end": "tracking_ui.period_no_end",
        "no_period": "tracking_ui.period_no_period",
    },
}
"""The headings of ``okr status``, the export and the dashboard that name the date the
objective's period lacks (:func:`missing_dates_key`)."""


def missing_dates_key(objective: Objective, where: str) -> str:
    """The heading message, for ``where`` (a key of :data:`MISSING_DATES_KEYS`), that
    names the date the objective's period lacks (:func:`model.progress.missing_dates_status`)."""
    return MISSING_DATES_KEYS[where][missing_dates_status(objective)]


def cadence_label(cadence: Cadence | None) -> str:
    """The cadence in words (``weekly`` / ``每週``); ``—`` when unset."""
    return t(CADENCE_KEYS[cadence]) if cadence else NO_VALUE


def format_share(share: float | None) -> str:
    """A progress share as a whole percentage (``45%``), ``—`` for ``None``."""
    if share is None:
        return NO_VALUE
    return t("units.percent", number=format_number(share * 100, 0))


def format_score(value: float | None) -> str:
    """A score with one or two decimals (``0.7``, ``0.65`` for a mean), ``—`` for ``None``."""
    return NO_VALUE if value is None else format_number(value, 2, 1)


def latest_value_text(entry: KpiProgress, plan: Plan) -> str:
    """The latest value in the KPI's unit (``10.5%``, ``$720``), ``—`` without one."""
    if entry.value is None:
        return NO_VALUE
    return format_value(entry.value, entry.kpi.unit, currency=plan.currency)


def guardrail_text(entry: KpiProgress, plan: Plan) -> str:
    """The guardrail state in words: ``ok``, ``below the floor of 30%``..., ``—`` if none."""
    guardrail = entry.kpi.guardrail
    if entry.guardrail is None or guardrail is None:
        return NO_VALUE
    if entry.guardrail == "ok":
        return t("progress.guardrail_ok")
    bound = guardrail.min if entry.guardrail == "below_min" else guardrail.max
    limit = format_value(bound or 0.0, entry.kpi.unit, currency=plan.currency)
    return t(CROSSED_KEYS[entry.guardrail], limit=limit)


def due_text(entry: KpiProgress) -> str:
    """The next due date, or ``overdue since 2026-02-07 (3 days)``, ``—`` if nothing is due."""
    if entry.next_due is None:
        return NO_VALUE
    if entry.closing_missing:
        return t("progress.closing_missing", date=entry.next_due)
    if entry.overdue:
        key = "progress.overdue_since_one" if entry.days_overdue == 1 else "progress.overdue_since"
        return t(key, date=entry.next_due, days=entry.days_overdue)
    return entry.next_due.isoformat()


def status_table(progress: PlanProgress, plan: Plan) -> list[list[str]]:
    """The per-KPI table of ``okr status``: a header row, then one row per KPI."""
    rows = [
        [
            t("progress.column_kpi"),
            t("progress.column_latest"),
            t("progress.column_progress"),
            t("progress.column_expected"),
            t("progress.column_status"),
            t("progress.column_guardrail"),
            t("progress.column_next_due"),
        ]
    ]
    for entry in progress.kpis:
        guardrail = NO_VALUE
        if entry.guardrail is not None:
            crossed = entry.guardrail_crossed
            guardrail = t("progress.guardrail_crossed" if crossed else "progress.guardrail_ok")
        rows.append(
            [
                entry.kpi.id,
                latest_value_text(entry, plan),
                format_share(entry.raw_progress),
                format_share(entry.expected),
                status_label(entry.status),
                guardrail,
                NO_VALUE if entry.next_due is None else entry.next_due.isoformat(),
            ]
        )
    return rows


def crossed_line(entry: KpiProgress, plan: Plan) -> str:
    """``cac: guardrail crossed, above the ceiling of $700. Action: <on_breach>``."""
    return t(
        "progress.crossed_line",
        kpi=entry.kpi.id,
        state=guardrail_text(entry, plan),
        action=entry.kpi.on_breach or t("progress.no_action"),
    )


def recorded_lines(
    plan: Plan, checkin: CheckIn, entry: KpiProgress, *, label: str | None = None
) -> list[str]:
    """The confirmation of a recorded check-in: the value, how far it is toward the
    target (and what was expected), the KPI's status; then the crossed guardrail with
    its action, if the value crosses it. ``entry`` is the KPI's progress with the
    check-in counted; ``label`` names the KPI (its id by default)."""
    kpi = entry.kpi
    shown = {
        "kpi": label or kpi.id,
        "value": format_value(checkin.value, kpi.unit, currency=plan.currency),
        "date": checkin.date,
        "status": status_label(entry.status),
    }
    if entry.expected is not None and entry.raw_progress is not None:
        line = t(
            "checkin.recorded",
            **shown,
            progress=format_share(entry.raw_progress),
            expected=format_share(entry.expected),
        )
    elif entry.raw_progress is not None:
        line = t("checkin.recorded_progress", **shown, progress=format_share(entry.raw_progress))
    else:
        line = t("checkin.recorded_unjudged", **shown)
    lines = [line]
    if entry.guardrail_crossed:
        lines.append(crossed_line(entry, plan))
    return lines


def attention_lines(progress: PlanProgress, plan: Plan) -> list[str]:
    """One line per crossed guardrail (with its action), per overdue check-in and, once
    the period has ended, per KPI still without its closing value."""
    lines = [crossed_line(entry, plan) for entry in progress.crossed]
    lines += [
        t(
            "progress.overdue_line_one" if entry.days_overdue == 1 else "progress.overdue_line",
            kpi=entry.kpi.id,
            date=entry.next_due,
            days=entry.days_overdue,
        )
        for entry in progress.overdue
    ]
    lines += [
        t("progress.closing_line", kpi=entry.kpi.id, date=entry.next_due)
        for entry in progress.closing_missing
    ]
    return lines


def objective_line(progress: PlanProgress) -> str:
    """The objective's status in one sentence."""
    objective = progress.objective
    if objective.progress is None:
        return t("progress.objective_unjudged", status=status_label(objective.status))
    return t(
        "progress.objective_line",
        status=status_label(objective.status),
        judged=objective.judged,
        total=objective.total,
        progress=format_share(objective.progress),
        expected=format_share(objective.expected),
        score=format_score(objective.score),
    )


def progress_data(progress: PlanProgress) -> dict:
    """Everything in :class:`PlanProgress` as JSON-ready data (dates as ISO strings)."""
    return {
        "date": progress.today.isoformat(),
        "closed": progress.closed,
        "final": progress.final,
        "expected_today": progress.expected_today,
        "objective": {
            "status": progress.objective.status,
            "progress": progress.objective.progress,
            "expected": progress.objective.expected,
            "score": progress.objective.score,
            "key_results_judged": progress.objective.judged,
            "key_results": progress.objective.total,
        },
        "kpis": [_kpi_data(entry) for entry in progress.kpis],
        "key_results": [
            {
                "item": kr.index,
                "text": kr.item.text,
                "kpi": kr.item.kpi,
                "status": kr.status,
                "score": kr.score,
            }
            for kr in progress.key_results
        ],
    }


def _kpi_data(entry: KpiProgress) -> dict:
    latest = entry.latest
    return {
        "id": entry.kpi.id,
        "latest": None if latest is None else _checkin_data(latest),
        "progress": entry.progress,
        "raw_progress": entry.raw_progress,
        "expected": entry.expected,
        "status": entry.status,
        "score": entry.score,
        "guardrail": entry.guardrail,
        "on_breach": entry.kpi.on_breach if entry.guardrail_crossed else None,
        "next_due": _date(entry.next_due),
        "overdue": entry.overdue,
        "days_overdue": entry.days_overdue,
        "closing_missing": entry.closing_missing,
        "history": [_checkin_data(checkin) for checkin in entry.history],
    }


def _checkin_data(checkin: CheckIn) -> dict:
    return checkin.model_dump(mode="json")


def _date(day: dt.date | None) -> str | None:
    return None if day is None else day.isoformat()
