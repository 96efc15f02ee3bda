"""``okr next-period PLAN -o NEW.toml [--start DAY] [--end DAY] [--force]``.

Copies the plan into the next period (rules in :mod:`model.periods`): each KPI's
baseline becomes its last actual, check-ins stay behind, everything else carries over.
Never overwrites an existing file without ``--force``, never the plan itself, and never
a plan another live session has open (a new one it has not saved yet included).
Prints where it wrote, the period, and each baseline that changed. Exit status 0
written, 2 nothing written.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from model.i18n import t
from model.safetext import shown_path
from tui.commands._common import (
    file_name,
    path_exists,
    print_error,
    refused_as_no_file,
    refused_as_open_elsewhere,
    same_file,
)

if TYPE_CHECKING:
    from model.periods import CarriedBaseline
    from model.plan import Kpi, Plan

NAME = "next-period"
HELP = "period.help"


def configure(parser: argparse.ArgumentParser) -> None:
    """Add the ``next-period`` arguments."""
    parser.add_argument(
        "plan", type=file_name, metavar=t("cli.metavar_plan"), help=t("period.plan_help")
    )
    parser.add_argument(
        "-o",
        "--output",
        required=True,
        type=file_name,
        metavar=t("cli.metavar_new_plan"),
        help=t("period.output_help"),
    )
    parser.add_argument("--start", metavar="YYYY-MM-DD", help=t("period.start_help"))
    parser.add_argument("--end", metavar="YYYY-MM-DD", help=t("period.end_help"))
    parser.add_argument("--force", action="store_true", help=t("period.force_help"))


def run(args: argparse.Namespace) -> int:
    """Write the next period's plan and say what changed."""
    from model.checkins import CheckinError, parse_date
    from model.periods import PeriodError, carried_baselines, next_period
    from model.plan_source import read_plan_source
    from model.store import PlanError, plan_from_source, save_plan
    from tui.commands._table import print_lines

    source, output = Path(args.plan), Path(args.output)
    try:
        start = parse_date(args.start) if args.start is not None else None
        end = parse_date(args.end) if args.end is not None else None
    except CheckinError as error:
        print_error(error.message)
        return 2
    try:
        read = read_plan_source(source)  # its text also gives the new file its comments
        plan = plan_from_source(read, source).plan
        output_exists = path_exists(output)
    except PlanError as error:
        print_error(str(error))
        return 2
    if output_exists and same_file(output, source):
        print_error(f"{shown_path(output)}: {t('period.same_file')}")
        return 2
    if refused_as_no_file(output) or refused_as_open_elsewhere(output):
        return 2
    if output_exists and not args.force:
        print_error(t("period.exists", path=shown_path(output)))
        return 2
    try:
        new_plan = next_period(plan, start, end)
        save_plan(new_plan, output, comments_from=read.text)
    except PeriodError as error:
        print_error(f"{shown_path(source)}: {error.message}")
        return 2
    except PlanError as error:
        print_error(str(error))
        return 2
    print_lines(_summary(plan, new_plan, output, carried_baselines(plan)))
    return 0


def _summary(plan: Plan, new_plan: Plan, output: Path, carried: list[CarriedBaseline]) -> list[str]:
    from model.progress_report import NO_VALUE
    from model.units import format_value

    def shown(kpi: Kpi, value: float | None) -> str:
        if value is None:
            return NO_VALUE
        return format_value(value, kpi.unit, currency=plan.currency)

    period = new_plan.objective
    if period.start is not None and period.end is not None:
        lines = [t("period.written", path=output, start=period.start, end=period.end)]
    else:
        lines = [t("period.written_no_period", path=output)]
    by_id = {entry.kpi_id: entry for entry in carried}
    for kpi in plan.kpis:
        entry = by_id.get(kpi.id)
        if entry is None:
            lines.append(t("period.baseline_kept", kpi=kpi.id, old=shown(kpi, kpi.baseline)))
        else:
            lines.append(
                t(
                    "period.baseline_line",
                    kpi=kpi.id,
                    old=shown(kpi, entry.old),
                    new=shown(kpi, entry.checkin.value),
                    date=entry.checkin.date,
                )
            )
    lines.append(t("period.revise_hint"))
    return lines
