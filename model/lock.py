"""Telling two editing sessions of the same plan apart: a lock file next to the plan.

``acquire(plan)`` creates ``.plan.toml.okr-lock`` beside the plan, atomically
(``O_CREAT | O_EXCL``), holding who edits it: user, host, process id, start time,
planner version and a random token. A second session gets :class:`LockBusy` with the
holder's details, and the app offers to open read-only (simply: not acquiring) or to
take over (:func:`take_over`).

The lock's modification time is its heartbeat: the app calls :meth:`Lock.refresh`
on its autosave tick (every :data:`HEARTBEAT_SECONDS` or more often). A lock is
**stale**, and replaced without asking, when

- it was made on this host and its process is gone (a crash, ``kill -9``), or
- its heartbeat is older than :data:`STALE_AFTER_SECONDS` (a session on another host
  that died, a machine that rebooted, a process stopped with ctrl+z for minutes), or
- it cannot be read and is older than :data:`UNREADABLE_GRACE_SECONDS`.

Locks are advisory: an editor or ``git pull`` ignores them. What stops a save from
clobbering someone else's is the changed-on-disk check (:class:`~model.errors.ConflictError`);
the lock warns people before they start typing, and stops the commands that replace a
whole file (``okr export -o``, ``okr next-period``) from replacing a plan another live
session has open (:func:`refuse_if_open_elsewhere`). The lock file's content is in
:mod:`model.lock_file`.

Shared folders: the lock file gets the plan's read and write permission bits, so
whoever may read the plan sees who holds it, and whoever may write the plan (e.g. a
group-writable plan) can replace a stale lock even in a sticky folder (``chmod +t``),
where only a file's owner may delete it: the lock is then rewritten in place instead
of deleted. When neither is possible, taking over fails with a message naming the
lock file and its owner.
"""

from __future__ import annotations

import contextlib
import os
import stat
import time
from dataclasses import dataclass
from pathlib import Path

from model.atomic import pid_alive, real_target
from model.errors import PlanError
from model.i18n import t
from model.lock_file import LockInfo, lock_file_content, new_lock_info, read_lock_file

LOCK_SUFFIX = ".okr-lock"
"""A plan ``plan.toml`` is locked by the hidden file ``.plan.toml.okr-lock`` beside it."""

HEARTBEAT_SECONDS = 30
"""How often a session should call :meth:`Lock.refresh` at the least."""

STALE_AFTER_SECONDS = 300
"""A lock whose heartbeat is older than this is stale, whatever host made it."""

UNREADABLE_GRACE_SECONDS = 10
"""An empty or unreadable lock younger than this may still be being written."""


@dataclass(frozen=True)
class LockState:
    """A lock file as found on disk."""

    path: Path
    """The lock file."""

    holder: LockInfo | None
    """Its holder, or ``None`` when the file cannot be read (being written, damaged)."""

    stale: bool
    """Whether the holder is gone, so the lock may be replaced without asking."""

    owner_uid: int
    """The user id owning the lock file (who may delete it in a sticky folder)."""


class LockError(PlanError):
    """The plan's lock could not be created or replaced (e.g. a read-only folder)."""


class LockBusy(LockError):
    """Another live session holds the plan's lock; ``holder`` says who (``None``: unknown)."""

    def __init__(self, plan_path: str | os.PathLike[str], state: LockState) -> None:
        self.state = state
        self.holder = state.holder
        if state.holder is not None:
            message = t("reliability.lock_busy", holder=state.holder.describe())
        else:
            message = t("reliability.lock_busy_unknown", lock=str(state.path))
        super().__init__(plan_path, message)


class PlanOpenElsewhere(LockError):
    """A file to be replaced is a plan another live session has open; nothing is written."""

    def __init__(self, path: str | os.PathLike[str], state: LockState) -> None:
        self.state = state
        if state.holder is not None:
            message = t("reliability.open_elsewhere", holder=state.holder.describe())
        else:
            message = t("reliability.open_elsewhere_unknown", lock=str(state.path))
        super().__init__(path, message)


