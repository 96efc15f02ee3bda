"""The plan as GitHub-flavoured Markdown, for review in a pull request.

Every piece of text is escaped with :func:`escape_inline`, so nothing a plan says can
change the document's structure: a ``|`` cannot add a table column, a newline cannot end
a row (it becomes ``<br>``), and ``#``, ``*``, backticks, ``[link](url)``, ``<tags>``,
``$math$`` and list markers are shown as typed. Control characters and bidirectional
overrides are shown as visible escapes (``\\u202e``), so a line cannot read differently
from what it contains.
"""

from __future__ import annotations

import re

from model.export.blocks import Block, Bullets, Fields, Heading, Paragraph, Table
from model.export.common import GENERATOR, ExportContext, split_lines
from model.export.document import build_document
from model.i18n import t
from model.safetext import one_line, printable

MARKER = f"<!-- {GENERATOR} export"
"""How an exported Markdown file starts (an HTML comment GitHub does not show)."""

_ALWAYS = frozenset("\\`*[]<>|~&$#")
"""Characters escaped wherever they appear (all are ASCII punctuation, which CommonMark
lets a backslash escape)."""

_LIST_MARKERS = frozenset("-+")
"""Characters escaped at the start of a text when a space follows (a list item) or they
fill the line (a thematic break or a heading underline, with ``=``)."""

_ORDERED = re.compile(r"^(\d{1,9})([.)])(?=\s|$)")


def escape_inline(text: str) -> str:
    """``text`` as Markdown inline content that renders exactly as ``text`` reads.

    Lines are joined with ``<br>`` so the result is always one line (safe in a table
    cell and in a list item).
    """
    lines = [_escape_line(line.strip()) for line in split_lines(text)]
    return "<br>".join(lines)


_ESCAPED = re.compile(f"[{re.escape(''.join(sorted(_ALWAYS)))}]|(?<![^\\W_])_|_(?![^\\W_])")
"""What a backslash goes before: :data:`_ALWAYS`, and an ``_`` unless it stands between
two letters or digits (``trial_to_paid`` can never emphasise; ``[^\\W_]`` is what
``str.isalnum`` accepts)."""


def _backslashed(match: re.Match[str]) -> str:
    return "\\" + match[0]


def _escape_line(line: str) -> str:
    line = printable(line.replace("\t", " "), keep="")
    escaped = _ESCAPED.sub(_backslashed, line)
    if line and _starts_block(line):  # its first character, one of "-=+", escaped too
        escaped = "\\" + escaped
    ordered = _ORDERED.match(escaped)
    if ordered:  # "1. text" would start an ordered list
        escaped = f"{ordered[1]}\\{ordered[2]}{escaped[ordered.end() :]}"
    return escaped


def _starts_block(line: str) -> bool:
    first = line[0]
    if first in _LIST_MARKERS and (len(line) == 1 or line[1].isspace()):
        return True
    return first in "-=+" and set(line) <= {first, " "}


def render_markdown(context: ExportContext) -> str:
    """The whole review document as Markdown text (ending with a newline)."""
    source = one_line(context.source).replace("--", "-\u2010")
    parts = [f"{MARKER}: {t('export.marker_note', source=source or '-')} -->"]
    parts.extend(_block(block) for block in build_document(context))
    return "\n\n".join(parts) + "\n"


def _block(block: Block) -> str:
    if isinstance(block, Heading):
        return f"{'#' * block.level} {escape_inline(block.text)}"
    if isinstance(block, Paragraph):
        return escape_inline(block.text)
    if isinstance(block, Fields):
        # two trailing spaces would be invisible; a backslash is GFM's explicit line break
        lines = [
            f"**{escape_inline(label)}**: {escape_inline(value)}" for label, value in block.rows
        ]
        return "\\\n".join(lines)
    if isinstance(block, Bullets):
        return "\n".join(f"- {escape_inline(item)}" for item in block.items)
    return _table(block)


def _table(table: Table) -> str:
    def row(cells: tuple[str, ...]) -> str:
        return "| " + " | ".join(escape_inline(cell) or " " for cell in cells) + " |"

    lines = [row(table.header), "|" + " --- |" * len(table.header)]
    lines.extend(row(cells) for cells in table.rows)
    return "\n".join(lines)
