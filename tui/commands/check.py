"""``okr check PLAN...``: hold plans against the method (for now: their formulas).

Each finding is one line ``<file>: <step>: <severity>: <field>: <message>``, e.g.
``plan.toml: formulas: error: kpis.cac.formula: uses 'spend', which is not declared in
[inputs]``. The step and severity are fixed English words, so CI scripts can match
them in any language; the message follows ``--lang``. Exit status: 0 no errors, 1 some
plan has an error, 2 some file could not be read (its reason is printed on stderr).
"""

from __future__ import annotations

import argparse

from model.i18n import t
from tui.commands._common import print_error

NAME = "check"
HELP = "check.help"

STEP_FORMULAS = "formulas"
SEVERITY_ERROR = "error"


def configure(parser: argparse.ArgumentParser) -> None:
    """Add the ``check`` arguments."""
    parser.add_argument("plans", nargs="+", metavar="PLAN", help=t("check.plans_help"))


def run(args: argparse.Namespace) -> int:
    """Check every plan given; the worst outcome decides the exit status."""
    from model.inputs import formula_problems
    from model.store import PlanError, load_plan
    from tui.commands._table import print_lines

    status = 0
    for path in args.plans:
        try:
            plan = load_plan(path)
        except PlanError as error:
            print_error(str(error))
            status = 2
            continue
        problems = formula_problems(plan)
        print_lines(
            ": ".join((path, STEP_FORMULAS, SEVERITY_ERROR, problem.path, problem.message))
            for problem in problems
        )
        if problems:
            status = max(status, 1)
    return status
