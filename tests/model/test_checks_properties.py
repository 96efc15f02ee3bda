"""The checks never fail on a plan that loaded, whatever it holds."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from model.checks import CHECKS, STEPS, run_checks
from model.i18n import set_language
from model.plan import Plan
from tests.strategies import plans


@settings(max_examples=150, deadline=None)
@given(plan=plans, today=st.dates(), explicit=st.booleans())
def test_checks_never_raise_and_every_finding_renders(plan: Plan, today: dt.date, explicit: bool):
    report = run_checks(plan, today, explicit_date=explicit)
    for finding in report.findings + tuple(entry.finding for entry in report.silenced):
        assert finding.check in CHECKS and finding.step in STEPS
        assert finding.path
        for language in ("en", "zh-TW"):
            set_language(language)
            assert finding.message and finding.fix
        set_language("en")
    assert report.has_errors == (report.count("error") > 0)


def test_checks_at_the_end_of_the_calendar():
    from model.plan import Kpi, Objective

    last_days = Objective(start=dt.date(9999, 12, 28), end=dt.date(9999, 12, 31))
    plan = Plan(objective=last_days, kpis=[Kpi(id="a", cadence="quarterly")])
    assert run_checks(plan, dt.date.max, explicit_date=True).has_errors
