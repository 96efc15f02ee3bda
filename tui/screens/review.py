"""Step 6: the whole plan at a glance, and every finding of the method checks.

The findings are ``model.checks.run_checks``'s (the app keeps the report, see
``OkrApp.check_report``), so this list, the step list's marks and ``okr check`` never
disagree. Errors come first (``model.review.review_order``); Enter on one jumps to its
step and field (``model.review.jump_path``), ``s`` silences it with a reason typed in a
dialog, which becomes an ``[[ignore]]`` entry saved with the plan.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.console import Console, ConsoleOptions, RenderResult
from rich.segment import Segment
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import VerticalScroll
from textual.widgets import Static

from model.edit import EditError, format_date
from model.i18n import t
from model.plan import Kpi, Plan
from model.progress_report import NO_VALUE
from model.review import (
    can_silence,
    cannot_silence_reason,
    jump_path,
    review_order,
    silence,
    unsilence,
)
from model.steps import field_label, step_name
from model.units import format_value
from model.vocab import label
from tui.keys import bind, localize_bindings
from tui.screens.base import StepPane
from tui.widgets.row_list import RowList, one_line

if TYPE_CHECKING:
    from model.checks import CheckReport, Finding
    from model.checks.runner import Silenced

ITEM_SECTIONS = {
    "key_result": "tui.review_key_results",
    "initiative": "tui.review_initiatives",
    "objective": "tui.review_sub_objectives",
}
REVIEW_LIMIT = 100
"""At most this many KPIs and items are listed; the rest are counted."""

SEVERITY_MARKS = {"error": "✗", "warning": "!", "hint": "·"}
"""The mark before a finding, as in the step list (✗ error, ! warning)."""
SEVERITY_WORDS = {
    "error": "export.severity_error",
    "warning": "export.severity_warning",
    "hint": "export.severity_hint",
}


class FindingList(RowList):
    """One row per finding: its severity (mark and word), its step, and its message;
    then the silenced findings, dimmed, each marked as such."""

    DEFAULT_CSS = """
    FindingList {
        & > .finding-list--error { color: $error; text-style: bold; }
        & > .finding-list--warning { color: $warning; text-style: bold; }
        & > .finding-list--hint { color: $text-muted; }
        & > .finding-list--step { color: $text-muted; }
        & > .finding-list--silenced { color: $text-muted; }
    }
    """
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "finding-list--error",
        "finding-list--warning",
        "finding-list--hint",
        "finding-list--step",
        "finding-list--silenced",
    }

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002
        super().__init__(empty_text=t("review.nothing_found"), id=id)
        self.findings: list[Finding] = []
        self.silenced: list[Silenced] = []
        """Findings the plan's ``[[ignore]]`` entries silenced, listed after the others."""

    def row_count(self) -> int:
        return len(self.findings) + len(self.silenced)

    def render_row(self, index: int, width: int) -> Text:
        if index >= len(self.findings):
            silenced = self.silenced[index - len(self.findings)]
            row = Text(f" ~ {t('review.silenced_row')}  ")
            row.append(f"{step_name(silenced.finding.step)}: ")
            row.append(one_line(silenced.finding.message))
            row.stylize(self.get_component_rich_style("finding-list--silenced"))
            return row
        finding = self.findings[index]
        severity = self.get_component_rich_style(f"finding-list--{finding.severity}")
        row = Text(" ")
        row.append(f"{SEVERITY_MARKS[finding.severity]} ", severity)
        row.append(t(SEVERITY_WORDS[finding.severity]), severity)
        row.append(
            f"  {step_name(finding.step)}: ", self.get_component_rich_style("finding-list--step")
        )
        row.append(one_line(finding.message))
        return row

    @property
    def selected(self) -> Finding | None:
        """The finding under the cursor, if any (silenced or not)."""
        silenced = self.selected_silenced
        if silenced is not None:
            return silenced.finding
        return self.findings[self.cursor] if 0 <= self.cursor < len(self.findings) else None

    @property
    def selected_silenced(self) -> Silenced | None:
        """The silenced finding under the cursor, if it is one."""
        index = self.cursor - len(self.findings)
        return self.silenced[index] if 0 <= index < len(self.silenced) else None


