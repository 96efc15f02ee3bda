"""The items editor's list: one row per key result or initiative, drawn from the plan.

A row shows the item's kind, how sure that kind is (the classifier's confidence, or a
mark when the user chose it), its text and the KPI it is linked to. Virtualised like
every list in the app (:class:`RowList`), so a keystroke repaints only the edited row.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual.binding import BindingType
from textual.message import Message

from model.i18n import t
from model.plan import ITEM_KINDS, Item, Plan
from model.vocab import short_kind
from tui import readings
from tui.keys import bind
from tui.widgets.row_list import RowList, one_line


class ItemList(RowList):
    """One row per item: its kind tag, the classifier's confidence (or ``*`` when the
    user chose the kind, ``!`` when the classifier confidently reads it otherwise), the
    text and the KPI it is linked to."""

    BINDINGS: ClassVar[list[BindingType]] = [
        # Enter works as in every list; the Footer has no room for it beside a, d, k.
        bind("enter", "choose", "rows.choose", show=False),
    ]

    DEFAULT_CSS = """
    ItemList {
        & > .item-list--key_result { color: $success; text-style: bold; }
        & > .item-list--initiative { color: $warning; text-style: bold; }
        & > .item-list--objective { color: $accent; text-style: bold; }
        & > .item-list--link { color: $text-muted; }
        & > .item-list--blank { color: $text-muted; text-style: italic; }
        & > .item-list--confidence { color: $text-muted; }
        & > .item-list--unsure { color: $warning; }
    }
    """
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "item-list--key_result",
        "item-list--initiative",
        "item-list--objective",
        "item-list--link",
        "item-list--blank",
        "item-list--confidence",
        "item-list--unsure",
    }

    def __init__(self, plan: Plan, *, id: str | None = None) -> None:  # noqa: A002
        super().__init__(empty_text=t("tui.items_empty"), id=id)
        self.plan = plan
        self.tags = {kind: short_kind(kind) for kind in ITEM_KINDS}
        self.tag_width = max(Text(tag).cell_len for tag in self.tags.values())
        self.link_width = 0

    def rows_changed(self) -> None:
        """Also size the KPI link column to the longest linked KPI id, and tell the
        editor, which fits the list's height to its rows."""
        ids = {item.kpi for item in self.plan.items if item.kpi}
        self.link_width = max((Text(f"  → {kpi_id}").cell_len for kpi_id in ids), default=0)
        super().rows_changed()
        self.post_message(self.RowsChanged())

    @dataclass
    class RowsChanged(Message):
        """Items were added or removed."""

    def row_count(self) -> int:
        return len(self.plan.items)

    def render_row(self, index: int, width: int) -> Text:
        item = self.plan.items[index]
        row = Text(" ")
        tag = Text(self.tags[item.kind], self.get_component_rich_style(f"item-list--{item.kind}"))
        tag.pad_right(self.tag_width - tag.cell_len)
        row.append_text(tag)
        row.append_text(self._confidence(item))
        row.append(" ")
        link = Text(
            f"  → {item.kpi}" if item.kpi else "", self.get_component_rich_style("item-list--link")
        )
        link_width = min(max(self.link_width, link.cell_len), width // 3)
        room = width - row.cell_len - link_width
        if room < 12:
            link, room = Text(""), width - row.cell_len
        if item.text:
            body = Text(one_line(item.text))
        else:
            body = Text(t("tui.item_blank"), self.get_component_rich_style("item-list--blank"))
        body.truncate(max(room, 0), overflow="ellipsis", pad=bool(link))
        link.truncate(link_width, overflow="ellipsis")
        row.append_text(body)
        row.append_text(link)
        return row

    CONFIDENCE_WIDTH = 5
    """`` 100%``: the column after the kind tag."""

    def _confidence(self, item: Item) -> Text:
        """How sure the kind is, in a fixed-width column (blank until the classifier is
        loaded, so the start-up never waits for it)."""
        width = self.CONFIDENCE_WIDTH
        if item.kind_set_by == "user":
            unsure = readings.ready() and readings.switch_suggestion(item.text, item.kind)
            mark = "*!" if unsure else "*"  # your choice, and the reading disagrees
            style = "item-list--unsure" if unsure else "item-list--confidence"
            return Text(f" {mark}".ljust(width), self.get_component_rich_style(style))
        if not item.text.strip() or not readings.ready():
            return Text(" " * width)
        read = readings.reading(item.text)
        if read.kind != item.kind:  # an older reading kept in the file: no number to show
            return Text(" " * width)
        style = "item-list--confidence" if read.confident else "item-list--unsure"
        return Text(
            readings.percent(read.confidence).rjust(width), self.get_component_rich_style(style)
        )