class Lock:
    """This session's lock on a plan. Refresh it on a timer; release it when done."""

    def __init__(self, plan_path: Path, path: Path, info: LockInfo, replaced: LockInfo | None):
        self.plan_path = plan_path
        self.path = path
        self.info = info
        self.replaced = replaced
        """The stale or taken-over lock this one replaced, if any (to tell the user)."""

    def held(self) -> bool:
        """Whether the lock file is still ours (nobody took it over or deleted it)."""
        holder, _ = read_lock_file(self.path)
        return holder is not None and holder.token == self.info.token and not holder.released

    def refresh(self) -> bool:
        """Show this session is alive (touch the lock); ``False`` if the lock was lost.

        Call it on the autosave tick. ``False`` means someone took the plan over (or
        deleted the lock): the app should stop saving to the file and tell the user.
        """
        if not self.held():
            return False
        try:
            os.utime(self.path)
        except OSError:
            return self.held()
        return True

    def release(self) -> None:
        """Remove the lock if it is still ours. Never raises: it runs on the way out."""
        with contextlib.suppress(Exception):
            if not self.held():
                return
            try:
                os.unlink(self.path)
            except PermissionError:  # someone else's file in a sticky folder
                _write_in_place(self.path, lock_file_content(self.info, released=True))

    def __enter__(self) -> Lock:
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()


def lock_path_for(plan_path: str | os.PathLike[str]) -> Path:
    """The lock file of a plan: ``.<name>.okr-lock`` beside the real file (symlinks followed)."""
    target = real_target(plan_path)
    return target.with_name(f".{target.name}{LOCK_SUFFIX}")


def inspect_lock(plan_path: str | os.PathLike[str]) -> LockState | None:
    """The plan's lock as found on disk, or ``None`` when nobody holds it."""
    path = lock_path_for(plan_path)
    try:
        info = os.stat(path)
    except FileNotFoundError:
        return None
    except OSError:
        return LockState(path, None, stale=False, owner_uid=-1)
    holder, _ = read_lock_file(path)
    age = time.time() - info.st_mtime
    if holder is None:
        stale = age > UNREADABLE_GRACE_SECONDS
    elif holder.released or age > STALE_AFTER_SECONDS:
        stale = True
    else:
        stale = holder.on_this_host and not pid_alive(holder.pid)
    return LockState(path, holder, stale=stale, owner_uid=info.st_uid)


def open_elsewhere(
    plan_path: str | os.PathLike[str], *, own: Lock | None = None
) -> LockState | None:
    """The lock another live session holds on the plan at ``plan_path``, else ``None``.

    ``None`` too for a stale lock (a crashed session blocks nobody), for ``own`` (this
    session's lock), and for a lock that cannot even be looked up because the path
    itself cannot (a folder without permission, a name too long): whatever writes there
    then reports that problem with the path.
    """
    try:
        state = inspect_lock(plan_path)
    except OSError:
        return None
    if state is None or state.stale or state.owner_uid == -1:
        return None
    if own is not None and state.holder is not None and state.holder.token == own.info.token:
        return None
    return state


def refuse_if_open_elsewhere(path: str | os.PathLike[str]) -> None:
    """Raise :class:`PlanOpenElsewhere` when another live session has ``path`` open.

    For writes that replace a whole file from the command line (``okr export -o``,
    ``okr next-period``): that session's plan, or the new plan it has not saved yet,
    is not theirs to replace, ``--force`` or not. ``okr checkin`` only appends and does
    not ask (the app's next save offers to keep both).
    """
    state = open_elsewhere(path)
    if state is not None:
        raise PlanOpenElsewhere(path, state)