class ReviewPane(StepPane):
    """The plan summary above; the findings, and the chosen one's fix, below."""

    STEP = "review"
    BINDINGS: ClassVar[list[BindingType]] = [
        bind("s", "silence", "findings.silence"),
        bind("u", "unsilence", "findings.unsilence", show=False),  # its hint is under the row
    ]

    def __init__(self) -> None:
        super().__init__()
        localize_bindings(self)
        self._summary_edition: int | None = None
        """The plan's edition the summary shows (:attr:`OkrApp.edition`)."""

    def compose_body(self) -> ComposeResult:
        with VerticalScroll(id="review-scroll"):
            yield Static("", id="review-summary", markup=False)
        yield Static("", id="review-findings-heading", markup=False)
        yield FindingList(id="review-findings")
        yield Static("", id="review-finding-detail", markup=False)

    @property
    def finding_list(self) -> FindingList:
        return self.query_one("#review-findings", FindingList)

    def on_mount(self) -> None:
        self.load()

    def activate(self) -> None:
        self.stale = False
        self.load()  # the review always shows the plan as it is now

    def first_field(self):
        return self.finding_list

    def checks_updated(self, report: CheckReport, *, visible: bool) -> None:
        if visible and self.query(FindingList):
            self.show_findings(report)
        else:
            self.stale = True

    def load(self) -> None:
        edition = self.okr_app.edition
        if edition != self._summary_edition:  # else it shows the plan as it is already
            self._summary_edition = edition
            self.query_one("#review-summary", Static).update(Hanging(render_summary(self.plan)))
        self.show_findings(self.okr_app.check_report())

    def show_findings(self, report: CheckReport) -> None:
        """List ``report``'s findings, errors first, keeping the cursor on the same one."""
        findings = self.finding_list
        previous = findings.selected
        findings.findings = review_order(report.findings)
        findings.silenced = list(report.silenced)
        if previous is not None:
            everything = [*findings.findings, *(entry.finding for entry in findings.silenced)]
            same = [f.check == previous.check and f.path == previous.path for f in everything]
            if any(same):
                findings.cursor = same.index(True)
        findings.rows_changed()
        findings.refresh(layout=True)  # its height follows the number of findings
        # (s, silence, is offered only with a finding: the list refreshes the bindings)
        self.query_one("#review-findings-heading", Static).update(
            t(
                "review.heading",
                errors=report.count("error"),
                warnings=report.count("warning"),
                hints=report.count("hint"),
                silenced=len(report.silenced),
            )
        )
        self.show_detail()

    def show_detail(self) -> None:
        """Under the list: the chosen finding in full (its row may be cut short), how to
        fix it, and where it is."""
        finding = self.finding_list.selected
        detail = Text()
        if finding is not None:
            where = t(
                "review.where", step=step_name(finding.step), path=finding.path, check=finding.check
            )
            detail.append(one_line(finding.message) + "\n", "bold")
            detail.append(one_line(where) + "\n", "dim")
            silenced = self.finding_list.selected_silenced
            if silenced is not None:
                reason = t("review.silenced_because", reason=silenced.ignore.reason)
                detail.append(one_line(reason))
            else:
                detail.append(one_line(t("review.fix", fix=finding.fix)))
        self.query_one("#review-finding-detail", Static).update(detail)

    @on(RowList.Highlighted, "#review-findings")
    def _finding_highlighted(self, _event: RowList.Highlighted) -> None:
        self.show_detail()

    @on(RowList.Chosen, "#review-findings")
    async def _finding_chosen(self, event: RowList.Chosen) -> None:
        finding = self.finding_list.selected
        if finding is None:
            return
        await self.okr_app.focus_field(jump_path(self.plan, finding), step=finding.step)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "silence":  # offered in the Footer only when there is a finding
            lists = self.query(FindingList)
            return bool(lists) and lists.first().row_count() > 0
        return super().check_action(action, parameters)

    def action_silence(self) -> None:
        """Ask why, then silence the chosen finding with an ``[[ignore]]`` entry."""
        finding = self.finding_list.selected
        if finding is None:
            self.notify(t("review.no_finding_selected"), severity="warning", markup=False)
            return
        already = self.finding_list.selected_silenced
        if already is not None:  # say why it is silenced, and how to bring it back
            reason = t("review.silenced_because", reason=already.ignore.reason)
            self.notify(reason, markup=False)
            return
        if not can_silence(finding):
            self.notify(cannot_silence_reason(finding), severity="warning", markup=False)
            return
        from tui.screens.dialogs import PromptDialog

        def answered(reason: str | None) -> None:
            if reason is not None:
                self.silence(finding, reason)

        title = t(
            "review.silence_title",
            message=one_line(finding.message),
            check=finding.check,
            path=finding.path,
        )
        self.app.push_screen(
            PromptDialog(title, placeholder=t("review.silence_placeholder")), answered
        )

    def silence(self, finding: Finding, reason: str) -> None:
        """Silence ``finding`` for ``reason`` and show the findings without it."""
        try:
            silence(self.plan, finding, reason)
        except EditError as error:
            self.notify(str(error), severity="error", markup=False)
            return
        self._ignore_changed()
        self.notify(t("review.silenced", check=finding.check, path=finding.path), markup=False)

    def action_unsilence(self) -> None:
        """Report the chosen silenced finding again (its ``[[ignore]]`` entry goes)."""
        silenced = self.finding_list.selected_silenced
        if silenced is None:
            self.notify(t("review.not_silenced"), severity="warning", markup=False)
            return
        unsilence(self.plan, silenced.index)
        self._ignore_changed()
        finding = silenced.finding
        self.notify(t("review.unsilenced", check=finding.check, path=finding.path), markup=False)

    def _ignore_changed(self) -> None:
        self.edited()
        self.okr_app.forget_checks()
        self.okr_app.wizard.refresh_states()  # now, not after the edit delay


