"""The tracking screens, driven by keys: the dashboard, the check-in screen, next period.

Every test fixes the app's today, so none depends on the date it runs.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest

from model.i18n import set_language
from model.store import load_plan
from tests.tui.helpers import focused_id, retype, run_command, screen_text, type_text, until
from tests.tui.safety_helpers import hold_lock_elsewhere
from tui.app import make_app
from tui.screens.checkin import CheckinScreen
from tui.screens.dashboard import DashboardScreen
from tui.screens.dialogs import ConfirmDialog
from tui.screens.next_period import NextPeriodDialog

TODAY = dt.date(2026, 2, 20)
"""Mid-Q1 for saas-growth.toml: trial_activation and week1_retention are overdue
(weekly, last on 2026-02-09), CAC ($740) is above its $700 ceiling."""


def flat(pilot) -> str:
    """The screen's text with line breaks and runs of spaces as single spaces, to find
    a sentence however it wraps."""
    return " ".join(screen_text(pilot).split())


def saas_app(path, today: dt.date = TODAY):
    return make_app(load_plan(path), path, today=today)


async def test_a_check_in_typed_with_keys_is_saved_by_ctrl_s(example_copy):
    path = example_copy()
    before = path.read_text("utf-8")
    app = saas_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+l")
        await pilot.pause()
        assert isinstance(app.screen, CheckinScreen)
        text = screen_text(pilot)
        assert "2 of 5 KPIs are due" in text
        # The due KPIs come first, each with its last value and how late it is.
        rows = [line for line in text.splitlines() if "overdue 4 days" in line]
        assert "Trial activation rate" in rows[0] and "41%" in rows[0]
        assert "First-week retention" in rows[1] and "30%" in rows[1]
        assert focused_id(pilot) == "checkin-value"

        await type_text(pilot, "44%")
        assert "= 44%: 89% toward the target, on track" in screen_text(pilot)
        await pilot.press("tab", "tab", "tab")  # past the two inputs, to the confidence
        assert focused_id(pilot) == "checkin-confidence"
        await type_text(pilot, "8")
        await pilot.press("tab")
        await type_text(pilot, "Checklist v2")
        await pilot.press("enter")
        await pilot.pause()

        assert "✓ Recorded Trial activation rate = 44% on 2026-02-20" in screen_text(pilot)
        assert app.dirty
        assert "1 of 5 KPIs is due" in flat(pilot), "the count follows what is recorded"
        # On to the next KPI due, with its own empty form.
        assert app.screen.kpi.id == "week1_retention"
        assert focused_id(pilot) == "checkin-value"
        assert app.screen.field("value").value == ""
        assert path.read_text("utf-8") == before  # nothing written before ctrl+s

        await type_text(pilot, "31%")
        await pilot.press("enter")
        await pilot.pause()
        assert "Every KPI due is checked in." in flat(pilot)
        assert "None of the 5 KPIs is due by its cadence." in flat(pilot)
        assert focused_id(pilot) == "checkin-list"

        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not app.dirty
    saved = load_plan(path).checkins[-2]
    assert (saved.kpi, saved.date, saved.value) == ("trial_activation", TODAY, 0.44)
    assert (saved.confidence, saved.note) == (8, "Checklist v2")
    assert path.read_text("utf-8").startswith(before)  # appended, the rest untouched


async def test_after_the_period_a_check_in_is_dated_on_its_last_day(example_copy):
    path = example_copy()
    app = saas_app(path, today=dt.date(2026, 4, 10))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+l")
        await pilot.pause()
        assert app.screen.field("date").value == "2026-03-31"
        assert "outside the plan's period" not in flat(pilot)
        await type_text(pilot, "45%")
        await pilot.press("enter")
        await pilot.pause()
        assert "✓ Recorded Trial activation rate = 45% on 2026-03-31" in flat(pilot)
        await pilot.press("ctrl+s")
        await pilot.pause()
    saved = load_plan(path).checkins[-1]
    assert (saved.kpi, saved.date, saved.value) == ("trial_activation", dt.date(2026, 3, 31), 0.45)


async def test_a_negative_rate_is_warned_about_under_the_value_and_recorded_anyway(
    example_copy,
):
    path = example_copy()
    app = saas_app(path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("ctrl+l")
        await pilot.pause()
        assert app.screen.kpi.id == "trial_activation"
        await type_text(pilot, "-5%")
        note = app.screen.row("value").query_one(".field-note")
        assert "-warning" in note.classes
        assert (
            "trial_activation: -5% is below zero, but a rate or a share is never negative"
            " (only a change, such as growth, can be); it can still be recorded"
        ) in flat(pilot)
        await pilot.press("enter")
        await pilot.pause()
        assert "✓ Recorded Trial activation rate = -5% on 2026-02-20" in flat(pilot)
        assert "! trial_activation: -5% is below zero" in flat(pilot)
        assert "recorded anyway" in flat(pilot)
        assert app.plan.checkins[-1].value == -0.05


async def test_typed_inputs_compute_the_value_that_is_recorded(example_copy):
    path = example_copy()
    app = saas_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+l")
        await pilot.pause()
        await pilot.press("tab")
        assert focused_id(pilot) == "checkin-input-0"  # activated_trials
        await type_text(pilot, "180")
        assert "Still to type: trial_signups" in screen_text(pilot)
        await pilot.press("tab")
        await type_text(pilot, "400")
        value = app.screen.field("value")
        assert value.disabled and value.value == "45%"
        assert "= 45%: 100% toward the target, on track" in screen_text(pilot)
        await pilot.press("enter")
        await pilot.pause()
    recorded = app.plan.checkins[-1]
    assert recorded.kpi == "trial_activation"
    assert recorded.value == 0.45
    assert recorded.inputs == {"activated_trials": 180, "trial_signups": 400}


async def test_mistakes_are_shown_next_to_their_field_and_nothing_is_recorded(example_copy):
    path = example_copy()
    app = saas_app(path)
    count = len(app.plan.checkins)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+l")
        await pilot.pause()
        screen = app.screen
        await pilot.press("enter")  # nothing typed
        await pilot.pause()
        assert screen.row("value").has_error
        assert "Type a value (or the formula's inputs) first" in screen_text(pilot)

        await type_text(pilot, "lots")
        await pilot.press("enter")
        await pilot.pause()
        assert screen.row("value").has_error
        assert "'lots' is not a number" in flat(pilot)

        await pilot.press("ctrl+u")
        await type_text(pilot, "44")
        await pilot.press("tab", "tab", "tab")
        await type_text(pilot, "11")
        assert screen.row("confidence").has_error
        await pilot.press("enter")
        await pilot.pause()
        assert focused_id(pilot) == "checkin-confidence"
        assert "from 0 to 10" in flat(pilot)

        await pilot.press("escape", "up", "up", "up")  # to the list, then the date
        app.screen.field("date").focus()
        await pilot.press("ctrl+u")
        await type_text(pilot, "2026-02-30")
        assert screen.row("date").has_error
        assert len(app.plan.checkins) == count
        assert not app.dirty


async def test_the_check_in_list_puts_the_kpis_due_first_then_the_rest_in_plan_order(
    example_copy,
):
    from model.plan import CheckIn

    path = example_copy()
    plan = load_plan(path)
    day = dt.date(2026, 2, 16)  # the two weekly KPIs are due; the first is checked in
    plan.checkins.append(CheckIn(kpi="trial_activation", date=day, value=0.44))
    app = make_app(plan, path, today=day)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("ctrl+l")
        await pilot.pause()
        lines = screen_text(pilot).splitlines()
        below_date = lines[next(i for i, line in enumerate(lines) if "2026-02-16" in line) :]
        expected = [
            "First-week retention",
            "Trial activation rate",
            "Trial to paid rate",
            "Customer acquisition cost",
            "LTV to CAC ratio",
        ]
        rows = [next(i for i, line in enumerate(below_date) if name in line) for name in expected]
        assert rows == sorted(rows), below_date
        app.guard.quit_discarding()


async def test_leaving_with_a_value_typed_but_not_recorded_asks_first(example_copy):
    app = saas_app(example_copy())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+l")
        await pilot.pause()
        await type_text(pilot, "44")
        await pilot.press("escape")  # the field -> the list
        assert focused_id(pilot) == "checkin-list"
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, CheckinScreen)
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert app.screen is app.wizard
        assert not app.dirty


async def test_the_dashboard_shows_status_a_crossed_guardrails_action_and_overdue(example_copy):
    app = saas_app(example_copy())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+t")
        await pilot.pause()
        assert isinstance(app.screen, DashboardScreen)
        text = screen_text(pilot)
        lines = text.splitlines()
        assert "North star: Paid subscriptions" in lines[1]
        assert "Today 2026-02-20 · 57% of the period 2026-01-01 to 2026-03-31 has passed" in text
        assert "Objective: on track · 35% done, 39% expected" in text
        assert "Guardrail crossed (1): Customer acquisition cost" in text
        assert "Check-in overdue (2): Trial" in text
        cac = next(i for i, line in enumerate(lines) if line.startswith("  Customer acquisition"))
        assert "$740" in lines[cac]
        assert "at risk" in lines[cac + 1] and "GUARDRAIL CROSSED" in lines[cac + 1]
        assert lines[cac + 2].lstrip().startswith("!  Guardrail crossed, above the ceiling")
        assert "Action: Pause the two worst ad sets by CAC" in flat(pilot)
        activation = next(i for i, line in enumerate(lines) if "Trial activation rate" in line)
        assert "▁▅█" in lines[activation]  # 37%, 39%, 41%
        assert "56%" in lines[activation + 1] and "on track" in lines[activation + 1]
        assert "overdue 4 days" in lines[activation + 1]
        assert "due 2026-02-28" in text

        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is app.wizard


async def test_a_later_day_changes_what_the_dashboard_says(example_copy):
    app = saas_app(example_copy(), today=dt.date(2026, 4, 10))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+t")
        await pilot.pause()
        text = flat(pilot)
        assert "the period 2026-01-01 to 2026-03-31 has ended: scores are final" in text
        assert "(next: ctrl+p, Next period)" in text
        # once the period is over, statuses are the final grades: they agree with the scores
        # until the closing values are in, a late one can still change the scores
        assert "has ended: scores are final once the closing values are in" in text
        assert "Objective: off track · 35% done · score so far 0.3" in text
        # a month after the end nothing is "overdue": the closing values are missing
        assert "Guardrail crossed (1): Customer acquisition cost · No closing value for" in text
        assert "2026-03-31 (5)" in text and "overdue" not in text
        assert text.count("closing value due") == 5
        assert "29%, score 0.2 off track" in text  # the closed period's score on the card
        assert "56%, score 0.5 at risk" in text


async def test_a_check_in_dated_later_says_it_counts_from_its_day(example_copy):
    """A value checked in with a later date does not count yet: the KPI stays due as of
    today, and the dashboard and the check-in list say why rather than "overdue"."""
    path = example_copy()
    with path.open("a", encoding="utf-8") as plan:
        plan.write('\n[[checkins]]\nkpi = "trial_activation"\ndate = 2026-02-25\nvalue = 0.43\n')
    app = saas_app(path)  # 2026-02-20: trial_activation's weekly check-in is overdue
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+t")
        await pilot.pause()
        lines = screen_text(pilot).splitlines()
        card = next(i for i, line in enumerate(lines) if "Trial activation rate" in line)
        assert "counts from 2026-02-25" in lines[card + 1]
        assert "overdue" not in lines[card + 1]
        await pilot.press("ctrl+l")
        await pilot.pause()
        row = next(line for line in screen_text(pilot).splitlines() if "Trial activation" in line)
        assert "» Trial activation rate" in row and "counts from 2026-02-25" in row


async def test_scores_are_called_final_once_every_closing_value_is_in(example_copy):
    path = example_copy()
    closing = {"trial_activation": 0.44, "week1_retention": 0.33, "trial_to_paid": 0.115}
    closing |= {"cac": 650, "ltv_to_cac": 3.1}
    with path.open("a", encoding="utf-8") as plan:
        for kpi, value in closing.items():
            plan.write(f'\n[[checkins]]\nkpi = "{kpi}"\ndate = 2026-03-31\nvalue = {value}\n')
    app = saas_app(path, today=dt.date(2026, 4, 10))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+t")
        await pilot.pause()
        text = flat(pilot)
        assert "has ended: scores are final (next: ctrl+p, Next period)" in text
        assert "Objective: on track · 79% done · final score 0.75" in text
        assert "closing value due" not in text and "so far" not in text


async def test_two_columns_keep_the_due_label_whole_beside_a_crossed_guardrail(example_copy):
    """At 120 columns the leading and lagging KPIs sit side by side; a crossed guardrail's
    card has its own alert line, so its status line drops the word rather than cutting
    "closing value due" short."""
    app = saas_app(example_copy(), today=dt.date(2026, 4, 10))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("ctrl+t")
        await pilot.pause()
        lines = screen_text(pilot).splitlines()
        cac = next(i for i, line in enumerate(lines) if "│  Customer acquisition cost" in line)
        assert "│" in lines[cac]  # two columns
        assert lines[cac + 1].rstrip().endswith("closing value due")
        assert "!  Guardrail crossed, above the ceiling of $700" in lines[cac + 2]
        assert sum(line.count("closing value due") for line in lines) == 5


async def test_enter_on_a_dashboard_card_checks_that_kpi_in_and_comes_back_updated(example_copy):
    app = saas_app(example_copy())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+t")
        await pilot.pause()
        await pilot.press("down", "down", "down")  # trial_activation, week1, trial_to_paid, cac
        assert app.screen.board.current.kpi.id == "cac"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, CheckinScreen)
        assert app.screen.kpi.id == "cac"
        await type_text(pilot, "$680")
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("escape")  # the list
        await pilot.press("escape")  # back to the dashboard
        await pilot.pause()
        assert isinstance(app.screen, DashboardScreen)
        text = screen_text(pilot)
        assert "$680" in text
        assert "Guardrail crossed" not in text


async def test_the_palette_opens_the_dashboard_and_the_check_in_screen(example_copy):
    app = saas_app(example_copy())
    async with app.run_test(size=(80, 24)) as pilot:
        await run_command(pilot, "dashboard")
        assert isinstance(app.screen, DashboardScreen)
        await run_command(pilot, "check in")
        assert isinstance(app.screen, CheckinScreen)


async def test_next_period_writes_a_new_file_with_the_last_actuals_as_baselines(
    example_copy, tmp_path
):
    path = example_copy()
    before = path.read_text("utf-8")
    app = saas_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await run_command(pilot, "next period")
        dialog = app.screen
        assert isinstance(dialog, NextPeriodDialog)
        assert dialog.query_one("#next-start").value == "2026-04-01"
        assert dialog.query_one("#next-end").value == "2026-06-30"
        suggested = dialog.query_one("#next-path").value
        assert suggested.endswith("saas-growth-2026-q2.toml"), "named after its quarter"
        taken = tmp_path / "taken.toml"
        taken.write_text("keep me", "utf-8")
        await retype(pilot, str(taken))
        assert "already exists" in screen_text(pilot)
        assert taken.read_text("utf-8") == "keep me"

        target = tmp_path / "saas-growth-q2.toml"
        await retype(pilot, str(target))
        assert app.screen is app.wizard
        messages = [str(n.message) for n in app._notifications]
        assert any(f"Wrote {target} for 2026-04-01 to 2026-06-30." in m for m in messages)
    new = load_plan(target)
    assert (new.objective.start, new.objective.end) == (dt.date(2026, 4, 1), dt.date(2026, 6, 30))
    assert new.checkins == []
    baselines = {kpi.id: kpi.baseline for kpi in new.kpis}
    assert baselines == {
        "trial_activation": 0.41,
        "week1_retention": 0.3,
        "trial_to_paid": 0.1,
        "cac": 740,
        "ltv_to_cac": 2.7,
    }
    assert path.read_text("utf-8") == before


async def test_next_period_refuses_a_new_plan_another_session_has_open(example_copy, tmp_path):
    """A session editing a new plan has no file yet, only its lock: the next period is
    not written there (that session's first save would otherwise find it taken)."""
    app = saas_app(example_copy())
    target = tmp_path / "their-new.toml"
    hold_lock_elsewhere(target, user="alice")
    async with app.run_test(size=(100, 30)) as pilot:
        await run_command(pilot, "next period")
        assert isinstance(app.screen, NextPeriodDialog)
        await retype(pilot, str(target))
        assert isinstance(app.screen, NextPeriodDialog), "still asking"
        text = screen_text(pilot)
        assert "open in the planner by" in text and "alice on" in text
        assert "nothing was written" in text
    assert not target.exists()


async def test_next_period_from_the_palette_keeps_the_plan_files_comments(example_copy, tmp_path):
    path = example_copy()
    path.write_text(
        path.read_text("utf-8").replace('id = "cac"', 'id = "cac"  # blended: paid and organic'),
        "utf-8",
    )
    app = saas_app(path)
    target = tmp_path / "q2.toml"
    async with app.run_test(size=(100, 30)) as pilot:
        await run_command(pilot, "next period")
        await retype(pilot, str(target))
        assert app.screen is app.wizard
    assert 'id = "cac"  # blended: paid and organic\n' in target.read_text("utf-8")
    assert load_plan(target).checkins == []


async def test_the_chinese_plan_checks_in_in_chinese(example_copy):
    set_language("zh-TW")
    path = example_copy("content-leads.zh-TW.toml")
    app = make_app(load_plan(path), path, today=dt.date(2026, 4, 20))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+l")
        await pilot.pause()
        text = screen_text(pilot)
        assert "回報進度" in text
        assert "逾期" in text
        await type_text(pilot, "41000")
        await pilot.press("enter")
        await pilot.pause()
        assert "✓ 已記錄 自然搜尋流量 = 41,000(2026-04-20)" in flat(pilot)
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert load_plan(path).checkins[-1].value == 41000


async def test_ctrl_t_from_a_check_in_opened_on_the_dashboard_goes_back_to_it(example_copy):
    app = saas_app(example_copy())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+t")
        await pilot.pause()
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, CheckinScreen)
        await pilot.press("ctrl+t")
        await pilot.pause()
        assert isinstance(app.screen, DashboardScreen)
        assert len(app.screen_stack) == 2  # the wizard and the dashboard, nothing stacked
        await pilot.press("ctrl+t")
        await pilot.pause()
        assert app.screen is app.wizard


