"""The check-in screen: record what each KPI measured, the ones due by their cadence first.

Tracking comes after planning, so this is its own screen, opened from the dashboard
(Enter on a KPI) or the palette, and Escape goes back. The date at the top applies to
every value recorded here (today by default; once the period has ended, its last day,
for the closing values). For the chosen KPI the form takes the
value in the KPI's unit (``12%``, ``$740``), or its formula's inputs, each in its own
unit, with the value computed as they are typed; then a confidence 0-10 and a note.
Enter records: the check-in is added to the plan in memory (``ctrl+s`` saves it), the
KPI's row shows its new status at once, and the cursor moves on to the next KPI due.
What was recorded shows under the form; ``ctrl+r`` goes there (and back) in one key.

What was typed but not recorded is kept per KPI while the screen is open, and leaving
with some of it asks first. The form's logic (filling it for the chosen KPI, reading
what is typed, the preview and the errors under the fields) is in
:mod:`tui.screens.checkin_form`.
"""

from __future__ import annotations

import datetime as dt
from contextlib import suppress
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Container, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Header, Input, Static

from model.checkins import (
    CheckinError,
    add_checkin,
    default_day,
    progress_with,
    recorded_warnings,
)
from model.edit import EditError
from model.i18n import t
from model.plan import CheckIn, Kpi, Plan
from model.progress import KpiProgress, PlanProgress, plan_progress
from model.progress_report import recorded_lines
from tui.keys import bind, localize_bindings, localize_tree
from tui.screens.checkin_form import CheckinForm, RecordInput
from tui.widgets.checkin_list import CheckinList, due_first
from tui.widgets.footer import KeyFooter
from tui.widgets.form import FieldRow, UndoableInput
from tui.widgets.row_list import RowList, one_line
from tui.widgets.wrapping import KeptValues

if TYPE_CHECKING:
    from tui.app import OkrApp

_FIELD_LABELS = {
    "date": "tracking_ui.field_date",
    "value": "tracking_ui.field_value",
    "confidence": "tracking_ui.field_confidence",
    "note": "tracking_ui.field_note",
}
"""The form's own rows and their labels' messages."""


