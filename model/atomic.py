"""Replacing a file in one atomic step, keeping its previous version, permissions and owner.

The new bytes go to a hidden temporary file in the same folder
(``.plan.toml.<host>-<pid>.<random>.tmp``), are fsynced, and then renamed over the
target, so a crash at any moment leaves the old file or the new one, never a mix.
Before the rename the old file is kept as ``plan.toml.bak`` (a hard link, so it costs
nothing and is exactly the old file; a copy where links are not allowed). Temporary
files orphaned by a killed process are removed by the next save in that folder.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import os
import re
import secrets
import socket
import stat
import time
from dataclasses import dataclass
from pathlib import Path

from model.errors import ConflictError, NotWritableError, PlanError
from model.fingerprint import ABSENT, Fingerprint, fingerprint_bytes, fingerprint_of
from model.i18n import t

STALE_TEMP_SECONDS = 600
"""A temporary file older than this is abandoned whoever made it (no save takes minutes)."""

BACKUP_SUFFIX = ".bak"
"""The previous version of ``plan.toml`` is kept as ``plan.toml.bak``."""

_HOST_TAG = hashlib.sha256(socket.gethostname().encode("utf-8", "replace")).hexdigest()[:8]
_NAME_BYTES = 120  # room for the suffix within the 255-byte limit on file names
_TEMP_TAIL = re.compile(r"(?:(?P<host>[0-9a-f]{8})-(?P<pid>\d+)\.)?[0-9A-Za-z_]+\.tmp")


@dataclass(frozen=True)
class WriteResult:
    """What a save did."""

    fingerprint: Fingerprint
    """The fingerprint of the file as written: the base for the next conflict check."""

    backup: Path | None = None
    """The ``.bak`` file now holding the previous version, if one was kept."""

    backup_problem: str | None = None
    """Why no backup could be kept although one was wanted (a translated sentence)."""

    comments_dropped: int = 0
    """How many ``#`` comments of the replaced file had no place in the new text (see
    :mod:`model.comments`); the backup holds them."""


def real_target(path: str | os.PathLike[str]) -> Path:
    """The file a save really replaces: a symlink's target, so the link itself survives."""
    target = Path(path)
    return Path(os.path.realpath(target)) if target.is_symlink() else target


def save_folder(path: str | os.PathLike[str]) -> Path:
    """The folder a save to ``path`` writes into: for a symlink (dangling or not) its
    target's folder, since the link itself stays; else ``path``'s own. Never raises: a
    path that cannot be looked up is taken as it is written."""
    try:
        return real_target(path).parent
    except (OSError, ValueError):
        return Path(path).parent


def backup_path_for(path: str | os.PathLike[str]) -> Path:
    """Where the previous version of the plan at ``path`` is kept."""
    target = real_target(path)
    return target.with_name(target.name + BACKUP_SUFFIX)


