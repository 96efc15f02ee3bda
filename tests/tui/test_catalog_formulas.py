"""Issue 5 in the app: the KPI catalog picker (Core KPIs) and live formulas (Formulas)."""

from __future__ import annotations

import re

import pytest
from textual.widgets import Static

from model.i18n import set_language
from model.plan import Input, Kpi, Plan
from model.store import load_plan
from model.textwidth import display_width
from tests.tui.helpers import focused_id, screen_text, type_text
from tui.app import make_app
from tui.screens.catalog_picker import CatalogPicker
from tui.screens.formula_feedback import InputsDialog


async def test_the_catalog_picker_finds_a_kpi_in_english_and_fills_and_declares_it(tmp_path):
    path = tmp_path / "p.toml"
    plan = Plan(kpis=[Kpi(id="revenue", name="Revenue")], inputs={"orders": Input(source="Shop")})
    app = make_app(plan, path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("alt+3", "escape", "c")
        await pilot.pause()
        assert isinstance(app.screen, CatalogPicker)
        assert focused_id(pilot) == "catalog-search"
        await type_text(pilot, "checkout")
        await pilot.pause()
        text = screen_text(pilot)
        assert re.search("Checkout conversion rate +結帳轉換率", text)
        assert "= orders / effective_visitors" in text  # the highlighted one's formula
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.screen, CatalogPicker)
        kpi = app.plan.kpis[1]
        assert (kpi.id, kpi.name, kpi.formula) == (
            "checkout_conversion",
            "Checkout conversion rate",
            "orders / effective_visitors",
        )
        assert (kpi.unit, kpi.direction, kpi.indicator, kpi.funnel_stage) == (
            "percent",
            "increase",
            "leading",
            "conversion",
        )
        assert "Checkout conversion rate" in screen_text(pilot)
        declared = list(app._notifications)[-1].message
        assert "declared the inputs effective_visitors;" in declared  # orders existed
        await pilot.press("ctrl+s")
        await pilot.pause()
    saved = load_plan(path)
    assert saved.kpis[1].formula == "orders / effective_visitors"
    assert saved.inputs["orders"].source == "Shop"  # a declared input is left as it was
    assert saved.inputs["effective_visitors"].unit == "count"  # a new one is declared


async def test_a_catalog_kpi_the_plan_has_already_is_added_again_with_a_warning(tmp_path):
    app = make_app(Plan(kpis=[Kpi(id="cac", name="CAC")]), tmp_path / "p.toml")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("alt+3", "escape", "c")
        await pilot.pause()
        await type_text(pilot, "customer acquisition cost")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert [kpi.id for kpi in app.plan.kpis] == ["cac", "cac_2"]
        messages = [n.message for n in app._notifications]
        assert "The plan already has cac: this one was added as cac_2 (d deletes it)" in messages


async def test_the_catalog_picker_searches_in_chinese_with_arrow_keys(tmp_path):
    path = tmp_path / "p.toml"
    set_language("zh-TW")
    try:
        app = make_app(Plan(language="zh-TW"), path)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("alt+3", "c")
            await pilot.pause()
            await type_text(pilot, "結帳")
            await pilot.pause()
            text = screen_text(pilot)
            assert re.search("結帳轉換率 +Checkout conversion rate", text)
            assert "到達結帳頁比例" in text
            await pilot.press("down", "enter")  # the second match
            await pilot.pause()
            assert [k.id for k in app.plan.kpis] == ["checkout_reach_rate"]
            assert app.plan.kpis[0].name == "到達結帳頁比例"
            assert set(app.plan.inputs) == {"checkout_sessions", "sessions"}
            await pilot.press("ctrl+s")
            await pilot.pause()
    finally:
        set_language("en")
    saved = load_plan(path)
    assert saved.kpis[0].formula == "checkout_sessions / sessions"
    assert set(saved.inputs) == {"checkout_sessions", "sessions"}


