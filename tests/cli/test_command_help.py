"""Every command's help prints in every language (argparse reads help text as %-format)."""

from __future__ import annotations

import argparse

import pytest

from model.i18n import LANGUAGES, set_language
from tests.conftest import run_okr
from tui.cli import build_parser
from tui.commands import command_modules


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_command_help_formats(language):
    set_language(language)
    parser = build_parser(command_modules())
    commands = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    for name, command in commands.choices.items():
        assert command.format_help(), name


def test_checkin_help_from_the_command_line():
    result = run_okr("--lang", "zh-TW", "checkin", "--help")
    assert result.returncode == 0, result.stderr
    assert "12%、1,200" in result.stdout
