"""Showing another KPI or a new reading of an item repaints the fields that changed; the
screen is laid out again only when something's size changes (a layout places every
widget again: on a large plan, most of a keystroke's time)."""

from __future__ import annotations

from textual.screen import Screen

from model.store import load_plan
from tests.tui.helpers import screen_text, type_text
from tui.app import make_app


def count_layouts(monkeypatch) -> list[int]:
    layouts: list[int] = []
    original = Screen._refresh_layout

    def counted(self, *args, **kwargs):
        layouts.append(1)
        return original(self, *args, **kwargs)

    monkeypatch.setattr(Screen, "_refresh_layout", counted)
    return layouts


async def test_moving_through_the_kpi_list_shows_each_kpi_without_a_layout(
    example_copy, monkeypatch
):
    path = example_copy()
    app = make_app(load_plan(path), path)
    async with app.run_test(size=(100, 30)) as pilot:
        await app.wizard.go_to_step("kpis")
        await pilot.pause()
        app.query_one("#kpi-list-kpis").focus()
        await pilot.press("down", "down", "down")  # to the CAC, which counts money
        await pilot.pause()
        assert "Currency" in str(app.query_one("#kpi-unit").query_one("#label").render())
        layouts = count_layouts(monkeypatch)
        await pilot.press("down")  # to the LTV to CAC ratio: another unit and direction
        await pilot.pause()
        assert app.query_one("#kpi-name").value == "LTV to CAC ratio"
        assert "Ratio" in str(app.query_one("#kpi-unit").query_one("#label").render())
        text = screen_text(pilot)
        assert "Ratio (x)" in text and "Higher is better" in text  # CAC's: lower
        assert layouts == [], "the unit and direction were shown by laying the screen out"


async def test_an_item_reading_is_repainted_and_laid_out_only_when_its_lines_change(
    example_copy, monkeypatch
):
    path = example_copy()
    app = make_app(load_plan(path), path)
    async with app.run_test(size=(100, 30)) as pilot:
        app.query_one("#item-list").focus()
        await pilot.press("a")
        await type_text(pilot, "Refactor the payment module")
        await pilot.pause()
        reasons = app.query_one("#item-reasons")
        before = reasons.size.height
        assert before >= 1 and "starts with the action verb" in screen_text(pilot)
        layouts = count_layouts(monkeypatch)
        await type_text(pilot, "s")  # the same reasons: a repaint
        await pilot.pause()
        assert layouts == []
        await type_text(pilot, " to cut checkout errors from 4% to 1% by March")
        await pilot.pause()
        assert layouts, "the reading changed its number of lines: the screen is laid out"
        assert reasons.size.height > before
        text = screen_text(pilot)
        assert "moves a number from a baseline to a" in text and "from 4% to 1%" in text
        layouts.clear()
        await pilot.press("ctrl+u")  # no text, no reading: the lines go
        await pilot.pause()
        assert layouts and "from 4% to 1%" not in screen_text(pilot)
