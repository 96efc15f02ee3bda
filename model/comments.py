"""The ``#`` comments of a TOML file: the planner writes a plan afresh, so a save drops
them, and the app says so once, when it does."""

from __future__ import annotations

from model.limits import string_end


def count_comments(text: str) -> int:
    """How many ``#`` comments ``text`` holds (a ``#`` inside a string is not one)."""
    count = 0
    index, size = 0, len(text)
    while index < size:
        char = text[index]
        if char == "#":
            count += 1
            end = text.find("\n", index)
            index = size if end < 0 else end
            continue
        if char in "\"'":
            index = string_end(text, index)
            continue
        index += 1
    return count
