"""Plan text printed on a terminal can neither drive it nor disguise what it shows."""

from __future__ import annotations

import pytest

from model.safetext import json_text, one_line, printable
from tests.conftest import run_okr
from tui.commands._common import printable as cli_printable


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("\x1b[2J", "\\x1b[2J"),  # C0: ESC, the start of every escape sequence
        ("\x9b31m", "\\x9b31m"),  # C1: CSI in one byte, obeyed by some terminals
        ("\x85", "\\x85"),  # C1: next line
        ("\x07\x08\x7f", "\\x07\\x08\\x7f"),  # bell, backspace, delete
        ("abc\u202edcba", "abc\\u202edcba"),  # right-to-left override
        ("\u2066x\u2069", "\\u2066x\\u2069"),  # bidi isolates
        ("\u200e\u200f\u061c", "\\u200e\\u200f\\u061c"),  # direction marks
        ("\u2028\u2029", "\\u2028\\u2029"),  # line and paragraph separators
        ("\ufeff\u00ad", "\\ufeff\\xad"),  # BOM, soft hyphen
        ("\U000e0041", "\\U000e0041"),  # tag characters (invisible)
        ("a\rb", "a\\x0db"),  # carriage return: would overwrite the line
    ],
)
def test_controls_and_bidi_overrides_are_shown_escaped(text, shown):
    assert printable(text) == shown
    assert cli_printable(text) == shown


def test_ordinary_text_is_untouched():
    for text in (
        "提升試用轉付費率 from 9% to 12%",
        "👨\u200d👩\u200d👧 team",
        "[bold]x[/bold]",
        "tab\tand\nnewline",
    ):
        assert printable(text) == text


@pytest.mark.parametrize("space", ["\u3000", "\u00a0", "\u2009", "\u202f"])
def test_every_kind_of_space_is_kept_as_typed(space):
    # U+3000 is what Chinese input methods type between words; none of these is a control
    text = f"MQL{space}率"
    assert printable(text) == text
    assert one_line(text) == text
    assert cli_printable(text) == text
    assert json_text(text) == f'"{text}"'


def test_a_control_in_a_text_of_several_lines_is_escaped_and_the_lines_kept():
    # most texts of several lines have nothing to escape and are returned at once
    assert printable("ok\n\x1b[2J\tend\n") == "ok\n\\x1b[2J\tend\n"
    assert json_text({"a": "x", "b": ["y\u202e", "\n"]}) == (
        '{\n  "a": "x",\n  "b": [\n    "y\\u202e",\n    "\\n"\n  ]\n}'
    )


def test_one_line_escapes_newlines_and_tabs_too():
    assert one_line("a\nb\tc") == "a\\x0ab\\x09c"


def test_cli_errors_never_put_escapes_on_the_terminal(tmp_path):
    plan = tmp_path / "evil.toml"
    plan.write_text('"\\u001b]0;pwned\\u0007\\u009b2J\\u202e" = 1\n', "utf-8")
    result = run_okr(str(plan))
    assert result.returncode == 2
    assert result.stderr.endswith("\n") and result.stderr[:-1].isprintable()
    assert "\\x1b]0;pwned\\x07\\x9b2J\\u202e" in result.stderr
