"""Size limits on what a plan may hold, checked on load and on save alike.

No real plan comes near these numbers; they exist so that an absurd file (a 4 MB
title, a million KPIs, tables nested a thousand deep) is refused with one clear line
naming the field, instead of making every screen and export slow or crash later.
Checking on save too keeps the promise that whatever the planner writes it can read.
"""

from __future__ import annotations

import re

MAX_TEXT_CHARS = 10_000
"""Longest text (or key) in a plan, in characters: a few pages, far more than any field needs."""

MAX_ENTRIES = 10_000
"""Most entries in one list or table (KPIs, items, check-ins, inputs...)."""

MAX_DEPTH = 32
"""Deepest nesting of tables and lists; a plan needs four levels."""

Location = tuple[str | int, ...]


class LimitExceeded(Exception):
    """The plan data at ``loc`` breaks a limit; ``kind`` says which one."""

    def __init__(self, loc: Location, kind: str, size: int, limit: int) -> None:
        self.loc = loc
        self.kind = kind
        self.size = size
        self.limit = limit
        super().__init__(loc, kind, size, limit)


def check_limits(data: object) -> None:
    """Raise :class:`LimitExceeded` for the first place in ``data`` that breaks a limit.

    ``data`` is plan data as parsed from TOML (dicts, lists, scalars). The walk is
    iterative, so even data nested far deeper than Python's recursion limit is judged.
    """
    stack: list[tuple[Location, object]] = [((), data)]
    while stack:
        loc, value = stack.pop()
        if isinstance(value, str):
            if len(value) > MAX_TEXT_CHARS:
                raise LimitExceeded(loc, "text", len(value), MAX_TEXT_CHARS)
            continue
        if not isinstance(value, dict | list):
            continue
        if len(loc) >= MAX_DEPTH:
            raise LimitExceeded(loc, "depth", len(loc) + 1, MAX_DEPTH)
        if len(value) > MAX_ENTRIES:  # point at the first entry too many
            first_extra = list(value)[MAX_ENTRIES] if isinstance(value, dict) else MAX_ENTRIES
            raise LimitExceeded((*loc, first_extra), "entries", len(value), MAX_ENTRIES)
        if isinstance(value, dict):
            for key in value:
                if len(key) > MAX_TEXT_CHARS:
                    raise LimitExceeded((*loc, key[:40]), "text", len(key), MAX_TEXT_CHARS)
            children = [((*loc, key), child) for key, child in value.items()]
        else:
            children = [((*loc, index), child) for index, child in enumerate(value)]
        stack.extend(reversed(children))  # depth-first, in file order


_STRING_BODIES = {
    '"': re.compile(r'[^"\\\n]*(?:\\.[^"\\\n]*)*', re.DOTALL),
    "'": re.compile(r"[^'\n]*"),
    '"""': re.compile(r'[^"\\]*(?:(?:\\.|"(?!""))[^"\\]*)*', re.DOTALL),
    "'''": re.compile(r"[^']*(?:'(?!'')[^']*)*"),
}
"""What may stand between a string's opening quotes and its closing ones, by its quotes."""


def string_end(text: str, index: int) -> int:
    """Where the TOML string opening at ``text[index]`` ends: just past its closing quotes,
    or at the line's end for a one-line string left open (the newline is not its own).

    Basic strings (one or three double quotes) honour backslash escapes, literal ones
    (one or three single quotes) do not; a multi-line string may end in one or two
    quotes of its own just inside the closing three, so four or five quotes in a row
    all belong to it. Shared by every scanner that must step over strings
    (:func:`deep_nesting_line`, :mod:`model.comments`).
    """
    char = text[index]
    quote = char * 3 if text.startswith(char * 3, index) else char
    end = _STRING_BODIES[quote].match(text, index + len(quote)).end()  # type: ignore[union-attr]
    if not text.startswith(quote, end):
        return len(text) if text.startswith("\\", end) else end  # left open
    end += len(quote)
    if len(quote) == 3:
        for _ in range(2):
            if text.startswith(char, end):
                end += 1
    return end


def deep_nesting_line(text: str, limit: int = MAX_DEPTH) -> int | None:
    """The first line where brackets nest deeper than ``limit``, skipping strings and comments.

    ``tomllib`` gives up on absurd nesting without saying where; this finds the place
    for the error message. It follows TOML's quoting closely enough for that purpose,
    and also counts the parts of dotted headers and keys (``[a.b.c]``, ``a.b.c = 1``).
    """
    for number, text_line in enumerate(text.split("\n"), start=1):
        stripped = text_line.strip()
        name = stripped.strip("[").split("]", 1)[0] if stripped.startswith("[") else ""
        if not name and "=" in stripped and not stripped.startswith("#"):
            name = stripped.split("=", 1)[0]
        if name.count(".") >= limit:
            return number
    depth = 0
    line = 1
    index = 0
    size = len(text)
    while index < size:
        char = text[index]
        if char == "\n":
            line += 1
        elif char == "#":
            end = text.find("\n", index)
            index = size if end < 0 else end
            continue
        elif char in "\"'":
            end = string_end(text, index)
            line += text.count("\n", index, end)
            index = end
            continue
        elif char in "[{":
            depth += 1
            if depth > limit:
                return line
        elif char in "]}":
            depth = max(depth - 1, 0)
        index += 1
    return None
