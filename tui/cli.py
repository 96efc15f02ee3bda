"""The ``okr`` command: ``okr PLAN`` opens the planner; ``okr COMMAND ...`` runs a tool.

The entry point stays thin: it picks the language, parses arguments and hands over to
a command module. Errors are printed as one line on standard error, never a traceback.
Exit status: 0 success, 1 the plan has errors (``okr check``), 2 unusable input or output
that cannot be written, 141 the reader of the output left (a broken pipe).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from model import __version__
from model.i18n import LANGUAGES, normalize_language, resolve_language, set_language, t
from tui.cli_i18n import (
    HelpFormatter,
    OkrArgumentParser,
    RawDescriptionHelpFormatter,
    translate,
)
from tui.cli_output import OutputError, discard_stdout, guard_stdout
from tui.commands import command_modules, command_names
from tui.commands._common import print_error

DEFAULT_COMMAND = "open"
READER_LEFT = 128 + 13
"""Exit status when the reader of the output left early (``okr catalog | head -1``): the
status of a program ended by SIGPIPE, as the shell reports it for other commands."""


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``okr`` with ``argv`` (default: the process arguments); return the exit status.

    Output that cannot be written ends any command here: one line and exit 2 (a full
    disk), or quietly with :data:`READER_LEFT` (a broken pipe).
    """
    guard_stdout()
    try:
        try:
            return _run(list(sys.argv[1:] if argv is None else argv))
        finally:
            sys.stdout.flush()  # a failed write is reported now, not by the exiting interpreter
    except BrokenPipeError:
        discard_stdout()
        return READER_LEFT
    except OutputError as error:
        discard_stdout()
        print_error(t("cli.cannot_write_output", detail=error.detail))
        return 2


def _run(args: list[str]) -> int:
    set_language(resolve_language(_flag_value(args, "--lang")))
    if not args:
        build_parser(command_modules()).print_help()
        return 2
    first = _first_positional(args)
    if first is not None and args[first] not in command_names():
        second = _first_positional(args[first + 1 :])
        if second is not None and _looks_like_a_command(args[first]):
            # `okr new q2.toml`: argparse said only "unrecognized arguments: q2.toml"
            from tui.cli_hints import not_a_command

            plan = args[first + 1 + second]
            print_error(not_a_command(args[first], args[first + 1 :], plan))
            return 2
        args.insert(_after_main_options(args), DEFAULT_COMMAND)
        # `okr PLAN` imports and parses only `open`: the other commands' modules and help
        # texts (message files) stay off the app's start-up path.
        commands = command_modules([DEFAULT_COMMAND])
    else:
        commands = command_modules()
    parser = build_parser(commands)
    args = _attach_dash_values(args)
    options, extras = parser.parse_known_args(args)
    if extras and options.command is None:  # `okr --verison`: argparse's usage error
        parser.error(translate("unrecognized arguments: %s") % " ".join(extras))
    if extras:
        command_at = _first_positional(args)
        return _misplaced(parser, options, extras, args[command_at + 1 :])
    if options.lang:
        set_language(options.lang)
    if options.command is None:  # only options, e.g. `okr --lang zh-TW`: as plain `okr`
        parser.print_help()
        return 2
    return commands[options.command].run(options)


def build_parser(
    commands: dict, parser_class: type[OkrArgumentParser] = OkrArgumentParser
) -> OkrArgumentParser:
    """The argument parser for ``okr`` and every subcommand (argparse's own words, such as
    "usage:" and its error messages, in the current language: see ``tui.cli_i18n``); its
    ``command_parsers`` holds each command's parser by name."""
    common = OkrArgumentParser(add_help=False)
    common.add_argument(
        "--lang",
        type=_language,
        choices=LANGUAGES,
        default=argparse.SUPPRESS,
        help=t("cli.lang_help"),
    )
    parser = parser_class(
        prog="okr",
        usage=t("cli.usage"),
        description=t("cli.description"),
        epilog=t("cli.epilog"),
        formatter_class=RawDescriptionHelpFormatter,
    )
    parser.command_parsers = {}
    parser.add_version(f"okr {__version__}")
    parser.add_argument(
        "--lang", type=_language, choices=LANGUAGES, default=None, help=t("cli.lang_help")
    )
    # prog: argparse would otherwise start each command's usage with the whole custom usage
    sub = parser.add_subparsers(
        dest="command", metavar=t("lang.command_metavar"), title=t("cli.commands"), prog="okr"
    )
    for name, module in commands.items():
        command = sub.add_parser(
            name,
            parents=[common],
            help=t(module.HELP),
            description=t(module.HELP),
            formatter_class=HelpFormatter,
        )
        module.configure(command)
        parser.command_parsers[name] = command
    return parser


