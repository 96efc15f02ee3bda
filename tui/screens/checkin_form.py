"""The check-in form: the chosen KPI's fields, what is typed in them, what it would record.

:class:`CheckinForm` is the form half of :class:`~tui.screens.checkin.CheckinScreen`:
it fills the form for the KPI chosen in the list (its heading, a field per formula
input, what was typed earlier), reads the date, value, inputs and confidence typed,
computes the value from the inputs, and puts a preview or an error under the field it
is about. The screen composes the form, keeps the drafts and records the check-in.
"""

from __future__ import annotations

import datetime as dt
from typing import ClassVar

from rich.text import Text
from textual.binding import BindingType
from textual.widgets import Input, Static

from model.checkins import (
    CheckinError,
    build_checkin,
    checkin_warnings,
    parse_confidence,
    progress_with,
    value_warnings,
)
from model.edit import EditError, parse_date
from model.i18n import t
from model.inputs import kpi_inputs
from model.plan import CheckIn, Kpi, Plan
from model.progress import KpiProgress
from model.progress_report import (
    cadence_label,
    format_share,
    guardrail_text,
    latest_value_text,
    status_label,
)
from model.textwidth import display_width, truncate
from model.units import format_value
from tui.keys import bind, localize_bindings
from tui.widgets.form import NUMBER_PLACEHOLDERS, FieldRow, UndoableInput
from tui.widgets.row_list import one_line
from tui.widgets.wrapping import KeptValues

LABEL_WIDTH = 15
"""The labels' column, in cells (the form's own labels fit it), as other forms have it."""
LABEL_MAX = 24
"""The labels' column widens up to this for a KPI's input names; longer names are cut in
their label (the formula above names them)."""


class RecordInput(UndoableInput):
    """A form field where Enter records the check-in (and the Footer says so); pasted
    lines are joined by spaces and ctrl+z / ctrl+y undo and redo, as in the planner's
    fields."""

    BINDINGS: ClassVar[list[BindingType]] = [
        bind("enter", "submit", "tracking.record"),
    ]

    def __init__(self, *, id: str, name: str | None = None, placeholder: str = "") -> None:  # noqa: A002
        super().__init__(
            id=id,
            name=name,
            placeholder=placeholder,
            compact=True,
            select_on_focus=False,
        )
        localize_bindings(self)


def label_width(names: tuple[str, ...]) -> int:
    """The labels' column for a KPI with these input names: wide enough for the longest
    and a space, within ``LABEL_WIDTH``..``LABEL_MAX``."""
    widest = max((display_width(one_line(name)) + 1 for name in names), default=0)
    return max(LABEL_WIDTH, min(widest, LABEL_MAX))


def _label(name: str, width: int) -> str:
    """``name`` cut to fit a label ``width`` cells wide with a space after it (a CJK
    character takes two; no padding before the "…")."""
    return truncate(one_line(name), width - 1)


