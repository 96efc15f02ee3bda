"""How the dashboard and the check-in screen look at 80x24 (and the dashboard at 120x40),
on a fixed day so the pictures never depend on the date they are taken.

Update after an intended change with
``pytest tests/tui/test_tracking_snapshots.py --snapshot-update`` and look at the SVG
files in ``__snapshots__`` before committing them.
"""

from __future__ import annotations

import datetime as dt

import pytest
from textual.pilot import Pilot
from textual.widgets import Input

from model.i18n import set_language
from model.store import load_plan
from tests.conftest import PLANS
from tui.app import make_app

SAAS_DAY = dt.date(2026, 2, 20)
"""Mid-Q1: two KPIs overdue, CAC above its ceiling."""
CONTENT_DAY = dt.date(2026, 4, 20)
"""Three weeks into Q2 for the Chinese plan: its weekly KPIs are overdue."""


def pressing(*keys: str):
    """A ``run_before`` that presses ``keys`` and stops the cursors blinking."""

    async def run_before(pilot: Pilot) -> None:
        await pilot.pause()
        await pilot.press(*keys)
        await pilot.pause()
        for field in pilot.app.screen.query(Input):
            field.cursor_blink = False
        await pilot.pause()

    return run_before


@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_the_dashboard(snap_compare, size):
    app = make_app(load_plan(PLANS / "saas-growth.toml"), "saas-growth.toml", today=SAAS_DAY)
    assert snap_compare(app, terminal_size=size, run_before=pressing("ctrl+t"))


def test_the_check_in_screen_with_a_value_typed(snap_compare):
    app = make_app(load_plan(PLANS / "saas-growth.toml"), "saas-growth.toml", today=SAAS_DAY)
    keys = ("ctrl+l", "4", "4", "%")
    assert snap_compare(app, terminal_size=(80, 24), run_before=pressing(*keys))


def test_the_chinese_dashboard(snap_compare):
    set_language("zh-TW")
    plan = load_plan(PLANS / "content-leads.zh-TW.toml")
    app = make_app(plan, "content-leads.zh-TW.toml", today=CONTENT_DAY)
    assert snap_compare(app, terminal_size=(80, 24), run_before=pressing("ctrl+t"))
