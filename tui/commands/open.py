"""``okr open PLAN`` (or just ``okr PLAN``): edit a plan in the app."""

from __future__ import annotations

import argparse
from pathlib import Path

from model.fingerprint import ABSENT
from model.i18n import t
from model.plan import Plan
from model.store import PlanError, load_plan_with_fingerprint
from tui.commands._common import print_error

NAME = "open"
HELP = "cli.open_help"


def configure(parser: argparse.ArgumentParser) -> None:
    """Add the ``open`` arguments."""
    parser.add_argument("plan", metavar="PLAN", help=t("cli.plan_arg_help"))


def run(args: argparse.Namespace) -> int:
    """Open the app on the plan; a missing file starts a new plan saved there.

    Once the app has left the screen, say where unsaved edits were kept if it stopped
    on an error or a signal (SIGHUP, SIGTERM) without saving them.
    """
    path = Path(args.plan)
    base = ABSENT
    if path.exists():
        try:
            plan, base = load_plan_with_fingerprint(path)
        except PlanError as error:
            print_error(str(error))
            return 2
        is_new = False
    else:
        if not path.parent.is_dir():
            print_error(f"{path}: {t('cli.no_folder', folder=path.parent)}")
            return 2
        plan, is_new = Plan(), True
    from tui.app import make_app  # textual is imported only when the app is opened

    app = make_app(plan, path, is_new=is_new, base=base)
    try:
        app.run()
    finally:
        app.guard.print_exit_notices()
    return app.return_code or 0
