"""Line wrapping that keeps a value whole: ``1,400 元``, ``12 days``, ``CHF 90``.

Rich and Textual break a line at any whitespace, U+00A0 included (Python's ``\\s``
matches it), so a number can end one line and its unit start the next. Here a space
between a number and the word after it (or between a currency code and its number) is
no break opportunity: the break opportunities (spaces, and between Chinese characters)
are found on a copy of the text where those spaces are masked, then the real text is
cut there, so the space still shows as a space. Every widget that shows a sentence with
values in it wraps it with :func:`wrap_lines`, or shows it as :class:`KeptValues`, which
wraps at the width it is drawn at.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, RenderResult
from rich.measure import Measurement
from rich.text import Text

_VALUE_SPACE = re.compile(r"(?<=\d) (?=\S)|(?<=\b[A-Z]{3}) (?=-?\d)")
"""A space that holds a value together: after a number (before its unit or the word it
counts), or after a currency code (``CHF 90``)."""


_NO_LINE_START = frozenset("，。、：；！？）」』》〉】,.:;!?)]}%…·")
"""Punctuation that never starts a line (it stays with the character before it)."""
_NO_LINE_END = frozenset("（「『《〈【([{")
"""Brackets that never end a line (they stay with the character after them)."""


def _wide(char: str) -> bool:
    return cell_len(char) == 2


def _break_before(plain: str, masked: str, index: int) -> bool:
    """Whether a line may start at ``index``: after a space, or between Chinese
    characters (not before closing or after opening punctuation); never inside a value."""
    before, char = masked[index - 1], masked[index]
    if char.isspace():
        return False
    if before.isspace():
        return True
    if masked[index - 1] != plain[index - 1]:  # just after a value's kept space
        return False
    if char in _NO_LINE_START or before in _NO_LINE_END:
        return False
    return _wide(char) or _wide(before)


def break_offsets(plain: str, width: int, whole: Iterable[str] = ()) -> list[int]:
    """Where a line of ``plain`` is cut to fit ``width`` cells: at a space or between
    Chinese characters, never inside a value, nor between the Chinese characters of a
    name in ``whole``; a word wider than a line is cut where the line ends."""
    width = max(width, 1)
    masked = _VALUE_SPACE.sub("_", plain)  # same length and width, not whitespace
    inside = {
        index
        for name in whole
        if name
        for found in re.finditer(re.escape(name), plain)
        for index in range(found.start() + 1, found.end())
        if not plain[index - 1].isspace()
    }
    starts = [0] + [
        i for i in range(1, len(plain)) if i not in inside and _break_before(plain, masked, i)
    ]
    ends = [*starts[1:], len(plain)]
    for start, end in zip(starts[:], ends, strict=True):  # too wide to keep: cut as usual
        if cell_len(plain[start:end].rstrip()) > width:
            kept = (i + 1 for i in range(start, end) if masked[i] != plain[i])
            starts.extend(i for i in kept if i < end and not plain[i].isspace())
    starts.sort()
    offsets: list[int] = []
    used = 0
    for start, end in zip(starts, [*starts[1:], len(plain)], strict=True):
        word = plain[start:end]
        if used and used + cell_len(word.rstrip()) > width:
            offsets.append(start)
            used = 0
        while cell_len(word.rstrip()) > width - used:  # too wide for any line: fold it
            cut, room = 0, width - used
            while cut < len(word) and cell_len(word[: cut + 1]) <= room:
                cut += 1
            cut = max(cut, 1)
            start += cut
            word = word[cut:]
            offsets.append(start)
            used = 0
        used += cell_len(word)
    return [offset for offset in offsets if 0 < offset < len(plain)]


def wrap_lines(text: Text | str, width: int, whole: Iterable[str] = ()) -> list[Text]:
    """``text`` wrapped to ``width`` cells (its own line breaks kept), a value never cut
    from its unit, nor a Chinese name in ``whole`` between its characters; trailing
    spaces of a wrapped line are dropped."""
    text = Text(text) if isinstance(text, str) else text
    lines: list[Text] = []
    for line in text.split("\n", allow_blank=True):
        pieces = line.divide(break_offsets(line.plain, width, whole))
        for index, piece in enumerate(pieces):
            if index < len(pieces) - 1:
                piece.rstrip()
            lines.append(piece)
    return lines


class KeptValues:
    """A Rich renderable showing ``text`` wrapped by :func:`wrap_lines` at the width it
    is drawn at (a ``Static`` can show it and re-wraps it when resized)."""

    def __init__(self, text: Text | str, whole: Iterable[str] = ()) -> None:
        self.text = Text(text) if isinstance(text, str) else text
        self.whole = tuple(whole)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        lines = wrap_lines(self.text, options.max_width, self.whole)
        joined = Text("\n").join(lines)
        joined.no_wrap = True
        yield joined

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement.get(console, options, self.text)

    def __str__(self) -> str:
        return self.text.plain
