"""``okr status PLAN [--date DAY] [--json]``: where each KPI stands, without the app.

A table of each KPI's latest value, progress toward the target, the progress expected
by the day it was measured, its status, guardrail and next check-in; then a line per
crossed guardrail (with its action) and per overdue check-in, the objective's status
and each key result's score. ``--json`` prints the same as data, with the history. The
rules are in docs/tracking.md. Exit status 0, or 2 when the plan cannot be read.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from model.i18n import t
from tui.commands._common import day_asked, file_name, print_error

if TYPE_CHECKING:
    from model.plan import Plan
    from model.progress import PlanProgress

NAME = "status"
HELP = "progress.help"


def configure(parser: argparse.ArgumentParser) -> None:
    """Add the ``status`` arguments."""
    parser.add_argument(
        "plan", type=file_name, metavar=t("cli.metavar_plan"), help=t("progress.plan_help")
    )
    parser.add_argument("--date", metavar="YYYY-MM-DD", help=t("progress.date_help"))
    parser.add_argument("--json", action="store_true", help=t("progress.json_help"))


def run(args: argparse.Namespace) -> int:
    """Print the plan's status as of the day asked (today by default)."""

    from model.progress import plan_progress
    from model.progress_report import progress_data
    from model.safetext import json_text
    from model.store import PlanError, load_plan
    from tui.commands._table import print_lines

    today = day_asked(args.date)
    if today is None:
        return 2
    try:
        plan = load_plan(args.plan)
    except PlanError as error:
        print_error(str(error))
        return 2
    progress = plan_progress(plan, today)
    if args.json:
        print_lines([json_text(progress_data(progress))])
    else:
        print_lines(_report(plan, progress))
    return 0


def _report(plan: Plan, progress: PlanProgress) -> list[str]:
    from model.progress_report import (
        attention_lines,
        format_score,
        format_share,
        missing_dates_key,
        objective_line,
        status_label,
        status_table,
    )
    from tui.commands._table import render_table

    title = plan.title or t("progress.untitled")
    if progress.final:
        heading = t("progress.heading_closed", title=title, end=plan.objective.end)
    elif progress.closed:
        missing = len(progress.closing_missing)
        heading = t("progress.heading_closing", title=title, end=plan.objective.end, count=missing)
    elif progress.expected_today is None:
        objective = plan.objective
        key = missing_dates_key(objective, "status")
        heading = t(key, title=title, date=progress.today, start=objective.start, end=objective.end)
    else:
        heading = t(
            "progress.heading",
            title=title,
            date=progress.today,
            expected=format_share(progress.expected_today),
        )
    lines = [heading, "", *render_table(status_table(progress, plan))]
    attention = attention_lines(progress, plan)
    if attention:
        lines += ["", *attention]
    lines += ["", objective_line(progress)]
    if progress.key_results:
        rows = [
            [format_score(kr.score), status_label(kr.status), " ".join(kr.item.text.split())]
            for kr in progress.key_results
        ]
        lines += [t("progress.key_results"), *("  " + row for row in render_table(rows))]
    return lines