class Hanging:
    """``text`` line by line, each indented line's wrapped part as deep as its start, so a
    long formula or action stays under its KPI instead of running back to the margin;
    a bullet's under the text after the bullet.

    One renderable for the whole summary: a table or padding per line (hundreds of them
    with a large plan, drawn again at each layout) took a large plan's review step
    half a second to show.
    """

    def __init__(self, text: Text) -> None:
        self._lines: list[tuple[int, Text | None, Text]] = []
        """Each line's indent, its bullet if it has one, and its text."""
        for line in text.split("\n"):
            plain = line.plain
            indent = len(plain) - len(plain.lstrip(" "))
            if plain.startswith("• ", indent):
                self._lines.append((indent, line[indent : indent + 1], line[indent + 2 :]))
            else:
                self._lines.append((indent, None, line[indent:]))

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        new_line = Segment.line()
        for indent, bullet, body in self._lines:
            hang = indent + 2 if bullet is not None else indent
            room = max(1, options.max_width - hang)
            pieces = body.wrap(console, room, overflow="fold") if body.plain else [body]
            for number, piece in enumerate(pieces):
                if number == 0 and bullet is not None:
                    yield Segment(" " * indent)
                    yield from bullet.render(console)
                    yield Segment(" ")
                elif hang:
                    yield Segment(" " * hang)
                yield from piece.render(console)
                yield new_line


def render_summary(plan: Plan) -> Text:
    """The plan as text: objective, north star, KPIs with their numbers, then the items."""
    out = Text()
    heading = "bold"

    def line(label_text: str, value: str) -> None:
        out.append(t("tui.review_label", label=label_text), "bold")
        out.append(one_line(value) if value else "—")
        out.append("\n")

    objective = plan.objective
    out.append(t("tui.review_section_objective") + "\n", heading)
    line(field_label("title"), plan.title)
    line(field_label("statement"), objective.statement)
    line(field_label("kgi"), objective.kgi)
    period = t(
        "tui.review_period",
        start=format_date(objective.start) or "—",
        end=format_date(objective.end) or "—",
    )
    line(field_label("period"), period)
    out.append("\n")
    out.append(step_name("north_star") + "\n", heading)
    line(field_label("north_star.name"), plan.north_star.name)
    line(field_label("north_star.definition"), plan.north_star.definition)
    out.append("\n")
    out.append(t("tui.review_section_kpis", count=len(plan.kpis)) + "\n", heading)
    for kpi in plan.kpis[:REVIEW_LIMIT]:
        _kpi_block(out, kpi, plan.currency)
    _more(out, len(plan.kpis))
    for kind, title in ITEM_SECTIONS.items():
        items = [item for item in plan.items if item.kind == kind]
        if not items and kind == "objective":
            continue
        out.append("\n")
        out.append(t(title, count=len(items)), heading)
        out.append("\n")
        for item in items[:REVIEW_LIMIT]:
            out.append(" • " + one_line(item.text or "—"))
            if item.kpi:
                out.append(f"  → {item.kpi}", "dim")
            out.append("\n")
        _more(out, len(items))
    return out


def _kpi_block(out: Text, kpi: Kpi, currency: str) -> None:
    from model.export.common import guardrail_words  # the exports' wording of it

    out.append(" • ")
    out.append(one_line(kpi.name or kpi.id), "bold")
    out.append(f"  {kpi.id}", "dim")
    facts = [label("indicator", kpi.indicator)] if kpi.indicator else []
    if kpi.funnel_stage:
        facts.append(label("funnel_stage", kpi.funnel_stage))
    if facts:
        out.append(" · " + " · ".join(facts), "dim")
    out.append("\n")
    if kpi.formula or kpi.data_source:
        out.append("   = " + one_line(kpi.formula or "—"))
        if kpi.data_source:
            out.append("  (" + one_line(kpi.data_source) + ")", "dim")
        out.append("\n")
    numbers = t(
        "tui.review_numbers",
        baseline=_value(kpi.baseline, kpi, currency),
        target=_value(kpi.target, kpi, currency),
        guardrail=guardrail_words(kpi, kpi.guardrail, currency),
        cadence=label("cadence", kpi.cadence) if kpi.cadence else "—",
        owner=one_line(kpi.owner) or "—",
    )
    out.append("   " + numbers + "\n")
    if kpi.on_breach:
        out.append("   " + t("tui.review_label", label=field_label("on_breach")), "dim")
        out.append(one_line(kpi.on_breach) + "\n")


def _value(value: float | None, kpi: Kpi, currency: str) -> str:
    """A number in the KPI's unit as the dashboard and exports show it (``NT$1,200``,
    ``3.2x``), ``—`` when unset."""
    return NO_VALUE if value is None else format_value(value, kpi.unit, currency=currency)


def _more(out: Text, total: int) -> None:
    if total > REVIEW_LIMIT:
        out.append(" " + t("tui.review_more", count=total - REVIEW_LIMIT) + "\n", "dim")
