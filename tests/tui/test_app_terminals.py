"""Terminals: small sizes, NO_COLOR, and plan text (markup, escape sequences) shown as data."""

from __future__ import annotations

import unicodedata

from rich.cells import cell_len
from rich.segment import Segment
from textual.filter import Monochrome

from model.plan import Item, Kpi, Plan
from model.store import load_plan
from tests.tui.helpers import screen_text
from tests.tui.safety_helpers import dialog_id, hold_lock_elsewhere
from tui.app import make_app
from tui.console_glyphs import CONSOLE_CHARACTERS, REPLACEMENTS
from tui.safe_output import UNSAFE, ControlCharFilter

STEP_TITLES = ["Objective", "North star", "Core KPIs", "Formulas", "Baselines", "Review"]


async def test_resizing_to_60x20_and_back_keeps_every_step_working(example_copy):
    path = example_copy()
    app = make_app(load_plan(path), path)
    async with app.run_test(size=(80, 24)) as pilot:
        for size in [(60, 20), (80, 24), (60, 20), (120, 40), (80, 24)]:
            await pilot.resize_terminal(*size)
            for number, title in enumerate(STEP_TITLES, start=1):
                await pilot.press(f"alt+{number}")
                await pilot.pause()
                assert f"Step {number}: {title}" in screen_text(pilot)
                assert app.screen.size == size
        await pilot.resize_terminal(60, 20)
        await pilot.press("f1")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert app.return_code == 0


async def test_the_lock_dialog_fits_60x20_with_every_choice_reachable(example_copy):
    path = example_copy()
    hold_lock_elsewhere(path)
    app = make_app(load_plan(path), path)
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        assert dialog_id(app) == "lock-dialog"
        text = screen_text(pilot)
        for label in ("Open read-only", "Take over", "Quit"):
            assert label in text
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        await pilot.press("down", "enter")  # take over
        await pilot.pause()
        assert dialog_id(app) is None and not app.guard.read_only


