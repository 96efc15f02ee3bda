"""How many terminal columns text takes: Chinese characters take two, accents none.

Used to align tables and to put a caret under the right character of a formula, so
that ``MQL數 / 全部名單數`` and its error marker line up in a terminal.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache


def char_width(char: str) -> int:
    """Columns one character takes: 2 for wide (CJK, full-width), 0 for combining marks."""
    if char < "\x80":
        return 1  # ASCII: no mark, nothing wide
    return _unicode_width(char)


@lru_cache(maxsize=4096)
def _unicode_width(char: str) -> int:
    if unicodedata.combining(char) or unicodedata.category(char) in ("Mn", "Me", "Cf"):
        return 0
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def display_width(text: str) -> int:
    """Columns ``text`` takes in a terminal."""
    if text.isascii():
        return len(text)
    return sum(map(char_width, text))


def pad(text: str, width: int) -> str:
    """``text`` followed by spaces up to ``width`` columns (never cut)."""
    return text + " " * max(0, width - display_width(text))


def truncate(text: str, width: int, ellipsis: str = "…") -> str:
    """``text`` cut to at most ``width`` columns, ending in ``ellipsis`` when cut."""
    if display_width(text) <= width:
        return text
    room = width - display_width(ellipsis)
    kept: list[str] = []
    used = 0
    for char in text:
        used += char_width(char)
        if used > room:
            break
        kept.append(char)
    return "".join(kept) + ellipsis


def tail(text: str, width: int) -> str:
    """The end of ``text`` that fits in ``width`` columns (what a one-line field scrolled
    to its end shows)."""
    return truncate(text[::-1], width, ellipsis="")[::-1]
