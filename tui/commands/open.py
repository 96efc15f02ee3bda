"""``okr open PLAN`` (or just ``okr PLAN``): edit a plan in the app."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from model.errors import PlanError
from model.i18n import t
from tui.commands._common import plan_is_new, print_error

if TYPE_CHECKING:
    from tui.app import OkrApp

NAME = "open"
HELP = "cli.open_help"


def configure(parser: argparse.ArgumentParser) -> None:
    """Add the ``open`` arguments."""
    parser.add_argument("plan", metavar=t("cli.metavar_plan"), help=t("cli.plan_arg_help"))


def run(args: argparse.Namespace) -> int:
    """Open the app on the plan; a missing file starts a new plan saved there.

    In a terminal the plan is painted as soon as it is parsed and validated right after
    (``tui.app.make_opening_app``): a start as quick as an empty app's. Once the app has
    left the screen, say why a file that failed validation was not opened, or where
    unsaved edits were kept if it stopped on an error or a signal (SIGHUP, SIGTERM).
    """
    path = Path(args.plan)
    try:
        app = _app_for(path, is_new=plan_is_new(path))
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


def _in_terminal() -> bool:
    return sys.stdin.isatty() and sys.stdout.isatty()