def _misplaced(
    parser: OkrArgumentParser, options: argparse.Namespace, extras: list[str], words: list[str]
) -> int:
    """Say what to do with ``extras``, the arguments the command does not take (of
    ``words``, all that was typed after it): an option of other commands is named with
    them (and, given to open, a line that works); anything else gets argparse's own
    "unrecognized arguments" (it exits 2)."""
    from tui.cli_hints import misplaced_option

    plan_at = _first_positional(words)
    plan = None if plan_at is None else words[plan_at]
    others = [word for index, word in enumerate(words) if index != plan_at]
    message = misplaced_option(options.command, extras, plan, others, _opened)
    if message is None:
        command = parser.command_parsers[options.command]  # its usage, not okr's
        command.error(translate("unrecognized arguments: %s") % " ".join(extras))
    print_error(message)
    return 2


def _opened(plan: str) -> str:
    """The file ``okr PLAN`` opens for ``plan`` (``q2`` -> ``q2.toml``)."""
    from model.errors import PlanError
    from tui.commands.open import plan_to_open

    try:
        return str(plan_to_open(plan)[0])
    except PlanError:
        return plan


def _language(value: str) -> str:
    """``--lang`` as ``OKR_LANG`` reads it (``zh``, ``zh_TW``, ``en_US`` too); a language
    we do not speak stays as typed, for argparse to refuse naming the choices."""
    return normalize_language(value) or value


def _flag_value(args: list[str], flag: str) -> str | None:
    for index, arg in enumerate(args):
        if arg == flag and index + 1 < len(args):
            return args[index + 1]
        if arg.startswith(flag + "="):
            return arg.split("=", 1)[1]
    return None


DASH_VALUE_OPTIONS = ("--value", "--note")
"""Options whose value may start with ``-`` (``--value -5%``, ``--note "-10% after the
outage"``): argparse would read such a value as an unknown option and say only
"expected one argument"."""


def _attach_dash_values(args: list[str]) -> list[str]:
    """``--value -5%`` as ``--value=-5%``, argparse's own spelling for a value that starts
    with ``-``. A following word that starts with ``--`` (or is ``-h``) stays an option."""
    joined: list[str] = []
    index = 0
    while index < len(args):
        arg = args[index]
        following = args[index + 1] if index + 1 < len(args) else ""
        if (
            arg in DASH_VALUE_OPTIONS
            and following.startswith("-")
            and not following.startswith("--")
            and following != "-h"
        ):
            joined.append(f"{arg}={following}")
            index += 2
            continue
        joined.append(arg)
        index += 1
    return joined


def _looks_like_a_command(word: str) -> bool:
    """Whether ``word`` was meant as a command (``new``), not a plan: no ``.toml``, no
    folder, and no file of that name."""
    from pathlib import Path

    if word.lower().endswith(".toml") or "/" in word or "\\" in word:
        return False
    try:
        return not Path(word).exists()
    except OSError:  # a name the system cannot hold (too long): no such file
        return True


def _after_main_options(args: list[str]) -> int:
    """Where the command goes in ``args``: after ``okr``'s own leading ``--lang``, before
    anything a command takes (``okr --date D q2`` is ``okr open --date D q2``)."""
    index = 0
    while index < len(args) and (args[index] == "--lang" or args[index].startswith("--lang=")):
        index += 2 if args[index] == "--lang" else 1
    return index


def _first_positional(args: list[str]) -> int | None:
    """Index of the first argument that is not an option (or an option's value: the
    ``2026-01-31`` of ``okr q2 --date 2026-01-31`` is no plan)."""
    skip = False
    for index, arg in enumerate(args):
        if skip:
            skip = False
            continue
        if not arg.startswith("-"):
            return index
        skip = arg == "--lang" or (
            "=" not in arg and arg not in PLAIN_OPTIONS and _takes_a_value(arg)
        )  # `--lang=zh` has its value: asking would build every command's parser
    return None


PLAIN_OPTIONS = frozenset({"-h", "--help", "--version", "--"})
"""Options that never take a value: the common ones, known without building every
command's parser."""


def _takes_a_value(option: str) -> bool:
    from tui.cli_hints import options_taking_a_value

    return option in options_taking_a_value()
