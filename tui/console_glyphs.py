"""Glyphs the Linux console can show, for what Textual itself draws under ``TERM=linux``.

The console's fonts hold the old PC character set: box drawing, the half and full
blocks and shades (``▀▄▌▐█░▒▓``), but no eighth blocks (``▁▂▃▅▆▇``, ``▏▎▍▋▊▉``, ``▔``),
no emoji and few symbols. The planner's own charts pick console glyphs themselves
(``tui.widgets.charts``); Textual's scrollbars, ``tall`` borders, Footer separator,
header icon and palette search icon draw those glyphs, which the console shows as
garbage. :class:`ConsoleGlyphFilter` is a line filter that rounds each eighth block to
the nearest block the console has and swaps the icons for plain characters of the same
width, so the layout is unchanged.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping

from tui.safe_output import PatternFilter

CONSOLE_TERMS = frozenset({"linux"})
"""``TERM`` values of the Linux console."""

REPLACEMENTS: dict[str, str] = {
    # lower eighths, rounded to empty, lower half or full
    "▁": " ",
    "▂": " ",
    "▃": "▄",
    "▅": "▄",
    "▆": "█",
    "▇": "█",
    "▔": " ",  # upper eighth
    "▕": " ",  # right eighth
    # left eighths, rounded to empty, left half or full
    "▏": " ",
    "▎": " ",
    "▍": "▌",
    "▋": "▌",
    "▊": "█",
    "▉": "█",
    "⭘": "o",  # Textual's header icon
    "🔎": "> ",  # the command palette's search icon (two cells)
}
"""Each glyph the console lacks, and what it shows instead (as many cells wide)."""

_LACKING = re.compile("|".join(map(re.escape, REPLACEMENTS)))


def is_linux_console(environ: Mapping[str, str] | None = None) -> bool:
    """Whether the terminal is the Linux console (``TERM=linux``)."""
    return (os.environ if environ is None else environ).get("TERM", "") in CONSOLE_TERMS


def console_text(text: str) -> str:
    """``text`` with every glyph the console lacks replaced."""
    return _LACKING.sub(lambda match: REPLACEMENTS[match.group()], text)


class ConsoleGlyphFilter(PatternFilter):
    """Replaces glyphs the Linux console cannot show in every rendered line."""

    def __init__(self) -> None:
        super().__init__(_LACKING, console_text)


CONSOLE_GLYPH_FILTER = ConsoleGlyphFilter()
"""The one instance (filters key Textual's strip cache, so it is shared)."""
