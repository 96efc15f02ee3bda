"""The text of the KPI board's lines: the group headings and the cards.

:class:`KpiCards` is the text half of :class:`~tui.widgets.kpi_board.KpiBoard`. A card
shows the KPI's name, latest value and a sparkline of its check-ins, then a progress
bar toward the target, the status in a word (coloured too, never colour alone), the
guardrail and the next check-in due; a crossed guardrail adds a line with the KPI's
``on_breach`` action, and "guardrail ok" has a line of its own when the progress line
has no room for it. The board lays the lines out in columns, keeps the cursor and
scrolls; it asks here for the text of one line at a time, so only the lines on screen
are ever drawn.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text

from model.i18n import t
from model.progress import JUDGED_STATUSES
from model.progress_report import NO_VALUE, format_score, format_share, guardrail_text, status_label
from model.textwidth import truncate
from model.units import format_value
from tui.widgets.charts import progress_bar, sparkline
from tui.widgets.checkin_list import due_label
from tui.widgets.row_list import one_line
from tui.widgets.wrapping import wrap_lines

if TYPE_CHECKING:
    import datetime as dt

    from model.plan import Plan
    from model.progress import KpiProgress
    from tui.widgets.charts import Glyphs
    from tui.widgets.kpi_board import Group, _Line


SPARK_WIDTH = 12
"""At most this many check-ins are drawn in a sparkline."""
BAR_MIN, BAR_MAX = 6, 20
"""The progress bar's width range, in cells."""
CROSSED_LINES = 3
"""A crossed guardrail's action is wrapped to at most this many lines."""
GROUP_TITLES = {
    "leading": "tracking_ui.group_leading",
    "lagging": "tracking_ui.group_lagging",
    "other": "tracking_ui.group_other",
}
"""The heading of each group of cards."""


