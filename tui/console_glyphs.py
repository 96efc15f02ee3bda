"""Glyphs the Linux console can show, for everything drawn under ``TERM=linux``.

Without a font of its own the console uses the kernel's, the old PC character set
(code page 437, mapped to Unicode by the kernel's ``drivers/tty/vt/cp437.uni``): box
drawing with square corners, the half and full blocks and shades (``▀▄▌▐█░▒▓``),
arrows, ``•`` and ``√``, but no eighth blocks (``▁▂▃▅▆▇``, ``▏▎▍▋▊▉``, ``▔``), no
rounded corners (``╭╮╰╯``), no check marks (``✓✗``), no ``●``, no typographic dashes,
quotes or ``…``, no emoji. It shows every character it lacks as the same ``■``, so
``✓`` and ``✗`` would look alike. :class:`ConsoleGlyphFilter` is a line filter that
swaps each glyph the planner or Textual draws and the console lacks for the nearest one
it has, as many cells wide, so the layout is unchanged. (Chinese text cannot be shown
there at all.)
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
    "╭": "┌",  # rounded corners (Textual's "round" border), squared
    "╮": "┐",
    "╰": "└",
    "╯": "┘",
    "⭘": "o",  # Textual's header icon
    "🔎": "> ",  # the command palette's search icon (two cells)
    "●": "•",  # the current step, the unsaved mark, a check-in due today
    "✓": "√",  # done, met
    "✗": "x",  # has errors, not met
    "△": "~",  # partly met
    "…": "~",  # text cut short
    "⋯": "~",
    "—": "-",
    "–": "-",
    "−": "-",
    "“": '"',
    "”": '"',
    "‘": "'",
    "’": "'",
    "‧": "·",
    "€": "E",
    "₩": "W",
    "™": "T",
}
"""Each glyph the console lacks, and what it shows instead (as many cells wide)."""

CONSOLE_CHARACTERS = frozenset(
    (
        *bytes(range(0x20, 0x7F)).decode("ascii"),
        *bytes(range(0x80, 0x100)).decode("cp437"),
        *"☺☻♥♦◆♣♠•◘○◙♂♀♪♫☼¤▶►◀◄↕‼¶§▬↨↑↓→←∟↔▲▼⌂",  # the kernel's glyphs for 0x01-0x1f, 0x7f
    )
)
"""What the kernel's own console font shows: ASCII, code page 437's upper half, and
the pictures the kernel maps to its control positions (``cp437.uni``)."""

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