async def test_a_check_in_from_a_dashboard_opened_on_the_check_in_screen_goes_back_to_it(
    example_copy,
):
    # ctrl+l, ctrl+t, then Enter on a card opened a second check-in screen: the app
    # stopped on its duplicate id
    path = example_copy()
    app = saas_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+l")
        await pilot.pause()
        await type_text(pilot, "44%")  # typed for the first KPI, not recorded yet
        await pilot.press("escape", "ctrl+t")
        await pilot.pause()
        assert isinstance(app.screen, DashboardScreen)
        await pilot.press("down", "enter")  # the second card: First-week retention
        await pilot.pause()
        assert isinstance(app.screen, CheckinScreen)
        assert sum(isinstance(s, CheckinScreen) for s in app.screen_stack) == 1
        assert focused_id(pilot) == "checkin-value"
        assert app.screen.kpi.id == "week1_retention"
        await type_text(pilot, "31%")
        await pilot.press("enter", "ctrl+s")
        await pilot.pause()
        assert app.screen.drafts["trial_activation"], "what was typed first is still there"
        app.guard.quit_discarding()
    [checkin] = [c for c in load_plan(path).checkins if c.date == TODAY]
    assert (checkin.kpi, checkin.value) == ("week1_retention", 0.31)


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_the_check_in_list_keeps_its_columns_when_a_row_has_no_due_date(example_copy, size):
    path = example_copy()
    plan = load_plan(path)
    plan.kpis[1].cadence = None  # nothing is ever due for it: its due column is empty
    from model.store import save_plan

    save_plan(plan, path)
    async with saas_app(path).run_test(size=size) as pilot:
        await pilot.press("ctrl+l")
        await pilot.pause()
        lines = screen_text(pilot).splitlines()
        rows = [next(line for line in lines if kpi.name[:16] in line) for kpi in plan.kpis]
        statuses = [re.search(r"(on track|at risk|off track)", row) for row in rows]
        assert all(statuses), rows  # the status stays at 120 columns too
        assert len({match.start() for match in statuses}) == 1, rows
        values = [re.search(r"\S+(?=  (on track|at risk|off track))", row) for row in rows]
        assert len({match.end() for match in values}) == 1, rows  # values end in one column


