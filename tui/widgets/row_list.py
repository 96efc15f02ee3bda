"""A virtualised list with one line per row, drawn straight from the plan.

Plans can hold thousands of items: mounting a widget per item, or a list that
re-measures every row when one changes, would make typing lag. ``RowList`` only asks
for the rows on screen (:meth:`RowList.render_row`), so a keystroke that changes one
row repaints one line.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import BindingType
from textual.geometry import Region, Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from tui.keys import bind, localize_bindings

_CONTROL = {code: " " for code in range(32)} | {127: " "}


def one_line(text: str) -> str:
    """``text`` on one line, control characters (newlines, escapes) shown as spaces."""
    return text.translate(_CONTROL)


class RowList(ScrollView, can_focus=True):
    """A list of one-line rows with a cursor; subclasses say how many rows and draw each."""

    DEFAULT_CSS = """
    RowList {
        height: 1fr;
        min-height: 3;
        background: $surface;
        & > .row-list--cursor {
            background: $block-cursor-blurred-background;
        }
        &:focus > .row-list--cursor {
            background: $block-cursor-background;
            color: $block-cursor-foreground;
            text-style: $block-cursor-text-style;
        }
        & > .row-list--empty {
            color: $text-muted;
            text-style: italic;
        }
    }
    """
    COMPONENT_CLASSES: ClassVar[set[str]] = {"row-list--cursor", "row-list--empty"}
    BINDINGS: ClassVar[list[BindingType]] = [
        bind("up", "cursor_up", "rows.up", show=False),
        bind("down", "cursor_down", "rows.down", show=False),
        bind("home", "first", "rows.first", show=False),
        bind("end", "last", "rows.last", show=False),
        bind("pageup", "page_up", "rows.page_up", show=False),
        bind("pagedown", "page_down", "rows.page_down", show=False),
        bind("enter", "choose", "rows.choose"),
    ]

    @dataclass
    class Highlighted(Message):
        """The cursor moved to row ``index``."""

        row_list: RowList
        index: int

        @property
        def control(self) -> RowList:
            return self.row_list

    @dataclass
    class Chosen(Message):
        """Enter (or a double click) on row ``index``."""

        row_list: RowList
        index: int

        @property
        def control(self) -> RowList:
            return self.row_list

    def __init__(self, *, empty_text: str = "", id: str | None = None) -> None:  # noqa: A002
        super().__init__(id=id)
        localize_bindings(self)
        self.empty_text = empty_text
        self.cursor = 0
        self._had_rows: bool | None = None

    # --- what subclasses provide -----------------------------------------------------

    def row_count(self) -> int:
        """How many rows there are."""
        raise NotImplementedError

    def render_row(self, index: int, width: int) -> Text:
        """Row ``index`` as one line of text, ``width`` cells wide at most."""
        raise NotImplementedError

    # --- updating ----------------------------------------------------------------------

    def on_mount(self) -> None:
        self.rows_changed()

    def on_resize(self, _event: events.Resize) -> None:
        self.rows_changed()

    def rows_changed(self) -> None:
        """Rows were added, removed or reordered: resize, keep the cursor in range, repaint."""
        count = self.row_count()
        self.virtual_size = Size(self.scrollable_content_region.width, count)
        self.cursor = max(0, min(self.cursor, count - 1))
        self._scroll_to_cursor()
        self.refresh()
        if (count > 0) is not self._had_rows:  # Enter is offered only on a list with rows
            self._had_rows = count > 0
            self.refresh_bindings()  # the screen's: the Footer is rebuilt, so not each time

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "choose":
            return self.row_count() > 0
        return super().check_action(action, parameters)

    def refresh_row(self, index: int) -> None:
        """Repaint row ``index`` only."""
        y = index - self.scroll_offset.y
        if 0 <= y < self.scrollable_content_region.height:
            self.refresh(Region(0, y, self.size.width, 1))

    def move_cursor(self, index: int) -> None:
        """Put the cursor on row ``index`` (clamped) and say so with :class:`Highlighted`."""
        count = self.row_count()
        index = max(0, min(index, count - 1))
        if count == 0:
            return
        previous, self.cursor = self.cursor, index
        self.refresh_row(previous)
        self.refresh_row(index)
        self._scroll_to_cursor()
        self.post_message(self.Highlighted(self, index))

    def _scroll_to_cursor(self) -> None:
        height = self.scrollable_content_region.height
        top = self.scroll_offset.y
        if height <= 0:
            return
        if self.cursor < top:
            self.scroll_to(y=self.cursor, animate=False, immediate=True)
        elif self.cursor >= top + height:
            self.scroll_to(y=self.cursor - height + 1, animate=False, immediate=True)

    # --- drawing -----------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        base = self.rich_style
        index = self.scroll_offset.y + y
        count = self.row_count()
        if index >= count:
            if count == 0 and self.empty_text:
                lines = self._empty_lines(width)
                if y < len(lines):
                    return self._strip(lines[y], width, base)
            return Strip.blank(width, base)
        if index != self.cursor:
            return self._strip(self.render_row(index, width), width, base)
        cursor = self.get_component_rich_style("row-list--cursor")
        strip = self._strip(self.render_row(index, width), width, base + cursor)
        # A row's parts (a kind tag, a severity, a muted link) carry the list's background
        # with their colour; the cursor's background goes over them, so the cursor is one
        # unbroken band and the parts keep their colours.
        return Strip(Segment.apply_style(strip, post_style=Style(bgcolor=cursor.bgcolor)), width)

    def _empty_lines(self, width: int) -> list[Text]:
        """What an empty list says, wrapped to ``width``: a narrow list (the KPI list
        beside the form, in Chinese) cut it short."""
        style = self.get_component_rich_style("row-list--empty")
        return list(Text(self.empty_text, style=style).wrap(self.app.console, max(width, 1)))

    def _strip(self, text: Text, width: int, style) -> Strip:
        text.no_wrap = True
        text.truncate(width, overflow="ellipsis", pad=True)
        return Strip(text.render(self.app.console)).crop_extend(0, width, style).apply_style(style)

    # --- keys and mouse ----------------------------------------------------------------

    def action_cursor_up(self) -> None:
        self.move_cursor(self.cursor - 1)

    def action_cursor_down(self) -> None:
        self.move_cursor(self.cursor + 1)

    def action_first(self) -> None:
        self.move_cursor(0)

    def action_last(self) -> None:
        self.move_cursor(self.row_count() - 1)

    def action_page_up(self) -> None:
        self.move_cursor(self.cursor - max(1, self.scrollable_content_region.height - 1))

    def action_page_down(self) -> None:
        self.move_cursor(self.cursor + max(1, self.scrollable_content_region.height - 1))

    def action_choose(self) -> None:
        if self.row_count():
            self.post_message(self.Chosen(self, self.cursor))

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        index = self.scroll_offset.y + offset.y
        if index < self.row_count():
            self.move_cursor(index)
            if event.chain >= 2:
                self.post_message(self.Chosen(self, index))
