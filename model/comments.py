"""The ``#`` comments of a plan file, kept across a save.

The planner writes a plan afresh, in its own layout (:func:`model.store.dumps_plan`), so
a plan annotated by hand would lose its notes on every save. Instead each comment
belongs to a *statement* (a ``key = value`` line or a ``[table]`` header): the one it
ends (``target = 0.12  # agreed with finance``) or the one right below its block of
comment lines. A statement is known by its place in the plan, not by its line number: a
key in its table, and an entry of a list of tables by what names it (a KPI by its
``id``, an item by its text, a check-in by its KPI and date, an accepted finding by its
check and path). :func:`carry_comments` puts every comment of the old file back beside
the same statement in the new one.

A comment whose statement is gone has no place: a deleted KPI's, an edited item's (its
text named it), one inside a value written over several lines, a key left out because it
is now empty. Those are counted, so the save can say how many, and they stay in the
``.bak`` the save keeps.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable
from dataclasses import dataclass

from model.limits import string_end

Anchor = tuple[object, ...]
"""Where a statement is in the plan: its table's path (an entry of a list of tables by
what names it) and its key's."""

_IDENTITY: dict[str, tuple[str, ...]] = {
    "kpis": ("id",),
    "items": ("text",),
    "checkins": ("kpi", "date"),
    "ignore": ("check", "path"),
}
"""What names an entry of each list of tables; an entry of another list is known by its
position."""

_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+(?:[ \t]*\.[ \t]*[A-Za-z0-9_-]+)*")


_SIMPLE_STATEMENT = re.compile(
    r"""[ \t]*([A-Za-z0-9_-]+)[ \t]*=[ \t]*"""
    r"""("[^"\\\n]*(?:\\.[^"\\\n]*)*"|'[^'\n]*'|[^\s"'\[{#][^#\n]*?)"""
    r"""([ \t]*#[^\n]*?)?[ \t\r]*(?=\n|\Z)"""
)
"""A statement on one line with a bare key and a one-line value (a string, a number, a
date, a boolean), and the comment after it: read at once, the rest step by step."""

_MARK = re.compile("[#\"']")
"""What a comment counter must stop at: a comment, or a string that may hold a "#"."""


def count_comments(text: str) -> int:
    """How many ``#`` comments ``text`` holds (a ``#`` inside a string is not one)."""
    count = 0
    size = len(text)
    mark = _MARK.search(text)
    while mark is not None:
        index = mark.start()
        if text[index] == "#":
            count += 1
            end = text.find("\n", index)
            index = size if end < 0 else end
        else:
            index = string_end(text, index)
        mark = _MARK.search(text, index)
    return count


_Statement = tuple[int, int, Anchor, str]
"""A statement: the line it starts on (0-based), the line its value ends on, its anchor,
and the comment after the value on its last line, with the spaces before it ("" if
none). A plain tuple: a large plan has tens of thousands, made on every save."""


@dataclass(slots=True)
class _Scan:
    lines: list[str]
    statements: list[_Statement]
    comment_lines: dict[int, str]
    """Lines holding only a comment, by number."""


@dataclass(frozen=True, slots=True)
class _Carried:
    """A text :func:`carry_comments` made (or :func:`read_ahead` read), with its
    comments as :func:`_comments_of` finds them there and how many it has: a save
    replacing that text need not read it again (on the large plan with a comment on
    every KPI and item, half the time a save spends on comments)."""

    text: str
    before: dict[Anchor, list[str]]
    after: dict[Anchor, str]
    end: list[str]
    total: int


_last_carried: _Carried | None = None
"""What :func:`carry_comments` made last, when it placed any comment, or what
:func:`read_ahead` read."""


_UNREADABLE = (tomllib.TOMLDecodeError, LookupError, ValueError)
"""What :func:`_scan` raises for a text it cannot read as TOML."""


def _read(text: str) -> tuple[int, _Carried | None]:
    """How many comments ``text`` has, and where they are (``None`` when it has none, or
    cannot be read as TOML)."""
    total = count_comments(text) if "#" in text else 0
    if not total:
        return 0, None
    try:
        return total, _Carried(text, *_comments_of(_scan(text)), total)
    except _UNREADABLE:
        return total, None


def read_ahead(text: str) -> None:
    """Read the comments of ``text``, a plan file as it was opened, now, so that the first
    save replacing it finds them ready (the app does this in the background after its
    first paint). Nothing happens for a text without comments, or one not read as TOML."""
    global _last_carried
    _, read = _read(text)
    if read is not None:
        _last_carried = read


