"""Switching language in the app (palette) and Textual's own words in Chinese."""

from __future__ import annotations

import datetime as dt
import re

from textual.command import CommandInput

from model.i18n import get_language, set_language
from model.store import load_plan
from tests.tui.helpers import palette_offers, screen_text, type_text, until
from tui.app import make_app
from tui.screens.help import HelpScreen

ENGLISH_WORDS = ["Objective", "North star", "Step 3: Core KPIs", "Next", "Save", "Quit", "Unit"]
CHINESE_WORDS = ["目標", "北極星指標", "第 3 步:核心 KPI", "下一步", "儲存", "離開", "單位"]


async def switch_in_palette(pilot, search: str) -> None:
    await pilot.press("ctrl+p")
    await type_text(pilot, search)
    await palette_offers(pilot, search)
    await pilot.press("enter")
    await pilot.pause()
    await pilot.pause()


async def test_the_palette_switches_every_visible_part_and_keeps_the_plan(example_copy):
    path = example_copy("saas-growth.toml")
    app = make_app(load_plan(path), path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await type_text(pilot, " now")  # an unsaved edit of the objective statement
        assert app.dirty
        await pilot.press("alt+3")
        await pilot.pause()
        plan_before = app.plan.model_copy(deep=True)
        english = screen_text(pilot)
        assert all(word in english for word in ENGLISH_WORDS)
        assert "Unsaved changes" in english

        await switch_in_palette(pilot, "繁體")

        chinese = screen_text(pilot)
        assert get_language() == "zh-TW"
        for word in CHINESE_WORDS:  # step list, pane title and fields, Footer
            assert word in chinese
        assert "有變更尚未儲存" in chinese  # the step list's unsaved marker
        assert chinese.splitlines()[-1].startswith("esc 清單 ^n 下一步")  # the field's keys too
        for word in ENGLISH_WORDS:
            assert not re.search(rf"\b{word}\b", chinese), word
        assert app.plan == plan_before
        assert app.plan.objective.statement.endswith(" now")
        assert app.dirty and app.title.endswith("● 未儲存")
        assert app.wizard.current == "kpis"
        assert [n.message for n in app._notifications] == ["介面語言已切換:繁體中文"]
        assert app.focused is not None and app.focused.id.startswith("kpi")

        await pilot.press("f1")  # the help screen, built after the switch
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        assert "OKR 規劃工具:說明" in screen_text(pilot)
        await pilot.press("escape")

        await pilot.press("ctrl+s")  # later notifications too
        await pilot.pause()
        assert "已儲存" in list(app._notifications)[-1].message

        await switch_in_palette(pilot, "English")
        back = screen_text(pilot)
        assert all(word in back for word in ENGLISH_WORDS)
        assert "北極星指標" not in back
        assert app.wizard.current == "kpis"
    assert load_plan(path) == plan_before


async def test_every_built_pane_is_rebuilt_in_the_new_language(example_copy):
    path = example_copy("saas-growth.toml")
    app = make_app(load_plan(path), path)
    async with app.run_test(size=(80, 24)) as pilot:
        for key in ("alt+2", "alt+4", "alt+6", "alt+1"):
            await pilot.press(key)
            await pilot.pause()
        await switch_in_palette(pilot, "繁體")
        for key, title in (("alt+2", "第 2 步"), ("alt+4", "第 4 步"), ("alt+6", "第 6 步")):
            await pilot.press(key)
            await pilot.pause()
            assert title in screen_text(pilot)
            assert "Step" not in screen_text(pilot)


async def test_the_palette_offers_the_other_language_by_its_own_name(example_copy):
    app = make_app(load_plan(example_copy()), "plan.toml")
    async with app.run_test(size=(80, 24)) as pilot:
        titles = [command.title for command in app.get_system_commands(app.screen)]
        assert "Language: 繁體中文" in titles
        await switch_in_palette(pilot, "繁體")
        titles = [command.title for command in app.get_system_commands(app.screen)]
        assert "語言:English" in titles
        assert not any("繁體中文" in title for title in titles)


async def test_textuals_no_matches_line_is_translated(example_copy):
    set_language("zh-TW")
    app = make_app(load_plan(example_copy()), "plan.toml")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+p")
        await type_text(pilot, "zzqx")
        await until(lambda: "找不到" in screen_text(pilot), "the palette's answer")
        text = screen_text(pilot)
        assert "找不到相符的項目" in text
        assert "No matches" not in text


async def test_textuals_theme_picker_asks_in_the_current_language(example_copy):
    set_language("zh-TW")
    app = make_app(load_plan(example_copy()), "plan.toml")
    async with app.run_test(size=(80, 24)) as pilot:
        app.search_themes()
        await pilot.pause()
        assert app.screen.query_one(CommandInput).placeholder == "搜尋佈景主題…"
        await pilot.press("escape")
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert app.screen.query_one(CommandInput).placeholder.startswith("輸入指令")


async def test_a_switch_made_over_the_help_screen_redraws_the_help(example_copy):
    app = make_app(load_plan(example_copy()), "plan.toml")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("f1")
        await pilot.pause()
        assert "OKR Planner: help" in screen_text(pilot)
        await switch_in_palette(pilot, "繁體")
        assert isinstance(app.screen, HelpScreen)
        assert "OKR 規劃工具:說明" in screen_text(pilot)
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is app.wizard
        assert "第 1 步:目標" in screen_text(pilot)


def mid_period_app(example_copy):
    """The example plan on a day of its period (the tracking screens have values)."""
    path = example_copy("saas-growth.toml")
    return make_app(load_plan(path), path, today=dt.date(2026, 2, 20))


async def test_a_switch_over_the_dashboard_redraws_all_of_it(example_copy):
    app = mid_period_app(example_copy)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+t")
        await pilot.pause()
        assert "North star: Paid subscriptions" in screen_text(pilot)
        await switch_in_palette(pilot, "繁體")
        text = screen_text(pilot)
        assert "北極星指標:" in text and "領先指標" in text
        assert "North star" not in text and "Leading indicators" not in text
        assert "Guardrail crossed" not in text  # the alerts and the card's action line
        assert text.splitlines()[-1].startswith("⏎ 回報進度 esc 回到計畫")  # the Footer


async def test_a_switch_over_the_check_in_screen_keeps_what_was_typed(example_copy):
    app = mid_period_app(example_copy)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+l")
        await pilot.pause()
        await type_text(pilot, "44%")
        assert "Value" in screen_text(pilot)
        await switch_in_palette(pilot, "繁體")
        text = screen_text(pilot)
        assert "回報進度" in text and "數值" in text and "日期" in text
        assert not re.search(r"\b(Value|Date|Confidence|Note|Check in)\b", text), text
        assert app.screen.field("value").value == "44%"
        assert app.screen.field("date").value == "2026-02-20"
        assert app.focused is not None and app.focused.id == "checkin-value"
        assert "= 44%" in text  # the preview, in the new language
        await pilot.press("enter")
        await pilot.pause()
        assert "✓ 已記錄" in screen_text(pilot)


async def test_no_language_switch_is_offered_over_a_dialog(example_copy):
    from tui.screens.dialogs import ConfirmDialog

    app = make_app(load_plan(example_copy()), "plan.toml")
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(ConfirmDialog("Leave?", yes="Yes", no="No"))
        await pilot.pause()
        titles = [command.title for command in app.get_system_commands(app.screen)]
        assert titles and not any(title.startswith("Language") for title in titles)


async def test_an_empty_list_says_all_of_its_hint_however_narrow(tmp_path):
    """Beside the form at 120 columns the KPI list is 44 cells wide: the Chinese hint
    (a adds, c picks from the catalog) was cut after "c 從指標庫"."""
    from model.plan import Plan
    from tui.widgets.kpi_list import KpiList

    set_language("zh-TW")
    app = make_app(Plan(), tmp_path / "new.toml", is_new=True)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        await pilot.press("alt+3")
        await pilot.pause()
        kpi_list = app.screen.query_one(KpiList)
        assert kpi_list.size.width <= 44
        shown = [kpi_list.render_line(y).text for y in range(kpi_list.size.height)]
        assert "".join("".join(shown).split()) == "還沒有KPI:按a新增,按c從指標庫挑選"


async def test_the_chinese_help_wraps_long_key_texts_rather_than_cutting_them(example_copy):
    """A Chinese sentence has no spaces to wrap at: it is folded, not cut with "…"."""
    set_language("zh-TW")
    path = example_copy()
    app = make_app(load_plan(path), path)
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.press("f1")
        await pilot.pause()
        seen: list[str] = []
        for _ in range(30):  # page through the whole help
            seen.extend(screen_text(pilot).splitlines()[1:-2])
            await pilot.press("pagedown")
            await pilot.pause()
        cut = [line for line in seen if "…" in line and "前往步驟…" not in line]
        assert cut == []
        assert any("不儲存就離開(y)" in line for line in seen)
