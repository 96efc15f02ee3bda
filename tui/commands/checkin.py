"""``okr checkin PLAN --kpi ID --value V``: record a KPI's actual value for a date.

The value is typed in the KPI's unit (``12%``, ``1,200``, ``$600``), or given as the
formula's inputs (``--input orders=150 --input visitors=10000``) and computed. The
check-in is appended to the plan file as one ``[[checkins]]`` table; nothing else in the
file changes. Prints one confirmation line with the KPI's new status (and the action to
take when the value crosses the guardrail). Exit status 0 recorded, 2 nothing recorded.
"""

from __future__ import annotations

import argparse
import datetime as dt
from typing import TYPE_CHECKING

from model.i18n import t
from model.safetext import shown, shown_path
from tui.commands._common import file_name, print_error

if TYPE_CHECKING:
    from model.plan import CheckIn, Plan

NAME = "checkin"
HELP = "checkin.help"


def configure(parser: argparse.ArgumentParser) -> None:
    """Add the ``checkin`` arguments."""
    parser.add_argument(
        "plan", type=file_name, metavar=t("cli.metavar_plan"), help=t("checkin.plan_help")
    )
    parser.add_argument("--kpi", required=True, metavar="ID", help=t("checkin.kpi_help"))
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument("--value", metavar=t("cli.metavar_value"), help=t("checkin.value_help"))
    source.add_argument(
        "--input",
        action="append",
        dest="inputs",
        metavar=t("cli.metavar_name_value"),
        help=t("checkin.input_help"),
    )
    parser.add_argument("--date", metavar="YYYY-MM-DD", help=t("checkin.date_help"))
    parser.add_argument("--confidence", metavar="0-10", help=t("checkin.confidence_help"))
    parser.add_argument(
        "--note", default="", metavar=t("cli.metavar_text"), help=t("checkin.note_help")
    )


def run(args: argparse.Namespace) -> int:
    """Build the check-in from the arguments, append it, and confirm with the new status."""
    from model.checkins import CheckinError, record_checkin, recorded_warnings
    from model.store import PlanError, parse_plan, read_plan_text
    from model.writelock import write_turn

    today = dt.date.today()
    try:
        # One turn for reading, building and appending: another okr checkin on this
        # plan waits for it, then reads the file with this check-in in it.
        with write_turn(args.plan):
            text = read_plan_text(args.plan)
            plan = parse_plan(text, args.plan)
            checkin = _checkin_from_args(plan, args, today)
            for warning in recorded_warnings(plan, checkin, today):
                print_error(t("checkin.warning", message=warning))
            record_checkin(args.plan, checkin, original=text, plan=plan)
    except PlanError as error:
        print_error(str(error))
        return 2
    except CheckinError as error:
        print_error(f"{shown_path(args.plan)}: {error.message}")
        return 2
    _confirm(plan, checkin)
    return 0


def _checkin_from_args(plan: Plan, args: argparse.Namespace, today: dt.date) -> CheckIn:
    from model.checkins import (
        CheckinError,
        build_checkin,
        default_day,
        parse_confidence,
        parse_date,
        split_input,
    )

    day = parse_date(args.date) if args.date is not None else default_day(plan.objective, today)
    confidence = parse_confidence(args.confidence) if args.confidence is not None else None
    inputs: dict[str, str] | None = None
    if args.inputs is not None:
        inputs = {}
        for pair in args.inputs:
            name, value = split_input(pair)
            if name in inputs:
                raise CheckinError("checkin.input_twice", name=shown(name))
            inputs[name] = value
    return build_checkin(
        plan,
        args.kpi,
        day=day,
        value=args.value,
        inputs=inputs,
        confidence=confidence,
        note=args.note,
    )


def _confirm(plan: Plan, checkin: CheckIn) -> None:
    """The value just recorded, as of its own date: progress, expected, status, guardrail.

    ``plan`` is the plan as read before the check-in was appended to it."""
    from model.checkins import progress_with
    from model.progress_report import recorded_lines
    from tui.commands._table import print_lines

    print_lines(recorded_lines(plan, checkin, progress_with(plan, checkin)))
