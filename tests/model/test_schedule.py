"""Check-in schedules: cadence intervals, month-end clamping, the next due date, overdue."""

from __future__ import annotations

import datetime as dt

import pytest

from model.plan import CADENCES
from model.schedule import add_interval, add_months, days_overdue, next_due_date

D = dt.date


@pytest.mark.parametrize(
    ("cadence", "day", "expected"),
    [
        ("daily", D(2026, 1, 31), D(2026, 2, 1)),
        ("weekly", D(2026, 1, 28), D(2026, 2, 4)),
        ("biweekly", D(2026, 12, 25), D(2027, 1, 8)),
        ("monthly", D(2026, 1, 15), D(2026, 2, 15)),
        ("monthly", D(2026, 1, 31), D(2026, 2, 28)),  # clamped to the month's end
        ("monthly", D(2028, 1, 31), D(2028, 2, 29)),  # leap year
        ("monthly", D(2026, 3, 31), D(2026, 4, 30)),
        ("monthly", D(2026, 12, 31), D(2027, 1, 31)),
        ("quarterly", D(2026, 1, 1), D(2026, 4, 1)),
        ("quarterly", D(2025, 11, 30), D(2026, 2, 28)),
        ("quarterly", D(2026, 8, 31), D(2026, 11, 30)),
    ],
)
def test_each_cadence_interval(cadence, day, expected):
    assert add_interval(day, cadence) == expected


def test_every_cadence_has_an_interval():
    for cadence in CADENCES:
        assert add_interval(D(2026, 1, 1), cadence) > D(2026, 1, 1)


def test_add_months_goes_backwards_and_across_years():
    assert add_months(D(2026, 3, 31), -1) == D(2026, 2, 28)
    assert add_months(D(2026, 1, 31), 13) == D(2027, 2, 28)


START, END = D(2026, 1, 1), D(2026, 3, 31)


@pytest.mark.parametrize(
    ("cadence", "last", "due"),
    [
        ("daily", None, D(2026, 1, 2)),  # from the period's start without a check-in
        ("weekly", None, D(2026, 1, 8)),
        ("biweekly", None, D(2026, 1, 15)),
        ("monthly", None, D(2026, 2, 1)),
        ("quarterly", None, D(2026, 3, 31)),  # capped at the period's end
        ("weekly", D(2026, 2, 3), D(2026, 2, 10)),
        ("monthly", D(2026, 1, 31), D(2026, 2, 28)),
        ("monthly", D(2026, 3, 10), D(2026, 3, 31)),  # the closing check-in
        ("weekly", D(2025, 12, 20), D(2026, 1, 8)),  # a pre-period check-in counts from start
    ],
)
def test_next_due_date(cadence, last, due):
    assert next_due_date(cadence, last, START, END) == due


def test_nothing_is_due_after_the_closing_check_in_or_without_a_cadence_or_anchor():
    assert next_due_date("weekly", END, START, END) is None
    assert next_due_date("weekly", D(2026, 4, 3), START, END) is None
    assert next_due_date(None, D(2026, 2, 1), START, END) is None
    assert next_due_date("weekly", None, None, None) is None


def test_without_a_period_the_schedule_runs_from_the_last_check_in_uncapped():
    assert next_due_date("quarterly", D(2026, 11, 30), None, None) == D(2027, 2, 28)


def test_without_a_start_the_schedule_runs_from_the_last_check_in_up_to_the_end():
    assert next_due_date("weekly", D(2026, 2, 3), None, END) == D(2026, 2, 10)
    assert next_due_date("monthly", D(2026, 3, 10), None, END) == END
    assert next_due_date("weekly", None, None, END) == END, "the closing value, at least"
    assert next_due_date("weekly", END, None, END) is None
    assert next_due_date(None, None, None, END) is None


@pytest.mark.parametrize(
    ("cadence", "last", "on_time", "late"),
    [
        ("daily", D(2026, 2, 1), D(2026, 2, 2), D(2026, 2, 3)),
        ("weekly", D(2026, 2, 1), D(2026, 2, 8), D(2026, 2, 9)),
        ("biweekly", D(2026, 2, 1), D(2026, 2, 15), D(2026, 2, 16)),
        ("monthly", D(2026, 1, 31), D(2026, 2, 28), D(2026, 3, 1)),
        ("quarterly", D(2025, 11, 30), D(2026, 2, 28), D(2026, 3, 1)),
    ],
)
def test_overdue_only_once_today_is_past_the_due_date(cadence, last, on_time, late):
    due = next_due_date(cadence, last, None, None)
    assert days_overdue(due, on_time) == 0
    assert days_overdue(due, late) == 1
    assert days_overdue(None, late) == 0


def test_a_due_date_past_the_calendars_end_is_its_last_day():
    last = dt.date(9999, 12, 28)
    assert next_due_date("weekly", None, last, None) == dt.date.max
    assert next_due_date("quarterly", last, None, dt.date(9999, 12, 30)) == dt.date(9999, 12, 30)
