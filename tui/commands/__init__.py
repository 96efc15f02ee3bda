"""The ``okr`` subcommands, one module each.

A command module defines ``NAME`` (the word typed after ``okr``), ``HELP`` (a message
key for its one-line help), ``configure(parser)`` to add its arguments and
``run(args) -> int`` returning the exit status. Modules are found by scanning this
package, so adding a command never touches a shared file. Keep module-level imports
light: every command module is imported to build ``okr --help``.
"""

from __future__ import annotations

import importlib
import pkgutil
from types import ModuleType


def command_modules() -> dict[str, ModuleType]:
    """Every command module, by the name it is typed as."""
    found: dict[str, ModuleType] = {}
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda i: i.name):
        if info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{__name__}.{info.name}")
        found[module.NAME] = module
    return found