async def test_a_back_dated_check_in_is_previewed_and_confirmed_as_of_its_own_date(
    example_copy,
):
    """$650 on 2026-01-15 is 72% of the way from $780 to $600, under the $700 ceiling;
    the later $740 of 2026-01-31 (22%, crossed) is not what it is judged by."""
    app = saas_app(example_copy())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+t")
        await pilot.pause()
        await pilot.press("down", "down", "down")  # trial_activation, week1, trial_to_paid, cac
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.kpi.id == "cac"
        app.screen.field("date").focus()
        await pilot.press("ctrl+u")
        await type_text(pilot, "2026-01-15")
        app.screen.field("value").focus()
        await type_text(pilot, "$650")
        assert "= $650: 72% toward the target, on track" in flat(pilot)
        assert "crossed" not in flat(pilot)
        await pilot.press("enter")
        await pilot.pause()
        assert (
            "= $650 on 2026-01-15: 72% of the way to the target (expected 17%), on track."
            in flat(pilot)
        )
        assert "Guardrail crossed" not in flat(pilot) and "Action:" not in flat(pilot)
    assert app.plan.checkins[-1].date == dt.date(2026, 1, 15)


async def test_a_plan_with_only_an_end_says_no_start_date_until_that_end(example_copy):
    """Without a start nothing can be expected: the dashboard and the check-in screen say
    which date is missing (not "no period set"); the cadence still counts from the last
    check-in, as okr status and okr check do."""
    path = example_copy()
    path.write_text(path.read_text("utf-8").replace("start = 2026-01-01\n", "", 1), "utf-8")
    app = saas_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+t")
        await pilot.pause()
        text = flat(pilot)
        assert "Today 2026-02-20 · the period ending 2026-03-31 has no start date" in text
        assert "Objective: no start date" in text and "no period set" not in text
        assert "score" not in text and "final" not in text and "closing value" not in text
        assert "overdue 4 days" in text  # weekly, last checked in on 2026-02-09
        await pilot.press("escape", "ctrl+l")
        await pilot.pause()
        text = flat(pilot)
        assert "Trial activation rate 41% no start date overdue 4 days" in text


