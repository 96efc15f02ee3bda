"""Small helpers shared by the command modules: printing errors, loading plans, looking
up the paths given on the command line."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import stat
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from model.atomic import save_folder
from model.errors import PlanError
from model.i18n import t
from model.safetext import printable as _printable
from model.safetext import shown_path

if TYPE_CHECKING:
    from model.plan import Plan


def file_name(text: str) -> str:
    """argparse ``type`` of a file argument: an empty one (``okr check ""``, ``-o ""``) is
    a usage error naming the argument, where ``Path("")`` would be the current folder."""
    if not text:
        raise argparse.ArgumentTypeError(t("cli.empty_file_name"))
    return text


def printable(text: str) -> str:
    """``text`` with control characters shown as ``\\x1b`` and bidi overrides as ``\\u202e``,
    so a plan can neither drive the terminal nor disguise what it shows."""
    return _printable(text)


def print_error(message: str) -> None:
    """Print one error line on standard error."""
    print(printable(f"okr: {message}"), file=sys.stderr)


def refused_as_open_elsewhere(output: str | os.PathLike[str]) -> bool:
    """Whether another live session has ``output`` open as its plan, after printing why
    nothing is written there (commands that replace a whole file refuse it, even with
    ``--force``; see :func:`model.lock.refuse_if_open_elsewhere`)."""
    from model.lock import PlanOpenElsewhere, refuse_if_open_elsewhere

    try:
        refuse_if_open_elsewhere(output)
    except PlanOpenElsewhere as error:
        print_error(str(error))
        return True
    return False


def refused_as_no_file(output: str | os.PathLike[str]) -> bool:
    """Whether ``output`` is there but is no regular file (a folder, a device, a FIFO),
    after printing so: nothing can replace it, ``--force`` included, so this is said
    before ``--force`` is offered for an existing file."""
    try:
        mode = os.stat(output).st_mode
    except OSError:  # none there (or a dangling link): the writer says what it finds
        return False
    if stat.S_ISREG(mode):
        return False
    print_error(str(PlanError(output, t("core.not_a_file"))))
    return True


def day_asked(date: str | None) -> dt.date | None:
    """The day ``--date`` names (today without it), or ``None`` after printing why the
    date cannot be read."""
    from model.checkins import CheckinError, parse_date

    try:
        return parse_date(date) if date is not None else dt.date.today()
    except CheckinError as error:
        print_error(error.message)
        return None


def load_for_command(path: str | Path) -> Plan | None:
    """The plan at ``path``, or ``None`` after printing why it cannot be read."""
    from model.store import load_plan  # pydantic: not on `okr PLAN`'s way to the app

    try:
        return load_plan(path)
    except PlanError as error:
        print_error(str(error))
        return None


def path_exists(path: str | Path) -> bool:
    """Whether there is a file (or folder) at ``path``; a dangling symlink counts as none.

    ``Path.exists`` answers ``False`` only for a missing file and raises on every other
    failure (a folder on the way without permission, a name too long): here those
    raise :class:`PlanError` naming ``path``, one line the command prints.
    """
    try:
        os.stat(path)
    except (FileNotFoundError, NotADirectoryError):
        return False
    except OSError as error:
        raise PlanError(path, access_problem(error)) from None
    return True


def plan_is_new(path: Path) -> bool:
    """Whether ``path`` names no file yet, so a new plan would be saved there (``False``:
    there is a file to open). Raises :class:`PlanError` when the path cannot be looked up
    or the folder a new plan would go in does not exist."""
    if path_exists(path):
        return False
    folder = save_folder(path)  # a dangling symlink's target's: the plan is saved there
    try:
        is_folder = stat.S_ISDIR(os.stat(folder).st_mode)
    except (FileNotFoundError, NotADirectoryError):
        is_folder = False
    except OSError as error:
        raise PlanError(path, access_problem(error)) from None
    if not is_folder:
        raise PlanError(path, t("cli.no_folder", folder=shown_path(folder)))
    return True


def access_problem(error: OSError) -> str:
    """Why a path could not be looked up, in the current language."""
    if isinstance(error, PermissionError):
        return t("core.no_permission")
    return t("cli.cannot_access", detail=error.strerror or error)


def same_file(one: str | Path, other: str | Path) -> bool:
    """Whether ``one`` and ``other`` are the same file (a symlink or a hard link to it
    included), or the same path when either cannot be looked up."""
    try:
        return os.path.samefile(one, other)
    except OSError:
        return os.path.abspath(one) == os.path.abspath(other)
