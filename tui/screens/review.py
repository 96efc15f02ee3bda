"""Step 6: the whole plan at a glance, and what is still to do, each entry a jump.

The list under the plan is the findings area: :meth:`ReviewPane.collect_entries` returns
what it shows (today the missing fields from ``model.steps.gaps``; the method checks add
their findings there). Every entry has a ``step``, a field ``path``, a ``message`` and a
``severity``; choosing one jumps to its field.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from model.edit import format_date, format_number
from model.i18n import t
from model.plan import Kpi, Plan
from model.steps import Finding, Gap, field_label, gaps, step_name
from model.vocab import label
from tui.screens.base import StepPane
from tui.widgets.row_list import RowList, one_line

ITEM_SECTIONS = {
    "key_result": "tui.review_key_results",
    "initiative": "tui.review_initiatives",
    "objective": "tui.review_sub_objectives",
}
REVIEW_LIMIT = 100
"""At most this many KPIs and items are listed; the rest are counted."""


class FindingList(RowList):
    """One row per entry: a mark for its severity, its step, and its message."""

    DEFAULT_CSS = """
    FindingList {
        & > .finding-list--error { color: $error; text-style: bold; }
        & > .finding-list--mark { color: $warning; text-style: bold; }
        & > .finding-list--step { color: $text-muted; }
    }
    """
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "finding-list--error",
        "finding-list--mark",
        "finding-list--step",
    }

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002
        super().__init__(empty_text=t("tui.review_nothing_to_do"), id=id)
        self.entries: list[Gap | Finding] = []

    def row_count(self) -> int:
        return len(self.entries)

    def render_row(self, index: int, width: int) -> Text:
        entry = self.entries[index]
        error = getattr(entry, "severity", "") == "error"
        row = Text(" ")
        row.append(
            "!", self.get_component_rich_style(f"finding-list--{'error' if error else 'mark'}")
        )
        row.append(
            f" {step_name(entry.step)}: ", self.get_component_rich_style("finding-list--step")
        )
        row.append(one_line(getattr(entry, "message", "")))
        return row


class ReviewPane(StepPane):
    """The plan summary above, the to-do list below."""

    STEP = "review"

    def compose_body(self) -> ComposeResult:
        with VerticalScroll(id="review-scroll"):
            yield Static("", id="review-summary", markup=False)
        yield Static("", id="review-findings-heading", markup=False)
        yield FindingList(id="review-findings")

    def on_mount(self) -> None:
        self.load()

    def activate(self) -> None:
        self.stale = False
        self.load()  # the review always shows the plan as it is now

    def first_field(self):
        return self.query_one("#review-findings")

    def collect_entries(self) -> list[Gap | Finding]:
        """What the findings area lists: the hook where the method checks add findings."""
        return list(gaps(self.plan))

    def load(self) -> None:
        self.query_one("#review-summary", Static).update(render_summary(self.plan))
        findings = self.query_one("#review-findings", FindingList)
        findings.entries = self.collect_entries()
        findings.rows_changed()
        self.query_one("#review-findings-heading", Static).update(
            t("tui.review_to_do", count=len(findings.entries))
        )

    @on(RowList.Chosen, "#review-findings")
    async def _entry_chosen(self, event: RowList.Chosen) -> None:
        entry = self.query_one("#review-findings", FindingList).entries[event.index]
        await self.okr_app.focus_field(entry.path, step=entry.step)


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
        _kpi_block(out, kpi)
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


def _kpi_block(out: Text, kpi: Kpi) -> None:
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
        baseline=format_number(kpi.baseline, kpi.unit) or "—",
        target=format_number(kpi.target, kpi.unit) or "—",
        guardrail=_guardrail(kpi),
        cadence=label("cadence", kpi.cadence) if kpi.cadence else "—",
        owner=one_line(kpi.owner) or "—",
    )
    out.append("   " + numbers + "\n")
    if kpi.on_breach:
        out.append("   " + t("tui.review_label", label=field_label("on_breach")), "dim")
        out.append(one_line(kpi.on_breach) + "\n")


def _guardrail(kpi: Kpi) -> str:
    guardrail = kpi.guardrail
    low = format_number(guardrail and guardrail.min, kpi.unit)
    high = format_number(guardrail and guardrail.max, kpi.unit)
    if low and high:
        return t("tui.review_guardrail_range", low=low, high=high)
    if low:
        return t("tui.review_guardrail_min", low=low)
    if high:
        return t("tui.review_guardrail_max", high=high)
    return "—"


def _more(out: Text, total: int) -> None:
    if total > REVIEW_LIMIT:
        out.append(" " + t("tui.review_more", count=total - REVIEW_LIMIT) + "\n", "dim")
