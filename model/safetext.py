"""Text from a plan made safe to print: no character can drive or disguise a terminal.

A plan is data anyone can write, so its strings may hold escape sequences (ESC, CSI),
C1 controls (U+0080 to U+009F, which some terminals obey like ESC sequences) and
bidirectional overrides (U+202E and friends, which reorder what is shown, so that a
line can read differently from what it contains). Every such character is shown as a
visible escape (``\\x1b``, ``\\u202e``) instead. Zero-width joiners stay: emoji and
several scripts need them and they cannot move the cursor or reorder text. Spaces stay
too: the ideographic space (U+3000) that Chinese input methods type and the no-break
space (U+00A0) are text, not controls.

What a person typed is echoed in messages (``there is no KPI '...'``) cut to a length a
line can hold (:func:`shown`), so a pasted page gives a one-line error, not 50 KB of it.
"""

from __future__ import annotations

import os
import unicodedata

SHOWN_CHARS = 80
"""The most characters of a typed value (a KPI id, a date, a query) a message echoes."""

SHOWN_PATH_CHARS = 500
"""The most characters of a path a message echoes: any real path is shown whole (a deep
folder included); only an absurd one, such as a pasted page taken for a plan's name, is
cut."""


def shown(value: object, limit: int = SHOWN_CHARS) -> str:
    """``value`` as a message echoes it: whole up to ``limit`` characters, else its first
    ``limit - 1`` characters and "…"."""
    text = str(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def shown_path(path: str | os.PathLike[str], limit: int = SHOWN_PATH_CHARS) -> str:
    """``path`` as a message echoes it: whole unless longer than ``limit`` characters, else
    its start, "…" and its end, so the file's own name is still there."""
    text = os.fspath(path)
    if len(text) <= limit:
        return text
    head = (limit - 1) // 2
    return text[:head] + "…" + text[len(text) - (limit - 1 - head) :]


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
    if text.isprintable():
        return text
    return "".join(
        char if char in keep or is_shown_as_is(char) else escape_char(char) for char in text
    )


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
    return "".join(_json_safe(char) for char in text)


def _json_safe(char: str) -> str:
    if char == "\n" or is_shown_as_is(char):
        return char
    import json

    return json.dumps(char, ensure_ascii=True)[1:-1]  # \u202e, or a surrogate pair
