"""argparse's own words ("usage:", "options", "invalid choice"...) in the planner's language.

argparse looks every one of its messages up through its module-level ``_`` and
``ngettext`` (its gettext hook) at the moment it uses them. :class:`OkrArgumentParser`
points that hook at the message table while it builds its arguments, parses, formats
help and reports errors, and puts the original back afterwards, so nothing else in the
process is affected. A message argparse adds in a later Python version and missing here
stays in English rather than failing. A message that echoes what was typed ("invalid
choice: '...'") shows it cut to :data:`model.safetext.SHOWN_CHARS` terminal cells.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import wraps
from typing import Any

from model.i18n import t
from model.safetext import shown
from model.textwidth import display_width

ARGPARSE_MESSAGES: dict[str, str] = {
    "usage: ": "lang.argparse_usage",
    "positional arguments": "lang.argparse_positionals",
    "options": "lang.argparse_options",
    "show this help message and exit": "lang.argparse_help",
    "%(prog)s: error: %(message)s\n": "lang.argparse_error",
    "argument %(argument_name)s: %(message)s": "lang.argparse_argument",
    "the following arguments are required: %s": "lang.argparse_required",
    "one of the arguments %s is required": "lang.argparse_one_required",
    "invalid choice: %(value)r (choose from %(choices)s)": "lang.argparse_invalid_choice",
    "unknown parser %(parser_name)r (choices: %(choices)s)": "lang.argparse_unknown_parser",
    "invalid %(type)s value: %(value)r": "lang.argparse_invalid_value",
    "unrecognized arguments: %s": "lang.argparse_unrecognized",
    "not allowed with argument %s": "lang.argparse_not_allowed_with",
    "ignored explicit argument %r": "lang.argparse_ignored_explicit",
    "expected one argument": "lang.argparse_expected_one",
    "expected at most one argument": "lang.argparse_expected_at_most_one",
    "expected at least one argument": "lang.argparse_expected_at_least_one",
    "expected %s argument": "lang.argparse_expected_n",
    "expected %s arguments": "lang.argparse_expected_n",
    "ambiguous option: %(option)s could match %(matches)s": "lang.argparse_ambiguous",
    "unexpected option string: %s": "lang.argparse_unexpected_option",
    "can't open '%(filename)s': %(error)s": "lang.argparse_cannot_open",
}
"""argparse's English message (its gettext msgid) -> our message key."""

ECHOING_MESSAGES = frozenset(
    {
        "invalid choice: %(value)r (choose from %(choices)s)",
        "unknown parser %(parser_name)r (choices: %(choices)s)",
        "invalid %(type)s value: %(value)r",
        "unrecognized arguments: %s",
        "ignored explicit argument %r",
        "ambiguous option: %(option)s could match %(matches)s",
        "unexpected option string: %s",
    }
)
"""argparse's messages into which it puts what was typed on the command line."""


class ShortenedValues(str):
    """A message format whose ``%`` puts each text value in cut by :func:`shown`, as
    argparse fills its messages in with ``message % values``."""

    def __mod__(self, values: object) -> str:
        if isinstance(values, dict):
            values = {name: _shortened(value) for name, value in values.items()}
        elif isinstance(values, tuple):
            values = tuple(_shortened(value) for value in values)
        else:
            values = _shortened(values)
        return str(self) % values


def _shortened(value: object) -> object:
    return shown(value) if isinstance(value, str) else value


def translate(message: str) -> str:
    """argparse's ``message`` in the current language (unchanged when we do not know it)."""
    key = ARGPARSE_MESSAGES.get(message)
    text = t(key) if key else message
    return ShortenedValues(text) if message in ECHOING_MESSAGES else text


def translate_plural(singular: str, plural: str, count: int) -> str:
    """argparse's ``ngettext``: English picks by ``count``; our table has one form."""
    return translate(singular if count == 1 else plural)


@contextmanager
def argparse_in_current_language() -> Iterator[None]:
    """While inside, argparse's gettext hook answers from the message table."""
    saved = argparse._, argparse.ngettext  # type: ignore[attr-defined]
    argparse._, argparse.ngettext = translate, translate_plural  # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._, argparse.ngettext = saved  # type: ignore[attr-defined]


def _translated(method: Callable[..., Any]) -> Callable[..., Any]:
    @wraps(method)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        with argparse_in_current_language():
            return method(*args, **kwargs)

    return wrapper


class HelpFormatter(argparse.HelpFormatter):
    """argparse's help layout, with options' help lined up when a placeholder is Chinese.

    argparse pads an option's name (``計畫檔``) to the help column by counting characters,
    but a Chinese character takes two columns in a terminal, so the help after it would
    start further right than the rest. This takes the extra columns back out of the
    padding (argparse documents no hook for it: the one method overridden here is the
    one that lays out an option)."""

    def _format_action(self, action: argparse.Action) -> str:
        text = super()._format_action(action)
        header = self._format_action_invocation(action)
        extra = display_width(header) - len(header)
        start = self._current_indent + len(header)
        if extra > 0 and text[start : start + extra + 2] == " " * (extra + 2):
            text = text[:start] + text[start + extra :]  # two spaces at least remain
        return text


class RawDescriptionHelpFormatter(HelpFormatter, argparse.RawDescriptionHelpFormatter):
    """:class:`HelpFormatter` that keeps the description's and epilog's own line breaks."""


class OkrArgumentParser(argparse.ArgumentParser):
    """An ``ArgumentParser`` whose own words follow the planner's language.

    Subparsers are built with the same class (argparse's default), so every command's
    help and errors are translated too.
    """

    command_parsers: dict[str, argparse.ArgumentParser]
    """On ``okr``'s own parser, each command's parser by name (``tui.cli.build_parser``)."""

    __init__ = _translated(argparse.ArgumentParser.__init__)
    add_argument = _translated(argparse.ArgumentParser.add_argument)
    add_subparsers = _translated(argparse.ArgumentParser.add_subparsers)
    parse_args = _translated(argparse.ArgumentParser.parse_args)
    parse_known_args = _translated(argparse.ArgumentParser.parse_known_args)
    format_usage = _translated(argparse.ArgumentParser.format_usage)
    format_help = _translated(argparse.ArgumentParser.format_help)
    error = _translated(argparse.ArgumentParser.error)

    def add_version(self, version: str) -> None:
        """``--version`` with its help text translated (argparse's is not a gettext message)."""
        self.add_argument(
            "--version", action="version", version=version, help=t("lang.argparse_version")
        )
