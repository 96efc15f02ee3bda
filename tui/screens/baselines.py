"""Step 5: baselines, targets, guardrails, review cadence and the action on a breach."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.widget import Widget
from textual.widgets import Input, Select

from model import edit
from model.i18n import t
from model.plan import Kpi
from model.safetext import shown
from model.steps import field_label, suggested_cadence
from model.units import is_currency_code
from model.vocab import choices, label
from tui.screens.kpi_step import KpiStepPane
from tui.widgets.form import NUMBER_PLACEHOLDERS, FieldRow, SteadyInput, choice, text_input

NUMBER_WIDGETS = ("kpi-baseline", "kpi-target", "kpi-guardrail-min", "kpi-guardrail-max")


class BaselinesPane(KpiStepPane):
    """The plan's currency above the list; the chosen KPI's numbers, cadence and action."""

    STEP = "baselines"
    FIELD_WIDGETS: ClassVar[dict[str, str]] = {
        "baseline": "kpi-baseline",
        "target": "kpi-target",
        "guardrail": "kpi-guardrail-min",
        "guardrail.min": "kpi-guardrail-min",
        "guardrail.max": "kpi-guardrail-max",
        "cadence": "kpi-cadence",
        "on_breach": "kpi-on_breach",
    }

    def compose_above_list(self) -> ComposeResult:
        yield FieldRow(
            field_label("currency"),
            text_input(self.plan.currency, id="plan-currency", placeholder=t("tui.ph_currency")),
            id="row-currency",
        )

    def first_field(self) -> Widget | None:
        """The currency while amounts need one it lacks (a KPI counts money, and the plan
        has no currency code yet): it is the first field on screen and the first thing
        typed there ("USD" in the baseline was "not a number"); else the KPI's."""
        currency = self.plan.currency.strip()
        if (not currency or not is_currency_code(currency)) and any(
            kpi.unit == "currency" for kpi in self.plan.kpis
        ):
            return self.query_one("#plan-currency")
        return super().first_field()

    def compose_form(self) -> ComposeResult:
        rows = [
            ("baseline", "kpi-baseline"),
            ("target", "kpi-target"),
            ("guardrail.min", "kpi-guardrail-min"),
            ("guardrail.max", "kpi-guardrail-max"),
        ]
        for field, widget_id in rows:
            yield FieldRow(
                field_label(field), text_input(id=widget_id, name=field), id=f"row-{widget_id}"
            )
        yield FieldRow(
            field_label("cadence"),
            choice(
                choices("cadence"),
                id="kpi-cadence",
                name="cadence",
                classes="kpi-choice",
                prompt=t("tui.prompt_choose"),
            ),
            id="row-kpi-cadence",
        )
        yield FieldRow(
            field_label("on_breach"),
            text_input(
                id="kpi-on_breach",
                name="on_breach",
                classes="kpi-text",
                placeholder=t("tui.ph_on_breach"),
            ),
        )

    def fill_form(self, kpi: Kpi) -> None:
        guardrail = kpi.guardrail
        values = {
            "kpi-baseline": edit.format_number(kpi.baseline, kpi.unit),
            "kpi-target": edit.format_number(kpi.target, kpi.unit),
            "kpi-guardrail-min": edit.format_number(guardrail and guardrail.min, kpi.unit),
            "kpi-guardrail-max": edit.format_number(guardrail and guardrail.max, kpi.unit),
            "kpi-on_breach": kpi.on_breach,
        }
        placeholder = t(NUMBER_PLACEHOLDERS[kpi.unit])
        for widget_id, value in values.items():
            widget = self.query_one(f"#{widget_id}", SteadyInput)
            widget.show(value)
            if widget_id in NUMBER_WIDGETS:
                widget.placeholder = placeholder
        self.query_one("#kpi-cadence", Select).value = kpi.cadence or Select.NULL

    def load(self) -> None:
        with self.prevent(Input.Changed):
            self.query_one("#plan-currency", SteadyInput).show(self.plan.currency)
        self.show_currency_note(self.plan.currency)
        super().load()

    def show_hints(self, kpi: Kpi) -> None:
        """Under the target, :func:`target_hint` (a wrong-way warning, or how many times
        better than the baseline it is, as ``okr check`` reckons it); under the cadence,
        the method's usual one."""
        target_row = self.query_one("#row-kpi-target", FieldRow)
        if not target_row.has_error:
            text, warning = target_hint(kpi)
            target_row.set_note(text, warning=warning)
        cadence_row = self.query_one("#row-kpi-cadence", FieldRow)
        usual = suggested_cadence(kpi.indicator)
        if usual and kpi.cadence != usual and kpi.indicator:
            cadence_row.set_note(
                t(
                    "tui.hint_cadence",
                    indicator=label("indicator", kpi.indicator),
                    cadence=label("cadence", usual),
                )
            )
        else:
            cadence_row.set_note()

    @on(Input.Changed, "#plan-currency")
    def _currency_typed(self, event: Input.Changed) -> None:
        currency = event.value.strip()
        self.show_currency_note(currency)
        if self.plan.currency != currency:
            self.plan.currency = currency
            self.edited()

    def show_currency_note(self, currency: str) -> None:
        """Under the currency, in red, when it is no currency code (the plan.currency
        check): every amount shows it, so a typo would be shown before each one."""
        row = self.query_one("#row-currency", FieldRow)
        if is_currency_code(currency):
            row.set_note()
        else:
            row.set_note(t("checks.currency_not_a_code", currency=shown(currency)), error=True)

    @on(Input.Changed, "#kpi-baseline, #kpi-target")
    def _number_typed(self, event: Input.Changed) -> None:
        kpi, field = self.kpi, event.input.name
        if kpi is None or field is None:
            return
        row = self.query_one(f"#row-{event.input.id}", FieldRow)
        try:
            changed = edit.set_kpi_number(kpi, field, event.value, currency=self.plan.currency)
        except edit.EditError as error:
            row.set_note(str(error), error=True)
            return
        row.set_note()
        self.show_hints(kpi)
        if changed:
            self.kpi_edited()

    @on(Input.Changed, "#kpi-guardrail-min, #kpi-guardrail-max")
    def _guardrail_typed(self) -> None:
        kpi = self.kpi
        if kpi is None:
            return
        before = kpi.guardrail
        low = self.query_one("#kpi-guardrail-min", Input)
        high = self.query_one("#kpi-guardrail-max", Input)
        problems = edit.set_guardrail(kpi, low.value, high.value, currency=self.plan.currency)
        for name, widget in (("min", low), ("max", high)):
            row = self.query_one(f"#row-{widget.id}", FieldRow)
            row.set_note(problems.get(name, ""), error=name in problems)
        if kpi.guardrail != before:
            self.kpi_edited()

    def focus_path(self, path: str) -> bool:
        if path == "currency":
            self.query_one("#plan-currency").focus()
            return True
        return super().focus_path(path)


def target_hint(kpi: Kpi) -> tuple[str, bool]:
    """The note under the target and whether it is a warning: a target that moves the
    wrong way for the KPI's direction, else the improvement over the baseline (``780 ->
    600`` is 1.3x better for a KPI where lower is better), with the method's range when
    outside it; empty without both numbers. The verdicts are the kpi.target_direction and
    kpi.ambition checks' own (imported here: the checks load the classifier, which stays
    off the start-up path)."""
    from model.checks.baselines import ambition, moves_right_way

    if moves_right_way(kpi) is False:
        return t(f"tui.hint_target_wrong_way_{kpi.direction}"), True
    found = ambition(kpi)
    if found is None:
        return "", False
    verdict, ratio = found
    key = "tui.hint_multiple" if kpi.direction == "increase" else "tui.hint_multiple_lower"
    if verdict != "within":
        key += "_outside"
    return t(key, multiple=f"{ratio:.2f}"), False