async def test_a_plan_with_only_a_start_says_no_end_date(example_copy):
    path = example_copy()
    path.write_text(path.read_text("utf-8").replace("end = 2026-03-31\n", "", 1), "utf-8")
    app = saas_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+t")
        await pilot.pause()
        text = flat(pilot)
        assert "Today 2026-02-20 · the period starting 2026-01-01 has no end date" in text
        assert "Objective: no end date" in text and "no period set" not in text


async def test_after_its_end_a_plan_without_a_start_is_graded_and_owes_closing_values(
    example_copy,
):
    """The end alone says the period is over: the dashboard grades the KPIs and says the
    closing values are owed (not "overdue 200 days"), and the check-in screen dates a
    new value on the period's last day, as okr status and okr checkin do."""
    path = example_copy()
    path.write_text(path.read_text("utf-8").replace("start = 2026-01-01\n", "", 1), "utf-8")
    app = saas_app(path, today=dt.date(2026, 10, 10))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+t")
        await pilot.pause()
        text = flat(pilot)
        assert "Today 2026-10-10 · the period … to 2026-03-31 has ended" in text
        assert "scores are final once the closing values are in" in text
        assert "Objective: off track" in text and "score so far 0.3" in text
        assert "closing value due" in text and "overdue" not in text
        await pilot.press("escape", "ctrl+l")
        await pilot.pause()
        text = flat(pilot)
        assert app.screen.query_one("#checkin-date").value == "2026-03-31"
        assert "Trial activation rate 41% at risk closing value due" in text
        assert "overdue" not in text


