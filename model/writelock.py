"""Writers of one plan file take turns: an OS lock (``flock``) on the plan file itself.

``okr checkin`` reads the plan, appends a table to the text and writes the whole file
back. Two of them at once would both read the same text, and the second rename would
drop the first one's table although both said "Recorded". Inside :func:`write_turn`
a writer has the file to itself: any other process asking for a turn on the same file
waits, so it reads the file as the previous writer left it. The app's saves take a turn
too (:func:`model.store.save_plan`), so a check-in cannot land between a save's
changed-on-disk check and its rename.

The lock is taken on the plan file itself, not on a file beside it, so nothing new
appears in the folder. A save replaces the file with a new one (a new inode), so after
getting the lock a writer checks that the file it locked is still the one at the path,
and locks the new one if not. A turn is re-entrant within a thread: a writer already
holding it (``record_checkin`` inside the command's own turn) does not wait for itself.

Like the session lock (:mod:`model.lock`) it is advisory: an editor or ``git`` ignores
it, and the changed-on-disk check still catches those. Where the file system has no
locks (some network mounts), or the file cannot be opened, the turn goes on without
one and that check is what is left.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import threading
import time
from collections.abc import Iterator

from model.errors import PlanError
from model.i18n import t

try:
    import fcntl
except ImportError:  # no flock on this system: writers rely on the conflict check
    fcntl = None  # type: ignore[assignment]

WAIT_SECONDS = 30.0
"""How long a writer waits for its turn before giving up (a turn takes milliseconds)."""

_POLL_SECONDS = (0.005, 0.05)
"""First and longest pause between two tries for the lock."""

_held = threading.local()
"""The files (device, inode) this thread holds a turn on."""


@contextlib.contextmanager
def write_turn(path: str | os.PathLike[str], *, wait: float = WAIT_SECONDS) -> Iterator[None]:
    """Hold the write turn on the file at ``path`` for the ``with`` block.

    Waits up to ``wait`` seconds for another writer to finish; after that raises
    :class:`~model.errors.PlanError` ("another okr command is writing this file"), with
    nothing written. A missing file, or one that is not a regular file, has no turn to
    take: the block runs at once (and reading the file reports the problem).
    """
    fd = _lock(path, wait)
    if fd is None:
        yield
        return
    key = _key(os.fstat(fd))
    held = _held_keys()
    held.add(key)
    try:
        yield
    finally:
        held.discard(key)
        os.close(fd)  # closing the last descriptor of the open file releases the lock


def _lock(path: str | os.PathLike[str], wait: float) -> int | None:
    """A descriptor of the file at ``path`` holding its lock; ``None`` when there is no
    lock to hold (no file, not a regular file, no flock here, or held by this thread)."""
    if fcntl is None:
        return None
    deadline = time.monotonic() + wait
    pause = _POLL_SECONDS[0]
    while True:
        fd = _open(path)
        if fd is None:
            return None
        try:
            info = os.fstat(fd)
            if not stat.S_ISREG(info.st_mode) or _key(info) in _held_keys():
                os.close(fd)
                return None
            if _try_lock(fd):
                if _still_at(path, info):
                    return fd
                os.close(fd)  # replaced while we waited: lock the file there now
                continue
        except OSError:
            os.close(fd)
            return None  # flock is not available here: go on without it
        except BaseException:
            os.close(fd)
            raise
        os.close(fd)
        if time.monotonic() >= deadline:
            raise PlanError(path, t("reliability.write_busy", seconds=round(wait)))
        time.sleep(pause)
        pause = min(pause * 2, _POLL_SECONDS[1])


def _open(path: str | os.PathLike[str]) -> int | None:
    """The file opened for reading (non-blocking: a FIFO cannot hang us), or ``None``."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        return os.open(path, flags)
    except OSError:
        return None


def _try_lock(fd: int) -> bool:
    """Take the lock if it is free; ``False`` when another writer holds it."""
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError as error:
        if error.errno in (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES):
            return False
        raise
    return True


def _still_at(path: str | os.PathLike[str], info: os.stat_result) -> bool:
    """Whether the file locked is still the one at ``path`` (no save replaced it)."""
    try:
        return _key(os.stat(path)) == _key(info)
    except OSError:
        return False


def _key(info: os.stat_result) -> tuple[int, int]:
    return info.st_dev, info.st_ino


def _held_keys() -> set[tuple[int, int]]:
    keys = getattr(_held, "keys", None)
    if keys is None:
        keys = _held.keys = set()
    return keys