def write_bytes_atomic(
    path: str | os.PathLike[str],
    data: bytes,
    *,
    expected: Fingerprint | None = None,
    backup: bool = False,
    private: bool = False,
) -> WriteResult:
    """Replace the file at ``path`` with ``data`` atomically.

    - ``expected``: the fingerprint the file had when it was loaded (:data:`ABSENT` for
      a new plan); if the file now holds something else, raise :class:`ConflictError`
      and write nothing. ``None`` overwrites whatever is there.
    - ``backup``: keep the replaced file as ``<name>.bak`` (not when the content is
      unchanged, so saving twice never loses the older version). If no backup can be
      made the save still happens and :attr:`WriteResult.backup_problem` says why.
    - ``private``: mode 0600 whatever the old file had (for recovery files).

    An existing file keeps its permission bits, and its group (and owner, when run as
    root) where the system allows; a new file gets the usual ``0666 & ~umask``. A file
    you may not write is refused, even in a folder where you could replace it.
    """
    try:
        target = real_target(path)  # a folder on the way we may not search, a name too long
    except OSError as error:
        raise _cannot_write(path, error) from None
    folder = target.parent
    try:
        old = os.stat(target)
    except FileNotFoundError:
        old = None
    except OSError as error:
        raise _cannot_write(path, error) from None
    if old is not None:
        if not stat.S_ISREG(old.st_mode):
            raise PlanError(path, t("core.not_a_file"))
        if not os.access(target, os.W_OK):
            raise NotWritableError(path, t("reliability.read_only"))
    clean_stale_temps(folder, target.name)
    fd, temp = _open_temp(path, folder, target.name, mode=0o600 if (private or old) else 0o666)
    result_backup: Path | None = None
    problem: str | None = None
    new = fingerprint_bytes(data)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            _copy_ownership(handle.fileno(), old, private)
            os.fsync(handle.fileno())
        current = _current_fingerprint(path, target, old)
        if expected is not None and not current.same_content(expected):
            raise ConflictError(path, expected, current)
        if current.same_content(new):  # nothing to change: keep the file and its backup
            os.unlink(temp)
            return WriteResult(current)
        if backup and current.exists:
            result_backup, problem = _keep_backup(target, old)
        try:
            os.replace(temp, target)
        except PermissionError:
            # A sticky folder (chmod +t) lets only a file's owner replace it. Someone
            # allowed to write the file may still rewrite it in place, once its old
            # version is safe in the backup: a crash mid-write then leaves .bak whole.
            if old is None or result_backup is None:
                raise NotWritableError(path, t("reliability.sticky_refused")) from None
            _write_in_place(target, data)
            os.unlink(temp)
    except OSError as error:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise _cannot_write(path, error) from None
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise
    _fsync_folder(folder)
    try:
        mtime_ns = os.stat(target).st_mtime_ns
    except OSError:
        mtime_ns = 0
    return WriteResult(fingerprint_bytes(data, mtime_ns), result_backup, problem)


def clean_stale_temps(folder: Path, name: str) -> list[Path]:
    """Remove the temporary files of ``name`` that no live save is writing; return them.

    A temp file is stale when the process named in it is gone from this host, or when
    it is older than :data:`STALE_TEMP_SECONDS` (made on another host, or by an older
    version without a process id in the name). Errors are ignored: cleaning is a courtesy.
    """
    prefix = _temp_prefix(name)
    removed: list[Path] = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    now = time.time()
    for entry in entries:
        if not entry.name.startswith(prefix):
            continue
        match = _TEMP_TAIL.fullmatch(entry.name[len(prefix) :])
        if not match:
            continue
        try:
            info = entry.stat(follow_symlinks=False)
            if not stat.S_ISREG(info.st_mode):
                continue
            dead = match["host"] == _HOST_TAG and not pid_alive(int(match["pid"]))
            if dead or now - info.st_mtime > STALE_TEMP_SECONDS:
                os.unlink(entry.path)
                removed.append(Path(entry.path))
        except (OSError, ValueError):
            continue
    return removed


def pid_alive(pid: int) -> bool:
    """Whether a process with this id runs on this host (of any user)."""
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's process
    except OSError:
        return False
    return True


def host_tag() -> str:
    """A short tag of this host's name, as used in temporary file names."""
    return _HOST_TAG


def _temp_prefix(name: str) -> str:
    short = os.fsencode(name)[:_NAME_BYTES].decode("utf-8", "ignore")
    return f".{short}."


def _temp_name(name: str) -> str:
    """A fresh temporary name for ``name``: ``.<name>.<host>-<pid>.<random>.tmp``."""
    return f"{_temp_prefix(name)}{_HOST_TAG}-{os.getpid()}.{secrets.token_hex(4)}.tmp"


def _open_temp(
    path: str | os.PathLike[str], folder: Path, name: str, *, mode: int
) -> tuple[int, Path]:
    """A new, exclusively created temporary file next to the target."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)
    for _ in range(100):
        temp = folder / _temp_name(name)
        try:
            return os.open(temp, flags, mode), temp
        except FileExistsError:
            continue
        except (PermissionError, OSError) as error:
            if isinstance(error, PermissionError) or error.errno == errno.EROFS:
                key = "reliability.folder_not_writable"
                if not _exists(path):  # a new file: there is nothing on disk to keep
                    key = "reliability.folder_not_writable_new"
                raise NotWritableError(path, t(key, folder=str(folder))) from None
            raise _cannot_write(path, error) from None
    raise _cannot_write(path, FileExistsError(errno.EEXIST, os.strerror(errno.EEXIST)))


def _copy_ownership(fd: int, old: os.stat_result | None, private: bool) -> None:
    """Give the new file the old one's group (and owner, as root) and permission bits."""
    if private:
        os.fchmod(fd, 0o600)
        return
    if old is None:
        return  # created 0666 & ~umask, as any new file
    with contextlib.suppress(OSError):
        owner = old.st_uid if os.geteuid() == 0 else -1
        if owner != -1 or old.st_gid != os.fstat(fd).st_gid:
            os.fchown(fd, owner, old.st_gid)
    os.fchmod(fd, stat.S_IMODE(old.st_mode))


