"""The check-in screen's KPI list: one row per KPI, the ones due first, each with a mark
(``!`` overdue, ``●`` due today, ``✓`` recorded just now), its last value, status and
next due date. Virtualised like every list in the app (:class:`RowList`)."""

from __future__ import annotations

import datetime as dt
from typing import ClassVar

from rich.cells import cell_len
from rich.text import Text

from model.i18n import t
from model.plan import Plan
from model.progress import JUDGED_STATUSES, KpiProgress
from model.progress_report import latest_value_text, status_label
from tui.widgets.row_list import RowList, one_line

MARKS = {"recorded": "✓", "overdue": "!", "due": "●", "later": " "}
"""The mark before a KPI's name, by its state on the day shown."""
STATUS_FROM_WIDTH = 56
"""Rows narrower than this leave the status word out (it is in the form's heading)."""


def due_first(entries: list[KpiProgress], today: dt.date) -> list[KpiProgress]:
    """The KPIs due by their cadence (due today or overdue) first, then the others; each
    part in plan order."""
    due = [e for e in entries if e.next_due is not None and e.next_due <= today]
    return due + [e for e in entries if e not in due]


def due_label(entry: KpiProgress, today: dt.date) -> str:
    """``overdue 3 days``, ``due today``, ``due 2026-02-28``, ``closing value due`` (the
    period has ended), or empty when nothing is due."""
    if entry.next_due is None:
        return ""
    if entry.closing_missing:
        return t("tracking_ui.closing_missing")
    if entry.overdue:
        key = "tracking_ui.overdue_one" if entry.days_overdue == 1 else "tracking_ui.overdue"
        return t(key, days=entry.days_overdue)
    if entry.next_due == today:
        return t("tracking_ui.due_today")
    return t("tracking_ui.due_on", date=entry.next_due.isoformat())


class CheckinList(RowList):
    """The KPIs to check in, in a fixed order while the screen is open (rows update in
    place after a check-in instead of jumping away from the cursor)."""

    DEFAULT_CSS = """
    CheckinList {
        & > .checkin-list--recorded { color: $text-success; text-style: bold; }
        & > .checkin-list--overdue { color: $text-error; text-style: bold; }
        & > .checkin-list--due { color: $text-warning; text-style: bold; }
        & > .checkin-list--muted { color: $text-muted; }
        & > .checkin-list--on_track { color: $text-success; }
        & > .checkin-list--at_risk { color: $text-warning; }
        & > .checkin-list--off_track { color: $text-error; }
    }
    """
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "checkin-list--recorded",
        "checkin-list--overdue",
        "checkin-list--due",
        "checkin-list--muted",
        "checkin-list--on_track",
        "checkin-list--at_risk",
        "checkin-list--off_track",
    }

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002
        super().__init__(empty_text=t("tracking_ui.no_kpis"), id=id)
        self.plan = Plan()
        self.today = dt.date.min
        self.entries: list[KpiProgress] = []
        self.recorded: set[str] = set()
        """Ids of the KPIs checked in since the screen opened."""

    def row_count(self) -> int:
        return len(self.entries)

    def state(self, entry: KpiProgress) -> str:
        """``recorded``, ``overdue``, ``due`` or ``later``: what the row's mark says."""
        if entry.kpi.id in self.recorded:
            return "recorded"
        if entry.overdue:
            return "overdue"
        if entry.next_due is not None and entry.next_due <= self.today:
            return "due"
        return "later"

    def status_width(self) -> int:
        """The widest status word in the list, so the due dates after it line up."""
        return max((cell_len(status_label(e.status)) for e in self.entries), default=0)

    def render_row(self, index: int, width: int) -> Text:
        entry = self.entries[index]
        state = self.state(entry)
        style = self.get_component_rich_style
        right = Text()
        right.append(latest_value_text(entry, self.plan), "bold")
        if width >= STATUS_FROM_WIDTH:
            status_class = entry.status if entry.status in JUDGED_STATUSES else "muted"
            right.append("  ")
            status = status_label(entry.status)
            right.append(status, style(f"checkin-list--{status_class}"))
            right.append(" " * (self.status_width() - cell_len(status)))
        due = due_label(entry, self.today)
        if due:
            due_class = state if state in ("overdue", "due") else "muted"
            right.append("  ")
            right.append(due, style(f"checkin-list--{due_class}"))
        mark = Text(
            f" {MARKS[state]} ", style(f"checkin-list--{state}") if state != "later" else ""
        )
        name = Text(one_line(entry.kpi.name or entry.kpi.id))
        room = width - mark.cell_len - right.cell_len - 2
        if room < 8:  # too narrow for everything: keep the name readable
            right = Text(due, style("checkin-list--muted"))
            room = width - mark.cell_len - right.cell_len - 2
        name.truncate(max(room, 4), overflow="ellipsis")
        gap = max(width - mark.cell_len - cell_len(name.plain) - right.cell_len, 1)
        return Text.assemble(mark, name, " " * gap, right)
