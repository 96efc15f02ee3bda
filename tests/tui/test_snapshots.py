"""How each step looks at 80x24 and 120x40, in English and in Chinese.

Update after an intended change with ``pytest tests/tui/test_snapshots.py --snapshot-update``
and look at the SVG files in ``__snapshots__`` before committing them.
"""

from __future__ import annotations

import datetime as dt

import pytest
from textual.pilot import Pilot
from textual.widgets import Input

from model.i18n import set_language
from model.plan import Plan
from model.steps import STEPS
from model.store import load_plan
from tests.conftest import PLANS
from tui.app import make_app

SIZES = [(80, 24), (120, 40)]
TODAY = dt.date(2026, 2, 15)
"""The day the method checks run as of (their marks must not follow the clock)."""


def at_step(number: int):
    """A ``run_before`` that goes to step ``number`` and stops the cursor blinking."""

    async def run_before(pilot: Pilot) -> None:
        await pilot.app.workers.wait_for_complete()  # the checks mark the steps
        await pilot.pause()
        await pilot.app.workers.wait_for_complete()  # the classifier, loaded after paint
        await pilot.pause()
        await pilot.press(f"alt+{number}")
        await pilot.pause()
        for field in pilot.app.screen.query(Input):
            field.cursor_blink = False
        await pilot.pause()
        assert pilot.app.wizard.current == STEPS[number - 1]

    return run_before


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("number", range(1, len(STEPS) + 1), ids=lambda n: STEPS[n - 1])
def test_each_step_of_an_example_plan(snap_compare, number, size):
    app = make_app(load_plan(PLANS / "saas-growth.toml"), "saas-growth.toml", today=TODAY)
    assert snap_compare(app, terminal_size=size, run_before=at_step(number))


@pytest.mark.parametrize(
    ("number", "size"),
    [*((number, (80, 24)) for number in range(1, len(STEPS) + 1)), (1, (120, 40)), (3, (120, 40))],
    ids=lambda v: STEPS[v - 1] if isinstance(v, int) else f"{v[0]}x{v[1]}",
)
def test_the_chinese_plan_in_chinese(snap_compare, number, size):
    set_language("zh-TW")
    app = make_app(
        load_plan(PLANS / "content-leads.zh-TW.toml"), "content-leads.zh-TW.toml", today=TODAY
    )
    assert snap_compare(app, terminal_size=size, run_before=at_step(number))


def test_a_new_plan(snap_compare):
    app = make_app(Plan(), "new-plan.toml", is_new=True, today=TODAY)
    assert snap_compare(app, terminal_size=(80, 24), run_before=at_step(1))


def test_an_english_plan_after_switching_to_chinese_in_the_palette(snap_compare):
    """The switch re-translates what is on screen: the step list, pane, Footer, notice."""
    app = make_app(load_plan(PLANS / "saas-growth.toml"), "saas-growth.toml")

    async def run_before(pilot: Pilot) -> None:
        await at_step(3)(pilot)
        await app.switch_language("zh-TW")
        await pilot.pause()
        for field in pilot.app.screen.query(Input):
            field.cursor_blink = False
        await pilot.pause()

    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)


def test_a_question_names_its_own_keys_in_the_footer(snap_compare):
    """The delete question over step 3: its Footer says esc keeps and y deletes, not the
    planner's keys, which do nothing while it is open."""
    app = make_app(load_plan(PLANS / "saas-growth.toml"), "saas-growth.toml", today=TODAY)

    async def run_before(pilot: Pilot) -> None:
        await at_step(3)(pilot)
        await pilot.press("escape", "d")
        await pilot.pause()

    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)
