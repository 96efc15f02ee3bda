"""The ``okr`` subcommands, one module each.

A command module defines ``NAME`` (the word typed after ``okr``), ``HELP`` (a message
key for its one-line help), ``configure(parser)`` to add its arguments and
``run(args) -> int`` returning the exit status; ``NAME`` is the file name with ``-`` for
``_``. Modules are found by scanning this package, so adding a command never touches a
shared file. Keep module-level imports
light: every command module is imported to build ``okr --help``.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Iterable
from types import ModuleType


def command_names() -> dict[str, str]:
    """The module name of every command, by the name it is typed as (``next-period`` is
    ``next_period.py``), found without importing any of them."""
    folder = os.path.dirname(__file__)
    found = {}
    for entry in sorted(os.scandir(folder), key=lambda e: e.name):
        module, extension = os.path.splitext(entry.name)
        if extension == ".py" and not module.startswith("_"):
            found[module.replace("_", "-")] = module
    return found


def command_modules(names: Iterable[str] | None = None) -> dict[str, ModuleType]:
    """The command modules (those typed as ``names``, or all), by the name typed."""
    modules = command_names()
    found: dict[str, ModuleType] = {}
    for name in modules if names is None else names:
        module = importlib.import_module(f"{__name__}.{modules[name]}")
        found[module.NAME] = module
    return found
