"""Unsaved edits kept safe: a private recovery file per plan, found again on the next open.

While a plan has unsaved edits the app writes them every few seconds (and on SIGHUP,
SIGTERM or a crash) to ``<state dir>/okr-planner/recovery/<hash>.toml``, where the
state dir is ``$XDG_STATE_HOME`` or ``~/.local/state`` and the hash is of the plan's
absolute path. The folder is 0700 and the files 0600: edits never leak to other users
of a shared server, even when the plan itself is shared.

A recovery file is itself a plan file (open it with ``okr`` or copy it over the plan to
recover by hand); its first line is a comment recording which plan it belongs to,
when it was written and the fingerprint of the file the edits started from::

    # okr-recovery: {"plan": "/srv/plans/q1.toml", "written": "...", "base": {...}, ...}

On the next open :func:`recovery_on_open` returns it (:func:`find_recovery` alone, as
tools and tests use it, only looks); the app shows
:meth:`Recovery.summary` (what differs from the file on disk) and either takes the
recovered plan or calls :meth:`Recovery.discard`. A successful save discards it too.

That file belongs to the session holding the plan's lock. A session that opened the
plan read-only (someone else holds the lock) keeps its edits in a file of its own,
``<hash>.<host>-<pid>.toml`` (``own=True``), so the two never overwrite each other's.
Once that process has gone, :func:`find_recovery` offers the file like the plan's own:
the newest kept edits first, one set per open.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import os
import re
import socket
import stat
import tempfile
from dataclasses import dataclass
from pathlib import Path

from model import __version__
from model.atomic import host_tag, pid_alive, write_bytes_atomic
from model.diff import describe_differences
from model.errors import PlanError
from model.fingerprint import ABSENT, Fingerprint, changed_on_disk
from model.i18n import t
from model.plan import Plan
from model.store import dumps_plan, load_plan, parse_plan

APP_NAME = "okr-planner"
HEADER = "# okr-recovery: "
"""The first line of a recovery file starts with this, followed by JSON."""

_MAX_RECOVERY_BYTES = 16 * 1024 * 1024


@dataclass(frozen=True)
class Recovery:
    """Unsaved edits of a plan found in a recovery file."""

    plan_path: Path
    """The plan the edits belong to (absolute)."""

    file: Path
    """The recovery file holding them."""

    written: dt.datetime
    """When the edits were written (UTC)."""

    base: Fingerprint
    """The plan file the edits started from (:data:`ABSENT` for a plan never saved)."""

    plan: Plan
    """The plan with the unsaved edits."""

    host: str = ""
    pid: int = 0

    def base_changed(self) -> bool:
        """Whether the plan file changed on disk after the edits started from it.

        When true, taking the recovered plan would discard someone's later save: the
        app should say so and offer save-as rather than a plain overwrite.
        """
        return changed_on_disk(self.plan_path, self.base)

    def base_deleted(self) -> bool:
        """Whether the plan file the edits started from is gone (deleted or moved) since:
        saving the recovered plan would then write it there again, not overwrite a save."""
        return self.base.exists and not os.path.lexists(self.plan_path)

    def summary(self, limit: int = 12) -> list[str]:
        """What the recovered plan changes compared with the file on disk now, in words."""
        try:
            on_disk = load_plan(self.plan_path)
        except PlanError:
            on_disk = Plan()
        return describe_differences(on_disk, self.plan, limit=limit)

    def discard(self) -> bool:
        """Delete this recovery file; ``True`` if it was there. Never raises."""
        return _unlink(self.file)


def recovery_dir() -> Path:
    """The private folder holding this user's recovery files."""
    import platformdirs

    return Path(platformdirs.user_state_dir(APP_NAME)) / "recovery"


def recovery_path(plan_path: str | os.PathLike[str], *, own: bool = False) -> Path:
    """The recovery file of the plan at ``plan_path`` (whether or not it exists).

    ``own``: this process's file for the plan instead of the plan's, for a session that
    has the plan read-only.
    """
    key = _plan_key(plan_path)
    if own:
        return recovery_dir() / f"{key}.{host_tag()}-{os.getpid()}.toml"
    return recovery_dir() / f"{key}.toml"


def write_recovery(
    plan_path: str | os.PathLike[str],
    plan: Plan,
    base: Fingerprint,
    *,
    own: bool = False,
    text: str | None = None,
) -> Path:
    """Write the unsaved ``plan`` to its recovery file atomically; return the file.

    ``base`` is the fingerprint of the plan file the edits started from; ``own`` as in
    :func:`recovery_path`; ``text`` is ``dumps_plan(plan)`` when the caller has it
    already (a large plan takes a tenth of a second to write out). Raises
    :class:`PlanError` if the recovery folder cannot be written.
    """
    folder = recovery_dir()
    _private_folder(folder, plan_path)
    target = recovery_path(plan_path, own=own)
    data = _recovery_bytes(plan_path, dumps_plan(plan) if text is None else text, base)
    write_bytes_atomic(target, data, private=True)
    return target


