"""The fields of the dialogs and of the check-in date paste and undo as the planner's do.

They were Textual's plain ``Input``: a paste of several lines kept the first line and
dropped the rest without a word, and ctrl+z did nothing. A field of one value (a date, a
file's path) refuses a paste of several lines instead of joining them, and says so.
"""

from __future__ import annotations

import datetime as dt
import re

from textual import events

from model.limits import MAX_TEXT_CHARS
from model.plan import Plan
from model.store import load_plan
from tests.tui.helpers import focused_id, run_command, screen_text, type_text, until
from tui.app import make_app
from tui.screens.catalog_picker import CatalogPicker
from tui.screens.checkin import CheckinScreen
from tui.screens.dialogs import PromptDialog
from tui.screens.next_period import NextPeriodDialog

TODAY = dt.date(2026, 2, 20)
"""Mid-Q1 for saas-growth.toml (as in test_tracking.py)."""


def notices(app) -> list[str]:
    return [str(notice.message) for notice in app._notifications]


async def paste(pilot, text: str) -> None:
    """Paste ``text`` into the focused field, as a terminal's bracketed paste does."""
    pilot.app.focused.post_message(events.Paste(text))
    await pilot.pause()


async def test_the_kpi_name_prompt_joins_pasted_lines_and_undoes(tmp_path):
    path = tmp_path / "plan.toml"
    app = make_app(Plan(), path, is_new=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("alt+3", "escape", "a")
        await pilot.pause()
        assert isinstance(app.screen, PromptDialog)
        await paste(pilot, "Trial to\n  paid rate\n")
        assert app.focused.value == "Trial to paid rate"
        await type_text(pilot, "s")
        await pilot.press("ctrl+z")  # the "s" typed after the paste
        assert "Trial to paid rate " in screen_text(pilot)
        await pilot.press("ctrl+z")  # the paste
        assert app.focused.value == ""
        await pilot.press("ctrl+y")
        await paste(pilot, "x" * MAX_TEXT_CHARS)
        assert notices(app)[-1].startswith("Not pasted: the field would hold 10,018 characters")
        assert app.focused.value == "Trial to paid rate"
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.screen, PromptDialog)
        assert "Trial to paid rate" in screen_text(pilot)
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert [kpi.name for kpi in load_plan(path).kpis] == ["Trial to paid rate"]


