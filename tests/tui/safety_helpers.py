"""Helpers for the lock, recovery and conflict tests: a lock held by another live process."""

from __future__ import annotations

import dataclasses
import os
from pathlib import Path

from model.lock import lock_path_for
from model.lock_file import lock_file_content, new_lock_info
from tui.screens.choice import ChoiceDialog


def hold_lock_elsewhere(plan: Path, *, user: str = "alice") -> Path:
    """Write a lock on ``plan`` as if another live session on this host held it.

    The holder's process is this test's parent (alive for as long as the test runs),
    so the lock is not stale and ``acquire`` raises ``LockBusy``.
    """
    info = dataclasses.replace(new_lock_info(), pid=os.getppid(), user=user)
    path = lock_path_for(plan)
    path.write_bytes(lock_file_content(info))
    return path


def dialog_id(app) -> str | None:
    """The id of the choice dialog on top, if one is."""
    screen = app.screen
    return screen.id if isinstance(screen, ChoiceDialog) else None