@dataclass(frozen=True)
class OnOpen:
    """What the recovery folder holds for a plan being opened (:func:`recovery_on_open`)."""

    found: Recovery | None
    """The newest unsaved edits to offer, as :func:`find_recovery` returns them."""

    set_aside: tuple[Path, str] | None = None
    """The plan's own recovery file, if it could not be read: its new name and, as one
    line, why. Such a file (written by a newer okr, edited by hand, cut short) is not
    offered, and the next autosave would replace it: renamed to
    ``<hash>.unreadable-<time>.toml`` it stays in the recovery folder untouched."""


def recovery_on_open(plan_path: str | os.PathLike[str], *, plan_file: bool = True) -> OnOpen:
    """What to offer and what was set aside when the plan at ``plan_path`` is opened.

    What :func:`find_recovery` offers, except that the plan's own recovery file, when it
    exists but cannot be read, is moved aside (:attr:`OnOpen.set_aside`; if it cannot be
    moved it stays, unread). That file (a whole plan, up to 16 MB) is read and parsed
    once for both. ``plan_file`` as in :func:`find_recovery`: a read-only session
    neither offers nor moves the lock holder's file.
    """
    own: list[Recovery] = []
    moved = None
    if plan_file:
        file = recovery_path(plan_path)
        try:
            own.append(_load_recovery(file, plan_path))
        except FileNotFoundError:
            pass
        except PlanError as error:
            moved = _move_aside(file, str(error))
        except (OSError, ValueError, KeyError, TypeError):
            moved = _move_aside(file, t("safety.recovery_header_unreadable", file=str(file)))
    return OnOpen(_newest(plan_path, own), moved)


def find_recovery(plan_path: str | os.PathLike[str], *, plan_file: bool = True) -> Recovery | None:
    """The newest unsaved edits of the plan at ``plan_path`` that nobody is still making.

    Looks at the plan's recovery file (unless ``plan_file`` is false: a read-only
    session leaves it to the lock holder), at the files of read-only sessions that
    have ended, and at the files :func:`emergency_save` left in the temporary folder
    when the state folder could not be written (a file of another live process on this
    host is its own business). A file that cannot be read or does not belong to this
    plan is left alone (never deleted).
    Returns ``None`` when there is nothing to offer.
    """
    own = _read_recovery(recovery_path(plan_path), plan_path) if plan_file else None
    return _newest(plan_path, [own] if own is not None else [])


def _newest(plan_path: str | os.PathLike[str], found: list[Recovery]) -> Recovery | None:
    """The newest of ``found`` (the plan's own file, already read) and of the files of
    ended read-only sessions and emergency saves (:func:`find_recovery`)."""
    key = _plan_key(plan_path)
    files: list[Path] = []
    with contextlib.suppress(OSError):
        files.extend(sorted(recovery_dir().glob(f"{key}.*-*.toml")))
    for file in files:
        session = _SESSION_TAIL.fullmatch(file.name[len(key) :])
        if session is not None and _session_alive(session["host"], int(session["pid"])):
            continue
        recovery = _read_recovery(file, plan_path)
        if recovery is not None:
            found.append(recovery)
    for file in _temp_fallback_files():
        recovery = _read_recovery(file, plan_path)
        if recovery is None:
            continue
        another = recovery.pid != os.getpid() and recovery.host == socket.gethostname()
        if another and pid_alive(recovery.pid):
            continue  # its process is still writing it: not this session's to offer yet
        found.append(recovery)
    return max(found, key=lambda recovery: recovery.written, default=None)


_TEMP_PREFIX = "okr-recovery-"


def _temp_fallback_files() -> list[Path]:
    """The files :func:`emergency_save` fell back to (the state folder could not be
    written): this user's private regular files in the temporary folder, which the
    message printed after the signal or crash promises the next open will offer."""
    files = []
    with contextlib.suppress(OSError):
        for file in Path(tempfile.gettempdir()).glob(f"{_TEMP_PREFIX}*.toml"):
            with contextlib.suppress(OSError):
                info = file.lstat()
                private = not info.st_mode & 0o077 and info.st_uid == os.getuid()
                if stat.S_ISREG(info.st_mode) and private:
                    files.append(file)
    return sorted(files)


_SESSION_TAIL = re.compile(r"\.(?P<host>[0-9a-f]{8})-(?P<pid>\d+)\.toml")


