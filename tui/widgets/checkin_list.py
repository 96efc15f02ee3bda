"""The check-in screen's KPI list: one row per KPI, the ones due first, each with a mark
(``!`` overdue, ``●`` due today, ``✓`` recorded just now, ``»`` recorded just now but
dated later than today, so not counted yet), its last value, status and next due date.
Virtualised like every list in the app (:class:`RowList`)."""

from __future__ import annotations

import datetime as dt
from typing import ClassVar

from rich.cells import cell_len
from rich.text import Text
from textual.geometry import Size

from model.i18n import get_language, t
from model.plan import CheckIn, Plan
from model.progress import JUDGED_STATUSES, KpiProgress, counts_on, waits_for_ahead
from model.progress_report import latest_value_text, status_label
from model.textwidth import truncate
from tui.widgets.row_list import RowList, one_line

MARKS = {"recorded": "✓", "ahead": "»", "overdue": "!", "due": "●", "later": " "}
"""The mark before a KPI's name, by its state on the day shown."""
NAME_ROOM = 16
"""Cells a KPI's name keeps before the status word is left out of its row (the form's
heading says it)."""


def due_first(entries: list[KpiProgress], today: dt.date) -> list[KpiProgress]:
    """The KPIs due by their cadence (due today or overdue) first, then the others; each
    part in plan order."""
    due: list[KpiProgress] = []
    later: list[KpiProgress] = []
    for entry in entries:  # (one pass: comparing entries took 0.4 s for 300 KPIs)
        is_due = entry.next_due is not None and entry.next_due <= today
        (due if is_due else later).append(entry)
    return due + later


def due_label(entry: KpiProgress, today: dt.date) -> str:
    """``overdue 3 days``, ``due today``, ``due 2026-02-28``, ``closing value due`` (the
    period has ended), ``counts from 2027-01-05`` (what is due was checked in with a
    later date, which does not count yet), or empty when nothing is due."""
    if entry.next_due is None:
        return ""
    if waits_for_ahead(entry, today):
        assert entry.ahead is not None
        return t("tracking_ui.counts_from", date=entry.ahead.date.isoformat())
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
        & > .checkin-list--ahead { color: $text-muted; text-style: bold; }
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
        "checkin-list--ahead",
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
        self.recorded: dict[str, CheckIn] = {}
        """The last check-in recorded since the screen opened, by KPI id."""
        self._widths: tuple[object, tuple[int, int, int]] = (None, (0, 0, 0))

    def row_count(self) -> int:
        return len(self.entries)

    def state(self, entry: KpiProgress) -> str:
        """``recorded``, ``ahead`` (recorded, dated later than today: it does not count
        yet), ``overdue``, ``due`` or ``later``: what the row's mark says."""
        recorded = self.recorded.get(entry.kpi.id)
        if recorded is not None:
            return "recorded" if counts_on(recorded, self.today) else "ahead"
        if waits_for_ahead(entry, self.today):
            return "ahead"
        if entry.overdue:
            return "overdue"
        if entry.next_due is not None and entry.next_due <= self.today:
            return "due"
        return "later"

    def due_text(self, entry: KpiProgress) -> str:
        """The row's due label, or the day a check-in recorded here counts from when it
        is dated later than today (the row still shows the KPI as of today)."""
        recorded = self.recorded.get(entry.kpi.id)
        if recorded is not None and not counts_on(recorded, self.today):
            return t("tracking_ui.counts_from", date=recorded.date.isoformat())
        return due_label(entry, self.today)

    def column_widths(self) -> tuple[int, int, int]:
        """The widest latest value, status word and due label in the list: each column
        is padded to it, so the columns line up whatever a row has (an empty due).
        Worked out once per set of entries, day, language and check-ins recorded here,
        not for every row drawn (a large plan has hundreds of KPIs)."""
        recorded = tuple((kpi_id, c.date) for kpi_id, c in self.recorded.items())
        key = (id(self.entries), self.today, get_language(), recorded)
        if self._widths[0] != key:
            plan = self.plan
            self._widths = (
                key,
                (
                    max((cell_len(latest_value_text(e, plan)) for e in self.entries), default=0),
                    max((cell_len(status_label(e.status)) for e in self.entries), default=0),
                    max((cell_len(self.due_text(e)) for e in self.entries), default=0),
                ),
            )
        return self._widths[1]

    def get_content_width(self, container: Size, viewport: Size) -> int:
        """A row with every column and the longest name whole: what the list takes on a
        wide screen (``width: auto``, within its minimum and maximum)."""
        value_width, status_width, due_width = self.column_widths()
        names = (cell_len(one_line(e.kpi.name or e.kpi.id)) for e in self.entries)
        right = value_width + 2 + status_width + (2 + due_width if due_width else 0)
        return len(f" {MARKS['later']} ") + max(names, default=0) + 2 + right

    def render_row(self, index: int, width: int) -> Text:
        entry = self.entries[index]
        state = self.state(entry)
        style = self.get_component_rich_style
        value_width, status_width, due_width = self.column_widths()
        mark = Text(
            f" {MARKS[state]} ", style(f"checkin-list--{state}") if state != "later" else ""
        )
        value = latest_value_text(entry, self.plan)
        right = Text(" " * (value_width - cell_len(value)))
        right.append(value, "bold")
        status_class = entry.status if entry.status in JUDGED_STATUSES else "muted"
        status = Text(status_label(entry.status), style(f"checkin-list--{status_class}"))
        status.pad_right(status_width - status.cell_len)
        due = Text(self.due_text(entry))
        if due:
            due.stylize(style(f"checkin-list--{state if state in ('overdue', 'due') else 'muted'}"))
        due.pad_right(due_width - due.cell_len)
        # All the columns when the name keeps room to be read; else the status goes (the
        # form's heading says it), and on a very narrow list only the due label stays.
        if width - mark.cell_len - (value_width + 2 + status_width + 2 + due_width) >= NAME_ROOM:
            right.append_text(Text("  ").append_text(status))
        if due_width:
            right.append_text(Text("  ").append_text(due))
        name = one_line(entry.kpi.name or entry.kpi.id)
        room = width - mark.cell_len - right.cell_len - 2
        if room < 8:  # too narrow for everything: keep the name readable
            right = due
            room = width - mark.cell_len - right.cell_len - 2
        name = truncate(name, max(room, 4))  # no space before the "…" of a CJK name
        gap = max(width - mark.cell_len - cell_len(name) - right.cell_len, 1)
        return Text.assemble(mark, name, " " * gap, right)