def carry_comments(
    old: str, new: str, layout: Callable[[], Layout] | None = None
) -> tuple[str, int]:
    """``new``, a plan written afresh, with the comments of ``old`` (the file it replaces)
    beside the same statements; and how many of ``old``'s comments found no place.

    ``layout`` gives the statements of ``new`` as its writer laid them out, when it
    knows them (:class:`Layout`; called only when ``old`` has comments); else ``new`` is
    read for them. ``old`` that cannot be read as TOML gives ``new`` unchanged, all its
    comments unplaced (a file broken by hand may still have some placed, beside what the
    scan made of it).
    """
    global _last_carried
    remembered = _last_carried  # read once: read_ahead may set it from another thread
    if remembered is not None and remembered.text == old:  # written or read already
        total, known = remembered.total, remembered
    else:
        total, known = _read(old)
    if known is None:
        return new, total
    before, after, end = dict(known.before), dict(known.after), known.end
    try:
        if layout is None:
            scanned = _scan(new)
            lines, statements = scanned.lines, scanned.statements
        else:
            lines, statements = new.split("\n"), layout().statements()
    except _UNREADABLE:
        return new, total
    inserted: dict[int, list[str]] = {}
    placed_before: dict[Anchor, list[str]] = {}
    placed_after: dict[Anchor, str] = {}
    for first, last, anchor, _ in statements:
        block = before.pop(anchor, None)
        if block:
            inserted[first] = placed_before[anchor] = block
        trailing = after.pop(anchor, None)
        if trailing:
            lines[last] += trailing
            placed_after[anchor] = trailing
    out: list[str] = []
    for number, line in enumerate(lines):
        out.extend(inserted.get(number, ()))
        out.append(line)
    if end:
        if out and out[-1] == "":
            out.pop()  # the text's last newline
        out.extend((*end, ""))
    blocks = (*placed_before.values(), end)
    placed = len(placed_after) + sum(1 for block in blocks for line in block if line)
    text = "\n".join(out)
    _last_carried = _Carried(text, placed_before, placed_after, end, placed) if placed else None
    return text, total - placed


def _comments_of(
    scan: _Scan,
) -> tuple[dict[Anchor, list[str]], dict[Anchor, str], list[str]]:
    """Each statement's block of comment lines above it, its trailing comment, and the
    comment lines after the last statement."""
    before: dict[Anchor, list[str]] = {}
    after: dict[Anchor, str] = {}
    starts = {statement[0]: statement for statement in scan.statements}
    pending: list[str] = []
    number = 0
    while number < len(scan.lines):
        statement = starts.get(number)
        if statement is not None:
            _, last, anchor, trailing = statement
            while pending and not pending[-1]:
                pending.pop()  # blank lines between a block and its statement
            if pending:
                before[anchor] = pending
                pending = []
            if trailing:
                after[anchor] = trailing
            number = last + 1
            continue
        comment = scan.comment_lines.get(number)
        if comment is not None:
            pending.append(comment)
        elif pending:
            pending.append("")  # a blank line inside a block of comments stays
        number += 1
    while pending and not pending[-1]:
        pending.pop()
    return before, after, pending


def _scan(text: str) -> _Scan:
    """The statements and comment lines of ``text``, a TOML document (:class:`ValueError`
    or :class:`LookupError` where it cannot be read as one)."""
    lines = text.split("\n")
    comment_lines: dict[int, str] = {}
    layout = Layout()
    found, names = layout.found, layout.names
    entry, table = layout.entry, layout.table  # Layout.key's, inline below: most lines
    position, size, number = 0, len(text), 0
    simple = _SIMPLE_STATEMENT.match
    while position < size:
        plain = simple(text, position)
        if plain is not None:  # most lines: one key, one value, perhaps a comment
            key, value, trailing = plain.group(1, 2, 3)
            if entry is not None and not table:
                names[entry][key] = value
            found.append((number, number, entry, (*table, key), trailing or ""))
            position, number = plain.end() + 1, number + 1
            continue
        line_end = text.find("\n", position)
        line_end = size if line_end < 0 else line_end
        start = position
        while start < line_end and text[start] in " \t":
            start += 1
        char = text[start] if start < line_end else ""
        last = number
        if char == "#":
            comment_lines[number] = text[position:line_end].rstrip("\r")
        elif char == "[":
            array = text.startswith("[[", start)
            close = _header_end(text, start, array)
            path = _key_path(text[start + 1 + array : close - 1 - array])
            layout.header(number, path, array=array, trailing=_trailing(text, close, line_end))
            entry, table = layout.entry, layout.table
        elif char and char != "\r":
            equals = _outside_strings(text, start, "=")
            value_end = _value_end(text, equals + 1)
            last = number + text.count("\n", start, value_end)
            line_end = text.find("\n", value_end)
            line_end = size if line_end < 0 else line_end
            keys = _key_path(text[start:equals])
            trailing = _trailing(text, value_end, line_end)
            layout.key(number, keys, text[equals + 1 : value_end], last=last, trailing=trailing)
        position, number = line_end + 1, last + 1
    return _Scan(lines, layout.statements(), comment_lines)