def _session_alive(host: str, pid: int) -> bool:
    """Whether a read-only session's file may still be being written by its process."""
    return host == host_tag() and pid_alive(pid)


def _read_recovery(file: Path, plan_path: str | os.PathLike[str]) -> Recovery | None:
    try:
        return _load_recovery(file, plan_path)
    except (OSError, ValueError, KeyError, TypeError, PlanError):
        return None


class _NotRecovery(ValueError):
    """The file's first line is not a recovery header for this plan."""


def _load_recovery(file: Path, plan_path: str | os.PathLike[str]) -> Recovery:
    with open(file, "rb") as handle:
        data = handle.read(_MAX_RECOVERY_BYTES)
    text = data.decode("utf-8")
    first, _, _ = text.partition("\n")
    if not first.startswith(HEADER):
        raise _NotRecovery(file)
    header = json.loads(first[len(HEADER) :])
    if not isinstance(header, dict) or header.get("plan") != str(_absolute(plan_path)):
        raise _NotRecovery(file)
    base = header.get("base") or {}
    return Recovery(
        plan_path=_absolute(plan_path),
        file=file,
        written=dt.datetime.fromisoformat(header["written"]),
        base=Fingerprint(int(base["size"]), int(base["mtime_ns"]), str(base["sha256"])),
        plan=parse_plan(text, file),
        host=str(header.get("host", "")),
        pid=int(header.get("pid", 0)),
    )


def _move_aside(file: Path, reason: str) -> tuple[Path, str] | None:
    """Rename an unreadable recovery ``file`` to ``<hash>.unreadable-<time>.toml``, never
    replacing a file; ``(new name, reason)``, or ``None`` if it cannot be moved."""
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    for attempt in range(100):
        suffix = f"-{attempt}" if attempt else ""
        aside = file.with_name(f"{file.stem}.unreadable-{stamp}{suffix}.toml")
        try:
            os.link(file, aside)  # never replaces an existing file, unlike a rename
        except FileExistsError:
            continue
        except OSError:
            return None
        _unlink(file)
        return aside, reason
    return None


def discard_recovery(plan_path: str | os.PathLike[str], *, own: bool = False) -> bool:
    """Delete the plan's recovery file (``own``: this process's, as in
    :func:`recovery_path`); ``True`` if there was one. Never raises."""
    return _unlink(recovery_path(plan_path, own=own))


def _unlink(file: Path) -> bool:
    try:
        os.unlink(file)
    except OSError:
        return False
    return True


def emergency_save(
    plan_path: str | os.PathLike[str],
    plan: Plan,
    base: Fingerprint = ABSENT,
    *,
    own: bool = False,
    text: str | None = None,
) -> Path | None:
    """Write unsaved edits somewhere safe, now, for a crash or signal handler.

    Tries the normal recovery file first; if that fails (home full or read-only), a
    private file in the system's temporary folder. Returns the file written, or
    ``None`` if nothing could be written. Never raises. ``text`` as in
    :func:`write_recovery`.
    """
    try:
        return write_recovery(plan_path, plan, base, own=own, text=text)
    except BaseException:
        pass
    fd = -1
    try:
        data = _recovery_bytes(plan_path, dumps_plan(plan) if text is None else text, base)
        fd, name = tempfile.mkstemp(prefix=_TEMP_PREFIX, suffix=".toml")
        os.write(fd, data)
        os.fsync(fd)
        return Path(name)
    except BaseException:
        return None
    finally:
        if fd >= 0:
            with contextlib.suppress(OSError):
                os.close(fd)


def _recovery_bytes(plan_path: str | os.PathLike[str], text: str, base: Fingerprint) -> bytes:
    header = {
        "plan": str(_absolute(plan_path)),
        "written": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "base": {"size": base.size, "mtime_ns": base.mtime_ns, "sha256": base.sha256},
        "host": socket.gethostname(),
        "pid": os.getpid(),
        "version": __version__,
    }
    return (HEADER + json.dumps(header) + "\n" + text).encode("utf-8")


def _plan_key(plan_path: str | os.PathLike[str]) -> str:
    key = str(_absolute(plan_path)).encode("utf-8", "surrogateescape")
    return hashlib.sha256(key).hexdigest()[:32]


def _absolute(plan_path: str | os.PathLike[str]) -> Path:
    return Path(plan_path).expanduser().resolve()


def _private_folder(folder: Path, plan_path: str | os.PathLike[str]) -> None:
    """Create the recovery folder as 0700 (and make it so if it was looser)."""
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        if folder.stat().st_mode & 0o077:
            folder.chmod(0o700)
    except OSError as error:
        detail = error.strerror or str(error)
        raise PlanError(
            plan_path, t("reliability.recovery_unwritable", folder=str(folder), detail=detail)
        ) from None
