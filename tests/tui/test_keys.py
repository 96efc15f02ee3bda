"""Every key binding of the app: an id, a description in both languages, and a key
that survives tmux, SSH and terminals that alias control keys."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from pathlib import Path

import pytest
from textual.binding import Binding

import tui
from model.i18n import set_language
from tests.tui.helpers import until
from tui.keys import describe, detail

# ctrl+b / ctrl+a are tmux and screen prefixes; terminals send ctrl+h as backspace,
# ctrl+i as tab, ctrl+j and ctrl+m as enter; ctrl+s / ctrl+q are asked for by name.
# ctrl+z is not here: Textual turns the terminal's signal keys off (ISIG), so it arrives
# as a key through xterm, tmux and SSH, and it is what people press to undo.
SWALLOWED = {"ctrl+b", "ctrl+a", "ctrl+h", "ctrl+i", "ctrl+j", "ctrl+m"}


def our_bindings() -> list[tuple[str, Binding]]:
    found = []
    for info in pkgutil.walk_packages(tui.__path__, "tui."):
        if info.name.endswith("__main__"):
            continue  # running it would start the command line
        module = importlib.import_module(info.name)
        for name, cls in inspect.getmembers(module, inspect.isclass):
            if cls.__module__ != module.__name__:
                continue
            for binding in cls.__dict__.get("BINDINGS", []):
                found.append((f"{cls.__module__}.{name}", binding))
    return found


BINDINGS = our_bindings()


def test_the_app_has_bindings_to_check():
    assert len(BINDINGS) > 30


@pytest.mark.parametrize(("owner", "binding"), BINDINGS, ids=lambda v: getattr(v, "id", v))
def test_every_binding_has_an_id_and_a_description_in_both_languages(owner, binding):
    assert isinstance(binding, Binding), owner
    assert binding.id, f"{owner}: {binding.key}"
    texts = {}
    for language in ("en", "zh-TW"):
        set_language(language)
        texts[language] = (describe(binding.id), detail(binding.id))
        assert all(texts[language]), f"{owner}: {binding.id}"
    assert texts["en"] != texts["zh-TW"]


@pytest.mark.parametrize(("owner", "binding"), BINDINGS, ids=lambda v: getattr(v, "id", v))
def test_no_key_that_terminals_or_tmux_swallow(owner, binding):
    for key in binding.key.split(","):
        assert key not in SWALLOWED, f"{owner}: {key}"
        modifiers, _, name = key.rpartition("+")
        assert not ("ctrl" in modifiers and name.isdigit()), f"{owner}: {key}"
        assert not (modifiers == "shift" and name in ("up", "down", "left", "right")), key


def test_bindings_speak_the_language_of_the_moment_they_are_built(tmp_path):
    from model.plan import Plan
    from tui.app import make_app

    set_language("zh-TW")
    app = make_app(Plan(), tmp_path / "p.toml")
    descriptions = {b.id: b.description for _, b in app._bindings}
    assert descriptions["okr.save"] == "儲存"


def test_alt_digits_from_xterm_tmux_and_ssh_arrive_as_alt_digits(tmp_path):
    from textual._xterm_parser import XTermParser

    from model.plan import Plan
    from tui.app import make_app

    make_app(Plan(), tmp_path / "p.toml")  # the app sets the parser up
    parser = XTermParser()
    keys = [*parser.feed("\x1b3"), *parser.feed("")]  # "" ends the input, as a pause would
    assert [key.key for key in keys] == ["alt+3"]
    parser = XTermParser()
    assert [key.key for key in [*parser.feed("£"), *parser.feed("")]] == ["pound_sign"]


async def test_alt_digits_in_one_burst_change_steps_and_type_nothing(tmp_path):
    """alt+3 then alt+4 (or an arrow key) arriving together, as over a slow link: the
    first alt+3 was held as an unknown sequence and the next ESC made it type "^3"."""
    from textual._xterm_parser import XTermParser

    from model.plan import Plan
    from tui.app import make_app

    app = make_app(Plan(), tmp_path / "p.toml")
    async with app.run_test(size=(80, 24)):
        parser = XTermParser()  # the app has set the sequences up
        burst = [*parser.feed("Q\x1b3\x1b4"), *parser.feed("")]
        assert [key.key for key in burst] == ["Q", "alt+3", "alt+4"]
        arrow = [*XTermParser().feed("\x1b3\x1b[B")]
        assert [key.key for key in arrow] == ["alt+3", "down"]
        for key in burst:
            key.set_sender(app)
            app._driver.send_message(key)
        await until(lambda: app.wizard.current == "formulas", "step 4")
        assert app.plan.objective.statement == "Q"


async def test_alt_digit_in_a_text_field_changes_step_rather_than_typing(tmp_path):
    from textual import events

    from model.plan import Plan
    from tui.app import make_app

    app = make_app(Plan(), tmp_path / "p.toml")
    async with app.run_test(size=(80, 24)):
        # As a terminal sends it: the key alt+3 carrying the printable character "3".
        key = events.Key("alt+3", "3")
        key.set_sender(app)
        app._driver.send_message(key)
        await until(lambda: app.wizard.current == "kpis", "step 3")
        assert app.plan.objective.statement == ""


README = Path(__file__).resolve().parents[2] / "README.md"
README_NAMES = {
    "escape": "esc",
    "left_square_bracket": "[",
    "right_square_bracket": "]",
    "pageup": "pgup",
    "pagedown": "pgdn",
    "up": "↑",
    "down": "↓",
    "left": "←",
    "right": "→",
}
"""How the README writes the keys Textual names otherwise."""


def readme_keys_section() -> str:
    text = README.read_text(encoding="utf-8")
    return text[text.index("\n## Keys\n") : text.index("\n### Language")]


def test_every_key_the_app_binds_is_in_the_readmes_keys_section():
    """A key a user cannot find is unfinished: each bound key is named in the table
    (alt+1 ... alt+6 and the step picker's 1-6 as ranges)."""
    section = readme_keys_section()
    missing = set()
    for owner, binding in BINDINGS:
        for key in binding.key.split(","):
            modifiers, _, name = key.rpartition("+")
            if name.isdigit():
                named = f"`{modifiers}+1` ... `{modifiers}+6`" if modifiers else "`1`-`6`"
            else:
                named = f"`{README_NAMES.get(key, key)}`"
            if named not in section:
                missing.add(f"{owner}: {key}")
    assert not missing, sorted(missing)
