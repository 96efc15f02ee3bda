"""Small helpers shared by the command modules: printing errors, loading plans."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from model.safetext import printable as _printable

if TYPE_CHECKING:
    from model.plan import Plan


def printable(text: str) -> str:
    """``text`` with control characters shown as ``\\x1b`` and bidi overrides as ``\\u202e``,
    so a plan can neither drive the terminal nor disguise what it shows."""
    return _printable(text)


def print_error(message: str) -> None:
    """Print one error line on standard error."""
    print(printable(f"okr: {message}"), file=sys.stderr)


def day_asked(date: str | None) -> dt.date | None:
    """The day ``--date`` names (today without it), or ``None`` after printing why the
    date cannot be read."""
    from model.checkins import CheckinError, parse_date

    try:
        return parse_date(date) if date is not None else dt.date.today()
    except CheckinError as error:
        print_error(error.message)
        return None


def load_for_command(path: str | Path) -> Plan | None:
    """The plan at ``path``, or ``None`` after printing why it cannot be read."""
    from model.store import PlanError, load_plan  # pydantic: not on `okr PLAN`'s way to the app

    try:
        return load_plan(path)
    except PlanError as error:
        print_error(str(error))
        return None
