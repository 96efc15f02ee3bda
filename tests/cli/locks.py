"""Locks for the command-line tests: a live session's and a crashed session's."""

from __future__ import annotations

import dataclasses
import subprocess
import sys
from pathlib import Path

from model.lock import lock_path_for
from model.lock_file import lock_file_content, new_lock_info


def crashed_session_lock(plan: Path) -> Path:
    """Write a lock on ``plan`` as a session on this host whose process is gone would
    leave it (a crash, ``kill -9``): stale, so it blocks nobody."""
    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait()
    info = dataclasses.replace(new_lock_info(), pid=gone.pid, user="carol")
    path = lock_path_for(plan)
    path.write_bytes(lock_file_content(info))
    return path
