"""``okr open PLAN`` (or just ``okr PLAN``): edit a plan in the app."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from model.errors import PlanError
from model.i18n import t
from tui.commands._common import file_name, plan_is_new, print_error

if TYPE_CHECKING:
    from tui.app import OkrApp

NAME = "open"
HELP = "cli.open_help"


def configure(parser: argparse.ArgumentParser) -> None:
    """Add the ``open`` arguments."""
    parser.add_argument(
        "plan", type=file_name, metavar=t("cli.metavar_plan"), help=t("cli.plan_arg_help")
    )


def run(args: argparse.Namespace) -> int:
    """Open the app on the plan; a missing file starts a new plan saved there.

    In a terminal the plan is painted as soon as it is parsed and validated right after
    (``tui.app.make_opening_app``): a start as quick as an empty app's. Once the app has
    left the screen, say why a file that failed validation was not opened, or where
    unsaved edits were kept if it stopped on an error or a signal (SIGHUP, SIGTERM).
    Without a terminal (and no other Textual driver) the app is not started: exit 2.
    """
    try:
        path, is_new = plan_to_open(args.plan)
        if not _has_screen():
            # `okr PLAN </dev/null`, in CI or a pipe (or `okr chek`, a typo taken for a
            # plan): the app would wait for keys forever. Say what is wrong with the
            # file first, if anything, since that is what is worth fixing.
            _validate(path, is_new=is_new)
            raise PlanError(path, t("cli.needs_terminal"))
        app = _app_for(path, is_new=is_new)
    except PlanError as error:
        print_error(str(error))
        return 2
    try:
        app.run()
    finally:
        if app.guard is not None:
            app.guard.print_exit_notices()
    if app.open_error is not None:
        print_error(str(app.open_error))
    return app.return_code or 0


def plan_to_open(name: str) -> tuple[Path, bool]:
    """The file ``okr NAME`` opens, and whether it is a new plan: ``okr q2`` starts
    q2.toml (or opens it) when there is no file ``q2``, as Save as names a plan: a plan
    file without .toml is one `okr check plans/*.toml` and editors pass by. Raises
    :class:`PlanError` as :func:`plan_is_new` does."""
    path = Path(name)
    is_new = plan_is_new(path)
    if is_new and not path.name.lower().endswith(".toml"):
        path = path.with_name(path.name + ".toml")
        is_new = plan_is_new(path)
    return path, is_new


def _app_for(path: Path, *, is_new: bool) -> OkrApp:
    """The app on the plan at ``path`` (a new plan if ``is_new``); raises
    :class:`PlanError` when the file cannot be read or parsed (or, with no terminal to
    paint on, validated)."""
    from model.plan_source import PlanSource, read_plan_source

    source = PlanSource(b"", 0, path) if is_new else read_plan_source(path)
    if _in_terminal():
        _ = source.head  # a syntax error is reported now, before the app starts
        from tui.app import make_opening_app  # textual: only when the app opens

        return make_opening_app(source, path, is_new=is_new)
    from model.store import plan_from_source
    from tui.app import make_app

    loaded = plan_from_source(source, path)
    if is_new:
        return make_app(loaded.plan, path, is_new=True)
    return make_app(loaded.plan, path, base=loaded.fingerprint)


def _validate(path: Path, *, is_new: bool) -> None:
    """Raise :class:`PlanError` if the file at ``path`` cannot be opened as a plan."""
    if is_new:
        return
    from model.plan_source import read_plan_source
    from model.store import plan_from_source

    plan_from_source(read_plan_source(path), path)


def _in_terminal() -> bool:
    """Whether standard input, output and error are a terminal (Textual reads keys from
    the first and draws on the last)."""
    return sys.stdin.isatty() and sys.stdout.isatty() and sys.stderr.isatty()


def _has_screen() -> bool:
    """Whether the app has somewhere to run: a terminal, or the driver named in
    ``TEXTUAL_DRIVER`` (how ``okr serve``'s browser sessions run, on pipes)."""
    return _in_terminal() or bool(os.environ.get("TEXTUAL_DRIVER"))
