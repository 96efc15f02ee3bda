"""The last line of defence: no character from a plan ever reaches the terminal as a command.

Widgets show plan text as data (``markup=False``, ``rich.text.Text``), but Rich and
Textual pass control characters through to the screen untouched: a title holding
``ESC ] 0 ; ... BEL`` would retitle the terminal window, ``ESC [ 2 J`` would clear it,
and an Input shows its value as it is. :class:`ControlCharFilter` is a Textual line
filter that drops C0 and C1 control characters and bidirectional overrides from every
line every widget renders (they take no cells, so the layout is unchanged), whatever
widget, dialog or notification the text ends up in.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import partial

from rich.segment import Segment
from textual.color import Color
from textual.filter import LineFilter

UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
"""Characters a terminal obeys (C0, DEL, C1) or that reorder text (bidi controls)."""


class PatternFilter(LineFilter):
    """Rewrites what ``pattern`` matches in every rendered line with ``replace``; a line
    with no match is passed on as it is."""

    def __init__(self, pattern: re.Pattern[str], replace: Callable[[str], str]) -> None:
        super().__init__()
        self.pattern = pattern
        self.replace = replace

    def apply(self, segments: list[Segment], background: Color) -> list[Segment]:
        # one search over the line's text: this runs for every line of every frame
        search = self.pattern.search
        if search("".join([text for text, _, control in segments if not control])) is None:
            return segments
        return [
            segment
            if segment.control or not search(segment.text)
            else Segment(self.replace(segment.text), segment.style)
            for segment in segments
        ]


class ControlCharFilter(PatternFilter):
    """Removes terminal control characters and bidi overrides from rendered text."""

    def __init__(self) -> None:
        super().__init__(UNSAFE, partial(UNSAFE.sub, ""))


CONTROL_FILTER = ControlCharFilter()
"""The one instance (filters key Textual's strip cache, so it is shared)."""
