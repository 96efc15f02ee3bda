"""The app: opening plans, saving, quitting, help, palette, jumps and plan text as data."""

from __future__ import annotations

import pytest
from rich.cells import cell_len
from textual.widgets import Input

from model.i18n import set_language, t
from model.plan import Item, Kpi, Plan
from model.store import load_plan
from tests.tui.helpers import choose, focused_id, run_command, screen_text, type_text, until
from tui.app import make_app
from tui.screens.dialogs import ConfirmDialog
from tui.screens.help import HelpScreen
from tui.widgets.step_list import STATE_MARKS


async def test_a_new_plan_opens_on_the_objective_with_the_cursor_in_the_statement(tmp_path):
    app = make_app(Plan(), tmp_path / "new.toml", is_new=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert focused_id(pilot) == "objective-statement"
        assert "Step 1: Objective" in screen_text(pilot)
        assert app.title == "Untitled plan" and app.sub_title.endswith("new.toml")
        assert "Untitled plan — " in screen_text(pilot)
        await type_text(pilot, "Grow")
        assert app.plan.objective.statement == "Grow"
        assert app.title == "Untitled plan ● unsaved"
        await pilot.press("enter")  # on to the next field, like tab
        assert focused_id(pilot) == "objective-kgi"
    assert not (tmp_path / "new.toml").exists()


async def test_editing_an_example_plan_saves_only_the_change(example_copy):
    path = example_copy("saas-growth.toml")
    before = load_plan(path)
    app = make_app(load_plan(path), path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.title == "SaaS growth Q1 2026"
        await pilot.press("alt+5")
        assert focused_id(pilot) == "kpi-baseline"
        await pilot.press("escape", "down", "down", "enter")  # trial_to_paid, first field
        assert focused_id(pilot) == "kpi-baseline"
        await pilot.press("tab", "ctrl+u")
        await type_text(pilot, "13.5%")
        assert "1.50x the baseline" in screen_text(pilot)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not app.dirty
    after = load_plan(path)
    before.kpis[2].target = 0.135
    assert after == before
    changed = [
        line for line in path.read_text("utf-8").splitlines() if line.startswith("target = 0.135")
    ]
    assert changed == ["target = 0.135"]


async def test_the_shared_kpi_choice_follows_from_step_to_step(example_copy):
    path = example_copy()
    app = make_app(load_plan(path), path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("alt+3", "escape", "end")
        assert app.plan.kpis[app.kpi_cursor].id == "ltv_to_cac"
        await pilot.press("ctrl+n")
        assert app.focused.value == app.plan.kpis[-1].definition


async def test_a_number_that_does_not_parse_is_flagged_next_to_its_field(example_copy):
    path = example_copy()
    app = make_app(load_plan(path), path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("alt+5", "end")
        await type_text(pilot, " apples")
        text = screen_text(pilot)
        assert "'36% apples' is not a number" in text
        assert app.plan.kpis[0].baseline == 0.36  # the last valid value stays
        assert app.query_one("#kpi-baseline").has_class("-invalid")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "kept their last valid value" in list(app._notifications)[-1].message
    assert load_plan(path).kpis[0].baseline == 0.36


async def test_a_guardrail_bound_that_reads_is_kept_when_the_other_does_not(example_copy):
    path = example_copy()
    app = make_app(load_plan(path), path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("alt+5", "tab", "tab")
        assert focused_id(pilot) == "kpi-guardrail-min"
        await type_text(pilot, " or so")
        await pilot.press("tab", "ctrl+u")
        await type_text(pilot, "80%")
        text = screen_text(pilot)
        assert "'30% or so' is not a number" in text
        assert app.query_one("#kpi-guardrail-min").has_class("-invalid")
        assert not app.query_one("#kpi-guardrail-max").has_class("-invalid")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "fields marked in red (1)" in list(app._notifications)[-1].message
    guardrail = load_plan(path).kpis[0].guardrail
    assert (guardrail.min, guardrail.max) == (0.3, 0.8)  # the floor as it was, the new ceiling


async def test_a_period_that_ends_before_it_starts_is_refused_inline(tmp_path):
    app = make_app(Plan(), tmp_path / "p.toml", is_new=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("tab", "tab")
        await type_text(pilot, "2026-04-01")
        await pilot.press("tab")
        await type_text(pilot, "2026-03-31")
        assert "the period ends before it starts" in screen_text(pilot)
        assert app.plan.objective.end is None
        assert str(app.plan.objective.start) == "2026-04-01"
        await pilot.press("shift+tab", "ctrl+u")
        await type_text(pilot, "2026-03-01")
        assert "ends before" not in screen_text(pilot)
        assert (str(app.plan.objective.start), str(app.plan.objective.end)) == (
            "2026-03-01",
            "2026-03-31",
        )


@pytest.mark.parametrize("answer", ["y", "n"])
async def test_quitting_with_unsaved_changes_asks_first(example_copy, answer):
    path = example_copy()
    original = path.read_bytes()
    app = make_app(load_plan(path), path)
    async with app.run_test(size=(80, 24)) as pilot:
        await type_text(pilot, " now")
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        assert "unsaved changes" in screen_text(pilot)
        await pilot.press(answer)
        await pilot.pause()
        assert app.is_running is (answer == "n")
        if answer == "n":
            assert not isinstance(app.screen, ConfirmDialog)
            assert app.plan.objective.statement.endswith(" now")
    assert path.read_bytes() == original


async def test_the_quit_question_defaults_to_keep_editing(example_copy):
    path = example_copy()
    app = make_app(load_plan(path), path)
    async with app.run_test(size=(80, 24)) as pilot:
        await type_text(pilot, "!")
        await pilot.press("ctrl+q", "enter")  # Enter on the focused, safe button
        await pilot.pause()
        assert app.is_running and app.dirty
        await pilot.press("ctrl+q", "right", "enter")
        await pilot.pause()
    assert app.return_code == 0


async def test_the_quit_question_can_save_first(example_copy):
    path = example_copy()
    app = make_app(load_plan(path), path)
    async with app.run_test(size=(80, 24)) as pilot:
        await type_text(pilot, " now")
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert "Save and quit" in screen_text(pilot)
        await pilot.press("s")
        await pilot.pause()
        assert not app.is_running
    assert load_plan(path).objective.statement.endswith(" now")


async def test_save_and_quit_stays_when_the_file_changed_on_disk(example_copy):
    path = example_copy()
    app = make_app(load_plan(path), path)
    async with app.run_test(size=(80, 24)) as pilot:
        await type_text(pilot, " now")
        path.write_text(path.read_text("utf-8").replace("SaaS growth", "Theirs"), "utf-8")
        await pilot.press("ctrl+q")
        await pilot.pause()
        await pilot.click("#save")
        await pilot.pause()
        assert app.is_running and app.dirty  # it asks what to do about their change
        assert "The file changed on disk" in screen_text(pilot)
    assert "Theirs" in path.read_text("utf-8")


async def test_quitting_a_saved_plan_does_not_ask(example_copy):
    path = example_copy()
    app = make_app(load_plan(path), path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert not app.is_running


async def test_a_failed_save_says_why_and_keeps_the_plan(tmp_path):
    path = tmp_path / "gone" / "plan.toml"
    app = make_app(Plan(), path, is_new=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await type_text(pilot, "Grow")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.dirty
        assert app.plan.objective.statement == "Grow"
        notes = list(app._notifications)
        assert notes[-1].severity == "error"
        assert str(path) in notes[-1].message
        assert "\n" not in notes[-1].message


async def test_help_lists_the_keys_and_closes(example_copy):
    path = example_copy()
    app = make_app(load_plan(path), path)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = screen_text(pilot)
        # the Footer says how to close it (it showed the wizard's keys, under the help)
        assert text.splitlines()[-1].split() == ["esc", "Close"]
        for expected in ("ctrl+s", "Save", "ctrl+n", "Next step", "ctrl+g", "f1", "ctrl+q"):
            assert expected in text
        # The keys of every place are there, under the place they work in.
        headings = [str(w.content) for w in app.screen.query(".help-heading")]
        tables = [w.content for w in app.screen.query(".help-keys")]
        keys = dict(zip(headings, (_table_text(table) for table in tables), strict=True))
        assert (
            "Add a KPI" in keys["Core KPIs list (step 3): KPIs are added, removed and ordered here"]
        )
        assert "Add a KPI" not in keys["KPI lists (steps 3 to 5)"]  # only step 3 adds them
        assert "The formula's inputs" in keys["Formulas, KPI list (step 4)"]
        assert "Check in" in keys["Tracking dashboard (ctrl+t)"]
        assert "Record" in keys["Check-in screen (ctrl+l)"]
        # Every mark a step can show (after the first check run) is explained.
        flat = " ".join(str(w.content) for w in app.screen.query(".help-text"))
        for state, mark in STATE_MARKS.items():
            if state != "unchecked":
                assert f"{mark} {t(f'steps.state_{state}')}" in flat, state
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, HelpScreen)


async def test_help_puts_each_key_where_it_works_and_says_what_it_does(example_copy):
    """The step keys work in the planner only (not on the dashboard, where alt+3 and
    ctrl+n do nothing), the quit question's ``s`` is listed, and one-word Footer labels
    get their meaning ("Plan" is back to the plan)."""
    path = example_copy()
    app = make_app(load_plan(path), path)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("ctrl+t", "alt+3", "ctrl+n")
        await pilot.pause()
        assert type(app.screen).__name__ == "DashboardScreen"
        await pilot.press("f1")
        await pilot.pause()
        headings = [str(w.content) for w in app.screen.query(".help-heading")]
        tables = [_table_text(w.content) for w in app.screen.query(".help-keys")]
        keys = dict(zip(headings, tables, strict=True))
        assert "ctrl+n" not in keys["Everywhere"] and "alt+3" not in keys["Everywhere"]
        assert "ctrl+n" in keys["In the planner (steps 1 to 6)"]
        assert "alt+3" in keys["In the planner (steps 1 to 6)"]
        assert "ctrl+t" in keys["Everywhere"]
        assert "s        Save and quit (when quitting with unsaved changes)" in keys["Questions"]
        assert "Back to the plan" in keys["Tracking dashboard (ctrl+t)"]
        assert "pressed again, back to the value" in keys["Check-in screen (ctrl+l)"]
        assert (
            "type to search"
            in keys["Core KPIs list (step 3): KPIs are added, removed and ordered here"]
        )


def _table_text(table) -> str:
    """A rich Table of keys as plain text."""
    import io

    from rich.console import Console

    console = Console(width=200, file=io.StringIO())
    console.print(table)
    return console.file.getvalue()


async def test_every_key_of_the_help_screen_has_an_id_and_a_translated_description():
    from tui.keys import BINDING_MESSAGES, STEP_BINDING_PREFIX, detail
    from tui.screens.help import key_sections

    set_language("zh-TW")
    for _title, bindings in key_sections():
        for binding in bindings:
            assert binding.id, binding
            assert binding.id in BINDING_MESSAGES or binding.id.startswith(STEP_BINDING_PREFIX)
            description = detail(binding.id) or ""
            assert description and not description.isascii(), binding.id


async def test_the_palette_adds_a_kpi_and_goes_to_steps(example_copy):
    path = example_copy()
    app = make_app(load_plan(path), path)
    async with app.run_test(size=(80, 24)) as pilot:
        await run_command(pilot, "add a kpi")
        await type_text(pilot, "Net revenue retention")
        await pilot.press("enter")
        await pilot.pause()
        assert app.wizard.current == "kpis"
        assert app.plan.kpis[1].id == "net_revenue_retention"
        assert focused_id(pilot) == "kpi-unit"

        await run_command(pilot, "step 4")
        assert app.wizard.current == "formulas"

        await run_command(pilot, "add an item")
        assert app.wizard.current == "objective"
        assert focused_id(pilot) == "item-text"
        assert len(app.plan.items) == 9


async def test_ctrl_g_then_a_digit_jumps_to_a_step(example_copy):
    path = example_copy()
    app = make_app(load_plan(path), path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+g", "6")
        await pilot.pause()
        assert app.wizard.current == "review"
        await pilot.press("ctrl+g", "escape", "ctrl+r")
        await pilot.pause()
        assert app.wizard.current == "baselines"


async def test_markup_in_plan_text_is_shown_as_typed(tmp_path):
    plan = Plan(
        title="[red]plan",
        items=[Item(text="[bold]Ship[/bold] it"), Item(text="[link=x]click")],
        kpis=[Kpi(id="k", name="[i]rate[/i]")],
    )
    plan.objective.statement = "Grow [b]fast[/b]"
    plan.north_star.name = "[blink]star"
    app = make_app(plan, tmp_path / "p.toml")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        text = screen_text(pilot)
        assert "[red]plan" in text and "[bold]Ship[/bold] it" in text and "[link=x]click" in text
        assert "Grow [b]fast[/b]" in text
        await pilot.press("alt+3")
        assert "[i]rate[/i]" in screen_text(pilot)
        await pilot.press("alt+6")
        summary = app.query_one("#review-scroll")  # the plan, over this plan's 22 findings
        shown = ""
        for y in range(0, summary.max_scroll_y + 1, max(1, summary.size.height - 1)):
            summary.scroll_to(y=y, animate=False, immediate=True)
            await pilot.pause()
            shown += screen_text(pilot)
        summary.scroll_end(animate=False, immediate=True)
        await pilot.pause()
        shown += screen_text(pilot)
        assert "[blink]star" in shown and "[i]rate[/i]" in shown
        assert "[bold]Ship[/bold] it" in shown


async def test_k_goes_round_the_kinds_and_back_to_the_automatic_one(tmp_path):
    path = tmp_path / "p.toml"
    app = make_app(Plan(), path, is_new=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("tab", "tab", "tab", "tab", "a")
        await type_text(pilot, "Run a webinar")
        await pilot.press("escape")
        assert "kind set automatically" in screen_text(pilot)
        await pilot.press("k", "k")  # objective, key result: chosen
        await pilot.pause()
        item = app.plan.items[0]
        assert (item.kind, item.kind_set_by) == ("key_result", "user")
        assert "kind chosen by you" in screen_text(pilot)
        await pilot.press("k")  # initiative, the kind it reads as: automatic again
        await pilot.pause()
        assert (item.kind, item.kind_set_by) == ("initiative", "auto")
        assert "kind set automatically" in screen_text(pilot)
        assert "Init *" not in screen_text(pilot)
        await pilot.press("ctrl+s")
        await pilot.pause()
    saved = load_plan(path).items[0]
    assert (saved.kind, saved.kind_set_by) == ("initiative", "auto")


async def test_k_on_a_chosen_kind_the_reading_agrees_with_shows_another_kind(tmp_path):
    # k made such an item automatic: the kind shown stayed, as if the key did nothing.
    path = tmp_path / "p.toml"
    plan = Plan(items=[Item(text="Run a webinar", kind="initiative", kind_set_by="user")])
    app = make_app(plan, path, is_new=True)
    async with app.run_test(size=(80, 24)) as pilot:
        app.query_one("#item-list").focus()
        await pilot.pause()
        assert "Init *    Run a webinar" in screen_text(pilot)  # kind, chosen (*), text
        await pilot.press("k")
        await pilot.pause()
        assert "Obj  *!   Run a webinar" in screen_text(pilot)  # chosen, the reading disagrees
        assert "kind chosen by you" in screen_text(pilot)
        await pilot.press("ctrl+s")
        await pilot.pause()
    saved = load_plan(path).items[0]
    assert (saved.kind, saved.kind_set_by) == ("objective", "user")


async def test_the_items_editor_adds_moves_retypes_links_and_deletes(tmp_path):
    plan = Plan(kpis=[Kpi(id="signups", name="Signups")])
    app = make_app(plan, tmp_path / "p.toml", is_new=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("tab", "tab", "tab", "tab")
        assert focused_id(pilot) == "item-list"
        await pilot.press("a")
        await type_text(pilot, "Double signups")
        await pilot.press("enter")
        await type_text(pilot, "Run a webinar")
        await pilot.press("escape")
        assert focused_id(pilot) == "item-list"
        assert (plan.items[1].kind, plan.items[1].kind_set_by) == ("initiative", "auto")
        await pilot.press("k")  # initiative -> objective, as the user's choice
        assert (plan.items[1].kind, plan.items[1].kind_set_by) == ("objective", "user")
        assert "Obj  *!" in screen_text(pilot)  # chosen (*), though it reads otherwise (!)
        await pilot.press("left_square_bracket")
        assert [i.text for i in plan.items] == ["Run a webinar", "Double signups"]
        await pilot.press("down", "tab", "tab", "tab")
        assert focused_id(pilot) == "item-kpi"
        await choose(pilot, "sign")
        assert plan.items[1].kpi == "signups"
        assert "→ signups" in screen_text(pilot)
        await pilot.press("escape", "up", "d")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("y")
        await pilot.pause()
        assert [i.text for i in plan.items] == ["Double signups"]
        assert "Key results and initiatives: 1" in screen_text(pilot)


async def test_typing_on_a_drop_down_opens_it_at_the_option_typed(example_copy):
    """A KPI just added puts the cursor on its first empty field, Unit, a drop-down: the
    letters typed there used to go nowhere. They open the menu at the option found."""
    path = example_copy()
    app = make_app(load_plan(path), path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("alt+3")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("a")
        await pilot.pause()
        await type_text(pilot, "Net revenue retention")
        await pilot.press("enter")
        await pilot.pause()
        assert focused_id(pilot) == "kpi-unit"
        await pilot.press("p")
        await pilot.pause()
        assert "Percent" in screen_text(pilot)
        await pilot.press("enter", "tab", "l", "enter", "ctrl+s")
        await pilot.pause()
        rows = [line for line in screen_text(pilot).splitlines() if "Unit " in line]
        assert rows and "Percent" in rows[0]
    added = next(kpi for kpi in load_plan(path).kpis if kpi.name == "Net revenue retention")
    assert (added.unit, added.direction) == ("percent", "decrease")


async def test_deleting_a_kpi_asks_and_unlinks_its_items(example_copy):
    path = example_copy()
    app = make_app(load_plan(path), path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("alt+3", "escape", "down", "down", "d")
        await pilot.pause()
        assert "Items linked to it (1)" in screen_text(pilot)
        await pilot.press("n")
        assert len(app.plan.kpis) == 5
        await pilot.press("d", "y")
        await pilot.pause()
        assert [k.id for k in app.plan.kpis] == [
            "trial_activation",
            "week1_retention",
            "cac",
            "ltv_to_cac",
        ]
        assert all(item.kpi != "trial_to_paid" for item in app.plan.items)
        await pilot.press("alt+1")
        assert "→ trial_to_paid" not in screen_text(pilot)
        await pilot.press("alt+3", "escape", "end", "d")  # ltv_to_cac: no item links to it
        await pilot.pause()
        assert "Delete the KPI LTV to CAC ratio? No item is linked to it." in " ".join(
            screen_text(pilot).split()
        )


async def test_renaming_a_kpi_id_relinks_and_refuses_taken_ids(example_copy):
    path = example_copy()
    app = make_app(load_plan(path), path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("alt+3", "escape", "end", "enter", "tab", "ctrl+u")
        await type_text(pilot, "cac")
        assert "another KPI already has the id 'cac'" in screen_text(pilot)
        await type_text(pilot, "_ratio")
        assert app.plan.kpis[-1].id == "cac_ratio"
        assert "another KPI" not in screen_text(pilot)


async def test_the_app_speaks_chinese(tmp_path):
    set_language("zh-TW")
    path = tmp_path / "計畫.toml"
    app = make_app(Plan(), path, is_new=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await type_text(pilot, "讓部落格成為最穩定的名單來源")
        text = screen_text(pilot)
        assert "第 1 步:目標" in text
        assert "讓部落格成為最穩定的名單來源" in text
        assert "^s 儲存" in text
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert load_plan(path).objective.statement == "讓部落格成為最穩定的名單來源"


@pytest.mark.parametrize(
    ("path", "step", "widget", "kpi"),
    [
        ("items[5].kpi", "objective", "item-kpi", None),
        ("items", "objective", "item-list", None),
        ("title", "objective", "plan-title", None),
        ("north_star.definition", "north_star", "north-star-definition", None),
        ("kpis.week1_retention.funnel_stage", "kpis", "kpi-funnel_stage", "week1_retention"),
        ("kpis.ltv_to_cac.formula", "formulas", "kpi-formula", "ltv_to_cac"),
        ("kpis.cac.guardrail.max", "baselines", "kpi-guardrail-max", "cac"),
        ("currency", "baselines", "plan-currency", None),
    ],
)
async def test_focus_field_goes_to_the_step_and_field_of_a_path(
    example_copy, path, step, widget, kpi
):
    plan_path = example_copy()
    app = make_app(load_plan(plan_path), plan_path)
    async with app.run_test(size=(80, 24)) as pilot:
        assert await app.focus_field(path) is True
        await pilot.pause()
        assert app.wizard.current == step
        assert focused_id(pilot) == widget
        if kpi:
            assert app.plan.kpis[app.kpi_cursor].id == kpi
        if path.startswith("items["):
            assert app.wizard.pane("objective").editor.index == 5


async def test_a_step_asked_for_while_the_first_is_being_built_wins(tmp_path):
    app = make_app(Plan(), tmp_path / "p.toml")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("alt+2")  # straight away, while step 1 may still be mounting
        await pilot.pause()
        assert app.wizard.current == "north_star"
        assert "Step 2: North star" in screen_text(pilot)
        assert focused_id(pilot) == "north-star-name"


async def test_baselines_show_the_methods_hints_next_to_the_fields(example_copy):
    path = example_copy()
    plan = load_plan(path)
    plan.kpis[0].cadence = "monthly"  # a leading indicator
    app = make_app(plan, path)

    def note(row_id: str) -> str:
        return str(app.query_one(f"#{row_id} .field-note").content)

    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("alt+5")
        assert note("row-kpi-cadence") == "Suggested for Leading indicators: Weekly"
        assert note("row-kpi-target") == "1.25x the baseline"
        await pilot.press("tab", "ctrl+u")
        await type_text(pilot, "72%")
        assert note("row-kpi-target") == "2.00x the baseline; the method suggests 1.2 to 1.5x"


async def test_a_currency_that_is_no_code_is_flagged_next_to_its_field(example_copy):
    """'w' typed as the currency (the cursor lands in the baseline, so a code typed too
    fast goes astray) was taken silently and shown before every amount: 'W 780'."""
    path = example_copy()
    app = make_app(load_plan(path), path)

    def note() -> str:
        return str(app.query_one("#row-currency .field-note").content)

    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("alt+5", "escape", "shift+tab")
        assert focused_id(pilot) == "plan-currency"
        assert note() == ""
        await pilot.press("ctrl+u", "w")
        assert note() == "the currency 'w' is not a currency code such as USD or TWD"
        await pilot.pause()
        assert "the currency 'w' is not a" in screen_text(pilot)
        await pilot.press("ctrl+u", *"TWD")
        assert note() == ""
        await pilot.press("ctrl+u", *"dollars", "ctrl+s")
        await pilot.pause()
        await until(lambda: app.check_report().count("warning") > 1, "the checks")
        paths = [f.path for f in app.check_report().findings if f.check == "plan.currency"]
        assert paths == ["currency"]
    assert load_plan(path).currency == "dollars"  # kept as typed, flagged


async def test_a_lower_is_better_target_is_read_as_okr_check_reads_it(example_copy):
    """CAC $780 -> $600 is 1.3x better (the check finds nothing), not "0.77x, the method
    suggests 1.2 to 1.5x"; a target above the baseline is said to go the wrong way."""
    path = example_copy()
    app = make_app(load_plan(path), path)

    def note() -> str:
        return str(app.query_one("#row-kpi-target .field-note").content)

    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("alt+5", "escape", "down", "down", "down", "enter")  # cac
        assert app.query_one("#kpi-baseline", Input).value == "780"
        assert note() == "1.30x better than the baseline (lower is better)"
        await pilot.press("tab", "ctrl+u")
        await type_text(pilot, "$700")
        assert note() == (
            "1.11x better than the baseline (lower is better); the method suggests 1.2 to 1.5x"
        )
        await pilot.press("ctrl+u")
        await type_text(pilot, "$900")
        assert note() == "above the baseline, but lower is better for this KPI"
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert load_plan(path).kpis[3].target == 900  # a warning: the value is taken


def _id_columns(pilot, ids: list[str]) -> list[int]:
    """The terminal column each KPI id starts at in the KPI list (wide characters: 2)."""
    columns = []
    for kpi_id in ids:
        line = next(line for line in screen_text(pilot).splitlines() if f"  {kpi_id}" in line)
        columns.append(cell_len(line[: line.index(f"  {kpi_id}")]))
    return columns


async def test_the_kpi_list_lines_up_the_ids_after_the_longest_name(tmp_path):
    plan = Plan(
        kpis=[
            Kpi(id="cac", name="CAC"),
            Kpi(id="content_ctr", name="內容 CTR"),
            Kpi(id="trial_to_paid", name="Trial to paid"),
        ]
    )
    app = make_app(plan, tmp_path / "p.toml")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("alt+3")
        await pilot.pause()
        ids = ["cac", "content_ctr", "trial_to_paid"]
        first = _id_columns(pilot, ids)
        assert len(set(first)) == 1, screen_text(pilot)
        # A name typed longer than the others moves every id along.
        assert focused_id(pilot) == "kpi-name"  # the first KPI's
        await type_text(pilot, " per account")
        await pilot.pause()
        moved = _id_columns(pilot, ids)
        assert len(set(moved)) == 1 and moved[0] > first[0], screen_text(pilot)


async def test_a_very_long_kpi_name_is_cut_so_its_id_still_shows(tmp_path):
    plan = Plan(kpis=[Kpi(id="cac", name="Customer acquisition cost " * 6), Kpi(id="ltv")])
    app = make_app(plan, tmp_path / "p.toml")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("alt+3")
        await pilot.pause()
        row = next(line for line in screen_text(pilot).splitlines() if "Customer acq" in line)
        assert "…  cac" in row
        assert any(line.strip().endswith("ltv") for line in screen_text(pilot).splitlines())


async def test_fields_under_a_list_show_the_start_of_a_long_text_and_type_at_its_end(
    example_copy,
):
    path = example_copy()
    app = make_app(load_plan(path), path)
    async with app.run_test(size=(80, 24)) as pilot:
        app.query_one("#item-list").focus()
        await pilot.press("down")
        await pilot.pause()
        second = app.plan.items[1].text
        assert second.startswith("Lift trial activation") and len(second) > 40
        row = next(line for line in screen_text(pilot).splitlines() if "Text   " in line)
        assert "Text           Lift trial activation" in row, row
        await pilot.press("enter", "exclamation_mark")  # into the text: the cursor at its end
        assert app.plan.items[1].text == second + "!"
        await pilot.press("escape", "down")  # the next item, chosen from the list
        await pilot.pause()
        row = next(line for line in screen_text(pilot).splitlines() if "Text   " in line)
        assert "Text           Reduce CAC from $780" in row, row

        await pilot.press("alt+5")  # Baselines & cadence: a long action on a breach
        await pilot.pause()
        row = next(line for line in screen_text(pilot).splitlines() if "On breach" in line)
        assert "On breach      Roll back the latest" in row, row


async def test_step_5_starts_in_the_currency_while_money_has_none(example_copy):
    """The cursor landed in the baseline under the KPI list, though the currency is the
    first field on screen: "USD" typed there was "not a number"."""
    path = example_copy()
    plan = load_plan(path)
    plan.currency = ""
    app = make_app(plan, path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("alt+5")
        await pilot.pause()
        assert focused_id(pilot) == "plan-currency"
        await pilot.press(*"EUR", "alt+4", "alt+5")
        await pilot.pause()
        assert focused_id(pilot) == "kpi-baseline"  # a currency set: the KPI's numbers
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert load_plan(path).currency == "EUR"


async def test_on_a_wide_screen_the_kpi_list_beside_the_form_is_as_tall_and_names_show(tmp_path):
    """At 120x40 the KPI list stands beside the form: it takes the step's height (not the
    seven rows it has above the form on a narrow screen), and a 22-character name and
    its id show whole."""
    kpis = [Kpi(id=f"kpi_{n}", name=f"Customer retention {n:03}") for n in range(30)]
    app = make_app(Plan(kpis=kpis), tmp_path / "p.toml")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("alt+3")
        await pilot.pause()
        kpi_list = app.query_one("#kpi-list-kpis")
        assert kpi_list.size.height >= 25
        text = screen_text(pilot)
        assert "Customer retention 024  kpi_24" in text, "the 25th KPI, name and id whole"
    app = make_app(Plan(kpis=kpis), tmp_path / "p.toml")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("alt+3")
        await pilot.pause()
        assert app.query_one("#kpi-list-kpis").size.height <= 7, "above the form: a few rows"
