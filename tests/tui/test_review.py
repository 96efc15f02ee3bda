"""The review step in the app: findings from the method checks, errors first; Enter
jumps to the field; silencing writes [[ignore]]; the step list marks the same errors;
export from the app writes the file next to the plan."""

from __future__ import annotations

import datetime as dt

import pytest

from model.export.md import MARKER
from model.store import load_plan
from tests.conftest import run_okr
from tests.tui.helpers import focused_id, run_command, screen_text, type_text
from tui.app import make_app
from tui.screens.dialogs import PromptDialog
from tui.screens.export import ExportDialog
from tui.screens.review import FindingList
from tui.screens.wizard import CHECKS_DELAY
from tui.widgets.step_list import StepList

TODAY = dt.date(2026, 2, 15)


def broken_copy(example_copy):
    """The SaaS example saved without its KGI (an error) and without cac's owner."""
    from model.store import save_plan

    path = example_copy()
    plan = load_plan(path)
    plan.objective.kgi = ""
    plan.kpis[3].owner = ""
    save_plan(plan, path)
    return path


async def checks_done(pilot) -> None:
    """Wait until the checks loaded off the UI thread have run and marked the steps."""
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def last_notification(app) -> str:
    return list(app._notifications)[-1].message


async def test_review_lists_errors_first_and_enter_jumps_to_the_field(example_copy):
    path = broken_copy(example_copy)
    app = make_app(load_plan(path), path, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("alt+6")
        await pilot.pause()
        assert focused_id(pilot) == "review-findings"
        text = screen_text(pilot)
        assert "Errors 2 · warnings 1" in text
        assert "✗ error  Objective: the objective has no KGI" in text
        assert "✗ error  Core KPIs: cac has no owner" in text
        assert "Fix: Add the KGI" in text  # the chosen finding's fix, under the list
        rows = app.wizard.pane("review").finding_list.findings
        assert [f.severity for f in rows] == sorted(
            (f.severity for f in rows), key=["error", "warning", "hint"].index
        )
        await pilot.press("enter")
        await pilot.pause()
        assert app.wizard.current == "objective"
        assert focused_id(pilot) == "objective-kgi"

        await pilot.press("alt+6", "down", "enter")
        await pilot.pause()
        assert app.wizard.current == "kpis"
        assert focused_id(pilot) == "kpi-owner"
        assert app.plan.kpis[app.kpi_cursor].id == "cac"
        await type_text(pilot, "Priya")
        await pilot.press("alt+6")
        await pilot.pause()
        text = screen_text(pilot)
        assert "cac has no owner" not in text  # the review always shows the plan as it is
        assert "Errors 1" in text


async def test_the_step_list_marks_the_steps_the_checks_find_errors_in(example_copy):
    path = broken_copy(example_copy)
    app = make_app(load_plan(path), path, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await checks_done(pilot)
        states = app.wizard.query_one(StepList).states
        assert states["objective"] == states["kpis"] == states["review"] == "error"
        assert states["north_star"] == "done"
        assert states["baselines"] == "warning"  # cac's guardrail was crossed
        text = screen_text(pilot)
        assert "✗ 1 Objective" in text and "✗ 3 Core KPIs" in text
        assert "✗ has errors" in text  # the legend

        assert focused_id(pilot) == "objective-statement"
        await pilot.press("tab")
        assert focused_id(pilot) == "objective-kgi"
        await type_text(pilot, "Paid conversion 12% by 2026-03-31")
        await pilot.pause(CHECKS_DELAY + 0.2)  # the checks run once typing stops
        assert app.wizard.query_one(StepList).states["objective"] != "error"
        assert "✗ 1 Objective" not in screen_text(pilot)

    result = run_okr("check", str(path))
    assert "objective.kgi" in result.stdout  # the file on disk still lacks it (not saved)


async def test_silencing_a_finding_saves_ignore_with_the_reason_and_okr_check_agrees(
    example_copy,
):
    path = broken_copy(example_copy)
    app = make_app(load_plan(path), path, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("alt+6")
        await pilot.pause()
        assert "the objective has no KGI" in screen_text(pilot)

        await pilot.press("s", "enter")  # no reason: nothing is silenced
        await pilot.pause()
        assert "A reason is needed" in last_notification(app)
        assert len(app.plan.ignore) == 1

        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, PromptDialog)
        assert "objective.kgi" in screen_text(pilot)
        await type_text(pilot, "KGI is set by the board")
        await pilot.press("enter")
        await pilot.pause()
        text = screen_text(pilot)
        assert "✗ error  Objective: the objective has no KGI" not in text
        assert "~ silenced  Objective: the objective has no KGI" in text  # listed last
        assert "Errors 1 · warnings 1 · hints 0 · silenced 2" in text
        assert app.dirty
        await pilot.press("ctrl+s")
        await pilot.pause()

    saved = load_plan(path)
    assert [(i.check, i.path, i.reason) for i in saved.ignore][-1] == (
        "objective.kgi",
        "objective.kgi",
        "KGI is set by the board",
    )
    assert "[[ignore]]" in path.read_text("utf-8")
    result = run_okr("check", str(path))
    assert "objective.kgi" not in result.stdout
    assert "cac has no owner" in result.stdout and result.returncode == 1
    assert "2 silenced" in result.stdout


async def test_a_formula_that_can_never_be_computed_cannot_be_silenced(example_copy):
    from model.store import save_plan

    path = example_copy()
    plan = load_plan(path)
    plan.kpis[0].formula = "(" + plan.kpis[0].formula
    save_plan(plan, path)
    app = make_app(load_plan(path), path, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("alt+6")
        await pilot.pause()
        assert "✗ error" in screen_text(pilot)  # the syntax error is the chosen finding
        await pilot.press("s")
        await pilot.pause()
        assert not isinstance(app.screen, PromptDialog)
        assert "cannot be accepted with [[ignore]]" in last_notification(app)
        assert len(app.plan.ignore) == 1 and not app.dirty


async def test_export_writes_each_format_next_to_the_plan_and_names_the_file(example_copy):
    path = example_copy()
    app = make_app(load_plan(path), path, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+o")
        await pilot.pause()
        assert isinstance(app.screen, ExportDialog)
        assert "Markdown (.md)" in screen_text(pilot)
        await pilot.press("m")
        await pilot.pause()
        markdown = path.with_suffix(".md")
        assert markdown.read_text("utf-8").startswith(MARKER)
        assert last_notification(app) == f"Exported to {markdown}"

        await pilot.press("ctrl+o", "down", "enter")  # the second choice: CSV
        await pilot.pause()
        assert "Trial to paid rate" in path.with_suffix(".csv").read_text("utf-8")

        await run_command(pilot, "export the plan")
        await pilot.press("h")
        await pilot.pause()
        html = path.with_suffix(".html")
        assert "<html" in html.read_text("utf-8")
        assert last_notification(app) == f"Exported to {html}"

        await pilot.press("ctrl+o", "escape")  # cancelled: nothing written
        await pilot.pause()
        assert not path.with_suffix(".json").exists()


async def test_silenced_findings_are_listed_with_their_reason_and_u_reports_one_again(
    example_copy,
):
    path = example_copy()
    app = make_app(load_plan(path), path, today=TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("alt+6")
        await pilot.pause()
        await pilot.press("u")  # on an active finding: nothing to bring back
        await pilot.pause()
        assert "is not silenced" in last_notification(app)
        await pilot.press("end")  # the silenced findings come last
        await pilot.pause()
        text = screen_text(pilot)
        assert "~ silenced  Baselines & cadence: cac: the baseline" in text
        assert "Silenced because: Finance caps CAC at $700" in text
        assert "silenced 1" in text

        await pilot.press("u")
        await pilot.pause()
        text = screen_text(pilot)
        assert "silenced 0" in text and "~ silenced" not in text
        assert "reported again" in last_notification(app)
        assert app.plan.ignore == [] and app.dirty
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert "[[ignore]]" not in path.read_text("utf-8")
    assert "0 errors, 2 warnings, 0 hints" in run_okr("check", str(path)).stdout  # back


def test_help_lists_the_review_keys():
    from tui.screens.help import key_sections

    review = [b.id for title, bindings in key_sections() if "Review" in title for b in bindings]
    assert review == ["findings.silence", "findings.unsilence"]


async def test_the_footer_offers_no_open_or_silence_without_findings(example_copy):
    from model.store import save_plan

    path = example_copy()
    plan = load_plan(path)
    plan.checkins, plan.ignore = [], []
    plan.kpis[3].guardrail.max = 800  # CAC's baseline within its guardrail: nothing to say
    save_plan(plan, path)
    app = make_app(load_plan(path), path, today=dt.date(2026, 1, 3))
    async with app.run_test(size=(80, 24)) as pilot:
        await checks_done(pilot)
        await pilot.press("alt+6")
        await pilot.pause()
        footer = screen_text(pilot).splitlines()[-1]
        assert "No findings" in screen_text(pilot)
        assert "Silence" not in footer and "Open" not in footer, footer
        assert "Save" in footer


async def test_a_format_that_wraps_in_the_export_dialog_goes_on_under_its_text(example_copy):
    path = example_copy()
    app = make_app(load_plan(path), path, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+o")
        await pilot.pause()
        assert isinstance(app.screen, ExportDialog)
        lines = screen_text(pilot).splitlines()
        json_line = next(i for i, line in enumerate(lines) if "JSON (.json)" in line)
        text_column = lines[json_line].index("JSON")
        after = lines[json_line + 1]
        assert "scripts" in after and after.index("scripts") == text_column, after


@pytest.mark.parametrize(
    ("size", "line_with", "start_at"),
    [
        ((120, 40), "baseline 36% → target 45%", "baseline"),  # an indented line
        ((80, 60), "• Trial activation rate", "Trial activation rate"),  # a bullet's text
    ],
)
async def test_the_plan_at_a_glance_wraps_long_lines_under_their_own_start(
    example_copy, size, line_with, start_at
):
    path = example_copy()
    app = make_app(load_plan(path), path, today=TODAY)
    async with app.run_test(size=size) as pilot:
        await pilot.press("alt+6")
        await pilot.pause()
        lines = screen_text(pilot).splitlines()
        at = next(i for i, line in enumerate(lines) if line_with in line)
        start = lines[at].index(start_at)
        wrapped = lines[at + 1]  # the line's rest, not back at the margin
        assert wrapped[start - 3 : start] == "   " and wrapped[start] != " ", (lines[at], wrapped)


async def test_the_plan_at_a_glance_follows_an_edit_made_in_another_step(example_copy):
    path = example_copy()
    app = make_app(load_plan(path), path, today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("alt+6")
        await pilot.pause()
        assert "SaaS growth Q1 2026" in screen_text(pilot)
        await pilot.press("alt+1", "shift+tab", "ctrl+u")
        await type_text(pilot, "Retitled plan")
        await pilot.press("alt+6")
        await pilot.pause()
        assert "Retitled plan" in screen_text(pilot)
        assert "SaaS growth Q1 2026" not in screen_text(pilot).split("\n", 1)[1]
        app.guard.quit_discarding()


async def test_the_plan_at_a_glance_shows_numbers_in_their_units(example_copy):
    """Money with its currency, ratios with their x, as the dashboard and exports show
    them (the summary used to say "baseline 780 → target 600")."""
    path = example_copy()
    app = make_app(load_plan(path), path, today=TODAY)
    async with app.run_test(size=(120, 90)) as pilot:
        await pilot.press("alt+6")
        await pilot.pause()
        text = " ".join(screen_text(pilot).split())
        assert "baseline $780 → target $600 · guardrail at most $700" in text
        assert "baseline 2.5x → target 3.2x · guardrail at least 2x" in text


async def test_the_chosen_finding_is_shown_in_full_under_the_list(example_copy):
    """At 80 columns a finding's row is cut short; under the list it reads in full."""
    path = example_copy()
    app = make_app(load_plan(path), path, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("alt+6")
        await pilot.pause()
        pane = [line[26:] for line in screen_text(pilot).splitlines()]  # the step list aside
        text = " ".join(" ".join(pane).split())
        assert "cac: guardrail cros… " in text  # the row
        assert "cac: guardrail crossed on 2026-01-31, $740 is above the ceiling of $700" in text


async def test_an_input_finding_opens_that_input_with_the_cursor_in_its_field(example_copy):
    """Inputs are edited in the formula's inputs dialog: enter on "the input ... has no
    source" opens it on that input, the cursor in Source (it used to land in the
    formula, where the next key typed changed the formula)."""
    path = example_copy()
    text = path.read_text("utf-8")
    source = 'source = "Product analytics (Amplitude), daily export"'
    path.write_text(text.replace(source, 'source = ""', 1), "utf-8")
    app = make_app(load_plan(path), path, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("alt+6")
        await pilot.pause()
        findings = app.screen.query_one(FindingList)
        for _ in range(findings.row_count()):
            if findings.selected.check == "input.source":
                break
            await pilot.press("down")
        assert findings.selected.path == "inputs.trial_signups.source"
        await pilot.press("enter")
        await pilot.pause()
        assert focused_id(pilot) == "input-source"
        await type_text(pilot, "Amplitude")
        await pilot.press("escape")
        await pilot.pause()
        assert app.plan.kpis[0].formula == "activated_trials / trial_signups"
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert load_plan(path).inputs["trial_signups"].source == "Amplitude"


async def test_at_80x24_many_findings_leave_the_plan_at_a_glance_some_lines(tmp_path):
    """With a dozen findings the plan at a glance shrank to its first heading, "Objective",
    though the step's guide promises the whole plan first."""
    from model.plan import Item, Kpi, Objective, Plan

    path = tmp_path / "plan.toml"
    plan = Plan(
        title="Draft",
        objective=Objective(statement="Grow paid teams"),
        kpis=[Kpi(id="a"), Kpi(id="b")],
        items=[Item(text="Ship the new onboarding"), Item(text="Do the thing")],
    )
    app = make_app(plan, path, is_new=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("alt+6")
        await checks_done(pilot)
        assert len(app.query_one(FindingList).findings) > 12
        text = screen_text(pilot)
        assert "Statement: Grow paid teams" in text  # the plan at a glance
        assert "Fix:" in text  # and the chosen finding's fix, below the list
