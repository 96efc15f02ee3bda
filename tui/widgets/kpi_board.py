"""The dashboard's KPI board: a card of two lines per KPI, grouped leading / lagging.

A card shows the KPI's name, latest value and a sparkline of its check-ins, then a
progress bar toward the target, the status in a word (coloured too, never colour
alone), the guardrail and the next check-in due; a crossed guardrail adds a line with
the KPI's ``on_breach`` action. Wide boards put leading and lagging indicators side by
side; narrow ones stack the groups.

Like :class:`~tui.widgets.row_list.RowList`, the board is virtualised: it lays out
line descriptions for every KPI (cheap) and draws only the lines on screen, so a plan
with hundreds of KPIs opens and scrolls as fast as one with five.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import ClassVar, Literal

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import BindingType
from textual.geometry import Region, Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from model.i18n import t
from model.plan import Plan
from model.progress import JUDGED_STATUSES, KpiProgress, PlanProgress
from model.progress_report import NO_VALUE, format_score, format_share, guardrail_text, status_label
from model.units import format_value
from tui.keys import bind, localize_bindings
from tui.widgets.charts import UNICODE_GLYPHS, Glyphs, progress_bar, sparkline
from tui.widgets.checkin_list import due_label
from tui.widgets.row_list import one_line

WIDE_BOARD = 100
"""From this many columns on, leading and lagging indicators are shown side by side."""
SPARK_WIDTH = 12
"""At most this many check-ins are drawn in a sparkline."""
BAR_MIN, BAR_MAX = 6, 20
"""The progress bar's width range, in cells."""
CROSSED_LINES = 3
"""A crossed guardrail's action is wrapped to at most this many lines."""
GUTTER = " │ "
GROUP_TITLES = {
    "leading": "tracking_ui.group_leading",
    "lagging": "tracking_ui.group_lagging",
    "other": "tracking_ui.group_other",
}
"""The heading of each group of cards."""


@dataclass(frozen=True, slots=True)
class Group:
    """A titled group of KPIs (leading, lagging, or without an indicator)."""

    key: Literal["leading", "lagging", "other"]
    entries: tuple[KpiProgress, ...]


@dataclass(frozen=True, slots=True)
class _Line:
    """One line of a column: a group heading, a blank, or line ``part`` of a card."""

    kind: Literal["heading", "blank", "card"]
    group: str = ""
    entry: int = -1
    part: int = 0


def group_kpis(progress: PlanProgress) -> list[Group]:
    """Leading, lagging, then KPIs without an indicator; empty groups left out."""
    groups = [
        Group(key, tuple(e for e in progress.kpis if (e.kpi.indicator or "other") == key))
        for key in ("leading", "lagging", "other")
    ]
    return [group for group in groups if group.entries]


