"""``okr catalog [--json] [QUERY...]``: list the KPI catalog or search it.

Prints a table (id, name in the current language, unit, formula) aligned for Chinese
text; when the table is wider than the terminal (or ``COLUMNS``), each formula moves to
indented lines under its row. Output to a pipe or file is never wrapped. ``--json``
prints one JSON array of the matching entries with both languages and the formula's
inputs, for scripts. Exit status 0, or 1 when nothing matches the query.
"""

from __future__ import annotations

import argparse
import textwrap

from model.i18n import t
from model.safetext import json_text, shown
from tui.commands._common import print_error

NAME = "catalog"
HELP = "catalog.help"
NO_MATCH = 1
"""Exit status when nothing matches: an answer, not a failure (2 is for wrong arguments),
as with grep; the same with ``--json``, whose answer is then ``[]``."""


def configure(parser: argparse.ArgumentParser) -> None:
    """Add the ``catalog`` arguments."""
    parser.add_argument("--json", action="store_true", help=t("catalog.json_help"))
    parser.add_argument(
        "query", nargs="*", metavar=t("cli.metavar_query"), help=t("catalog.query_help")
    )


def run(args: argparse.Namespace) -> int:
    """Print the entries matching the query (all of them without one), best match first."""
    from model.catalog import search  # loads the catalog data only when asked
    from tui.commands._table import print_lines

    query = " ".join(args.query)
    entries = search(query)
    if args.json:
        data = [entry.model_dump(mode="json", by_alias=True) for entry in entries]
        print_lines([json_text(data)])
        return 0 if entries else NO_MATCH
    if not entries:
        print_error(t("catalog.no_match", query=shown(query)))
        return NO_MATCH
    print_lines(_table_lines(entries))
    return 0


def _table_lines(entries: list) -> list[str]:
    from model.textwidth import display_width
    from model.units import unit_label
    from tui.commands._table import output_width, render_table

    header = [t("catalog.column_id"), t("catalog.column_name"), t("catalog.column_unit")]
    rows = [[entry.id, entry.name.get(), unit_label(entry.unit)] for entry in entries]
    wide = render_table(
        [[*header, t("catalog.column_formula")]]
        + [[*row, entry.formula] for row, entry in zip(rows, entries, strict=True)]
    )
    width = output_width()
    if width is None or max(map(display_width, wide)) <= width:
        return wide
    narrow = render_table([header, *rows])
    lines = [narrow[0]]
    for line, entry in zip(narrow[1:], entries, strict=True):
        lines.append(line)
        lines += textwrap.wrap(
            entry.formula,
            width=max(width, 40),
            initial_indent="    ",
            subsequent_indent="      ",
            break_long_words=False,
            break_on_hyphens=False,
        )
    return lines