class CheckinForm:
    """The check-in form's logic, mixed into the check-in screen (whose widgets it reads).

    The screen provides the plan, the day, the chosen KPI and the drafts typed so far."""

    plan: Plan
    today: dt.date
    default_day: dt.date
    entry: KpiProgress | None
    kpi: Kpi | None
    drafts: dict[str, dict[str, str]]
    input_names: tuple[str, ...]

    # --- the chosen KPI in the form --------------------------------------------------------

    def field(self, name: str) -> Input:
        return self.query_one(f"#checkin-{name}", Input)

    def row(self, name: str) -> FieldRow:
        return self.query_one(f"#row-checkin-{name}", FieldRow)

    def input_fields(self) -> list[Input]:
        return list(self.query("#checkin-inputs Input").results(Input))

    async def load_kpi(self) -> None:
        """Show the chosen KPI in the form: its heading, its inputs, what was typed."""
        entry = self.entry
        form = self.query_one("#checkin-form")
        form.disabled = entry is None
        heading = self.query_one("#checkin-kpi", Static)
        container = self.query_one("#checkin-inputs")
        await container.remove_children()
        self.input_names = ()
        if entry is None:
            heading.update("")
            self.query_one("#checkin-inputs-heading").display = False
            return
        kpi = entry.kpi
        heading.update(KeptValues(self._heading(entry)))
        declared = kpi_inputs(self.plan, kpi)
        self.input_names = tuple(name for name, _ in declared)
        width = label_width(self.input_names)
        draft = self.drafts.get(kpi.id, {})
        rows = []
        for index, (name, declaration) in enumerate(declared):
            unit = declaration.unit if declaration else None
            field = RecordInput(
                id=f"checkin-input-{index}", name=name, placeholder=t(NUMBER_PLACEHOLDERS[unit])
            )
            field.load(draft.get(f"input:{name}", ""))
            rows.append(FieldRow(_label(name, width), field, id=f"row-checkin-input-{index}"))
        inputs_heading = self.query_one("#checkin-inputs-heading", Static)
        inputs_heading.display = bool(rows)
        if rows:
            inputs_heading.update(Text(t("tracking_ui.inputs_heading", formula=kpi.formula)))
            await container.mount_all(rows)
        for label in self.query(".field-label"):  # one column: the date's and the form's
            label.styles.width = width
        with self.prevent(Input.Changed):
            value = self.field("value")
            value.placeholder = t(NUMBER_PLACEHOLDERS[kpi.unit])
            value.load(draft.get("value", ""))
            self.field("confidence").load(draft.get("confidence", ""))
            self.field("note").load(draft.get("note", ""))
        for name in ("value", "confidence", "note"):
            self.row(name).set_note()
        self.update_preview()

    def _heading(self, entry: KpiProgress) -> Text:
        kpi = entry.kpi
        text = Text()
        text.append(one_line(kpi.name or kpi.id), "bold")
        latest = entry.latest
        if latest is None:
            facts = t("tracking_ui.heading_no_checkin", cadence=cadence_label(kpi.cadence))
        else:
            facts = t(
                "tracking_ui.heading_facts",
                cadence=cadence_label(kpi.cadence),
                value=latest_value_text(entry, self.plan),
                date=latest.date.isoformat(),
                status=status_label(entry.status),
            )
        text.append(" · " + facts)
        if kpi.target is not None:
            target = format_value(kpi.target, kpi.unit, currency=self.plan.currency)
            text.append(" · " + t("tracking_ui.heading_target", target=target))
        return text

    def focus_value(self) -> None:
        """Focus the first field to type in: the value, or the first input."""
        value = self.field("value")
        if value.disabled:
            fields = self.input_fields()
            if fields:
                fields[0].focus()
                return
        value.focus()

    # --- what is typed, and what recording it would do ------------------------------------

    def _date(self) -> dt.date:
        """The date typed at the top (:attr:`default_day` when empty); raises EditError
        if unreadable."""
        return parse_date(self.field("date").value) or self.default_day

    def _date_changed(self) -> None:
        row = self.row("date")
        try:
            day = self._date()
        except EditError as error:
            row.set_note(str(error), error=True)
            return
        probe = CheckIn(kpi="probe", date=day, value=0.0)
        warnings = checkin_warnings(self.plan.objective, probe, self.today, ahead=True)
        row.set_note("\n".join(warnings), warning=True)

    def _check_confidence(self) -> int | None:
        """The confidence typed (``None`` when empty); an error note when unreadable."""
        row = self.row("confidence")
        text = self.field("confidence").value
        try:
            confidence = parse_confidence(text) if text.strip() else None
        except CheckinError as error:
            row.set_note(error.message, error=True)
            raise
        row.set_note()
        return confidence

    def typed_inputs(self) -> dict[str, str]:
        """The inputs typed so far (empty fields left out)."""
        return {field.name: field.value for field in self.input_fields() if field.value.strip()}  # type: ignore[misc]

    def _typed_checkin(self, day: dt.date) -> CheckIn | None:
        """The check-in the form describes, ``None`` when nothing is typed yet; raises
        CheckinError when what is typed cannot be a check-in."""
        kpi = self.kpi
        if kpi is None:
            return None
        inputs = self.typed_inputs()
        if inputs:
            return build_checkin(self.plan, kpi.id, day=day, inputs=inputs)
        value = self.field("value").value
        if not value.strip():
            return None
        return build_checkin(self.plan, kpi.id, day=day, value=value)

    def update_preview(self) -> None:
        """Recompute the value from the inputs, and say what recording it would do."""
        kpi = self.kpi
        if kpi is None:
            return
        self._show_value_mode()
        for index, _ in enumerate(self.input_names):
            self.row(f"input-{index}").set_note()
        value_row = self.row("value")
        try:
            day = self._date()
        except EditError:
            day = self.default_day
        try:
            checkin = self._typed_checkin(day)
        except CheckinError as error:
            self._show_error(error, live=True)
            return
        if checkin is None:
            value_row.set_note()
            return
        if self.typed_inputs():
            with self.prevent(Input.Changed):
                self.field("value").value = format_value(
                    checkin.value, kpi.unit, currency=self.plan.currency
                )
        warnings = value_warnings(self.plan, checkin, ahead=True)
        preview = self._preview_text(checkin, progress_with(self.plan, checkin))
        value_row.set_note("\n".join([preview, *warnings]), warning=bool(warnings))

    def _show_value_mode(self) -> None:
        """While inputs are typed the value field shows the computed value, read-only."""
        value = self.field("value")
        computing = bool(self.typed_inputs())
        if value.disabled == computing:
            return
        value.disabled = computing
        kpi = self.kpi
        with self.prevent(Input.Changed):
            value.value = (
                "" if computing or kpi is None else self.drafts.get(kpi.id, {}).get("value", "")
            )

    def _preview_text(self, checkin: CheckIn, entry: KpiProgress) -> str:
        kpi = entry.kpi
        value = format_value(checkin.value, kpi.unit, currency=self.plan.currency)
        if entry.raw_progress is None:
            lines = [
                t("tracking_ui.preview_unjudged", value=value, status=status_label(entry.status))
            ]
        else:
            lines = [
                t(
                    "tracking_ui.preview",
                    value=value,
                    progress=format_share(entry.raw_progress),
                    status=status_label(entry.status),
                )
            ]
        if entry.guardrail_crossed:
            lines.append(t("tracking_ui.preview_crossed", state=guardrail_text(entry, self.plan)))
        return "\n".join(lines)

    def _show_error(self, error: CheckinError, *, live: bool) -> None:
        """Put ``error`` under the field it is about; while typing, a missing input is a
        hint rather than an error."""
        if error.key == "checkin.bad_input" and error.params.get("name") in self.input_names:
            index = self.input_names.index(str(error.params["name"]))
            self.row(f"input-{index}").set_note(error.message, error=True)
            self.row("value").set_note()
        elif error.key == "checkin.missing_inputs" and live:
            missing = [n for n in self.input_names if n not in self.typed_inputs()]
            self.row("value").set_note(t("tracking_ui.inputs_missing", names=", ".join(missing)))
        else:
            self.row("value").set_note(error.message, error=True)