class CheckinScreen(CheckinForm, Screen[None]):
    """The KPI list (due first) and a form recording one check-in for the chosen KPI."""

    HORIZONTAL_BREAKPOINTS: ClassVar[list[tuple[int, str]]] = [(0, "-narrow"), (110, "-wide")]
    AUTO_FOCUS = None
    BINDINGS: ClassVar[list[BindingType]] = [
        bind("escape", "back", "tracking.back"),
        bind("ctrl+r", "to_result", "tracking.to_result"),
    ]

    def __init__(self, kpi_id: str | None = None) -> None:
        super().__init__(id="checkin-screen")
        localize_bindings(self)
        self.start_kpi = kpi_id
        self.drafts: dict[str, dict[str, str]] = {}
        """What was typed and not yet recorded, by KPI id, then by field name."""
        self.progress: PlanProgress | None = None
        self.input_names: tuple[str, ...] = ()
        self.last_result = Text()
        """What the last check-in recorded here did (shown under the form)."""

    @property
    def okr_app(self) -> OkrApp:
        return self.app  # type: ignore[return-value]

    @property
    def plan(self) -> Plan:
        return self.okr_app.plan

    @property
    def today(self) -> dt.date:
        return self.okr_app.today()

    @property
    def default_day(self) -> dt.date:
        """The date a check-in gets when the date field is empty (see ``default_day``)."""
        return default_day(self.plan.objective, self.today)

    # --- building the screen -------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="checkin"):
            yield Static(t("tracking_ui.checkin_title"), classes="pane-title")
            yield Static("", id="checkin-guide", classes="pane-guide")
            date = UndoableInput(
                self.default_day.isoformat(),
                id="checkin-date",
                compact=True,
                select_on_focus=False,
                placeholder=t("tui.ph_date"),
                max_length=40,
                one_value=True,
            )
            yield FieldRow(t(_FIELD_LABELS["date"]), date, id="row-checkin-date")
            with Container(id="checkin-split"):
                yield CheckinList(id="checkin-list")
                with VerticalScroll(id="checkin-form", can_focus=False):
                    yield Static("", id="checkin-kpi")
                    yield FieldRow(
                        t(_FIELD_LABELS["value"]),
                        RecordInput(id="checkin-value", name="value"),
                        id="row-checkin-value",
                    )
                    yield Static("", id="checkin-inputs-heading")
                    yield Vertical(id="checkin-inputs")
                    yield FieldRow(
                        t(_FIELD_LABELS["confidence"]),
                        RecordInput(
                            id="checkin-confidence",
                            name="confidence",
                            placeholder=t("tracking_ui.ph_confidence"),
                        ),
                        id="row-checkin-confidence",
                    )
                    yield FieldRow(
                        t(_FIELD_LABELS["note"]),
                        RecordInput(
                            id="checkin-note", name="note", placeholder=t("tracking_ui.ph_note")
                        ),
                        id="row-checkin-note",
                    )
            with VerticalScroll(id="checkin-result-box"):  # scrolls when the warnings overflow
                yield Static("", id="checkin-result")
        yield KeyFooter(compact=True)

    async def on_mount(self) -> None:
        self.progress = plan_progress(self.plan, self.today)
        checkin_list = self.checkin_list
        checkin_list.plan = self.plan
        checkin_list.today = self.today
        checkin_list.entries = due_first(list(self.progress.kpis), self.today)
        checkin_list.rows_changed()
        self._show_guide()
        self._show_result_box(False)
        ids = [entry.kpi.id for entry in checkin_list.entries]
        if self.start_kpi in ids:
            checkin_list.cursor = ids.index(self.start_kpi)
        checkin_list.rows_changed()
        self._date_changed()
        await self.load_kpi()
        if self.kpi is None:
            checkin_list.focus()
        else:
            self.focus_value()

    def _show_guide(self) -> None:
        due, total = len(self.progress.due), len(self.progress.kpis)
        if due:
            key = "tracking_ui.checkin_guide_one" if due == 1 else "tracking_ui.checkin_guide"
        elif total == 1:
            key = "tracking_ui.checkin_guide_none_due_one"
        else:
            key = "tracking_ui.checkin_guide_none_due"
        self.query_one("#checkin-guide", Static).update(Text(t(key, due=due, total=total)))

    async def relocalize(self) -> None:
        """Show the screen in the current language (after a language switch), keeping the
        date, the chosen KPI, what was typed and where the cursor is."""
        focused = self.focused.id if self.focused is not None else None
        localize_tree(self)
        self.query_one(".pane-title", Static).update(t("tracking_ui.checkin_title"))
        self._show_guide()
        for name, key in _FIELD_LABELS.items():
            self.row(name).set_label(t(key))
        self.field("date").placeholder = t("tui.ph_date")
        self.field("confidence").placeholder = t("tracking_ui.ph_confidence")
        self.field("note").placeholder = t("tracking_ui.ph_note")
        self._show_result_box(False)  # a sentence in the old language
        self.checkin_list.refresh(layout=True)
        self._date_changed()
        await self.load_kpi()
        self.refresh_bindings()
        if focused is not None:
            widgets = self.query(f"#{focused}")
            if widgets:
                widgets.first().focus()

    # --- the chosen KPI ------------------------------------------------------------------

    @property
    def checkin_list(self) -> CheckinList:
        return self.query_one("#checkin-list", CheckinList)

    @property
    def entry(self) -> KpiProgress | None:
        checkin_list = self.checkin_list
        if not checkin_list.entries:
            return None
        return checkin_list.entries[checkin_list.cursor]

    @property
    def kpi(self) -> Kpi | None:
        entry = self.entry
        return entry.kpi if entry else None

    def choose_kpi(self, kpi_id: str | None) -> None:
        """Move to ``kpi_id``'s row and its value, as Enter on that row does."""
        checkin_list = self.checkin_list
        ids = [entry.kpi.id for entry in checkin_list.entries]
        if kpi_id in ids:
            checkin_list.move_cursor(ids.index(kpi_id))
            checkin_list.post_message(RowList.Chosen(checkin_list, checkin_list.cursor))

    @on(RowList.Highlighted, "#checkin-list")
    async def _highlighted(self, _event: RowList.Highlighted) -> None:
        await self.load_kpi()

    @on(RowList.Chosen, "#checkin-list")
    def _chosen(self, _event: RowList.Chosen) -> None:
        self.focus_value()

    # --- typing ----------------------------------------------------------------------------

    @on(Input.Changed)
    def _typed(self, event: Input.Changed) -> None:
        field = event.input
        if field.id == "checkin-date":
            self._date_changed()
            self.update_preview()
            return
        kpi = self.kpi
        if kpi is None or field.name is None:
            return
        key = field.name if field.id in self._own_fields() else f"input:{field.name}"
        if field.id == "checkin-value" and field.disabled:
            return  # the computed value shown while inputs are typed
        self.drafts.setdefault(kpi.id, {})[key] = event.value
        if field.id == "checkin-confidence":
            with suppress(CheckinError):  # the note under the field says what is wrong
                self._check_confidence()
        elif field.id != "checkin-note":
            self.update_preview()

    @staticmethod
    def _own_fields() -> tuple[str, ...]:
        return ("checkin-value", "checkin-confidence", "checkin-note")

    @on(Input.Submitted)
    async def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if event.input.id == "checkin-date":
            self.focus_value()
        else:
            await self.record()

    # --- recording --------------------------------------------------------------------------

    async def record(self) -> None:
        """Record the check-in the form describes, or say what is wrong next to its field."""
        kpi = self.kpi
        if kpi is None:
            return
        try:
            day = self._date()
        except EditError as error:
            self.row("date").set_note(str(error), error=True)
            self.field("date").focus()
            return
        try:
            confidence = self._check_confidence()
        except CheckinError:
            self.field("confidence").focus()
            return
        try:
            typed = self._typed_checkin(day)
        except CheckinError as error:
            self._show_error(error, live=False)
            return
        if typed is None:
            self.row("value").set_note(t("tracking_ui.value_needed"), error=True)
            self.focus_value()
            return
        note = self.field("note").value
        checkin = typed.model_copy(update={"confidence": confidence, "note": note.strip()})
        checkin = CheckIn.model_validate(checkin.model_dump())
        after = progress_with(self.plan, checkin)
        add_checkin(self.plan, checkin)
        self.okr_app.wizard.plan_edited()  # now: the edition counts it at once
        self.drafts.pop(kpi.id, None)
        self._show_result(checkin, after)
        self._refresh_rows(checkin)
        await self._next_due()

    def _show_result(self, checkin: CheckIn, entry: KpiProgress) -> None:
        kpi = entry.kpi
        lines = recorded_lines(self.plan, checkin, entry, label=one_line(kpi.name or kpi.id))
        result = Text("✓ " + lines[0], style="bold")
        for warning in recorded_warnings(self.plan, checkin, self.today):
            result.append("\n! " + warning)
        for line in lines[1:]:
            result.append("\n! " + line)
        self.last_result = result
        widget = self.query_one("#checkin-result", Static)
        widget.update(KeptValues(result))
        widget.set_class(entry.guardrail_crossed, "-crossed")
        self._show_result_box(True)
        self.query_one("#checkin-result-box", VerticalScroll).scroll_home(animate=False)

    def _show_result_box(self, shown: bool) -> None:
        """Show or hide what was recorded, and its key in the Footer with it."""
        self.query_one("#checkin-result-box").display = shown
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "to_result":  # only while there is a result to go to
            boxes = self.query("#checkin-result-box")
            return bool(boxes) and boxes.first().display
        return super().check_action(action, parameters)

    def action_to_result(self) -> None:
        """Focus what was recorded (to scroll it with the arrows), in one key from any
        field; pressed there, back to the form's first field."""
        box = self.query_one("#checkin-result-box", VerticalScroll)
        if self.focused is box:
            self.focus_value()
        else:
            box.focus()

    def _refresh_rows(self, checkin: CheckIn) -> None:
        """Give every row its new numbers (same order), marking ``checkin``'s KPI as
        recorded."""
        self.progress = plan_progress(self.plan, self.today)
        by_id = {entry.kpi.id: entry for entry in self.progress.kpis}
        checkin_list = self.checkin_list
        checkin_list.recorded[checkin.kpi] = checkin
        checkin_list.entries = [by_id.get(e.kpi.id, e) for e in checkin_list.entries]
        checkin_list.refresh(layout=True)  # its columns may widen (auto width)
        self._show_guide()  # one fewer due

    async def _next_due(self) -> None:
        """Move on to the next KPI still due, or back to the list when none is."""
        checkin_list = self.checkin_list
        entries = checkin_list.entries
        count = len(entries)
        for step in range(1, count + 1):
            index = (checkin_list.cursor + step) % count
            if checkin_list.state(entries[index]) in ("due", "overdue"):
                checkin_list.cursor = index
                checkin_list.rows_changed()
                await self.load_kpi()
                self.focus_value()
                return
        await self.load_kpi()
        result = self.last_result.copy()
        result.append("\n" + t("tracking_ui.all_due_recorded"))
        self.query_one("#checkin-result", Static).update(KeptValues(result))
        checkin_list.focus()

    # --- leaving --------------------------------------------------------------------------

    def action_back(self) -> None:
        """From a form field (or the result) back to the list; from the list (or the date)
        off the screen."""
        focused = self.focused
        inner = (self.query_one("#checkin-form"), self.query_one("#checkin-result-box"))
        if focused is not None and any(w is focused or w in focused.ancestors for w in inner):
            self.checkin_list.focus()
            return
        self.leave()

    def leave(self) -> None:
        """Close the screen, asking first when values were typed and not recorded."""
        pending = [
            kpi_id
            for kpi_id, draft in self.drafts.items()
            if any(value.strip() for value in draft.values())
        ]
        if not pending:
            self.dismiss()
            return
        from tui.screens.dialogs import ConfirmDialog

        def answered(leave: bool | None) -> None:
            if leave:
                self.dismiss()

        key = "tracking_ui.confirm_leave_one" if len(pending) == 1 else "tracking_ui.confirm_leave"
        question = t(key, count=len(pending))
        self.app.push_screen(
            ConfirmDialog(question, yes=t("tracking_ui.leave"), no=t("tracking_ui.stay")), answered
        )
