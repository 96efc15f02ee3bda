"""Text from a plan made safe to print: no character can drive or disguise a terminal.

A plan is data anyone can write, so its strings may hold escape sequences (ESC, CSI),
C1 controls (U+0080 to U+009F, which some terminals obey like ESC sequences) and
bidirectional overrides (U+202E and friends, which reorder what is shown, so that a
line can read differently from what it contains). Every such character is shown as a
visible escape (``\\x1b``, ``\\u202e``) instead. Zero-width joiners stay: emoji and
several scripts need them and they cannot move the cursor or reorder text. Spaces stay
too: the ideographic space (U+3000) that Chinese input methods type and the no-break
space (U+00A0) are text, not controls.

What a person typed is echoed in messages (``there is no KPI '...'``) cut to a width a
line can hold (:func:`shown`), so a pasted page gives a one-line error, not 50 KB of it.
The cut counts terminal cells (:mod:`model.textwidth`: a Chinese character takes two, a
combining accent none), with a character that will be shown escaped counted as its escape.
"""

from __future__ import annotations

import os
import unicodedata
from functools import lru_cache

from model.textwidth import char_width

SHOWN_CHARS = 80
"""The most terminal cells a typed value (a KPI id, a date, a query) takes in a message:
80 letters, or 40 Chinese characters."""

SHOWN_PATH_CHARS = 500
"""The most terminal cells a path takes in a message: any real path is shown whole (a
deep folder included); only an absurd one, such as a pasted page taken for a plan's name,
is cut."""

_CHARS_PER_CELL = 4
"""However narrow its characters (combining marks take no cell), an echoed value keeps at
most this many characters per cell of its limit, so a flood of accents stays short too."""


def shown(value: object, limit: int = SHOWN_CHARS) -> str:
    """``value`` as a message echoes it: whole when it takes at most ``limit`` terminal
    cells, else as much of its start as fits in ``limit - 1`` cells, and "…"."""
    text = str(value)
    kept = _fitting(text, limit)
    if kept == len(text):
        return text
    return text[: _fitting(text, limit - 1)] + "…"


def shown_path(path: str | os.PathLike[str], limit: int = SHOWN_PATH_CHARS) -> str:
    """``path`` as a message echoes it: whole unless it takes more than ``limit`` terminal
    cells, else its start, "…" and its end, so the file's own name is still there."""
    text = os.fspath(path)
    if _fitting(text, limit) == len(text):
        return text
    head = (limit - 1) // 2
    start = text[: _fitting(text, head)]
    end = text[len(text) - _fitting(text[::-1], limit - 1 - head) :]
    while end and is_shown_as_is(end[0]) and char_width(end[0]) == 0:
        end = end[1:]  # marks whose letter was left out (decomposed é): not on the "…"
    return start + "…" + end


def _fitting(text: str, cells: int) -> int:
    """How many characters from the start of ``text`` fit in ``cells`` terminal cells as a
    message shows them: a wide character is never split, marks that combine with the
    last one kept are kept with it, and a character shown escaped counts as its escape."""
    if text.isascii() and text.isprintable():
        return min(len(text), max(0, cells))  # one cell a character
    used = 0
    most = max(0, cells) * _CHARS_PER_CELL
    for count, char in enumerate(text):
        used += char_width(char) if is_shown_as_is(char) else len(escape_char(char))
        if used > cells or count == most:
            return count
    return len(text)


_KEEP = frozenset("\u200c\u200d")
"""Invisible but harmless: zero-width non-joiner and joiner (Persian, Indic, emoji)."""


def is_shown_as_is(char: str) -> bool:
    """Whether ``char`` can be printed as it is: a printable character, a space of any
    width (category Zs: U+00A0, U+3000, ...) or a zero-width joiner."""
    return char.isprintable() or char in _KEEP or unicodedata.category(char) == "Zs"


def escape_char(char: str) -> str:
    """The visible escape of one character: ``\\x1b``, ``\\u202e`` or ``\\U000e0001``."""
    code = ord(char)
    if code < 0x100:
        return f"\\x{code:02x}"
    if code < 0x10000:
        return f"\\u{code:04x}"
    return f"\\U{code:08x}"


def printable(text: str, *, keep: str = "\t\n") -> str:
    """``text`` with every control, format or line separator escaped, except ``keep``.

    ``str.isprintable`` is false for categories Cc (C0, DEL, C1), Cf (bidi overrides,
    BOM, soft hyphen), Zl/Zp (line and paragraph separators), Cs, Co and Cn, and also for
    spaces other than U+0020 (Zs), which :func:`is_shown_as_is` lets through.
    """
    if text.isprintable() or (keep and text.translate(_dropping(keep)).isprintable()):
        return text  # (nothing to escape but what is kept: a text of several lines)
    return "".join(
        char if char in keep or is_shown_as_is(char) else escape_char(char) for char in text
    )


@lru_cache(maxsize=8)
def _dropping(chars: str) -> dict[int, None]:
    """A :meth:`str.translate` table that deletes ``chars``."""
    return dict.fromkeys(map(ord, chars))


def one_line(text: str) -> str:
    """``text`` as a single printable line: newlines and tabs are escaped too."""
    return printable(text, keep="")


def json_text(data: object, *, indent: int | None = 2) -> str:
    """``data`` as JSON that is safe to print: UTF-8 text kept, but every character a
    terminal could obey written as a ``\\uXXXX`` escape, so it is still the same data."""
    import json  # only the tools print JSON; not on the app's start-up path

    text = json.dumps(data, ensure_ascii=False, indent=indent)
    if text.isprintable():
        return text
    # The newlines of the indentation are the only ones (JSON escapes those in strings):
    # most lines are printable and stay as they are, the others go character by character.
    return "\n".join(
        line if line.isprintable() else "".join(map(_json_safe, line)) for line in text.split("\n")
    )


def _json_safe(char: str) -> str:
    if char == "\n" or is_shown_as_is(char):
        return char
    import json

    return json.dumps(char, ensure_ascii=True)[1:-1]  # \u202e, or a surrogate pair
