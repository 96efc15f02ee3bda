"""Lists drawn row by row (items, findings) and drop-downs: where the cursor or focus is shows."""

from __future__ import annotations

import datetime as dt

from model.store import load_plan
from tui.app import make_app
from tui.widgets.row_list import RowList


def cursor_backgrounds(row_list: RowList) -> set:
    """The backgrounds of every cell of the cursor's row, as drawn."""
    line = row_list.render_line(row_list.cursor - row_list.scroll_offset.y)
    return {segment.style.bgcolor for segment in line if segment.text}


def row_backgrounds(row_list: RowList, index: int) -> set:
    return {segment.style.bgcolor for segment in row_list.render_line(index) if segment.text}


async def test_the_cursor_covers_the_whole_row_in_the_item_and_finding_lists(example_copy):
    path = example_copy()
    app = make_app(load_plan(path), path, today=dt.date(2026, 2, 15))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.app.workers.wait_for_complete()
        items = app.query_one("#item-list", RowList)
        items.focus()
        await pilot.press("down")
        await pilot.pause()
        cursor = items.get_component_rich_style("row-list--cursor").bgcolor
        # The kind tag ("KR"), the confidence and the linked KPI are coloured parts of
        # the row; on the cursor's row they sit on the cursor's background too.
        assert cursor_backgrounds(items) == {cursor}
        assert cursor not in row_backgrounds(items, 0)  # the row above is not the cursor

        await pilot.press("alt+6")
        await pilot.pause()
        findings = app.wizard.pane("review").finding_list
        assert findings.has_focus and findings.findings[0].severity == "warning"
        cursor = findings.get_component_rich_style("row-list--cursor").bgcolor
        assert cursor_backgrounds(findings) == {cursor}  # "! warning", its step, its message


async def test_a_drop_down_with_the_focus_stands_out_like_a_text_field(example_copy):
    from textual.widgets import Select
    from textual.widgets._select import SelectCurrent

    path = example_copy()
    app = make_app(load_plan(path), path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("alt+2", "tab", "tab")
        unit = app.focused
        assert isinstance(unit, Select)
        focused = unit.query_one(SelectCurrent).styles.background
        await pilot.press("shift+tab")  # back to a text field
        field = app.focused
        blurred = unit.query_one(SelectCurrent).styles.background
        assert focused != blurred
        assert focused == field.styles.background  # the same as a focused text field's


async def test_a_drop_down_given_a_value_before_its_menu_is_mounted_does_not_fail():
    """The editor is built while the plan opens: a value can be set on a drop-down whose
    menu (Textual's SelectOverlay) is not mounted yet. Once a flaky NoMatches crash."""
    from textual.app import App
    from textual.widgets._select import SelectOverlay

    from tui.widgets.form import choice

    class One(App):
        def compose(self):
            yield choice([("Weekly", "weekly"), ("Monthly", "monthly")], id="c", prompt="…")

    app = One()
    async with app.run_test() as pilot:
        select = app.query_one("#c")
        await select.query_one(SelectOverlay).remove()  # as if not mounted yet
        select.value = "monthly"
        await pilot.pause()
        assert select.value == "monthly"  # kept, for when the menu is there
