"""When a KPI's next check-in is due, from its cadence and the plan's period.

Step 5 of the method gives every KPI a review cadence. A check-in is due one interval
after the last one (or after the period's start when there is none yet); a KPI is
*overdue* once today is past that date. The intervals:

- ``daily`` 1 day, ``weekly`` 7 days, ``biweekly`` 14 days;
- ``monthly`` the same day of the next month, ``quarterly`` the same day three months
  later; a day the month does not have is clamped to its last day (Jan 31 -> Feb 28).
  Each due date counts from the last actual check-in, so a late check-in moves the
  schedule rather than piling up missed dates.

The schedule starts at the period's start: a check-in dated before it (a baseline
measured early) does not make anything due before the period begins.

The period's last day is always a due date too: a check-in on or after it closes the
KPI for the period (it is the value the key result is scored on), so nothing is due
after it. A period given only its end thus still has that one due date for a KPI never
checked in (once a KPI has a check-in its schedule runs from it). Without a cadence,
or without a check-in, a start date and an end date, nothing is due.
"""

from __future__ import annotations

import calendar
import datetime as dt

from model.plan import Cadence

CADENCE_DAYS: dict[Cadence, int] = {"daily": 1, "weekly": 7, "biweekly": 14}
"""Cadences counted in days."""

CADENCE_MONTHS: dict[Cadence, int] = {"monthly": 1, "quarterly": 3}
"""Cadences counted in calendar months (same day, clamped to the month's end)."""


def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` moved by ``months`` calendar months, clamped to the last day of the month."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(day.day, last))


def add_interval(day: dt.date, cadence: Cadence) -> dt.date:
    """The date one ``cadence`` interval after ``day``."""
    if cadence in CADENCE_DAYS:
        return day + dt.timedelta(days=CADENCE_DAYS[cadence])
    return add_months(day, CADENCE_MONTHS[cadence])


def next_due_date(
    cadence: Cadence | None,
    last_checkin: dt.date | None,
    start: dt.date | None,
    end: dt.date | None,
) -> dt.date | None:
    """When the next check-in is due, or ``None`` when none is (see the module's rules)."""
    if cadence is None:
        return None
    if end is not None and last_checkin is not None and last_checkin >= end:
        return None  # the closing value is in
    anchors = [day for day in (last_checkin, start) if day is not None]
    if not anchors:
        return end  # only the closing value can be due: on the period's last day
    anchor = max(anchors)
    try:
        due = add_interval(anchor, cadence)
    except (OverflowError, ValueError):  # past year 9999: the calendar's last day
        due = dt.date.max
    return min(due, end) if end is not None else due


def days_overdue(next_due: dt.date | None, today: dt.date) -> int:
    """Days ``today`` is past ``next_due`` (0 when it is not, or nothing is due)."""
    if next_due is None or today <= next_due:
        return 0
    return (today - next_due).days
