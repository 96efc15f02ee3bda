"""What to say instead of argparse's bare "unrecognized arguments" when an option was given
to a command that does not take it (``okr q2 --date D``, ``okr status PLAN --format json``):
which commands take it and, for a plan given to open, a line that does.

Only the error path comes here: building every command's parser imports every command
module, which ``okr PLAN`` keeps off the app's start-up path.
"""

from __future__ import annotations

import argparse
import re
import shlex
from collections.abc import Callable, Sequence
from functools import cache

from model.i18n import t
from model.safetext import one_line, shown, shown_path
from tui.cli_i18n import OkrArgumentParser

OPEN_COMMAND = "open"


class ArgumentsRejected(Exception):
    """Raised instead of printing usage and exiting, by :class:`ProbingParser`."""


class ProbingParser(OkrArgumentParser):
    """A parser that answers whether a command line would be accepted, printing nothing."""

    def error(self, message: str) -> None:  # type: ignore[override]
        raise ArgumentsRejected(message)


@cache
def command_parsers() -> dict[str, argparse.ArgumentParser]:
    """Every command's parser (a :class:`ProbingParser`), by the command's name."""
    from tui.cli import build_parser
    from tui.commands import command_modules

    return build_parser(command_modules(), parser_class=ProbingParser).command_parsers


def options_taking_a_value() -> frozenset[str]:
    """Every option of any command whose value is the argument after it (``--date``)."""
    return frozenset(
        option
        for parser in command_parsers().values()
        for action in parser._actions  # argparse has no public list of a parser's options
        if action.nargs != 0
        for option in action.option_strings
    )


def commands_taking(option: str) -> list[str]:
    """The commands that have ``option`` (``--date``), in the order ``okr --help`` lists."""
    return [
        name
        for name, parser in command_parsers().items()
        if any(option in action.option_strings for action in parser._actions)
    ]


def not_a_command(word: str, rest: Sequence[str], plan: str) -> str:
    """The message for ``okr WORD REST...`` where ``word`` is neither a command nor a file
    and ``plan`` (one of ``rest``) is: the command meant when ``word`` is a typo of one
    (``okr chek q1.toml``), else how to open the plan (``okr new q2.toml``)."""
    meant = command_meant(word)
    if meant is None:
        shown_plan = one_line(shell_word(shown_path(plan)))
        return t("cli.not_a_command", word=shown(word), plan=shown_plan)
    line = " ".join(shell_word(shown(each)) for each in [meant, *rest])
    return t("cli.not_a_command_typo", word=shown(word), line=one_line(line))


def command_meant(word: str) -> str | None:
    """The command ``word`` is a typo of (``chek``, ``Status``, ``next``), if one is close."""
    from difflib import get_close_matches

    from tui.commands import command_names

    names = list(command_names())
    typed = word.lower()
    starting = [name for name in names if len(typed) >= 3 and name.startswith(typed)]
    if len(starting) == 1:
        return starting[0]
    close = get_close_matches(typed, names, n=1, cutoff=TYPO_SIMILARITY)
    return close[0] if close else None


TYPO_SIMILARITY = 0.75
"""How alike a word and a command must be (difflib's ratio) to be taken for a typo of it:
``chek``, ``stauts``, ``cehck`` are; ``start`` (0.73 to ``status``) and ``import`` are not."""


def misplaced_option(
    command: str,
    extras: Sequence[str],
    plan: str | None,
    others: Sequence[str],
    file_to_open: Callable[[str], str],
) -> str | None:
    """The message for ``extras`` (what ``okr COMMAND`` did not take) when the first
    option among them is one of other commands; ``None`` when it is no option of any, for
    argparse's own "unrecognized arguments". For ``open``, ``plan`` and ``others`` are
    the plan and the rest of its arguments as typed, and ``file_to_open`` names the file
    ``okr PLAN`` opens for a plan name (``q2`` -> ``q2.toml``)."""
    option = next((extra for extra in extras if extra.startswith("-")), None)
    if option is None:
        return None
    option = option.split("=", 1)[0]
    owners = [name for name in commands_taking(option) if name != command]
    if not owners:
        return None
    from model.inputs import join_list

    listed = join_list([f"okr {name}" for name in owners])
    if command != OPEN_COMMAND or plan is None:
        return t(
            "cli.option_of_other_commands", option=shown(option), command=command, commands=listed
        )
    opened = file_to_open(plan)
    example = _working_line(owners, opened, others)
    key = "cli.option_not_for_open_example" if example else "cli.option_not_for_open"
    plan_shown = one_line(shell_word(shown_path(opened)))
    return t(key, option=shown(option), commands=listed, example=example, plan=plan_shown)


def _working_line(owners: list[str], plan: str, others: Sequence[str]) -> str | None:
    """``okr COMMAND PLAN OTHERS...`` for the first of ``owners`` that takes a plan and
    accepts ``others`` as they are, shell-quoted; ``None`` when none does."""
    parsers = command_parsers()
    for name in owners:
        if not _takes_a_plan(parsers[name]):
            continue  # `okr catalog q2.toml --json` parses, as a search for "q2.toml"
        try:
            parsers[name].parse_args([plan, *others])
        except ArgumentsRejected:
            continue
        words = [name, shown_path(plan), *(shown(other) for other in others)]
        return one_line("okr " + " ".join(shell_word(word) for word in words))
    return None


def shell_word(word: str) -> str:
    """``word`` as typed in a shell: quoted only when it has to be (``'a b'``, but
    ``計畫.toml`` as it is: ``shlex.quote`` quotes every letter outside ASCII)."""
    return word if _PLAIN_WORD.fullmatch(word) else shlex.quote(word)


_PLAIN_WORD = re.compile(r"[\w@%+=:,./-]+")


def _takes_a_plan(parser: argparse.ArgumentParser) -> bool:
    """Whether the command's first positional argument is a plan file (``PLAN``)."""
    positionals = [action for action in parser._actions if not action.option_strings]
    return bool(positionals) and positionals[0].metavar == t("cli.metavar_plan")
