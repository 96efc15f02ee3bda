"""``okr check PLAN... [--format text|json] [--verbose] [--date DAY]``: hold plans
against the method, in CI or by hand.

Each finding is one line ``<file>: <step>: <severity>: <field>: <message>``, e.g.
``plan.toml: baselines: error: kpis.cac.target: cac: the target $800 is above the
baseline $780, but lower is better for this KPI``. The step and severity are fixed
English words, so CI scripts can match them in any language; the message follows
``--lang``. ``--verbose`` adds, under each finding, how to fix it and its check id (the
name an ``[[ignore]]`` entry uses). Each plan ends with a summary line, a plan without
findings too, so a CI log shows every plan that was checked. ``--format json`` prints
the same as data.

Exit status: 0 when no finding is an error, 1 when some plan has an error, 2 when some
file could not be read (its reason is one line on stderr; the other files are still
checked). Overdue check-ins are reported only while a plan's period is open, or as of
the day given with ``--date``.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from model.i18n import t
from tui.commands._common import day_asked, file_name, print_error

if TYPE_CHECKING:
    from model.checks import CheckReport

NAME = "check"
HELP = "check.help"

FORMATS = ("text", "json")


def configure(parser: argparse.ArgumentParser) -> None:
    """Add the ``check`` arguments."""
    parser.add_argument(
        "plans",
        nargs="+",
        type=file_name,
        metavar=t("cli.metavar_plan"),
        help=t("check.plans_help"),
    )
    parser.add_argument("--format", choices=FORMATS, default="text", help=t("check.format_help"))
    parser.add_argument("-v", "--verbose", action="store_true", help=t("check.verbose_help"))
    parser.add_argument("--date", metavar="YYYY-MM-DD", help=t("check.date_help"))


def run(args: argparse.Namespace) -> int:
    """Check every plan given; the worst outcome decides the exit status."""

    from model.checks import run_checks
    from model.store import PlanError, load_plan
    from tui.commands._table import print_lines

    today = day_asked(args.date)
    if today is None:
        return 2
    status = 0
    results: list[dict[str, object]] = []
    for path in args.plans:
        try:
            plan = load_plan(path)
        except PlanError as error:
            print_error(str(error))
            results.append({"file": path, "error": str(error)})
            status = 2
            continue
        report = run_checks(plan, today, explicit_date=args.date is not None)
        if report.has_errors:
            status = max(status, 1)
        if args.format == "json":
            results.append({"file": path, **report.to_dict()})
        else:
            print_lines(report_lines(path, report, verbose=args.verbose))
    if args.format == "json":
        from model.safetext import json_text

        _write(json_text({"plans": results}) + "\n")
    return status


def _write(text: str) -> None:
    """Write ``text`` to standard output as UTF-8, as it is (it is already safe to print)."""
    import sys

    sys.stdout.flush()
    sys.stdout.buffer.write(text.encode("utf-8"))
    sys.stdout.buffer.flush()


def report_lines(path: str, report: CheckReport, *, verbose: bool = False) -> list[str]:
    """The text output for one plan: a line per finding, then its summary (``0 errors, 0
    warnings, 0 hints`` for a plan that passes, so a log of ``okr check plans/*.toml``
    names every plan checked). Every line is one line, whatever the plan's text holds."""
    from model.review import can_silence
    from model.safetext import one_line

    lines: list[str] = []
    for finding in report.findings:
        fields = (path, finding.step, finding.severity, finding.path, finding.message)
        lines.append(one_line(": ".join(fields)))
        if verbose:
            lines.append("    " + one_line(t("check.verbose_fix", fix=finding.fix)))
            # the [[ignore]] recipe only for a finding an entry can accept (the Review
            # step's rule); the fix line above says what to do with the others
            key = "check.verbose_id" if can_silence(finding) else "check.verbose_id_no_ignore"
            lines.append("    " + one_line(t(key, check=finding.check, path=finding.path)))
    lines.append(one_line(t("check.summary", file=path, counts=summary_counts(report))))
    return lines


def summary_counts(report: CheckReport) -> str:
    """``2 errors, 1 warning, 0 hints; 1 silenced by [[ignore]]`` in the current language."""

    def counted(count: int, one: str, many: str) -> str:
        return t(one if count == 1 else many, count=count)

    counts = t(
        "check.counts",
        errors=counted(report.count("error"), "check.error_one", "check.errors"),
        warnings=counted(report.count("warning"), "check.warning_one", "check.warnings"),
        hints=counted(report.count("hint"), "check.hint_one", "check.hints"),
    )
    if report.silenced:
        return t("check.counts_silenced", counts=counts, silenced=len(report.silenced))
    return counts
