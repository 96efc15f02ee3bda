"""The step list shows all it explains, down to the tracking keys, on a 60x20 screen."""

from __future__ import annotations

import pytest

from model.i18n import set_language, t
from model.store import load_plan
from tests.tui.helpers import type_text
from tui.app import make_app
from tui.widgets.step_list import StepList

SIZES = [(60, 20), (80, 24), (120, 40)]


def step_list_lines(pilot) -> list[str]:
    """The text of the step list's rows, as the screen shows them."""
    screen = pilot.app.screen
    region = screen.query_one(StepList).region
    rows = screen._compositor.render_strips()[region.y : region.bottom]
    return [row.crop(region.x, region.right).text.strip() for row in rows]  # by cells


@pytest.mark.parametrize("language", ["en", "zh-TW"])
@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
async def test_the_step_list_shows_its_key_hints_down_to_the_tracking_keys(
    example_copy, language, size
):
    set_language(language)
    path = example_copy()
    app = make_app(load_plan(path), path)
    async with app.run_test(size=size) as pilot:
        await type_text(pilot, "!")  # the unsaved marker takes its line too
        await pilot.pause()
        lines = step_list_lines(pilot)
        hints = [*t("tui.steps_keys").splitlines(), *t("tui.steps_tracking_keys").splitlines()]
        for hint in [f"● {t('tui.unsaved')}", *hints]:
            assert hint in lines, (hint, lines)
        if size != (60, 20):  # room to keep the blocks apart
            tracking = lines.index(hints[-2])
            assert lines[tracking - 1] == ""