def _current_fingerprint(
    path: str | os.PathLike[str], target: Path, old: os.stat_result | None
) -> Fingerprint:
    """What the target holds now (the conflict check and the backup need it)."""
    if old is None and not os.path.exists(target):
        return ABSENT
    try:
        return fingerprint_of(target)
    except PlanError as error:
        raise PlanError(path, error.message) from None


def _keep_backup(target: Path, old: os.stat_result | None) -> tuple[Path | None, str | None]:
    """Make ``<target>.bak`` hold the current file; never raises OSError.

    In order: a hard link (free, exact); a copy renamed into place; rewriting an
    existing ``.bak`` in place (a sticky folder where the ``.bak`` is someone else's
    but writable). The target itself is untouched throughout, so a crash here loses
    nothing.
    """
    backup = target.with_name(target.name + BACKUP_SUFFIX)
    folder = target.parent
    if old is not None and _may_rename(folder, old):
        link = folder / _temp_name(target.name)
        try:
            os.link(target, link)
            try:
                os.replace(link, backup)
            finally:
                with contextlib.suppress(OSError):
                    os.unlink(link)  # left over only if both names were already one file
            return backup, None
        except OSError:
            pass  # no hard links here (or not allowed): copy instead
    copy: Path | None = None
    try:
        data = target.read_bytes()
        fd, copy = _open_temp(target, folder, target.name, mode=0o600)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            _copy_ownership(handle.fileno(), old, private=False)
            os.fsync(handle.fileno())
        try:
            os.replace(copy, backup)
        except PermissionError:
            if not backup.exists():
                raise
            _write_in_place(backup, data)  # someone else's .bak in a sticky folder
            os.unlink(copy)
        return backup, None
    except (OSError, PlanError) as error:
        if copy is not None:
            with contextlib.suppress(OSError):
                os.unlink(copy)
        detail = error.strerror if isinstance(error, OSError) else error.message
        return None, t("reliability.no_backup", path=str(backup), detail=detail or str(error))


def _may_rename(folder: Path, info: os.stat_result) -> bool:
    """Whether this user may rename or link-and-rename the file ``info`` describes.

    In a sticky folder only the file's owner, the folder's owner or root may; a hard
    link made there to someone else's file could then not even be removed again.
    """
    try:
        folder_info = os.stat(folder)
    except OSError:
        return False
    if not folder_info.st_mode & stat.S_ISVTX:
        return True
    user = os.geteuid()
    return user in (0, info.st_uid, folder_info.st_uid)


def _write_in_place(path: Path, data: bytes) -> None:
    """Overwrite an existing file's bytes (same inode, owner and mode), durably."""
    fd = os.open(path, os.O_WRONLY | getattr(os, "O_CLOEXEC", 0))
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
        os.ftruncate(fd, len(data))
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_folder(folder: Path) -> None:
    """Make the rename itself durable (a no-op where folders cannot be opened)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _cannot_write(path: str | os.PathLike[str], error: OSError) -> PlanError:
    """The error for a failed write: an existing file is said to be unchanged, while for a
    file that is not there (a new plan, an export into a missing folder) nothing was."""
    message = "core.cannot_write" if _exists(path) else "core.cannot_write_new"
    return PlanError(path, t(message, detail=error.strerror or error))


def _exists(path: str | os.PathLike[str]) -> bool:
    """Whether there is a file (or a dangling symlink) at ``path`` to speak of."""
    try:
        return os.path.lexists(path)
    except (OSError, ValueError):
        return False