async def test_no_color_turns_the_output_monochrome(tmp_path, monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    app = make_app(Plan(), tmp_path / "p.toml", is_new=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.no_color
        assert any(isinstance(f, Monochrome) for f in app.get_line_filters())
        assert "Step 1: Objective" in screen_text(pilot)


def test_the_control_filter_drops_what_a_terminal_would_obey():
    segments = [Segment("a\x1b[2Jb\x9bc\u202ed\u200de"), Segment("plain")]
    out = ControlCharFilter().apply(segments, None)  # type: ignore[arg-type]
    assert [s.text for s in out] == ["a[2Jbcd\u200de", "plain"]


HOSTILE = {
    "title": "[red]T\x1b]0;PWNED\x07",
    "statement": "[bold]x[/bold] \x1b[31mgrow",
    "kgi": "[link=http://e]y[/link] kgi",
    "item": "[link=http://e]y[/link] \x1b[2Jitem",
    "kpi": "[bold]x[/bold]\x9b31m kpi",
    "star": "[blink]star\u202eevil",
}
LITERAL = ["[bold]x[/bold]", "[link=http://e]y[/link]"]


def _hostile_plan() -> Plan:
    plan = Plan(
        title=HOSTILE["title"],
        items=[Item(text=HOSTILE["item"], kpi="k")],
        kpis=[Kpi(id="k", name=HOSTILE["kpi"], definition="[i]def[/i]")],
    )
    plan.objective.statement = HOSTILE["statement"]
    plan.objective.kgi = HOSTILE["kgi"]
    plan.north_star.name = HOSTILE["star"]
    return plan


def _shown(pilot) -> tuple[str, list[str]]:
    strips = list(pilot.app.screen._compositor.render_strips())
    text = "\n".join(strip.text for strip in strips)
    unsafe = [s.text for strip in strips for s in strip if UNSAFE.search(s.text)]
    return text, unsafe


async def test_markup_and_escapes_in_plan_text_are_shown_literally_on_every_step(tmp_path):
    app = make_app(_hostile_plan(), tmp_path / "p.toml", is_new=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        seen: dict[int, str] = {}
        for number in range(1, 7):
            await pilot.press(f"alt+{number}")
            await pilot.pause()
            text, unsafe = _shown(pilot)
            assert unsafe == [], f"step {number} sends control characters to the terminal"
            assert "\\x1b]0;PWNED\\x07" in text, "the title shows its escapes as text"
            seen[number] = text
        assert "[bold]x[/bold] [31mgrow" in seen[1]
        assert "[link=http://e]y[/link] kgi" in seen[1]
        assert "[link=http://e]y[/link]" in seen[1] and "[2Jitem" in seen[1]
        assert "[blink]star" in seen[2]
        for number in (3, 4, 5):
            assert "[bold]x[/bold]" in seen[number], f"the KPI name on step {number}"
        for literal in LITERAL:
            assert literal in seen[6]
        await pilot.press("f1")
        await pilot.pause()
        assert _shown(pilot)[1] == []
    assert app.plan == _hostile_plan(), "showing the text changed nothing in the plan"


def _bold_labels(pilot, labels: list[str]) -> set[str]:
    """Which of ``labels`` the screen shows in bold (the focused field's label is)."""
    strips = pilot.app.screen._compositor.render_strips()
    return {
        label
        for strip in strips
        for segment in strip
        if segment.style is not None and segment.style.bold
        for label in labels
        if segment.text.strip() == label
    }


async def test_the_focused_fields_label_follows_the_focus_without_colour(example_copy, monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    path = example_copy()
    app = make_app(load_plan(path), path)
    labels = ["Plan title", "Statement", "KGI", "Period"]
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.focused is not None and app.focused.id == "objective-statement"
        assert _bold_labels(pilot, labels) == {"Statement"}
        await pilot.press("tab")
        await pilot.pause()
        assert app.focused.id == "objective-kgi"
        assert _bold_labels(pilot, labels) == {"KGI"}, "bold marks the focus where greys do not"
        await pilot.press("tab")
        await pilot.pause()
        assert _bold_labels(pilot, labels) == {"Period"}
        await pilot.press("shift+tab", "shift+tab", "shift+tab")
        await pilot.pause()
        assert app.focused.id == "plan-title"
        assert _bold_labels(pilot, labels) == {"Plan title"}


async def test_the_linux_console_gets_only_glyphs_its_font_has(example_copy, monkeypatch):
    """Textual's scrollbars, borders, Footer, header icon and palette icon, and the
    planner's marks, dashes, quotes and ellipses: every character on every screen is one
    the kernel's console font has (the console shows any other as the same square)."""
    monkeypatch.setenv("TERM", "linux")
    path = example_copy()
    app = make_app(load_plan(path), path)
    screens = [["alt+1"], ["alt+3"], ["alt+4"], ["alt+5"], ["alt+6"], ["ctrl+p"]]
    screens += [["escape", "ctrl+o"], ["escape", "f1"], ["escape", "ctrl+t"]]
    screens += [["escape", "ctrl+l"], ["escape", "alt+1", "x", "ctrl+q"]]
    seen: list[str] = []
    for size in [(60, 20), (120, 40)]:
        async with app.run_test(size=size) as pilot:
            for keys in screens:
                await pilot.press(*keys)
                await pilot.pause()
                seen.append(screen_text(pilot))
            await pilot.press("escape")
        app = make_app(load_plan(path), path)
    shown = "\n".join(seen)
    lacking = {
        char
        for char in set(shown) - CONSOLE_CHARACTERS - {"\n"}
        if unicodedata.east_asian_width(char) != "W"  # 繁體中文 in the palette: no font has it
    }
    assert lacking == set()
    assert "enter Open" in seen[4], "the Review step's Footer spells enter out"
    assert "│  █ m  Markdown" in seen[6], "the export list's tall border in full blocks"
    assert "┌" in seen[6], "the export dialog's rounded corners, squared"
    assert "√ 1 Objective" in seen[0] and "x has errors" in seen[0], "done and errors apart"
    assert "• Trial activation" in seen[9], "a check-in due today"


def test_console_replacements_are_console_glyphs_of_the_same_width():
    for glyph, replacement in REPLACEMENTS.items():
        assert set(replacement) <= CONSOLE_CHARACTERS, glyph
        assert cell_len(replacement) == cell_len(glyph), glyph
    assert REPLACEMENTS["✓"] != REPLACEMENTS["✗"], "done and has errors stay apart"


async def test_nothing_shows_after_the_palette_key_at_the_footers_end(example_copy, monkeypatch):
    monkeypatch.setenv("TERM", "linux")  # "enter" makes the Review Footer's keys overflow
    path = example_copy()
    app = make_app(load_plan(path), path)
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.press("alt+6")
        await pilot.pause()
        footer = screen_text(pilot).splitlines()[-1]
        assert footer.rstrip().endswith("^p Commands"), footer


async def test_the_quit_dialogs_buttons_show_their_labels_in_full_at_60x20(tmp_path):
    app = make_app(Plan(), tmp_path / "p.toml", is_new=True)
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        await pilot.press("x", "ctrl+q")
        await pilot.pause()
        assert type(app.screen).__name__ == "QuitDialog"
        text = screen_text(pilot)
        for label in ("Keep editing", "Save and quit", "Quit without saving"):
            assert label in text, label
        await pilot.press("right", "right", "enter")  # the third: quit without saving
        await pilot.pause()
    assert app.return_code == 0
    assert not (tmp_path / "p.toml").exists()
