"""What ``okr PLAN`` paints first: the plan's first step, read from the parsed file.

Validating a plan needs pydantic and the plan models, about half of a start-up. So the
app first shows the objective step as the file has it (title, statement, KGI, period
and the items; of a big file, whose items are parsed only after this paint, just their
count), laid out like the real step, and validates right after that first paint; the
real, editable step then takes this pane's place (``OkrApp`` holds the keys typed
meanwhile and replays them there). Characters typed meanwhile show at once in the
statement, where the editor will put them (its first field, the cursor at the end), so
a typist sees each key as it is pressed. Values are shown as the file has them, as plain
text: nothing here is markup.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.widget import Widget

from model.i18n import t
from model.safetext import one_line
from model.steps import field_label
from model.textwidth import display_width, pad, tail, truncate
from tui.screens.base import StepPane

OPENING_ITEMS = 60
"""Items listed at most (no screen shows more before the real list takes over)."""

LABEL_WIDTH = 15
"""The field labels' column, as wide as the real step's (``.field-label`` in app.tcss)."""


def text_at(data: Mapping[str, object], *keys: str) -> str:
    """The text at ``keys`` in parsed TOML ``data``; empty when absent or not text."""
    node: object = data
    for key in keys:
        node = node.get(key) if isinstance(node, Mapping) else None
    if isinstance(node, dt.date):
        return node.isoformat()
    return node if isinstance(node, str) else ""


class OpeningPane(StepPane):
    """The objective step as the file has it, shown while the plan is validated."""

    STEP = "objective"

    def __init__(self, data: Mapping[str, object], *, item_count: int) -> None:
        super().__init__(id="pane-opening")
        self.data = data
        self.item_count = item_count

    def compose_body(self) -> ComposeResult:
        yield OpeningBody(self.data, self.item_count)

    def first_field(self) -> None:
        return None  # nothing to edit until the real step takes over


class OpeningBody(Widget):
    """The step's fields and items as lines of text, in one widget (one widget draws
    faster than the form's dozens, which is the point of this pane)."""

    DEFAULT_CSS = """
    OpeningBody {
        height: 1fr;
    }
    OpeningBody > .opening--label {
        color: $text-muted;
    }
    OpeningBody > .opening--heading {
        text-style: bold;
    }
    OpeningBody > .opening--cursor {
        text-style: reverse;
    }
    """
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "opening--label",
        "opening--heading",
        "opening--cursor",
    }

    def __init__(self, data: Mapping[str, object], item_count: int) -> None:
        super().__init__()
        self.data = data
        self.item_count = item_count
        """How many items the file holds (``data`` may hold only the first of them)."""
        self.typed: str | None = None
        """The statement with the characters typed so far, once one is (see :meth:`echo`)."""

    def echo(self, character: str | None) -> None:
        """Show a key typed before the editor is there where the editor will put it: a
        character at the end of the statement, or (``None``) backspace taking the last
        one off."""
        typed = self.typed
        if typed is None:
            typed = text_at(self.data, "objective", "statement")
        self.typed = typed + character if character is not None else typed[:-1]
        self.refresh()

    def render(self) -> Text:
        data = self.data
        label = self.get_component_rich_style("opening--label")
        width = max(self.size.width, LABEL_WIDTH + 2)
        text = Text(end="")  # the guide wraps; values and items are cut to one line each
        start, end = text_at(data, "objective", "start"), text_at(data, "objective", "end")
        date = t("tui.ph_date")
        fields = {  # field: (value, what the real field shows when it is empty)
            "title": (text_at(data, "title"), t("tui.ph_title")),
            "statement": (text_at(data, "objective", "statement"), t("tui.ph_statement")),
            "kgi": (text_at(data, "objective", "kgi"), t("tui.ph_kgi")),
            "period": (f"{start:<14} – {end}" if start or end else "", f"{date:<14} – {date}"),
        }
        for field, (value, placeholder) in fields.items():
            text.append(pad(field_label(field), LABEL_WIDTH), label)
            room = width - LABEL_WIDTH
            if field == "statement" and self.typed is not None:
                # as the field will show it: scrolled to its end, the cursor after it
                typed = one_line(self.typed)
                shown = tail(typed, room - 1)
                if display_width(typed) > room - 1:  # right against the cursor, as a field
                    shown = " " * (room - 1 - display_width(shown)) + shown
                text.append(shown)
                text.append(" ", self.get_component_rich_style("opening--cursor"))
                text.append("\n")
            elif value:
                text.append(truncate(one_line(value), room) + "\n")
            else:
                text.append(truncate(placeholder, room) + "\n", label)
        items = list(self._item_texts())
        heading = t("tui.items_heading", count=self.item_count)
        text.append(heading + "\n", self.get_component_rich_style("opening--heading"))
        text.append(t("steps.guide_items") + "\n\n", label)
        for item in items[:OPENING_ITEMS]:
            text.append(f"  {truncate(item, width - 2)}\n")
        return text

    def _item_texts(self) -> Iterator[str]:
        items = self.data.get("items")
        for item in items if isinstance(items, list) else ():
            if isinstance(item, Mapping):
                yield one_line(text_at(item, "text"))
