"""Plain-text tables for command output, aligned for wide (Chinese) characters."""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Iterable, Sequence

from model.textwidth import display_width, pad


def output_width() -> int | None:
    """Columns available on standard output: ``COLUMNS``, else the terminal's, else unlimited.

    Output to a pipe or file is never cut or wrapped, so scripts see stable lines.
    """
    columns = os.environ.get("COLUMNS", "")
    if columns.isdigit() and int(columns) > 0:
        return int(columns)
    if sys.stdout.isatty():
        return shutil.get_terminal_size().columns
    return None


def print_lines(lines: Iterable[str]) -> None:
    """Print ``lines`` (control characters neutralised). A failed write (a full disk, a
    reader that left early) is handled once for every command, in :func:`tui.cli.main`."""
    from tui.commands._common import printable

    for line in lines:
        print(printable(line))


def render_table(rows: Sequence[Sequence[str]], gap: int = 2) -> list[str]:
    """``rows`` (the first is the header) as lines with every column aligned."""
    widths = [max(display_width(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = []
    for row in rows:
        cells = [pad(cell, widths[i]) for i, cell in enumerate(row[:-1])]
        lines.append((" " * gap).join([*cells, row[-1]]).rstrip())
    return lines
