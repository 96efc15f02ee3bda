"""The Footer names whole keys only, at every width, and always F1 and ctrl+q."""

from __future__ import annotations

import datetime as dt

import pytest

from model.i18n import set_language, t
from model.store import load_plan
from tests.tui.helpers import screen_text, type_text
from tui.app import make_app

SIZES = [(60, 20), (80, 24), (120, 40)]

SCENES: list[tuple[str, list[str]]] = [
    ("objective", ["alt+1"]),
    ("items list", ["tab", "tab", "tab", "tab"]),
    ("item text", ["enter"]),
    ("north star", ["alt+2"]),
    ("core KPI field", ["alt+3"]),
    ("core KPI list", ["escape"]),
    ("formulas list", ["alt+4", "escape"]),
    ("baselines field", ["alt+5"]),
    ("review", ["alt+6"]),
    ("dashboard", ["ctrl+t"]),
    ("check-in", ["escape", "ctrl+l"]),
]
"""Where the Footer is looked at, each reached from the one before."""


def footer_keys(pilot) -> list[str]:
    """Every key the current screen's Footer could name, ``"^s Save"``, in its order."""
    app = pilot.app
    labels: dict[str, str] = {}
    for active in app.screen.active_bindings.values():
        binding = active.binding
        if binding.show and binding.action not in labels:
            labels[binding.action] = f"{app.get_key_display(binding)} {binding.description}"
    return list(labels.values())


def read_footer(pilot) -> tuple[list[str], str]:
    """The keys the Footer line shows, each checked to be one of the screen's keys in
    full, and what stands at its right end (the palette's key, or nothing)."""
    line = screen_text(pilot).splitlines()[-1]
    keys_part, _, palette = line.partition("▏")
    shown: list[str] = []
    rest = keys_part.strip()
    candidates = footer_keys(pilot)
    while rest:
        label = next((c for c in candidates if rest == c or rest.startswith(c + " ")), None)
        assert label is not None, f"a key cut or unknown at {rest!r} in {line!r}"
        shown.append(label)
        candidates = candidates[candidates.index(label) + 1 :]
        rest = rest[len(label) :].lstrip()
    return shown, palette.strip()


@pytest.mark.parametrize("language", ["en", "zh-TW"])
@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
async def test_the_footer_shows_whole_keys_and_always_help_and_quit(example_copy, language, size):
    set_language(language)
    path = example_copy()
    app = make_app(load_plan(path), path, today=dt.date(2026, 2, 20))
    help_key, quit_key = f"f1 {t('tui.key_help')}", f"^q {t('tui.key_quit')}"
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        for scene, keys in SCENES:
            await pilot.press(*keys)
            await pilot.pause()
            shown, palette = read_footer(pilot)
            assert help_key in shown and quit_key in shown, (scene, shown)
            assert palette in ("", f"^p {t('tui.key_palette')}"), (scene, palette)
            if size == (120, 40):
                assert shown == footer_keys(pilot), f"{scene}: room for every key"
        await type_text(pilot, "40")  # a value recorded: the check-in's Result key too
        await pilot.press("enter")
        await pilot.pause()
        shown, _ = read_footer(pilot)
        assert f"^r {t('tracking_ui.key_to_result')}" in shown
        assert help_key in shown and quit_key in shown


async def test_a_narrow_footer_drops_next_and_prev_first(example_copy):
    """At 60 columns the step moves go (the step list offers alt+1…6 and ctrl+g), and
    export, which the palette offers, comes back on steps with fewer keys."""
    path = example_copy()
    app = make_app(load_plan(path), path)
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.press("alt+2")
        await pilot.pause()
        shown, palette = read_footer(pilot)
        assert shown == ["^s Save", "f1 Help", "^q Quit", "^o Export"]
        assert palette == "^p Commands"
        await pilot.press("ctrl+n")  # the key still works
        await pilot.pause()
        assert app.wizard.current == "kpis"
        await pilot.press("alt+6")
        await pilot.pause()
        assert read_footer(pilot)[0] == ["⏎ Open", "s Silence", "^s Save", "f1 Help", "^q Quit"]
        await pilot.resize_terminal(100, 20)
        await pilot.pause()
        assert "^n Next" in read_footer(pilot)[0], "a wider terminal shows them again"
