"""``okr open PLAN`` (or just ``okr PLAN``): edit a plan in the app."""

from __future__ import annotations

import argparse
from pathlib import Path

from model.i18n import t
from model.plan import Plan
from tui.commands._common import load_for_command, print_error

NAME = "open"
HELP = "cli.open_help"


def configure(parser: argparse.ArgumentParser) -> None:
    """Add the ``open`` arguments."""
    parser.add_argument("plan", metavar="PLAN", help=t("cli.plan_arg_help"))


def run(args: argparse.Namespace) -> int:
    """Open the app on the plan; a missing file starts a new plan saved there."""
    path = Path(args.plan)
    if path.exists():
        plan = load_for_command(path)
        if plan is None:
            return 2
        is_new = False
    else:
        if not path.parent.is_dir():
            print_error(f"{path}: {t('cli.no_folder', folder=path.parent)}")
            return 2
        plan, is_new = Plan(), True
    from tui.app import make_app  # textual is imported only when the app is opened

    app = make_app(plan, path, is_new=is_new)
    app.run()
    return app.return_code or 0
