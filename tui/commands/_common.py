"""Small helpers shared by the command modules: printing errors, loading plans."""

from __future__ import annotations

import sys
from pathlib import Path

from model.plan import Plan
from model.store import PlanError, load_plan


def printable(text: str) -> str:
    """``text`` with control characters shown as ``\\x1b``, so a plan cannot drive the terminal."""
    return "".join(ch if ch.isprintable() or ch in "\t\n" else f"\\x{ord(ch):02x}" for ch in text)


def print_error(message: str) -> None:
    """Print one error line on standard error."""
    print(printable(f"okr: {message}"), file=sys.stderr)


def load_for_command(path: str | Path) -> Plan | None:
    """The plan at ``path``, or ``None`` after printing why it cannot be read."""
    try:
        return load_plan(path)
    except PlanError as error:
        print_error(str(error))
        return None
