"""What the tracking screens show fits where it is shown: whole names, counted rests,
no field out of reach, words said right for one, a check-in dated later
said to count from its day. Every test fixes the app's today."""

from __future__ import annotations

import datetime as dt

import pytest

from model.i18n import set_language
from model.store import load_plan
from tests.tui.helpers import focused_id, screen_text
from tui.app import make_app
from tui.screens.dashboard import DashboardScreen
from tui.screens.dialogs import ConfirmDialog

ENDED = dt.date(2026, 12, 7)
"""Long after saas-growth.toml's Q1: every KPI misses its closing value, CAC is crossed."""


def saas_app(path, today: dt.date):
    return make_app(load_plan(path), path, today=today)


def attention_lines(pilot) -> list[str]:
    """The dashboard's attention lines as shown: from the one starting with its first
    words to the blank line under it."""
    lines = screen_text(pilot).splitlines()
    start = next(i for i, line in enumerate(lines) if "Guardrail crossed (1)" in line)
    shown = []
    for line in lines[start:]:
        if not line.strip():
            break
        shown.append(line.strip())
    return shown


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_the_attention_line_ends_in_whole_names_and_a_count(example_copy, size):
    app = saas_app(example_copy(), ENDED)
    async with app.run_test(size=size) as pilot:
        await pilot.press("ctrl+t")
        await pilot.pause()
        assert isinstance(app.screen, DashboardScreen)
        shown = " ".join(attention_lines(pilot))
        assert shown.startswith("Guardrail crossed (1): Customer acquisition cost · ")
        assert "No closing value for 2026-03-31 (5): Trial activation rate" in shown
        assert shown.endswith(" more"), shown
        named = shown.split("(5): ")[1].removesuffix(" more")
        names, _, rest = named.rpartition(" and ")
        # Whole names only, and the count says how many are left out.
        whole = ["Trial activation rate", "First-week retention", "Trial to paid rate"]
        assert names.split(", ") == whole[: len(names.split(", "))]
        assert int(rest) == 5 - len(names.split(", "))


async def test_a_narrower_screen_names_fewer_kpis_then_only_counts(example_copy):
    app = saas_app(example_copy(), ENDED)
    async with app.run_test(size=(50, 24)) as pilot:
        await pilot.press("ctrl+t")
        await pilot.pause()
        shown = " ".join(attention_lines(pilot))
        assert shown.endswith(" more") or shown.endswith("(5)"), shown
        assert "…" not in shown


async def test_the_bar_shrinks_so_every_card_says_its_guardrail_state(example_copy):
    path = example_copy()
    # No guardrail crossed: CAC's $740 is under a $800 ceiling.
    text = path.read_text("utf-8").replace("guardrail = { max = 700 }", "guardrail = { max = 800 }")
    path.write_text(text, "utf-8")
    app = saas_app(path, ENDED)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+t")
        await pilot.pause()
        cards = [line for line in screen_text(pilot).splitlines() if "closing value due" in line]
        assert len(cards) == 5
        assert all("guardrail ok" in line for line in cards), "\n".join(cards)


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_every_tab_stop_on_the_check_in_screen_is_a_field_or_the_list(example_copy, size):
    app = saas_app(example_copy(), dt.date(2026, 2, 20))
    async with app.run_test(size=size) as pilot:
        await pilot.press("ctrl+l")
        await pilot.pause()
        stops = []
        for _ in range(10):
            await pilot.press("tab")
            stops.append(focused_id(pilot))
        fields = {"checkin-date", "checkin-list", "checkin-value", "checkin-confidence"}
        fields |= {"checkin-note", "checkin-input-0", "checkin-input-1"}
        assert set(stops) <= fields, stops


@pytest.mark.parametrize("language", ["en", "zh-TW"])
async def test_one_kpi_due_and_one_typed_are_said_in_the_singular(example_copy, language):
    set_language(language)
    app = saas_app(example_copy(), dt.date(2026, 2, 20))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("ctrl+l")
        await pilot.pause()
        await pilot.press(*"44%", "enter")  # trial activation: one of the two due left
        await pilot.pause()
        text = " ".join(screen_text(pilot).split())
        if language == "en":
            assert "1 of 5 KPIs is due by its cadence (listed first)." in text
        else:
            assert "5 個指標中有 1 個依檢視節奏到期" in text
        await pilot.press(*"31%", "escape", "escape")  # typed, not recorded: leave?
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        text = " ".join(screen_text(pilot).split())
        if language == "en":
            assert "Values typed for 1 KPI are not recorded yet." in text
        else:
            assert "有 1 個指標輸入了數值但還沒記錄" in text