class Layout:
    """The statements of a TOML text, told line by line as it is read or written: each
    table header, each ``key = value``. A writer that tells them spares
    :func:`carry_comments` reading its text again (:func:`model.store.save_plan`)."""

    __slots__ = ("counts", "entry", "found", "names", "table")

    def __init__(self) -> None:
        self.found: list[tuple[int, int, _EntryAt | None, tuple[str, ...], str]] = []
        """(first line, last line, entry of a list of tables or None, keys, trailing comment)"""
        self.names: dict[_EntryAt, dict[str, str]] = {}
        """Each entry's naming values, as written."""
        self.counts: dict[tuple[str, ...], int] = {}
        self.entry: _EntryAt | None = None
        self.table: tuple[str, ...] = ()

    def header(self, line: int, path: tuple[str, ...], *, array: bool, trailing: str = "") -> None:
        """A table header (``[path]``, or ``[[path]]`` for an entry of a list) on ``line``."""
        if array:
            self.entry = entry = (path, self.counts.get(path, 0))
            self.counts[path] = entry[1] + 1
            self.names[entry] = {}
            self.table = ()
        else:
            self.entry, self.table = None, path
        self.found.append((line, line, self.entry, self.table, trailing))

    def key(
        self,
        line: int,
        keys: tuple[str, ...],
        written: str,
        *,
        last: int | None = None,
        trailing: str = "",
    ) -> None:
        """``keys = written`` (a dotted key's parts) from ``line`` to ``last``."""
        keys = (*self.table, *keys)
        if self.entry is not None and len(keys) == 1:
            self.names[self.entry][keys[0]] = written
        self.found.append((line, line if last is None else last, self.entry, keys, trailing))

    def statements(self) -> list[_Statement]:
        """Every statement told, with its anchor."""
        identities = _identities(self.names)
        return [
            (first, last, keys if at is None else (*at[0], identities[at], *keys), trailing)
            for first, last, at, keys, trailing in self.found
        ]


_EntryAt = tuple[tuple[str, ...], int]
"""An entry of a list of tables: the list's path and the entry's position in it."""


def _identities(names: dict[_EntryAt, dict[str, str]]) -> dict[_EntryAt, object]:
    """What names each entry of a list of tables (:data:`_IDENTITY`), with how many
    entries before it had the same (two items of one text); else its position."""
    identities: dict[_EntryAt, object] = {}
    seen: dict[tuple[object, ...], int] = {}
    for (path, index), written in names.items():
        fields = _IDENTITY.get(path[0]) if len(path) == 1 else None
        if not fields:
            identities[path, index] = index
            continue
        values = (path, *(_value(written.get(field, "")) for field in fields))
        count = seen.get(values, 0)
        seen[values] = count + 1
        identities[path, index] = (*values[1:], count)
    return identities


_PLAIN_VALUE = re.compile(r'\s*(?:"([^"\\]*)"|(\d{4}-\d\d-\d\d))\s*')


def _value(written: str) -> str:
    """A naming value as text, however it is written ("" for none)."""
    if not written:
        return ""
    plain = _PLAIN_VALUE.fullmatch(written)
    if plain is not None:
        return plain[1] if plain[1] is not None else plain[2]
    return str(tomllib.loads(f"v = {written}")["v"])


def _key_path(raw: str) -> tuple[str, ...]:
    """The keys of a (possibly dotted, possibly quoted) TOML key."""
    raw = raw.strip()
    if _BARE_KEY.fullmatch(raw):
        return tuple(part.strip() for part in raw.split("."))
    value: object = tomllib.loads(f"{raw} = 0")
    keys: list[str] = []
    while isinstance(value, dict):
        (key, value), *_ = value.items()
        keys.append(key)
    return tuple(keys)


def _header_end(text: str, start: int, array: bool) -> int:
    """Just past the ``]`` (``]]``) closing the table header opening at ``start``."""
    return _outside_strings(text, start + 1 + array, "]") + 1 + array


def _outside_strings(text: str, index: int, char: str) -> int:
    """Where the first ``char`` from ``index`` on is, stepping over quoted keys."""
    while text[index] != char:
        index = string_end(text, index) if text[index] in "\"'" else index + 1
    return index


def _value_end(text: str, start: int) -> int:
    """Just past the value starting after ``start`` (an array or inline table may span
    lines, and hold strings and comments)."""
    index = start
    while text[index] in " \t":
        index += 1
    char = text[index]
    if char in "\"'":
        return string_end(text, index)
    if char not in "[{":
        end = text.find("\n", index)
        end = len(text) if end < 0 else end
        comment = text.find("#", index, end)
        return len(text[index : end if comment < 0 else comment].rstrip(" \t\r")) + index
    depth = 0
    while True:
        mark = _IN_A_VALUE.search(text, index)
        if mark is None:
            raise ValueError("an array or inline table left open")
        index = mark.start()
        char = text[index]
        if char in "\"'":
            index = string_end(text, index)
            continue
        if char == "#":
            index = text.find("\n", index)
            if index < 0:
                raise ValueError("an array or inline table left open")
            continue
        if char in "[{":
            depth += 1
        else:
            depth -= 1
            if not depth:
                return index + 1
        index += 1


_IN_A_VALUE = re.compile("[\"'#\\[\\]{}]")
"""What changes the nesting of an array or inline table, or hides a bracket: a string, a
comment."""


def _trailing(text: str, end: int, line_end: int) -> str:
    """The comment after a statement's end on its line, with the spaces before it."""
    rest = text[end:line_end].rstrip(" \t\r")
    return rest if rest.lstrip(" \t").startswith("#") else ""
