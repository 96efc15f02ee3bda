"""A value is never cut from its unit where the tracking screens wrap a sentence: the
dashboard's alert lines and the check-in screen's notes and result. Every test fixes the
app's today."""

from __future__ import annotations

import datetime as dt

import pytest

from model.i18n import set_language
from model.store import load_plan
from tests.tui.helpers import screen_text
from tui.app import make_app
from tui.widgets.wrapping import wrap_lines

AFTER_Q2 = dt.date(2026, 12, 7)
"""Long after content-leads.zh-TW.toml's Q2."""

CROSSED_CHECKIN = '\n[[checkins]]\nkpi = "cost_per_mql"\ndate = 2026-06-30\nvalue = 1500\n'
"""Above the 1,400 元 ceiling of the cost per MQL."""


def assert_values_whole(pilot, number: str, unit: str) -> None:
    lines = screen_text(pilot).splitlines()
    assert any(f"{number} {unit}" in line for line in lines), "\n".join(lines)
    for line in lines:
        assert number not in line or f"{number} {unit}" in line, "\n".join(lines)


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_the_dashboard_keeps_an_amount_with_its_unit(example_copy, size):
    set_language("zh-TW")
    path = example_copy("content-leads.zh-TW.toml")
    path.write_text(path.read_text("utf-8") + CROSSED_CHECKIN, "utf-8")
    app = make_app(load_plan(path), path, today=AFTER_Q2)
    async with app.run_test(size=size) as pilot:
        await pilot.press("ctrl+t")
        await pilot.pause()
        assert "超出警戒門檻(高於上限" in screen_text(pilot)
        assert_values_whole(pilot, "1,400", "元")
        for name in ("自然搜尋流量", "訪客到訂閱率"):  # Chinese names wrap whole, too
            assert all(name in line for line in screen_text(pilot).splitlines() if name[:2] in line)
        # The share is padded by cells: the crossed state fits whole, never cut to "…".
        card = next(line for line in screen_text(pilot).splitlines() if "-120%,分數" in line)
        assert "進度落後  超出警戒門檻" in card and "…" not in card, card


async def test_the_check_in_screen_keeps_an_amount_with_its_unit(example_copy):
    set_language("zh-TW")
    path = example_copy("content-leads.zh-TW.toml")
    app = make_app(load_plan(path), path, today=AFTER_Q2)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+l")
        await pilot.pause()
        await pilot.press("escape", "down", "down", "down", "down", "enter")  # cost per MQL
        await pilot.press(*"1500")
        await pilot.pause()
        assert_values_whole(pilot, "1,400", "元")  # the note under the value
        await pilot.press("enter")
        await pilot.pause()
        assert "已記錄 每筆 MQL 成本 = 1,500 元" in screen_text(pilot)
        assert_values_whole(pilot, "1,400", "元")  # the result


@pytest.mark.parametrize(
    "value", ["$1,400", "1,400 元", "12 days", "3.2 倍", "CHF 90", "-5%", "2 more"]
)
@pytest.mark.parametrize("width", range(12, 30))
def test_a_wrapped_line_never_cuts_a_value(value, width):
    text = f"Guardrail crossed, above the ceiling of {value} and so on"
    lines = [line.plain for line in wrap_lines(text, width)]
    assert any(value in line for line in lines), lines
    assert all(line.strip() != value.split()[-1] for line in lines), lines
    assert " ".join(line.strip() for line in lines) == text


async def test_the_alert_lines_wrap_again_when_a_scroll_bar_narrows_the_board(example_copy):
    """Shrunk from 120x40 to 80x24, the board grows a scroll bar without changing size:
    its alert lines are wrapped to the narrower width, not cut at the edge."""
    set_language("zh-TW")
    path = example_copy("content-leads.zh-TW.toml")
    closing = "".join(
        f'\n[[checkins]]\nkpi = "{kpi}"\ndate = 2026-06-30\nvalue = {value}\n'
        for kpi, value in [
            ("organic_sessions", 33000),  # below its floor: a second alert
            ("content_to_subscribe", 0.027),
            ("content_to_trial_ctr", 0.031),
            ("mql_rate", 0.31),
        ]
    )
    path.write_text(path.read_text("utf-8") + CROSSED_CHECKIN + closing, "utf-8")
    app = make_app(load_plan(path), path, today=AFTER_Q2)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("ctrl+t")
        await pilot.pause()
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        await pilot.pause()
        alert = [line for line in screen_text(pilot).splitlines() if "處置" in line]
        assert alert and all("…" not in line for line in alert), "\n".join(alert)
