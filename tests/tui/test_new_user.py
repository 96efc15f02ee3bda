"""What a new user runs into in a live planning session: the KPI form without a KPI."""

from __future__ import annotations

from model.plan import Kpi, Plan
from model.store import load_plan
from tests.tui.helpers import screen_text
from tui.app import make_app


async def test_deleting_the_last_kpi_empties_the_form_on_every_kpi_step(tmp_path):
    path = tmp_path / "plan.toml"
    kpi = Kpi(
        id="cac",
        name="Customer acquisition cost",
        formula="spend / customers",
        unit="currency",
        data_source="Ads console",
        owner="Growth team",
        baseline=780,
        on_breach="Pause the worst campaign",
    )
    app = make_app(Plan(kpis=[kpi]), path, is_new=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("alt+5", "alt+4", "alt+3", "escape", "d", "y")
        await pilot.pause()
        assert app.plan.kpis == []
        for step in ("alt+3", "alt+4", "alt+5"):
            await pilot.press(step)
            await pilot.pause()
            text = screen_text(pilot)
            for shown in ("Customer acquisition", "Growth team", "spend", "Ads console", "$780"):
                assert shown not in text, (step, shown)
        assert app.query_one("#kpi-id").value == ""  # blank, as in a new plan
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert load_plan(path).kpis == []


async def test_typing_a_letter_on_a_drop_down_never_picks_the_blank_choice(tmp_path):
    # "c" matched the blank option's label, "Choose…", and emptied the unit.
    app = make_app(Plan(), tmp_path / "plan.toml", is_new=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("alt+2", "tab", "tab", "c", "enter")
        await pilot.pause()
        assert app.plan.north_star.unit == "currency"
        await pilot.press("c", "o", "enter")
        await pilot.pause()
        assert app.plan.north_star.unit == "count"
        assert "Count" in screen_text(pilot)
