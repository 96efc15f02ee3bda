"""``okr export PLAN [--format md|csv|json|html] [-o FILE] [--bom] [--table kpis|checkins]
[--date DAY]``: the plan for people who do not open the app.

Markdown (the default) is for review in a pull request; CSV one row per KPI (or per
check-in with ``--table checkins``) for spreadsheets; JSON for scripts; HTML one
self-contained page to read or print. Every format holds the plan, the method checks'
findings and the latest values, statuses, scores and check-in history as of ``--date``
(default today). The export is in the plan's ``language`` unless ``--lang`` is given.

Output goes to standard output, or with ``-o FILE`` to that file, written atomically.
The plan file itself is refused, and so is a plan another live session has open (even
with ``--force``), and any existing file that is not an earlier export (another plan,
notes, the plan's .bak) unless ``--force`` is given. Exit status
0, or 2 when the plan cannot be read, the output cannot be written or the arguments do
not fit together.
"""

from __future__ import annotations

import argparse

from model.i18n import t
from model.safetext import shown_path
from tui.commands._common import (
    day_asked,
    file_name,
    print_error,
    refused_as_no_file,
    refused_as_open_elsewhere,
    same_file,
)

NAME = "export"
HELP = "export.help"

FORMATS = ("md", "csv", "json", "html")
TABLES = ("kpis", "checkins")


def configure(parser: argparse.ArgumentParser) -> None:
    """Add the ``export`` arguments."""
    parser.add_argument(
        "plan", type=file_name, metavar=t("cli.metavar_plan"), help=t("export.plan_help")
    )
    parser.add_argument("--format", choices=FORMATS, default="md", help=t("export.format_help"))
    parser.add_argument(
        "-o",
        "--output",
        type=file_name,
        metavar=t("cli.metavar_file"),
        help=t("export.output_help"),
    )
    parser.add_argument("--force", action="store_true", help=t("export.force_help"))
    parser.add_argument("--bom", action="store_true", help=t("export.bom_help"))
    parser.add_argument("--table", choices=TABLES, default=None, help=t("export.table_help"))
    parser.add_argument("--date", metavar="YYYY-MM-DD", help=t("export.date_help"))


def run(args: argparse.Namespace) -> int:
    """Render the export and write it where asked."""
    import os
    import sys

    from model.export import render_export
    from model.store import PlanError, load_plan

    if args.format != "csv" and (args.bom or args.table):
        print_error(t("export.bom_csv_only" if args.bom else "export.table_csv_only"))
        return 2
    today = day_asked(args.date)
    if today is None:
        return 2
    if args.output and same_file(args.output, args.plan):
        print_error(t("export.would_overwrite_plan", path=shown_path(args.output)))
        return 2
    if args.output and (refused_as_no_file(args.output) or refused_as_open_elsewhere(args.output)):
        return 2
    if args.output and not args.force and _someone_elses(args.output):
        print_error(t("export.output_exists", path=shown_path(args.output)))
        return 2
    try:
        plan = load_plan(args.plan)
    except PlanError as error:
        print_error(str(error))
        return 2
    text = render_export(
        plan,
        args.format,
        today=today,
        explicit_date=args.date is not None,
        language=getattr(args, "lang", None),
        source=os.path.basename(args.plan),
        table=args.table or "kpis",
        bom=args.bom,
    )
    data = text.encode("utf-8")
    if args.output is None:
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return 0
    from model.atomic import write_bytes_atomic
    from tui.commands._table import print_lines

    try:
        write_bytes_atomic(args.output, data)
    except PlanError as error:
        print_error(str(error))
        return 2
    print_lines([t("export.written", path=args.output)])
    return 0


def _someone_elses(output: str) -> bool:
    """Whether ``output`` is a file (or anything) the planner did not export: another
    plan, notes, the plan's .bak. An earlier export, in any format, is replaced, as the
    app does."""
    import os

    from model.export import is_own_export

    return os.path.lexists(output) and not is_own_export(output)
