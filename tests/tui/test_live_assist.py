"""Live assistance in the Objective step: item kinds read as you type, the user's override,
the hint to switch, and SMART hints on the objective."""

from __future__ import annotations

import asyncio

from textual import events

from model.i18n import set_language
from model.plan import Item, Plan
from model.store import load_plan
from tests.tui.helpers import focused_id, screen_text, type_text
from tui.app import make_app


async def test_typing_an_initiative_shows_its_kind_and_why_and_saves_it(tmp_path):
    path = tmp_path / "p.toml"
    app = make_app(Plan(), path, is_new=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("tab", "tab", "tab", "tab", "a")
        assert focused_id(pilot) == "item-text"
        await type_text(pilot, "Publish 10 blog posts a month")
        item = app.plan.items[0]
        assert (item.kind, item.kind_set_by) == ("initiative", "auto")
        text = screen_text(pilot)
        assert "Reads as “initiative” (99% sure)" in text
        assert "· starts with the action verb" in text
        assert "Init  99% Publish 10 blog posts" in text  # the row: kind and confidence
        await pilot.press("ctrl+s")
        await pilot.pause()
    saved = load_plan(path).items[0]
    assert (saved.kind, saved.kind_set_by) == ("initiative", "auto")


async def test_the_kind_follows_the_text_until_the_user_chooses_it_with_k(tmp_path):
    path = tmp_path / "p.toml"
    app = make_app(Plan(), path, is_new=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("tab", "tab", "tab", "tab", "a")
        await type_text(pilot, "Write 10 case studies")
        assert app.plan.items[0].kind == "initiative"
        await pilot.press("ctrl+u")
        await type_text(pilot, "Raise trial-to-paid from 9% to 12%")
        assert app.plan.items[0].kind == "key_result"  # retyped: read again
        await pilot.press("escape", "k", "k")  # key result -> initiative -> objective
        item = app.plan.items[0]
        assert (item.kind, item.kind_set_by) == ("objective", "user")
        text = screen_text(pilot)
        assert "kind chosen by you (kept)" in text
        assert "Hint: reads as “key result” (97%), not" in text
        assert "Obj  *!" in text  # chosen by you (*), read otherwise (!)
        await pilot.press("enter", "end")
        await type_text(pilot, " this quarter")  # the classifier never replaces a choice
        assert (item.kind, item.kind_set_by) == ("objective", "user")
        await pilot.press("ctrl+s")
        await pilot.pause()
    saved = load_plan(path).items[0]
    assert (saved.kind, saved.kind_set_by) == ("objective", "user")
    assert saved.text == "Raise trial-to-paid from 9% to 12% this quarter"


async def test_a_chosen_kind_the_classifier_agrees_with_gets_no_hint(tmp_path):
    plan = Plan(items=[Item(text="Publish 10 blog posts a month", kind="initiative")])
    plan.items[0].kind_set_by = "user"
    app = make_app(plan, tmp_path / "p.toml")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.query_one("#item-list").focus()
        await pilot.pause()
        text = screen_text(pilot)
        assert "Init *" in text
        assert "Hint:" not in text
        assert "Reads as “initiative”" in text


async def test_items_are_read_in_chinese_too(tmp_path):
    set_language("zh-TW")
    try:
        app = make_app(Plan(), tmp_path / "p.toml", is_new=True)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("tab", "tab", "tab", "tab", "a")
            await type_text(pilot, "每週舉辦 2 場說明會")
            assert app.plan.items[0].kind == "initiative"
            text = screen_text(pilot)
            assert "判讀為「行動方案」" in text
            assert "舉辦" in text
    finally:
        set_language("en")


async def test_the_objective_gets_smart_hints_while_it_is_typed(tmp_path):
    app = make_app(Plan(), tmp_path / "p.toml", is_new=True)
    async with app.run_test(size=(80, 24)) as pilot:
        assert focused_id(pilot) == "objective-statement"
        await type_text(pilot, "Grow revenue")
        text = screen_text(pilot)
        assert "SMART  S ✗  M ✗  A ?  R ?  T ✗" in text
        assert "✗ Specific: too short" in text  # the first property missing, and why
        await type_text(pilot, " from self-serve plans")
        assert "✗ Measurable: no KGI yet" in screen_text(pilot)
        await pilot.press("tab")
        await type_text(pilot, "MRR from 100k to 130k by June")
        text = screen_text(pilot)
        assert "SMART  S ✓  M ✓  A ✓  R ?  T ✓" in text
        assert "no KGI yet" not in text
        await pilot.press("tab")  # leaving the objective keeps only the summary line
        assert "SMART  S ✓" in screen_text(pilot)
        assert "Achievable" not in screen_text(pilot)


async def test_a_kgi_with_its_baseline_after_the_target_is_achievable(tmp_path):
    app = make_app(Plan(), tmp_path / "p.toml", is_new=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await type_text(pilot, "Grow revenue from self-serve plans")
        await pilot.press("tab")
        await type_text(pilot, "MRR of $130k by June")
        assert "SMART  S ✓  M ✓  A ?  R ?  T ✓" in screen_text(pilot)
        await type_text(pilot, ", up from $100k")
        text = screen_text(pilot)
        assert "SMART  S ✓  M ✓  A ✓  R ?  T ✓" in text
        assert "no baseline" not in text


async def test_lines_typed_with_enter_in_one_burst_each_become_an_item(tmp_path):
    """Over SSH (or pasted) a line, Enter and the next line arrive together: Enter starts
    the next item, and the keys after it wait until it has, so none is lost or lands in
    the item before."""
    path = tmp_path / "p.toml"
    app = make_app(Plan(), path, is_new=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("tab", "tab", "tab", "tab", "a")
        assert focused_id(pilot) == "item-text"
        lines = ["Raise signups from 100 to 150", *(f"Publish {n} posts" for n in range(2, 8))]
        for number, line in enumerate(lines):
            if number:  # Enter, and the next line right behind it
                app.post_message(events.Key("enter", "\r"))
                await asyncio.sleep(0.001)
            for char in line:
                app.post_message(events.Key("space" if char == " " else char, char))
        app.post_message(events.Key("ctrl+s", "\x13"))
        deadline = asyncio.get_running_loop().time() + 10
        while not path.exists() and asyncio.get_running_loop().time() < deadline:
            await pilot.pause(0.05)
    assert [item.text for item in load_plan(path).items] == lines