class KpiBoard(ScrollView, can_focus=True):
    """The KPI cards of a :class:`PlanProgress`, with a cursor on one KPI."""

    DEFAULT_CSS = """
    KpiBoard {
        height: 1fr;
        overflow-x: hidden;
        background: $surface;
        & > .kpi-board--cursor { background: $block-cursor-blurred-background; }
        &:focus > .kpi-board--cursor { background: $block-cursor-background 40%; }
        & > .kpi-board--heading { color: $accent; text-style: bold; }
        & > .kpi-board--name { text-style: bold; }
        & > .kpi-board--value { text-style: bold; }
        & > .kpi-board--muted { color: $text-muted; }
        & > .kpi-board--spark { color: $secondary; }
        & > .kpi-board--bar { color: $primary; }
        & > .kpi-board--bar-empty { color: $text-muted; }
        & > .kpi-board--on_track { color: $text-success; text-style: bold; }
        & > .kpi-board--at_risk { color: $text-warning; text-style: bold; }
        & > .kpi-board--off_track { color: $text-error; text-style: bold; }
        & > .kpi-board--due { color: $text-warning; }
        & > .kpi-board--overdue { color: $text-error; text-style: bold; }
        & > .kpi-board--crossed { color: $text-error; text-style: bold; }
        & > .kpi-board--crossed-mark { background: $error; color: $text; text-style: bold; }
    }
    """
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "kpi-board--cursor",
        "kpi-board--heading",
        "kpi-board--name",
        "kpi-board--value",
        "kpi-board--muted",
        "kpi-board--spark",
        "kpi-board--bar",
        "kpi-board--bar-empty",
        "kpi-board--on_track",
        "kpi-board--at_risk",
        "kpi-board--off_track",
        "kpi-board--due",
        "kpi-board--overdue",
        "kpi-board--crossed",
        "kpi-board--crossed-mark",
    }
    BINDINGS: ClassVar[list[BindingType]] = [
        bind("up", "cursor(-1)", "rows.up", show=False),
        bind("down", "cursor(1)", "rows.down", show=False),
        bind("left", "column(-1)", "board.left", show=False),
        bind("right", "column(1)", "board.right", show=False),
        bind("home", "first", "rows.first", show=False),
        bind("end", "last", "rows.last", show=False),
        bind("pageup", "page(-1)", "rows.page_up", show=False),
        bind("pagedown", "page(1)", "rows.page_down", show=False),
        bind("enter", "choose", "board.check_in"),
    ]

    @dataclass
    class Chosen(Message):
        """Enter (or a double click) on a KPI's card."""

        board: KpiBoard
        entry: KpiProgress

        @property
        def control(self) -> KpiBoard:
            return self.board

    def __init__(self, *, glyphs: Glyphs = UNICODE_GLYPHS, id: str | None = None) -> None:  # noqa: A002
        super().__init__(id=id)
        localize_bindings(self)
        self.glyphs = glyphs
        self.plan = Plan()
        self.today = dt.date.min
        self.closed = False
        self.groups: list[Group] = []
        self.entries: list[KpiProgress] = []
        """Every KPI in display order (group by group); the cursor indexes this."""
        self.cursor = 0
        self._columns: list[list[_Line]] = []
        self._column_of: list[int] = []
        self._first_line: list[int] = []
        self._crossed: dict[int, list[Text]] = {}
        self._layout_size = (-1, -1)
        self._share_width = self._status_width = 0
        self._bar_width = BAR_MIN

    # --- data ----------------------------------------------------------------------------

    def show(self, plan: Plan, progress: PlanProgress) -> None:
        """Show ``progress``; the cursor stays on the KPI it was on when it still exists."""
        current = self.current
        self.plan = plan
        self.today = progress.today
        self.closed = progress.closed
        self.groups = group_kpis(progress)
        self.entries = [entry for group in self.groups for entry in group.entries]
        ids = [entry.kpi.id for entry in self.entries]
        if current is not None and current.kpi.id in ids:
            self.cursor = ids.index(current.kpi.id)
        self.cursor = max(0, min(self.cursor, len(self.entries) - 1))
        self._layout_size = (-1, -1)
        self._relayout()

    @property
    def current(self) -> KpiProgress | None:
        """The KPI under the cursor."""
        return self.entries[self.cursor] if 0 <= self.cursor < len(self.entries) else None

    def select(self, kpi_id: str) -> None:
        """Put the cursor on the KPI with ``kpi_id``."""
        for index, entry in enumerate(self.entries):
            if entry.kpi.id == kpi_id:
                self._move(index)
                return

    # --- layout --------------------------------------------------------------------------

    @property
    def wide(self) -> bool:
        keys = {group.key for group in self.groups}
        return self._width() >= WIDE_BOARD and {"leading", "lagging"} <= keys

    def _width(self) -> int:
        return max(self.scrollable_content_region.width, 1)

    def column_width(self) -> int:
        """Cells per column: the whole width, or half of it (less the gutter) when wide."""
        width = self._width()
        return (width - cell_len(GUTTER)) // 2 if self.wide else width

    def on_resize(self, _event: events.Resize) -> None:
        self._relayout()

    def _relayout(self) -> None:
        width = self._width()
        height = self.scrollable_content_region.height
        if (width, height) == self._layout_size and self._columns:
            return
        self._layout_size = (width, height)
        column_width = self.column_width()
        self._measure(column_width)
        self._crossed = {
            index: self._wrap_crossed(entry, column_width)
            for index, entry in enumerate(self.entries)
            if entry.guardrail_crossed
        }
        columns = self._build(spaced=False)
        cards = max(
            (sum(line.kind == "card" and line.part == 0 for line in column) for column in columns),
            default=0,
        )
        if max((len(column) for column in columns), default=0) + cards <= height:
            columns = self._build(spaced=True)  # room to spare: a blank line between cards
        self._columns = columns
        self.virtual_size = Size(width, max((len(c) for c in columns), default=0))
        self._scroll_to_cursor()
        self.refresh()

    def _build(self, *, spaced: bool) -> list[list[_Line]]:
        """The lines of each column (one, or two side by side when wide)."""
        columns: list[list[_Line]] = [[], []] if self.wide else [[]]
        self._column_of = [0] * len(self.entries)
        self._first_line = [0] * len(self.entries)
        start = 0
        for group in self.groups:
            target = 0
            if self.wide:
                target = {"leading": 0, "lagging": 1}.get(group.key, -1)
                if target < 0:  # no indicator: under the shorter column
                    target = 0 if len(columns[0]) <= len(columns[1]) else 1
            self._add_group(columns[target], target, group, start, spaced=spaced)
            start += len(group.entries)
        return columns

    def _add_group(
        self, lines: list[_Line], column: int, group: Group, start: int, *, spaced: bool
    ) -> None:
        if lines:
            lines.append(_Line("blank"))
        lines.append(_Line("heading", group=group.key))
        for offset in range(len(group.entries)):
            index = start + offset
            if spaced and offset:
                lines.append(_Line("blank"))
            self._column_of[index] = column
            self._first_line[index] = len(lines)
            height = 2 + len(self._crossed.get(index, ()))
            lines.extend(_Line("card", entry=index, part=part) for part in range(height))

    def _card_height(self, index: int) -> int:
        return 2 + len(self._crossed.get(index, ()))

    def _wrap_crossed(self, entry: KpiProgress, width: int) -> list[Text]:
        action = one_line(entry.kpi.on_breach) or t("progress.no_action")
        text = Text(
            t("tracking_ui.card_crossed", state=guardrail_text(entry, self.plan), action=action),
            style=self.get_component_rich_style("kpi-board--crossed"),
        )
        lines = list(text.wrap(self.app.console, max(width - 4, 10)))
        if len(lines) > CROSSED_LINES:
            lines = lines[:CROSSED_LINES]
            lines[-1].append("…")
        return lines

    # --- drawing -------------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        width = self._width()
        base = self.rich_style
        index = self.scroll_offset.y + y
        if not self.entries:
            text = Text(t("tracking_ui.no_kpis") if index == 0 else "")
            text.stylize(self.get_component_rich_style("kpi-board--muted"))
            text.truncate(width, overflow="ellipsis", pad=True)
            return Strip(text.render(self.app.console)).apply_style(base)
        column_width = self.column_width()
        parts: list[Text] = []
        for number, column in enumerate(self._columns):
            line = column[index] if index < len(column) else _Line("blank")
            text = self._render(line, column_width)
            text.truncate(column_width, overflow="ellipsis", pad=True)
            if line.kind == "card" and line.entry == self.cursor:
                text.stylize(self.get_component_rich_style("kpi-board--cursor"))
            if number:
                parts.append(Text(GUTTER, style=self.get_component_rich_style("kpi-board--muted")))
            parts.append(text)
        row = Text().join(parts) if parts else Text()
        row.no_wrap = True
        row.truncate(width, pad=True)
        return Strip(row.render(self.app.console)).crop_extend(0, width, base).apply_style(base)

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
        crossed = self._crossed[line.entry][line.part - 2]
        mark_style = self.get_component_rich_style("kpi-board--crossed-mark")
        first = line.part == 2
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
        name = Text(" " + one_line(entry.kpi.name or entry.kpi.id))
        name.stylize(self.get_component_rich_style("kpi-board--name"))
        room = width - value.cell_len - 2
        name.truncate(max(room, 4), overflow="ellipsis")
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
        after the widest line without an optional ``guardrail ok``."""
        parts = [self._progress_parts(entry) for entry in self.entries]
        self._share_width = max((cell_len(share) for share, *_ in parts), default=0)
        self._status_width = max((status.cell_len for _, status, *_ in parts), default=0)
        widest = max(
            (
                guard.cell_len + 2 if entry.guardrail_crossed else 0
                for entry, (_, _, guard, _) in zip(self.entries, parts, strict=True)
            ),
            default=0,
        )
        due_width = max((due.cell_len for *_, due in parts), default=0)
        fixed = 2 + 1 + self._share_width + 2 + self._status_width + widest + 2 + due_width
        self._bar_width = max(BAR_MIN, min(BAR_MAX, width - fixed))

    def _progress_line(self, entry: KpiProgress, width: int) -> Text:
        share, status, guard, due = self._progress_parts(entry)
        status.pad_right(self._status_width - status.cell_len)
        bar = progress_bar(entry.progress, self._bar_width, self.glyphs)
        filled = len(bar.rstrip(self.glyphs.empty))
        line = Text("  ")
        line.append(bar[:filled], self.get_component_rich_style("kpi-board--bar"))
        line.append(bar[filled:], self.get_component_rich_style("kpi-board--bar-empty"))
        line.append(" " + share.rjust(self._share_width) + "  ")
        line.append_text(status)
        room = width - line.cell_len - due.cell_len - 2
        # Left out when it does not fit: a crossed guardrail has its own alert line below.
        if guard and guard.cell_len + 2 <= room:
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

    # --- cursor --------------------------------------------------------------------------

    def _column_entries(self, column: int) -> list[int]:
        return [i for i, c in enumerate(self._column_of) if c == column]

    def _move(self, index: int) -> None:
        if not self.entries:
            return
        index = max(0, min(index, len(self.entries) - 1))
        previous, self.cursor = self.cursor, index
        self._refresh_card(previous)
        self._refresh_card(index)
        self._scroll_to_cursor()

    def _refresh_card(self, index: int) -> None:
        if not (0 <= index < len(self._first_line)):
            return
        top = self._first_line[index] - self.scroll_offset.y
        self.refresh(Region(0, top, self._width(), self._card_height(index)))

    def _scroll_to_cursor(self) -> None:
        height = self.scrollable_content_region.height
        if height <= 0 or not self.entries or not self._first_line:
            return
        first = self._first_line[self.cursor]
        last = first + self._card_height(self.cursor) - 1
        if self.cursor == self._column_entries(self._column_of[self.cursor])[0]:
            first = max(0, first - 1)  # show the group heading above the first card
        top = self.scroll_offset.y
        if first < top:
            self.scroll_to(y=first, animate=False, immediate=True)
        elif last >= top + height:
            self.scroll_to(y=last - height + 1, animate=False, immediate=True)

    def action_cursor(self, step: int) -> None:
        if not self.entries:
            return
        same = self._column_entries(self._column_of[self.cursor])
        position = same.index(self.cursor) + step
        self._move(same[max(0, min(position, len(same) - 1))])

    def action_column(self, step: int) -> None:
        if not self.wide or not self.entries:
            return
        other = self._column_entries(max(0, min(self._column_of[self.cursor] + step, 1)))
        if not other:
            return
        line = self._first_line[self.cursor]
        self._move(min(other, key=lambda i: abs(self._first_line[i] - line)))

    def action_first(self) -> None:
        self._move(0)

    def action_last(self) -> None:
        self._move(len(self.entries) - 1)

    def action_page(self, direction: int) -> None:
        if not self.entries:
            return
        same = self._column_entries(self._column_of[self.cursor])
        per_page = max(1, self.scrollable_content_region.height // 2 - 1)
        position = same.index(self.cursor) + direction * per_page
        self._move(same[max(0, min(position, len(same) - 1))])

    def action_choose(self) -> None:
        if self.current is not None:
            self.post_message(self.Chosen(self, self.current))

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None or not self._columns:
            return
        column = 0
        if self.wide and offset.x >= self.column_width() + cell_len(GUTTER):
            column = 1
        lines = self._columns[column]
        index = self.scroll_offset.y + offset.y
        if index < len(lines) and lines[index].kind == "card":
            self._move(lines[index].entry)
            if event.chain >= 2:
                self.action_choose()