async def test_ctrl_r_goes_to_what_was_recorded_and_back_in_one_key(example_copy):
    """After a check-in the cursor is in the next KPI's value field; what was recorded
    (scrollable when long) is one key away, a key the Footer shows only once there is a
    result to go to."""
    app = saas_app(example_copy())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+l")
        await pilot.pause()
        footer = screen_text(pilot).splitlines()[-1]
        assert "^r Result" not in footer  # nothing recorded yet: no key to a result
        await pilot.press("ctrl+r")
        assert focused_id(pilot) == "checkin-value"
        await type_text(pilot, "5%")  # below trial_activation's floor: a long result
        await pilot.press("enter")
        await pilot.pause()
        assert focused_id(pilot) == "checkin-value"  # the next KPI due
        assert "^r Result" in screen_text(pilot).splitlines()[-1]
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert focused_id(pilot) == "checkin-result-box"
        assert "guardrail crossed, below the floor of 30%" in flat(pilot)
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert focused_id(pilot) == "checkin-value"


async def test_lines_pasted_into_a_check_in_note_are_all_kept(example_copy):
    # The planner's fields join pasted lines with spaces (README); the check-in fields
    # still had Textual's paste, which kept the first line and dropped the rest silently.
    from textual import events

    path = example_copy()
    app = saas_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+l")
        await pilot.pause()
        await type_text(pilot, "44%")
        await pilot.press("tab", "tab", "tab", "tab")
        assert focused_id(pilot) == "checkin-note"
        app.focused.post_message(events.Paste("Checklist v2 shipped\n  on Monday\n"))
        await pilot.pause()
        assert app.focused.value == "Checklist v2 shipped on Monday"
        await pilot.press("enter")
        await pilot.pause()
    assert app.plan.checkins[-1].note == "Checklist v2 shipped on Monday"


