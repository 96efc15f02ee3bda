"""Reading a plan file's bytes safely, and remembering what they were.

A :class:`Fingerprint` records a file as it was read (size, modification time and a
SHA-256 of the bytes). Before a save the app compares it with the file on disk: if
someone else saved in between, the save is refused instead of silently overwriting
their work. Content decides: a file touched but not changed is not a conflict, and a
file changed within the same clock tick is still caught.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass

from model.errors import PlanError
from model.i18n import t

MAX_PLAN_BYTES = 5 * 1024 * 1024
"""Plan files larger than this are refused: no real plan comes near it."""


@dataclass(frozen=True)
class Fingerprint:
    """What a file's content was when it was read or written."""

    size: int
    """Size in bytes; ``-1`` when there was no file (see :data:`ABSENT`)."""

    mtime_ns: int
    """Modification time in nanoseconds (informative; content decides changes)."""

    sha256: str
    """SHA-256 of the bytes, in hex."""

    @property
    def exists(self) -> bool:
        """Whether there was a file at all."""
        return self.size >= 0

    def same_content(self, other: Fingerprint) -> bool:
        """Whether both describe the same bytes (or both no file)."""
        return self.size == other.size and self.sha256 == other.sha256


ABSENT = Fingerprint(size=-1, mtime_ns=0, sha256="")
"""The fingerprint of a file that does not exist (a new plan not saved yet)."""


def fingerprint_bytes(data: bytes, mtime_ns: int = 0) -> Fingerprint:
    """The fingerprint of ``data``."""
    import hashlib  # not before the app's first paint (OpenSSL takes a few ms to load)

    return Fingerprint(len(data), mtime_ns, hashlib.sha256(data).hexdigest())


def read_plan_bytes(path: str | os.PathLike[str]) -> tuple[bytes, Fingerprint]:
    """The bytes of the file at ``path`` and their fingerprint (see :func:`read_plan_file`)."""
    data, mtime_ns = read_plan_file(path)
    return data, fingerprint_bytes(data, mtime_ns)


def read_plan_file(path: str | os.PathLike[str]) -> tuple[bytes, int]:
    """The bytes of the file at ``path`` and its modification time, refusing non-plans.

    Refuses (with :class:`PlanError`) a missing file, a folder, a device or FIFO
    (opened non-blocking so a FIFO cannot hang the planner) and anything larger than
    :data:`MAX_PLAN_BYTES`, reading at most one byte past the limit whatever the file
    claims its size is.
    """
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        raise PlanError(path, t("core.not_found")) from None
    except PermissionError:
        raise PlanError(path, t("core.no_permission")) from None
    except IsADirectoryError:
        raise PlanError(path, t("core.not_a_file")) from None
    except OSError as error:
        raise PlanError(path, t("core.os_error", detail=error.strerror or error)) from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise PlanError(path, t("core.not_a_file"))
        if info.st_size > MAX_PLAN_BYTES:
            raise _too_big(path, info.st_size)
        chunks: list[bytes] = []
        remaining = MAX_PLAN_BYTES + 1
        while remaining > 0:
            chunk = os.read(fd, min(remaining, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            remaining -= len(chunk)
        data = b"".join(chunks)
        if len(data) > MAX_PLAN_BYTES:
            raise _too_big(path, max(len(data), info.st_size))
    except OSError as error:
        raise PlanError(path, t("core.os_error", detail=error.strerror or error)) from None
    finally:
        os.close(fd)
    return data, info.st_mtime_ns


def fingerprint_of(path: str | os.PathLike[str]) -> Fingerprint:
    """The fingerprint of the file at ``path`` now; :data:`ABSENT` if there is none.

    Raises :class:`PlanError` when the file exists but cannot be read.
    """
    try:
        return read_plan_bytes(path)[1]
    except PlanError:
        if not os.path.exists(path):  # a dangling symlink counts as no file yet
            return ABSENT
        raise


def changed_on_disk(path: str | os.PathLike[str], fingerprint: Fingerprint) -> bool:
    """Whether the file at ``path`` no longer holds what ``fingerprint`` describes.

    A file that appeared, disappeared, or cannot be read any more counts as changed.
    Cheap when the size differs; otherwise the bytes are hashed (plans are small).
    """
    try:
        size = os.stat(path).st_size
    except FileNotFoundError:
        return fingerprint.exists
    except OSError:
        return True
    if size != fingerprint.size:
        return True
    try:
        return not fingerprint_of(path).same_content(fingerprint)
    except PlanError:
        return True


def _too_big(path: str | os.PathLike[str], size: int) -> PlanError:
    return PlanError(path, t("core.too_big", size=size, limit=MAX_PLAN_BYTES // (1024 * 1024)))
