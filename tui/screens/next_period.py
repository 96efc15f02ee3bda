"""The next-period dialog: where to write the next period's plan, and its dates.

The fields start filled in: a file name beside the plan with the period moved on
(``2026-q1.toml`` -> ``2026-q2.toml``) and the dates ``model.periods`` derives. Enter
writes the new plan (``model.periods.next_period``: baselines = last actuals, no
check-ins) and answers its path; a problem is shown under the field it is about and
nothing is written. An existing file (or the plan's own) is never overwritten, nor a
new plan another session has open, and the open plan is not changed.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.widgets import Input, Static

from model.edit import EditError, format_date, parse_date
from model.fingerprint import ABSENT
from model.i18n import t
from model.lock import refuse_if_open_elsewhere
from model.periods import PeriodError, next_period, next_period_dates, next_period_path
from model.plan import Plan
from model.store import PlanError, save_plan, text_for_comments
from tui.keys import bind
from tui.screens.dialog import Dialog
from tui.widgets.form import FieldRow, UndoableInput


class NextPeriodDialog(Dialog[Path | None]):
    """Asks for the new file and the new period's dates; Enter writes, Escape cancels."""

    BINDINGS: ClassVar[list[BindingType]] = [
        bind("escape", "cancel", "dialog.close"),
    ]

    def __init__(self, plan: Plan, plan_path: Path) -> None:
        super().__init__(dialog_id="next-period-dialog")
        self.plan = plan
        self.plan_path = plan_path
        try:
            self.start, self.end = next_period_dates(plan.objective)
        except PeriodError:
            self.start = self.end = None
        self.suggested = next_period_path(plan_path, plan.objective, self.start, self.end)

    def compose_dialog(self) -> ComposeResult:
        with Vertical(classes="dialog", id="next-period"):
            yield Static(t("tracking_ui.next_title"), classes="dialog-question")
            for name, label, value in (
                ("path", "tracking_ui.next_path", str(self.suggested)),
                ("start", "tracking_ui.next_start", format_date(self.start)),
                ("end", "tracking_ui.next_end", format_date(self.end)),
            ):
                field = UndoableInput(
                    value, id=f"next-{name}", compact=True, select_on_focus=False, one_value=True
                )
                yield FieldRow(t(label), field, id=f"row-next-{name}")
            yield Static(t("tracking_ui.next_keys"), classes="dialog-hint")

    def on_mount(self) -> None:
        self.query_one("#next-path", Input).focus()

    def row(self, name: str) -> FieldRow:
        return self.query_one(f"#row-next-{name}", FieldRow)

    def _date(self, name: str) -> dt.date | None:
        row = self.row(name)
        try:
            day = parse_date(self.query_one(f"#next-{name}", Input).value)
        except EditError as error:
            row.set_note(str(error), error=True)
            raise
        row.set_note()
        return day

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.write()

    def write(self) -> None:
        """Write the next period's plan, or say under a field why it cannot be."""
        path_row = self.row("path")
        text = self.query_one("#next-path", Input).value.strip()
        try:
            start, end = self._date("start"), self._date("end")
        except EditError:
            return
        if not text:
            path_row.set_note(t("tracking_ui.next_path_needed"), error=True)
            return
        path = Path(text).expanduser()
        if path.exists() and self.plan_path.exists() and path.samefile(self.plan_path):
            path_row.set_note(t("period.same_file"), error=True)
            return
        if path.exists():
            path_row.set_note(t("tracking_ui.next_exists", path=path), error=True)
            return
        try:
            refuse_if_open_elsewhere(path)  # a new plan a session has open, not saved yet
        except PlanError as error:
            path_row.set_note(str(error), error=True)
            return
        try:
            new_plan = next_period(self.plan, start, end)
        except PeriodError as error:
            self.row("end").set_note(error.message, error=True)
            return
        try:
            comments = text_for_comments(self.plan_path)  # the plan's own, beside the same keys
            save_plan(new_plan, path, expected=ABSENT, backup=False, comments_from=comments)
        except PlanError as error:
            path_row.set_note(str(error), error=True)
            return
        self.app.notify(written_message(path, new_plan), markup=False, timeout=8)
        self.dismiss(path)

    def action_cancel(self) -> None:
        self.dismiss(None)


def written_message(path: Path, new_plan: Plan) -> str:
    """What the app says once the next period is written: where, for when, what next."""
    objective = new_plan.objective
    if objective.start is not None and objective.end is not None:
        line = t("period.written", path=path, start=objective.start, end=objective.end)
    else:
        line = t("period.written_no_period", path=path)
    return line + "\n" + t("period.revise_hint")