async def test_a_plan_written_in_chinese_gets_chinese_names_from_an_english_planner(tmp_path):
    """The planner speaks English (a server's locale), the plan sets no language, but
    its objective is written in Chinese: a KPI from the catalog comes in Chinese."""
    path = tmp_path / "p.toml"
    app = make_app(Plan(), path, is_new=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await type_text(pilot, "拓展東南亞市場,讓營收翻倍")
        await pilot.press("alt+3", "c")
        await pilot.pause()
        await type_text(pilot, "營收")
        await pilot.pause()
        text = screen_text(pilot)
        assert re.search("Revenue +營收", text), "the picker itself stays in English"
        await pilot.press("enter")
        await pilot.pause()
        assert [(k.id, k.name) for k in app.plan.kpis] == [("revenue", "營收")]
        assert "營收" in screen_text(pilot)
        await pilot.press("ctrl+s")
        await pilot.pause()
    saved = load_plan(path)
    assert saved.kpis[0].name == "營收" and saved.language is None


@pytest.mark.parametrize(("size", "language"), [((80, 24), "en"), ((120, 40), "zh-TW")])
async def test_the_catalog_picker_lists_names_and_areas_in_columns(tmp_path, size, language):
    set_language(language)
    try:
        app = make_app(Plan(), tmp_path / "p.toml")
        async with app.run_test(size=size) as pilot:
            await pilot.press("alt+3", "c")
            await pilot.pause()
            lines = [  # a row of the list, without its scrollbar
                line.split("▊", 1)[1].rsplit("▎", 1)[0].rstrip(" ▁▂▃▄▅▆▇█")
                for line in screen_text(pilot).splitlines()
                if "▊" in line and any(area in line for area in ("Marketing", "行銷", "業務"))
            ]
    finally:
        set_language("en")
    assert len(lines) >= 5
    # each column starts in the same terminal cell on every row (Chinese takes two)
    starts = {
        tuple(display_width(line[: gap.end()]) for gap in re.finditer(r"\S {2,}(?=\S)", line))
        for line in lines
    }
    assert len(starts) == 1, lines
    assert len(next(iter(starts))) == 2, "three columns: name, the other name, the area"
    # and every row fits the list: the area is not cut off
    assert all(line.endswith(("Marketing", "行銷", "業務", "Sales")) for line in lines), lines


async def test_escape_closes_the_catalog_picker_without_adding_anything(tmp_path):
    app = make_app(Plan(), tmp_path / "p.toml")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("alt+3", "c")
        await pilot.pause()
        await type_text(pilot, "zzzz")
        await pilot.pause()
        assert "No KPI in the catalog matches" in screen_text(pilot)
        await pilot.press("enter", "escape")
        await pilot.pause()
        assert not isinstance(app.screen, CatalogPicker)
        assert app.plan.kpis == []
        assert not app.dirty


def shown(app, selector: str) -> str:
    """The plain text a Static shows, unwrapped."""
    return str(app.query_one(selector, Static).content)


def _formula_plan() -> Plan:
    return Plan(
        kpis=[Kpi(id="conv", name="Conversion", unit="percent", formula="")],
        inputs={"orders": Input(source="Shopify export", unit="count")},
    )


async def test_a_formula_with_a_syntax_error_shows_a_caret_at_its_position(tmp_path):
    app = make_app(_formula_plan(), tmp_path / "p.toml")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("alt+4", "tab")
        assert focused_id(pilot) == "kpi-formula"
        await type_text(pilot, "orders / / visitors")
        lines = screen_text(pilot).splitlines()
        field = next(line for line in lines if "orders / / visitors" in line)
        caret = lines[lines.index(field) + 1]
        assert caret.count("^") == 1
        assert caret.index("^") == field.index("orders") + len("orders / ")  # under the 2nd /
        assert "(at character 10)" in screen_text(pilot)
        assert app.query_one("#row-kpi-formula").has_error
        assert app.plan.kpis[0].formula == "orders / / visitors"  # kept as typed
        await pilot.press("escape", "i")  # the inputs come from the formula: it says so
        await pilot.pause()
        assert not isinstance(app.screen, InputsDialog)
        assert [n.message for n in app._notifications][-1].startswith(
            "The inputs are read from the formula: fix its error first"
        )


async def test_the_caret_follows_a_long_formula_as_the_field_scrolls(tmp_path):
    app = make_app(_formula_plan(), tmp_path / "p.toml")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("alt+4", "tab")
        formula = "orders / visitors * (2 + 3) - orders / visitors * (2 +* 3)"
        await type_text(pilot, formula)  # longer than the field: it scrolls to the cursor
        lines = screen_text(pilot).splitlines()
        field = next(line for line in lines if "(2 +* 3)" in line)
        caret = lines[lines.index(field) + 1]
        assert caret.count("^") == 1 and field[caret.index("^")] == "*"
        await pilot.press("tab")  # leaving it shows its start: the error is out of view
        await pilot.pause()
        lines = screen_text(pilot).splitlines()
        field = next(line for line in lines if "Formula  " in line)
        assert "orders / visitors * (2 + 3)" in field
        assert "^" not in lines[lines.index(field) + 1], "no caret under other text"
        assert f"(at character {formula.index('+*') + 2})" in screen_text(pilot)


async def test_no_caret_points_at_an_error_scrolled_out_to_the_left(tmp_path):
    """An unclosed '(' at the start of a long formula, typed to its end: the field shows
    the end, and the caret stood at the field's first column, under another character."""
    app = make_app(_formula_plan(), tmp_path / "p.toml")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("alt+4", "tab")
        formula = "(orders + visitors - orders / visitors * visitors / orders + orders"
        await type_text(pilot, formula)
        lines = screen_text(pilot).splitlines()
        field = next(line for line in lines if "Formula  " in line)
        assert "(orders" not in field  # scrolled: the '(' is out of view
        assert "^" not in lines[lines.index(field) + 1], "no caret under another character"
        assert "this '(' is never closed" in screen_text(pilot)


async def test_a_formula_that_always_divides_by_zero_is_an_error_as_okr_check_says(tmp_path):
    from model.checks import run_checks

    app = make_app(_formula_plan(), tmp_path / "p.toml")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("alt+4", "tab")
        await type_text(pilot, "orders / (2 - 2)")
        lines = screen_text(pilot).splitlines()
        field = next(line for line in lines if "orders / (2 - 2)" in line)
        caret = lines[lines.index(field) + 1]
        assert caret.count("^") == len("(2 - 2)")
        assert caret.index("^") == field.index("(2 - 2)")  # under the divisor
        note = shown(app, "#row-kpi-formula .field-note")
        assert note.endswith(
            "cannot divide by zero: (2 - 2) is always 0, so the formula can never be computed"
            " (at character 10)"
        )
        assert app.query_one("#row-kpi-formula").has_error
        report = run_checks(app.plan, app.today())
        (finding,) = [f for f in report.findings if f.check == "kpi.formula_zero_divisor"]
        assert note.endswith(finding.message)  # the same words as okr check and Review


async def test_a_formula_lists_its_inputs_and_previews_with_values_to_try(tmp_path):
    path = tmp_path / "p.toml"
    app = make_app(_formula_plan(), path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("alt+4", "tab")
        await type_text(pilot, "orders / visitors")
        inputs, note = shown(app, "#formula-inputs"), shown(app, "#row-kpi-formula .field-note")
        assert "orders: (what it counts?) · Shopify export · Count" in inputs
        assert "visitors: not declared yet" in inputs
        assert "To preview, give values to try for orders and visitors" in note
        assert "Inputs (i on the list" in screen_text(pilot)
        await pilot.press("escape", "i")
        await pilot.pause()
        assert isinstance(app.screen, InputsDialog)
        await pilot.press("tab", "tab", "tab")  # orders: what it counts, source, unit
        await pilot.press("tab")
        assert focused_id(pilot) == "input-try"
        await type_text(pilot, "150")
        await pilot.press("shift+tab", "shift+tab", "shift+tab", "shift+tab", "down")
        assert focused_id(pilot) == "inputs-options"
        await pilot.press("tab")
        await type_text(pilot, "unique visitors")
        await pilot.press("tab")
        await type_text(pilot, "GA4")
        await pilot.press("tab", "tab")
        await type_text(pilot, "10,000")
        await pilot.press("escape")
        await pilot.pause()
        note = shown(app, "#row-kpi-formula .field-note")
        assert note == "with orders = 150 and visitors = 10,000: 1.5%"
        assert "with orders = 150 and visitors =" in screen_text(pilot)
        assert "visitors: unique visitors · GA4 · no unit" in shown(app, "#formula-inputs")
        await pilot.press("ctrl+s")
        await pilot.pause()
    saved = load_plan(path)
    assert saved.kpis[0].formula == "orders / visitors"
    assert (saved.inputs["visitors"].description, saved.inputs["visitors"].source) == (
        "unique visitors",
        "GA4",
    )


async def test_an_input_not_described_yet_shows_what_to_write_in_its_fields(tmp_path):
    # A new input (declared by typing a formula) showed two blank fields, "What it counts"
    # and "Data source", where every other field says what goes in it.
    app = make_app(_formula_plan(), tmp_path / "p.toml")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("alt+4", "tab")
        await type_text(pilot, "orders / visitors")
        await pilot.press("escape", "i")
        await pilot.pause()
        assert isinstance(app.screen, InputsDialog)
        await pilot.press("down")
        await pilot.pause()
        text = screen_text(pilot)
        assert "What it counts what is counted and what is not" in text
        assert "Data source    e.g. Billing DB, daily export" in text


async def test_undo_in_an_inputs_field_never_brings_back_another_inputs_text(tmp_path):
    # The inputs dialog loads each input's text into the same fields: their undo history
    # ran on across inputs, so ctrl+z on one input wrote the previous input's text into it.
    path = tmp_path / "p.toml"
    plan = _formula_plan()
    plan.kpis[0].formula = "orders / visitors"
    app = make_app(plan, path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("alt+4", "escape", "i")
        await pilot.pause()
        assert isinstance(app.screen, InputsDialog)
        await pilot.press("tab", "tab")  # orders: its source
        assert focused_id(pilot) == "input-source"
        await pilot.press("end")
        await type_text(pilot, " daily")
        await pilot.press("shift+tab", "shift+tab", "down", "tab", "tab")  # visitors' source
        assert focused_id(pilot) == "input-source"
        await type_text(pilot, "GA4")
        await pilot.press("ctrl+z", "ctrl+z", "ctrl+z")  # one more than visitors' typing
        await pilot.press("escape")
        await pilot.pause()
    assert "visitors" not in plan.inputs or plan.inputs["visitors"].source == ""
    assert plan.inputs["orders"].source == "Shopify export daily"