async def test_a_check_in_dated_later_than_today_says_from_when_it_counts(example_copy):
    path = example_copy()
    text = path.read_text("utf-8").replace("start = 2026-01-01", "start = 2026-10-01")
    path.write_text(text.replace("end = 2026-03-31", "end = 2026-12-31"), "utf-8")
    app = saas_app(path, ENDED)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+l")
        await pilot.pause()
        await pilot.press("shift+tab", "shift+tab")  # the value, the list, the date
        assert focused_id(pilot) == "checkin-date"
        await pilot.press("ctrl+u", *"2027-01-05", "enter", *"45%", "enter")
        await pilot.pause()
        assert app.plan.checkins[-1].date == dt.date(2027, 1, 5)
        lines = screen_text(pilot).splitlines()
        row = next(line for line in lines if "Trial activation rate" in line)
        # Recorded, not counted yet: the row says from when, not a ✓ beside the old value.
        assert "» Trial activation rate" in row and "counts from 2027-01-05" in row
        assert "overdue" not in row and "✓" not in row
        shown = " ".join(" ".join(lines).split())
        assert "2027-01-05 is in the future; recorded anyway, it counts from that day on" in shown


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_check_in_names_and_input_labels_take_the_room_there_is(example_copy, size):
    app = saas_app(example_copy(), dt.date(2026, 2, 20))
    async with app.run_test(size=size) as pilot:
        await pilot.press("ctrl+l")
        await pilot.pause()
        lines = screen_text(pilot).splitlines()
        for name in ("Trial activation rate", "Customer acquisition cost"):
            row = next(line for line in lines if name[:12] in line)
            assert name in row, row
        assert any(line.lstrip().startswith("activated_trials ") for line in lines)
        await pilot.press("escape", "down", "down", "down")  # the list, down to CAC
        await pilot.pause()
        assert any(
            line.lstrip().startswith("marketing_spend ") for line in screen_text(pilot).splitlines()
        )


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_a_long_chinese_input_name_is_cut_with_no_space_before_the_ellipsis(
    example_copy, size
):
    set_language("zh-TW")
    path = example_copy("content-leads.zh-TW.toml")
    long_name = "自然搜尋工作階段數與文章瀏覽數"
    path.write_text(path.read_text("utf-8").replace("自然搜尋工作階段數", long_name), "utf-8")
    app = make_app(load_plan(path), path, today=dt.date(2026, 4, 20))
    async with app.run_test(size=size) as pilot:
        await pilot.press("ctrl+l")
        await pilot.pause()
        text = screen_text(pilot)
        assert "自然搜尋工作階段數與文…" in text
        assert " …" not in text


async def test_two_columns_after_the_period_give_the_guardrail_state_a_line_of_its_own(
    example_copy,
):
    # Beside "closing value due" even the shortest bar leaves no room in a column.
    app = saas_app(example_copy(), ENDED)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("ctrl+t")
        await pilot.pause()
        text = screen_text(pilot)
        assert text.count("guardrail ok") == 4, text  # CAC is crossed: its alert line says so
        assert "Guardrail crossed, above the ceiling of $700." in text
        lines = text.splitlines()
        name = next(line for line in lines if "Trial activation rate" in line and "41%" in line)
        under = lines.index(name) + 2
        assert "guardrail ok" in lines[under]


async def test_every_line_of_a_long_check_in_result_can_be_scrolled_to(example_copy):
    path = example_copy()
    action = "Pause the two worst ad sets by CAC and move their budget to high-intent content"
    longer = " ".join(f"{action} (step {step})." for step in range(1, 5)) + " Last step: review."
    path.write_text(path.read_text("utf-8").replace(action, longer), "utf-8")
    app = saas_app(path, ENDED)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+l")
        await pilot.pause()
        await pilot.press("escape", "down", "down", "down", "enter", *"$900", "enter")
        await pilot.pause()
        assert "✓ Recorded Customer acquisition cost = $900" in screen_text(pilot)
        box = app.screen.query_one("#checkin-result-box")
        assert box.show_vertical_scrollbar and box.max_scroll_y > 0  # there is more
        assert "Last step: review." not in screen_text(pilot)
        for _ in range(12):  # tab reaches the result, the arrows scroll it
            if focused_id(pilot) == "checkin-result-box":
                break
            await pilot.press("tab")
        assert focused_id(pilot) == "checkin-result-box"
        await pilot.press("end")
        await pilot.pause()
        assert "Last step: review." in screen_text(pilot)
        await pilot.press("escape")  # back to the list, as from a field
        assert focused_id(pilot) == "checkin-list"
