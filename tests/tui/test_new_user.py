"""What a new user runs into in a live planning session: the KPI form without a KPI."""

from __future__ import annotations

from textual import events

from model.plan import Kpi, Plan
from model.store import load_plan
from tests.tui.helpers import screen_text, type_text
from tui.app import make_app
from tui.screens.help import key_sections


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


async def test_lines_pasted_into_an_item_become_items_and_a_field_keeps_them_all(tmp_path):
    # Textual kept a pasted text's first line only: the others were lost without a word.
    path = tmp_path / "plan.toml"
    app = make_app(Plan(), path, is_new=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.focused.post_message(events.Paste("Grow paid teams\r\n  by March\n"))
        await pilot.pause()
        assert app.plan.objective.statement == "Grow paid teams by March"
        await pilot.press("tab", "tab", "tab", "tab", "a")
        pasted = "Raise trial-to-paid from 9% to 12%\n\nWrite 5 onboarding emails\nHire a CSM"
        app.focused.post_message(events.Paste(pasted))
        await pilot.pause()
        assert [(item.text, item.kind) for item in app.plan.items] == [
            ("Raise trial-to-paid from 9% to 12%", "key_result"),
            ("Write 5 onboarding emails", "initiative"),
            ("Hire a CSM", "initiative"),
        ]
        assert app.focused.id == "item-text" and app.focused.value == "Hire a CSM"
        assert "Write 5 onboarding emails" in screen_text(pilot)
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert len(load_plan(path).items) == 3


async def test_ctrl_z_and_ctrl_y_undo_and_redo_a_fields_text(tmp_path):
    # ctrl+z did nothing, and ctrl+u wiped a statement for good.
    path = tmp_path / "plan.toml"
    app = make_app(Plan(), path, is_new=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await type_text(pilot, "Grow paid teams")
        await pilot.press("ctrl+z")
        assert app.plan.objective.statement == "Grow paid"
        await pilot.press("ctrl+y")
        assert app.plan.objective.statement == "Grow paid teams"
        await pilot.press("ctrl+u")  # deletes everything left of the cursor
        assert app.plan.objective.statement == ""
        await pilot.press("ctrl+z")
        assert app.plan.objective.statement == "Grow paid teams"
        assert "Grow paid teams" in screen_text(pilot)
        await pilot.press("ctrl+z", "ctrl+z", "ctrl+z", "ctrl+z")  # one more than there is
        assert app.plan.objective.statement == ""
        await pilot.press("ctrl+y", "ctrl+y", "ctrl+y")
        assert app.plan.objective.statement == "Grow paid teams"
        await pilot.press("alt+3", "a")  # a KPI, then another text in the same field
        await type_text(pilot, "CAC")
        await pilot.press("enter", "alt+3", "escape", "a")
        await type_text(pilot, "LTV")
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("escape", "up", "enter")  # the CAC's name: undo has nothing yet
        await pilot.press("ctrl+z")
        assert [kpi.name for kpi in app.plan.kpis] == ["CAC", "LTV"]
        fields = dict(key_sections())["In a text field"]  # what F1 lists there
        assert {"ctrl+z", "ctrl+y"} <= {binding.key for binding in fields}


async def test_saving_keeps_comments_and_says_when_some_had_nowhere_to_go(tmp_path):
    # Saving used to drop every hand-written "#" comment.
    path = tmp_path / "plan.toml"
    path.write_text(
        'schema = 1\ntitle = "Q1 # not a comment"\n\n# why this objective\n'
        '[objective]\nstatement = "Grow"  # first draft\n\n'
        '# agreed with finance\n[[kpis]]\nid = "cac"\nname = "CAC"  # blended\n',
        "utf-8",
    )
    app = make_app(load_plan(path), path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await type_text(pilot, "!")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not any("# comments" in n.message for n in app._notifications)
        saved = path.read_text("utf-8")
        assert '# why this objective\n[objective]\nstatement = "Grow!"  # first draft\n' in saved
        assert '# agreed with finance\n[[kpis]]\nid = "cac"\nname = "CAC"  # blended\n' in saved
        assert 'title = "Q1 # not a comment"\n' in saved
        await pilot.press("alt+3", "escape", "d", "y")  # delete the KPI the comments were on
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        shown = [notification.message for notification in app._notifications]
        assert any("were on was deleted, emptied or reworded: 2." in m for m in shown)
        assert any("are in plan.toml.bak" in m for m in shown)
        assert "# blended" in (tmp_path / "plan.toml.bak").read_text("utf-8")
    saved = path.read_text("utf-8")
    assert "# first draft" in saved
    assert "# blended" not in saved
    assert load_plan(path).objective.statement == "Grow!"


async def test_the_review_step_says_how_to_jump_from_a_finding(tmp_path):
    # "Choose an entry under the plan to jump to its field": which entry, under what?
    app = make_app(Plan(), tmp_path / "plan.toml", is_new=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("alt+6")
        await pilot.pause()
        lines = [line[26:].strip() for line in screen_text(pilot).splitlines()[3:5]]
        assert " ".join(lines) == (
            "The whole plan at a glance, then the findings: enter on one jumps to its field."
        )


async def test_a_paste_that_would_make_a_text_too_long_for_a_plan_is_refused(tmp_path):
    # A plan's texts hold 10,000 characters at most (model.limits): the fields took any
    # paste, and the plan then could be neither saved nor recovered after a crash.
    from model.limits import MAX_TEXT_CHARS

    path = tmp_path / "plan.toml"
    plan = Plan()
    plan.objective.statement = "x" * (MAX_TEXT_CHARS - 5)
    app = make_app(plan, path, is_new=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("end")
        app.focused.post_message(events.Paste("Grow\npaid teams"))
        await pilot.pause()
        assert app.plan.objective.statement == "x" * (MAX_TEXT_CHARS - 5), "nothing pasted"
        notices = [notice.message for notice in app._notifications]
        assert notices[-1].startswith("Not pasted: the field would hold 10,010 characters")
        await pilot.press("tab", "tab", "tab", "tab", "a")  # an item: a line too long for one
        app.focused.post_message(events.Paste("Hire a CSM\n" + "y" * (MAX_TEXT_CHARS + 1)))
        await pilot.pause()
        assert [item.text for item in app.plan.items] == [""]
        app.focused.post_message(events.Paste("Hire a CSM\nRun 3 interviews"))
        await pilot.pause()
        assert [item.text for item in app.plan.items] == ["Hire a CSM", "Run 3 interviews"]