async def test_ctrl_z_undoes_typing_in_a_check_in_field_and_never_brings_another_kpis_text(
    example_copy,
):
    """F1 and the README list ctrl+z for every text field; the check-in form's fields had
    none. A field loaded for another KPI starts with nothing to undo."""
    path = example_copy()
    app = saas_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+l")
        await pilot.pause()
        assert focused_id(pilot) == "checkin-value"
        await type_text(pilot, "44 45")
        await pilot.press("ctrl+z")  # a word at a time
        assert app.focused.value == "44"
        await pilot.press("ctrl+y")
        assert app.focused.value == "44 45"
        await pilot.press("ctrl+u", "escape", "down", "enter")  # the next KPI's form
        await pilot.pause()
        field = app.screen.query_one("#checkin-value")
        field.focus()
        await pilot.pause()
        assert field.value == ""
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert field.value == "", "nothing of the first KPI's field comes back"


def _new_report(app, before) -> bool:
    """Whether the checks have run again since ``before`` was their report."""
    report = app.last_check_report()
    return report is not None and report is not before


async def test_a_check_in_runs_the_checks_again_so_the_kpi_is_no_longer_overdue(example_copy):
    path = example_copy()
    app = saas_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()

        def overdue() -> list[str]:
            report = app.last_check_report()
            assert report is not None, "the checks have not run again"
            return [f.path for f in report.findings if f.check == "tracking.overdue"]

        assert overdue() == ["kpis.trial_activation.cadence", "kpis.week1_retention.cadence"]
        await pilot.press("ctrl+l")
        await type_text(pilot, "44%")
        await pilot.press("enter")
        before = app.last_check_report()
        await until(lambda: _new_report(app, before), "the checks to run again")
        assert overdue() == ["kpis.week1_retention.cadence"]
        app.guard.quit_discarding()
