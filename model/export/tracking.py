"""The tracking sections of the review document: where the KPIs stand and the history."""

from __future__ import annotations

from model.export.blocks import Block, Bullets, Heading, Paragraph, Table
from model.export.common import ExportContext
from model.i18n import t
from model.progress_report import (
    NO_VALUE,
    due_text,
    format_score,
    format_share,
    guardrail_text,
    latest_value_text,
    missing_dates_key,
    objective_line,
    status_label,
)


def progress_section(context: ExportContext) -> list[Block]:
    progress = context.progress
    plan = context.plan
    if progress.final:
        heading = t("export.progress_closed", date=progress.today.isoformat())
    elif progress.closed:
        missing = len(progress.closing_missing)
        heading = t("export.progress_closing", date=progress.today.isoformat(), count=missing)
    elif progress.expected_today is None:
        objective = plan.objective
        key = missing_dates_key(objective, "export")
        heading = t(key, date=progress.today.isoformat(), start=objective.start, end=objective.end)
    else:
        heading = t(
            "export.progress_open",
            date=progress.today.isoformat(),
            expected=format_share(progress.expected_today),
        )
    blocks: list[Block] = [Heading(2, t("export.section_progress")), Paragraph(heading)]
    if progress.kpis:
        blocks.append(
            Table(
                "progress",
                (
                    t("export.column_kpi"),
                    t("export.column_latest"),
                    t("export.column_date"),
                    t("export.column_progress"),
                    t("export.column_expected"),
                    t("export.column_status"),
                    t("export.column_score"),
                    t("export.column_guardrail"),
                    t("export.column_next_due"),
                ),
                tuple(
                    (
                        entry.kpi.id,
                        latest_value_text(entry, plan),
                        entry.latest.date.isoformat() if entry.latest else NO_VALUE,
                        format_share(entry.raw_progress),
                        format_share(entry.expected),
                        status_label(entry.status),
                        format_score(entry.score),
                        guardrail_text(entry, plan),
                        due_text(entry),
                    )
                    for entry in progress.kpis
                ),
                numbers=frozenset({1, 2, 3, 4, 6}),
            )
        )
    crossed = [
        t(
            "export.crossed",
            kpi=entry.kpi.id,
            state=guardrail_text(entry, plan),
            action=entry.kpi.on_breach or t("progress.no_action"),
        )
        for entry in progress.crossed
    ]
    if crossed:
        blocks.append(Bullets(tuple(crossed)))
    blocks.append(Paragraph(objective_line(progress)))
    return blocks


def history_section(context: ExportContext) -> list[Block]:
    checkins = sorted(enumerate(context.plan.checkins), key=lambda pair: (pair[1].date, pair[0]))
    blocks: list[Block] = [Heading(2, t("export.section_history"))]
    if not checkins:
        return [*blocks, Paragraph(t("export.no_checkins"))]
    kpis = {kpi.id: kpi for kpi in reversed(context.plan.kpis)}
    rows = []
    for _, checkin in checkins:
        kpi = kpis.get(checkin.kpi)
        value = context.value(kpi, checkin.value) if kpi else str(checkin.value)
        rows.append(
            (
                checkin.date.isoformat(),
                checkin.kpi,
                value,
                NO_VALUE if checkin.confidence is None else str(checkin.confidence),
                checkin.note or NO_VALUE,
            )
        )
    blocks.append(
        Table(
            "checkins",
            (
                t("export.column_date"),
                t("export.column_kpi"),
                t("export.column_value"),
                t("export.column_confidence"),
                t("export.column_note"),
            ),
            tuple(rows),
            numbers=frozenset({0, 2, 3}),
        )
    )
    return blocks
