"""The ``#`` comments of a TOML file: the planner writes a plan afresh, so a save drops
them, and the app says so once, when it does."""

from __future__ import annotations


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
            quote = text[index : index + 3] if text[index : index + 3] in ('"""', "'''") else char
            end = index + len(quote)
            while end < size and not text.startswith(quote, end):
                if text[end] == "\\" and quote[0] == '"':
                    end += 1
                elif text[end] == "\n" and len(quote) == 1:
                    break
                end += 1
            index = end + len(quote)
            continue
        index += 1
    return count