async def test_save_as_refuses_a_paste_of_several_lines_and_undoes(example_copy, tmp_path):
    path = example_copy()
    target = tmp_path / "mine.toml"
    app = make_app(load_plan(path), path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await type_text(pilot, " mine")
        await run_command(pilot, "save as")
        assert isinstance(app.screen, PromptDialog)
        await paste(pilot, f"{target}\nnotes.toml")  # no way to join lines makes a path
        assert app.focused.value == str(path), "nothing pasted"
        assert notices(app)[-1].startswith(
            "Not pasted: the text has 2 lines, and this field takes one"
        )
        await pilot.press("ctrl+u")
        await paste(pilot, f"{target}\n")  # a line copied with its line break
        assert app.focused.value == str(target)
        await pilot.press("ctrl+z", "ctrl+z")  # the paste, then ctrl+u
        assert app.focused.value == str(path)
        assert "/saas-growth.toml " in screen_text(pilot)  # its end, the cursor after it
        await pilot.press("ctrl+y", "ctrl+y")
        assert app.focused.value == str(target)
        await pilot.press("enter")
        await until(lambda: app.path == target, "the plan saved as mine.toml")
    assert load_plan(target).objective.statement.endswith(" mine")
    assert not load_plan(path).objective.statement.endswith(" mine")


async def test_the_catalog_search_joins_pasted_lines_and_filters_again_on_undo(tmp_path):
    path = tmp_path / "plan.toml"
    app = make_app(Plan(), path, is_new=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("alt+3", "escape", "c")
        await pilot.pause()
        assert isinstance(app.screen, CatalogPicker)
        everything = screen_text(pilot)  # the whole catalog, before a search
        await type_text(pilot, "checkout")
        await pilot.pause()
        assert app.screen.entry_ids[0] == "checkout_conversion"
        await pilot.press("ctrl+u")
        await paste(pilot, "average order\nvalue")
        assert app.focused.value == "average order value"
        assert re.search("Average order value +平均訂單價值", screen_text(pilot))
        assert app.screen.entry_ids[0] == "aov"
        await pilot.press("ctrl+z")  # the paste: the list is the empty search's again
        assert app.focused.value == ""
        assert screen_text(pilot) == everything
        await pilot.press("ctrl+z")  # ctrl+u: "checkout" again, and its matches
        assert app.focused.value == "checkout"
        assert "Checkout conversion rate" in screen_text(pilot)
        await pilot.press("ctrl+y")
        await pilot.press("ctrl+y")
        assert app.screen.entry_ids[0] == "aov"
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.screen, CatalogPicker)
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert [kpi.id for kpi in load_plan(path).kpis] == ["aov"]


async def test_next_period_fields_refuse_pasted_lines_and_undo(example_copy, tmp_path):
    path = example_copy()
    target = tmp_path / "q2.toml"
    app = make_app(load_plan(path), path, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await run_command(pilot, "next period")
        dialog = app.screen
        assert isinstance(dialog, NextPeriodDialog)
        suggested = dialog.query_one("#next-path").value
        await paste(pilot, f"{target}\nq3.toml")
        assert app.focused.value == suggested, "nothing pasted"
        assert notices(app)[-1].startswith("Not pasted: the text has 2 lines")
        await pilot.press("ctrl+u")
        await paste(pilot, str(target))
        await pilot.press("tab", "tab")  # the end date
        assert focused_id(pilot) == "next-end"
        await paste(pilot, "2026-06-30\n2026-09-30")
        assert app.focused.value == "2026-06-30"
        await pilot.press("ctrl+u", *"2026-07-15")
        await pilot.press("ctrl+z", "ctrl+z")  # "-15", "-07": a step from each "-" typed
        assert app.focused.value == "2026"
        await pilot.press("ctrl+z", "ctrl+z", "ctrl+z")  # "2026", ctrl+u, then nothing
        assert app.focused.value == "2026-06-30"
        await pilot.press("ctrl+y", "ctrl+y", "ctrl+y", "ctrl+y")
        assert app.focused.value == "2026-07-15"
        assert "2026-07-15" in screen_text(pilot)
        await pilot.press("shift+tab", "shift+tab")
        assert focused_id(pilot) == "next-path"
        await pilot.press("ctrl+z")  # the path pasted
        assert app.focused.value == ""
        await pilot.press("ctrl+y", "enter")
        await until(lambda: app.screen is app.wizard, "the dialog closed")
    new = load_plan(target)
    assert (new.objective.start, new.objective.end) == (dt.date(2026, 4, 1), dt.date(2026, 7, 15))


async def test_the_check_in_date_refuses_pasted_lines_and_undoes(example_copy):
    path = example_copy()
    app = make_app(load_plan(path), path, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+l")
        await pilot.pause()
        assert isinstance(app.screen, CheckinScreen)
        await pilot.press("shift+tab", "shift+tab")  # the value, the list, the date
        assert focused_id(pilot) == "checkin-date"
        await paste(pilot, "2026-02-18\n2026-02-19")
        assert app.focused.value == "2026-02-20", "nothing pasted"
        assert notices(app)[-1].startswith("Not pasted: the text has 2 lines")
        await paste(pilot, "2026-02-18" * 4)
        assert notices(app)[-1] == (
            "Not pasted: the field would hold 50 characters, and it takes 40 at most"
        )
        await pilot.press("ctrl+u")
        await paste(pilot, "2026-02-18\r\n")
        assert app.focused.value == "2026-02-18"
        await pilot.press("ctrl+z")
        assert app.focused.value == ""
        await pilot.press("ctrl+z")
        assert app.focused.value == "2026-02-20"
        await pilot.press("ctrl+y", "ctrl+y")
        date_line = next(line for line in screen_text(pilot).splitlines() if "Date" in line)
        assert "2026-02-18" in date_line
        await pilot.press("enter", *"44%", "enter")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
    recorded = load_plan(path).checkins[-1]
    assert (recorded.kpi, recorded.date, recorded.value) == (
        "trial_activation",
        dt.date(2026, 2, 18),
        0.44,
    )


async def test_the_planners_period_refuses_pasted_lines_as_the_other_dates_do(tmp_path):
    # The planner's date fields joined them: "2026-01-01 2026-03-31" is no date either.
    path = tmp_path / "plan.toml"
    app = make_app(Plan(), path, is_new=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("tab", "tab")  # from the statement, past the KGI
        assert focused_id(pilot) == "objective-start"
        await paste(pilot, "2026-01-01\n2026-03-31")
        assert app.focused.value == "", "nothing pasted"
        assert notices(app)[-1].startswith("Not pasted: the text has 2 lines")
        await paste(pilot, "2026-01-01\n")
        await pilot.press("tab")
        await paste(pilot, "2026-03-31")
        assert re.search("Period +2026-01-01 +– 2026-03-31", screen_text(pilot))
        await pilot.press("ctrl+s")
        await pilot.pause()
    objective = load_plan(path).objective
    assert (objective.start, objective.end) == (dt.date(2026, 1, 1), dt.date(2026, 3, 31))