def acquire(plan_path: str | os.PathLike[str]) -> Lock:
    """Lock the plan for this session, replacing a stale lock.

    Raises :class:`LockBusy` when another live session holds it (open read-only or
    :func:`take_over` then), and :class:`LockError` when no lock can be made here.
    A lock already held by this very process is taken back.
    """
    plan = Path(plan_path)
    for _ in range(5):
        try:
            return _create(plan, replaced=None)
        except FileExistsError:
            pass
        state = inspect_lock(plan)
        if state is None:
            continue  # released meanwhile: try again
        mine = (
            state.holder is not None
            and state.holder.on_this_host
            and state.holder.pid == os.getpid()
        )
        if not (state.stale or mine):
            raise LockBusy(plan, state)
        lock = _replace(plan, state)
        if lock is not None:
            return lock
    state = inspect_lock(plan)
    raise LockBusy(plan, state or LockState(lock_path_for(plan), None, False, -1))


def take_over(plan_path: str | os.PathLike[str]) -> Lock:
    """Lock the plan for this session whoever holds it; the old holder's ``refresh`` fails.

    Raises :class:`LockError` when the lock file can be neither removed nor rewritten
    (it belongs to someone else in a sticky folder and is not writable for you).
    """
    plan = Path(plan_path)
    for _ in range(5):
        state = inspect_lock(plan)
        if state is None:
            try:
                return _create(plan, replaced=None)
            except FileExistsError:
                continue
        lock = _replace(plan, state)
        if lock is not None:
            return lock
    raise LockError(plan, t("reliability.lock_race", lock=str(lock_path_for(plan))))


def _mode_for(plan: Path) -> int:
    """The plan's read/write bits for group and others, and always read/write for us."""
    try:
        plan_mode = stat.S_IMODE(os.stat(plan).st_mode)
    except OSError:
        return 0o644
    return 0o600 | (plan_mode & 0o066)


def _create(plan: Path, *, replaced: LockInfo | None) -> Lock:
    """Create the lock file exclusively; ``FileExistsError`` if there is one."""
    path = lock_path_for(plan)
    info = new_lock_info()
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags, 0o600)
    except FileExistsError:
        raise
    except OSError as error:
        raise _lock_error(plan, path, error) from None
    try:
        os.write(fd, lock_file_content(info))
        os.fchmod(fd, _mode_for(plan))
        os.fsync(fd)
    except OSError as error:
        os.close(fd)
        with contextlib.suppress(OSError):
            os.unlink(path)
        raise _lock_error(plan, path, error) from None
    os.close(fd)
    return Lock(plan, path, info, replaced)


def _replace(plan: Path, state: LockState) -> Lock | None:
    """Replace the lock ``state`` describes; ``None`` if someone else got there first."""
    try:
        os.unlink(state.path)
    except FileNotFoundError:
        pass
    except PermissionError:
        return _overwrite(plan, state)
    except OSError as error:
        raise _lock_error(plan, state.path, error) from None
    try:
        return _create(plan, replaced=state.holder)
    except FileExistsError:
        return None


def _overwrite(plan: Path, state: LockState) -> Lock:
    """Take over a lock we may not delete by rewriting it (group-writable, sticky folder)."""
    info = new_lock_info()
    try:
        _write_in_place(state.path, lock_file_content(info))
    except OSError:
        raise LockError(
            plan,
            t(
                "reliability.lock_not_removable",
                lock=str(state.path),
                owner=_owner(state.owner_uid),
            ),
        ) from None
    return Lock(plan, state.path, info, state.holder)


def _write_in_place(path: Path, content: bytes) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_TRUNC | getattr(os, "O_CLOEXEC", 0))
    try:
        os.write(fd, content)
        os.fsync(fd)
    finally:
        os.close(fd)


def _lock_error(plan: Path, path: Path, error: OSError) -> LockError:
    return LockError(
        plan, t("reliability.lock_cannot_create", lock=str(path), detail=error.strerror or error)
    )


def _owner(uid: int) -> str:
    try:
        import pwd

        return pwd.getpwuid(uid).pw_name
    except (ImportError, KeyError):
        return str(uid)
