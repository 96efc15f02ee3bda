"""The next period: derived dates, baselines from the last actuals, what carries over."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from model.periods import (
    PeriodError,
    carried_baselines,
    next_period,
    next_period_dates,
    next_period_path,
)
from model.plan import CheckIn, Item, Kpi, Objective, Plan
from model.store import dumps_plan, load_plan
from tests.conftest import PLANS

D = dt.date


@pytest.mark.parametrize(
    ("old", "given", "new"),
    [
        # whole months keep their number of months
        ((D(2026, 1, 1), D(2026, 3, 31)), (None, None), (D(2026, 4, 1), D(2026, 6, 30))),
        ((D(2026, 10, 1), D(2026, 12, 31)), (None, None), (D(2027, 1, 1), D(2027, 3, 31))),
        ((D(2026, 1, 1), D(2026, 1, 31)), (None, None), (D(2026, 2, 1), D(2026, 2, 28))),
        ((D(2026, 1, 1), D(2026, 6, 30)), (None, None), (D(2026, 7, 1), D(2026, 12, 31))),
        # other periods keep their number of days
        ((D(2026, 1, 5), D(2026, 2, 15)), (None, None), (D(2026, 2, 16), D(2026, 3, 29))),
        ((D(2026, 1, 1), D(2026, 3, 30)), (None, None), (D(2026, 3, 31), D(2026, 6, 27))),
        # given dates win; a missing one is derived
        ((D(2026, 1, 1), D(2026, 3, 31)), (D(2026, 5, 1), None), (D(2026, 5, 1), D(2026, 7, 31))),
        ((D(2026, 1, 1), D(2026, 3, 31)), (None, D(2026, 5, 31)), (D(2026, 4, 1), D(2026, 5, 31))),
        (
            (D(2026, 1, 1), D(2026, 3, 31)),
            (D(2026, 4, 6), D(2026, 7, 3)),
            (D(2026, 4, 6), D(2026, 7, 3)),
        ),
        # without an old period only what is given
        ((None, None), (None, None), (None, None)),
        ((None, None), (D(2026, 4, 1), None), (D(2026, 4, 1), None)),
        ((D(2026, 1, 1), None), (None, None), (None, None)),
    ],
)
def test_next_period_dates(old, given, new):
    assert next_period_dates(Objective(start=old[0], end=old[1]), *given) == new


def test_a_reversed_or_impossible_period_is_refused():
    q1 = Objective(start=D(2026, 1, 1), end=D(2026, 3, 31))
    with pytest.raises(PeriodError, match=r"would end \(2026-03-01\) before it starts"):
        next_period_dates(q1, None, D(2026, 3, 1))
    with pytest.raises(PeriodError, match="outside the calendar"):
        next_period_dates(Objective(start=D(9999, 10, 1), end=D(9999, 12, 31)))


def test_baselines_become_the_last_actuals_and_everything_else_carries_over():
    plan = load_plan(PLANS / "saas-growth.toml")
    plan.items[0].kind, plan.items[0].kind_set_by = "initiative", "user"
    plan.checkins = [
        *plan.checkins,
        CheckIn(kpi="cac", date=D(2026, 3, 31), value=650, note="closing"),
        CheckIn(kpi="cac", date=D(2026, 3, 1), value=690),  # older, recorded later
    ]
    new = next_period(plan)
    assert (new.objective.start, new.objective.end) == (D(2026, 4, 1), D(2026, 6, 30))
    assert new.checkins == []
    latest = {c.kpi: c.value for c in sorted(plan.checkins, key=lambda c: c.date)}
    assert {k.id: k.baseline for k in new.kpis} == {
        "trial_activation": latest["trial_activation"],
        "week1_retention": latest["week1_retention"],
        "trial_to_paid": latest["trial_to_paid"],
        "cac": 650,
        "ltv_to_cac": latest["ltv_to_cac"],
    }
    assert [k.target for k in new.kpis] == [k.target for k in plan.kpis]
    assert new.items == plan.items
    assert (new.items[0].kind, new.items[0].kind_set_by) == ("initiative", "user")
    assert new.inputs == plan.inputs and new.north_star == plan.north_star
    assert new.objective.statement == plan.objective.statement
    assert plan.checkins and plan.objective.end == D(2026, 3, 31), "the old plan is untouched"
    assert dumps_plan(new).count("[[checkins]]") == 0


def test_kpis_without_checkins_keep_their_baseline():
    plan = Plan(
        objective=Objective(start=D(2026, 1, 1), end=D(2026, 3, 31)),
        kpis=[Kpi(id="a", baseline=1), Kpi(id="b", baseline=2), Kpi(id="c")],
        items=[Item(text="KR", kpi="a")],
        checkins=[
            CheckIn(kpi="b", date=D(2026, 2, 1), value=3),
            CheckIn(kpi="x", date=D(2026, 2, 1), value=9),
        ],
    )
    assert [(c.kpi_id, c.old, c.checkin.value) for c in carried_baselines(plan)] == [("b", 2, 3)]
    new = next_period(plan, start=D(2026, 4, 1), end=D(2026, 4, 30))
    assert [k.baseline for k in new.kpis] == [1, 3, None]


@pytest.mark.parametrize(
    ("name", "old", "new", "expected"),
    [
        (
            "2026-q1.toml",
            ("2026-01-01", "2026-03-31"),
            ("2026-04-01", "2026-06-30"),
            "2026-q2.toml",
        ),
        (
            "q4-2026.toml",
            ("2026-10-01", "2026-12-31"),
            ("2027-01-01", "2027-03-31"),
            "q1-2027.toml",
        ),
        (
            "plan-2026.toml",
            ("2026-01-01", "2026-12-31"),
            ("2027-01-01", "2027-12-31"),
            "plan-2027.toml",
        ),
        # A name without a period gets the new one, which the next time moves on.
        (
            "saas-growth.toml",
            ("2026-01-01", "2026-03-31"),
            ("2026-04-01", "2026-06-30"),
            "saas-growth-2026-q2.toml",
        ),
        (
            "saas-growth-2026-q2.toml",
            ("2026-04-01", "2026-06-30"),
            ("2026-07-01", "2026-09-30"),
            "saas-growth-2026-q3.toml",
        ),
        (
            "content-leads.zh-TW.toml",
            ("2026-04-01", "2026-06-12"),  # not a whole quarter: the new one still is
            ("2026-07-01", "2026-09-30"),
            "content-leads.zh-TW-2026-q3.toml",
        ),
        (
            "hiring.toml",
            ("2026-01-01", "2026-12-31"),
            ("2027-01-01", "2027-12-31"),
            "hiring-2027.toml",
        ),
        # A period that is neither a quarter nor a year: no label to give.
        (
            "sprint.toml",
            ("2026-01-01", "2026-01-31"),
            ("2026-02-01", "2026-02-28"),
            "sprint-next.toml",
        ),
        # The name says Q2 but the plan covers Q1: not trusted.
        (
            "2026-q2.toml",
            ("2026-01-01", "2026-03-31"),
            ("2026-04-01", "2026-06-30"),
            "2026-q2-next.toml",
        ),
        # Not whole quarters: the name is left alone.
        (
            "2026-q1.toml",
            ("2026-01-05", "2026-03-31"),
            ("2026-04-01", "2026-06-30"),
            "2026-q1-next.toml",
        ),
    ],
)
def test_the_next_periods_file_name_moves_the_period_on(name, old, new, expected):
    objective = Objective(start=dt.date.fromisoformat(old[0]), end=dt.date.fromisoformat(old[1]))
    start, end = (dt.date.fromisoformat(day) for day in new)
    suggested = next_period_path(Path("plans") / name, objective, start, end)
    assert suggested == Path("plans") / expected
