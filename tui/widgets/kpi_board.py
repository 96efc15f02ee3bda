"""The dashboard's KPI board: a card of two lines (or more) per KPI, grouped leading /
lagging.

Wide boards put leading and lagging indicators side by side; narrow ones stack the
groups. The board lays the cards out in columns, keeps a cursor on one KPI and
scrolls; what each line says (a group heading, a card's name, value and sparkline, its
progress bar, status, guardrail and next check-in due, a crossed guardrail's
``on_breach`` action) comes from :class:`~tui.widgets.kpi_cards.KpiCards`.

Like :class:`~tui.widgets.row_list.RowList`, the board is virtualised: it lays out
line descriptions for every KPI (cheap) and draws only the lines on screen, so a plan
with hundreds of KPIs opens and scrolls as fast as one with five.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import ClassVar, Literal

from rich.cells import cell_len
from rich.text import Text
from textual import events
from textual.binding import BindingType
from textual.geometry import Region, Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from model.i18n import t
from model.plan import Plan
from model.progress import KpiProgress, PlanProgress
from tui.keys import bind, localize_bindings
from tui.widgets.charts import UNICODE_GLYPHS, Glyphs
from tui.widgets.kpi_cards import BAR_MIN, KpiCards

WIDE_BOARD = 100
"""From this many columns on, leading and lagging indicators are shown side by side."""
GUTTER = " │ "


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


class KpiBoard(KpiCards, ScrollView, can_focus=True):
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
        self._guard_apart: set[int] = set()
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

    def watch_show_vertical_scrollbar(self) -> None:
        """A scroll bar coming or going changes the width the lines have without a Resize:
        lay them out again for it (nothing is redone when the width is the same)."""
        self.call_after_refresh(self._relayout)

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
        self._guard_apart = {
            index
            for index, entry in enumerate(self.entries)
            if self._guard_apart_at(entry, column_width)
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
            height = self._card_height(index)
            lines.extend(_Line("card", entry=index, part=part) for part in range(height))

    def _card_height(self, index: int) -> int:
        return 2 + (index in self._guard_apart) + len(self._crossed.get(index, ()))

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
