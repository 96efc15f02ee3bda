"""The app shell opens a plan, shows it, and saves it."""

from __future__ import annotations

from model.store import load_plan
from tests.conftest import PLANS
from tui.app import make_app


async def test_the_app_shows_the_plan_title_and_objective(example_copy):
    path = example_copy("saas-growth.toml")
    app = make_app(load_plan(path), path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.title == "SaaS growth Q1 2026"
        assert "fastest path to value" in str(app.query_one("#objective").render())


async def test_ctrl_s_saves_the_plan(tmp_path):
    path = tmp_path / "new.toml"
    plan = load_plan(PLANS / "ecommerce-revenue.toml")
    app = make_app(plan, path, is_new=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert load_plan(path) == plan