class KpiCards:
    """The text of the board's lines, mixed into :class:`~tui.widgets.kpi_board.KpiBoard`
    (whose KPIs, plan, day, glyphs and component styles it uses).

    The board sets the column widths (:meth:`_measure`) and wraps the crossed guardrails
    (:meth:`_wrap_crossed`) when it lays the cards out, then draws them a line at a time
    (:meth:`_render`). It comes first among the board's bases, so its methods win as the
    board's own did: its ``_render`` stands in for Textual's ``Widget._render``."""

    plan: Plan
    today: dt.date
    closed: bool
    glyphs: Glyphs
    groups: list[Group]
    entries: list[KpiProgress]
    _crossed: dict[int, list[Text]]
    _guard_apart: set[int]
    _share_width: int
    _status_width: int
    _bar_width: int

    def _wrap_crossed(self, entry: KpiProgress, width: int) -> list[Text]:
        action = one_line(entry.kpi.on_breach) or t("progress.no_action")
        text = Text(
            t("tracking_ui.card_crossed", state=guardrail_text(entry, self.plan), action=action),
            style=self.get_component_rich_style("kpi-board--crossed"),
        )
        lines = wrap_lines(text, max(width - 4, 10))
        if len(lines) > CROSSED_LINES:
            lines = lines[:CROSSED_LINES]
            lines[-1].append("…")
        return lines

    def _render(self, line: _Line, width: int) -> Text:
        if line.kind == "heading":
            count = sum(len(g.entries) for g in self.groups if g.key == line.group)
            style = self.get_component_rich_style("kpi-board--heading")
            return Text(t(GROUP_TITLES[line.group], count=count), style=style)
        if line.kind == "blank":
            return Text()
        entry = self.entries[line.entry]
        if line.part == 0:
            return self._name_line(entry, width)
        if line.part == 1:
            return self._progress_line(entry, width)
        extra = line.part - 2
        if line.entry in self._guard_apart:
            if extra == 0:  # the guardrail state, under the status
                return Text.assemble(" " * self._status_column(), self._progress_parts(entry)[2])
            extra -= 1
        crossed = self._crossed[line.entry][extra]
        first = extra == 0
        mark_style = self.get_component_rich_style("kpi-board--crossed-mark")
        return Text.assemble(
            (" ! " if first else "   ", mark_style if first else Style()), " ", crossed
        )

    def _name_line(self, entry: KpiProgress, width: int) -> Text:
        value = Text()
        if entry.value is not None:
            value.append(
                format_value(entry.value, entry.kpi.unit, currency=self.plan.currency),
                self.get_component_rich_style("kpi-board--value"),
            )
            spark = sparkline(entry.values, SPARK_WIDTH, self.glyphs)
            value.append("  ")
            value.append(
                spark.rjust(SPARK_WIDTH), self.get_component_rich_style("kpi-board--spark")
            )
        else:  # the status already says "no check-ins": say where it should get
            kpi = entry.kpi
            goal = NO_VALUE
            if kpi.target is not None:
                target = format_value(kpi.target, kpi.unit, currency=self.plan.currency)
                goal = t("tracking_ui.heading_target", target=target)
            value.append(goal, self.get_component_rich_style("kpi-board--muted"))
        room = width - value.cell_len - 2
        name = Text(  # cut with no space before the "…" of a CJK name
            truncate(" " + one_line(entry.kpi.name or entry.kpi.id), max(room, 4)),
            self.get_component_rich_style("kpi-board--name"),
        )
        gap = max(width - name.cell_len - value.cell_len, 1)
        return Text.assemble(name, " " * gap, value)

    def _progress_parts(self, entry: KpiProgress) -> tuple[str, Text, Text, Text]:
        """The share done (with the score once the period is closed), the status, the
        guardrail state (empty without a guardrail) and the due date of a card."""
        share = format_share(entry.raw_progress)
        if self.closed and entry.score is not None:
            share = t("tracking_ui.progress_score", progress=share, score=format_score(entry.score))
        status_style = entry.status if entry.status in JUDGED_STATUSES else "muted"
        status = Text(
            status_label(entry.status), self.get_component_rich_style(f"kpi-board--{status_style}")
        )
        guard = Text()
        if entry.guardrail == "ok":
            guard = Text(
                t("tracking_ui.guardrail_ok"), self.get_component_rich_style("kpi-board--muted")
            )
        elif entry.guardrail_crossed:
            guard = Text(
                t("tracking_ui.guardrail_crossed"),
                self.get_component_rich_style("kpi-board--crossed"),
            )
        return share, status, guard, self._due(entry)

    def _measure(self, width: int) -> None:
        """Column widths shared by every card, so bars and words line up: the share and
        status columns fit the widest, the bar takes what is left (within its range)
        after the widest line, guardrail state included. Only when even the shortest bar
        leaves no room does the guardrail state leave the progress line ("guardrail ok"
        then has a line of its own, a crossed one its alert line)."""
        parts = [self._progress_parts(entry) for entry in self.entries]
        self._share_width = max((cell_len(share) for share, *_ in parts), default=0)
        self._status_width = max((status.cell_len for _, status, *_ in parts), default=0)
        widest = max(
            ((guard.cell_len + 2 if guard else 0) + 2 + due.cell_len for _, _, guard, due in parts),
            default=0,
        )
        fixed = 2 + 1 + self._share_width + 2 + self._status_width + widest
        self._bar_width = max(BAR_MIN, min(BAR_MAX, width - fixed))

    def _status_column(self) -> int:
        """Where a progress line's status starts: after the indent, the bar and the share."""
        return 2 + self._bar_width + 1 + self._share_width + 2

    def _guard_room(self, due: Text, width: int) -> int:
        """Cells a progress line with ``due`` at its end leaves for the guardrail state
        (negative when not even the line fits)."""
        return width - self._status_column() - self._status_width - due.cell_len - 2

    def _guard_fits(self, guard: Text, due: Text, width: int) -> bool:
        """Whether the guardrail state fits on the progress line (else "guardrail ok" gets
        a line of its own, and a crossed one has its alert line)."""
        return bool(guard) and guard.cell_len + 2 <= self._guard_room(due, width)

    def _guard_apart_at(self, entry: KpiProgress, width: int) -> bool:
        """Whether the card shows "guardrail ok" on a line of its own: its progress line
        fits ``width``, but not with the state on it."""
        if entry.guardrail != "ok":
            return False
        _, _, guard, due = self._progress_parts(entry)
        return self._guard_room(due, width) >= 0 and not self._guard_fits(guard, due, width)

    def _progress_line(self, entry: KpiProgress, width: int) -> Text:
        share, status, guard, due = self._progress_parts(entry)
        status.pad_right(self._status_width - status.cell_len)
        bar = progress_bar(entry.progress, self._bar_width, self.glyphs)
        filled = len(bar.rstrip(self.glyphs.empty))
        line = Text("  ")
        line.append(bar[:filled], self.get_component_rich_style("kpi-board--bar"))
        line.append(bar[filled:], self.get_component_rich_style("kpi-board--bar-empty"))
        line.append(" " + " " * (self._share_width - cell_len(share)) + share + "  ")
        line.append_text(status)
        # Left out when it does not fit: it has a line of its own, or its alert line.
        if self._guard_fits(guard, due, width):
            line.append("  ")
            line.append_text(guard)
        gap = max(width - line.cell_len - due.cell_len, 2)
        line.append(" " * gap)
        line.append_text(due)
        return line

    def _due(self, entry: KpiProgress) -> Text:
        text = due_label(entry, self.today)
        if entry.overdue:
            return Text(text, self.get_component_rich_style("kpi-board--overdue"))
        if entry.next_due == self.today or entry.closing_missing:
            return Text(text, self.get_component_rich_style("kpi-board--due"))
        return Text(text, self.get_component_rich_style("kpi-board--muted"))
