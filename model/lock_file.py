"""The lock file's content: who holds a plan's lock (:class:`LockInfo`), as written
into ``.plan.toml.okr-lock`` and read back (see :mod:`model.lock` for the locking)."""

from __future__ import annotations

import datetime as dt
import getpass
import os
import secrets
import socket
import tomllib
from dataclasses import dataclass
from pathlib import Path

import tomli_w

from model import __version__
from model.i18n import t

_MAX_LOCK_BYTES = 64 * 1024


@dataclass(frozen=True)
class LockInfo:
    """Who holds a lock, as recorded in the lock file."""

    user: str
    host: str
    pid: int
    started: dt.datetime
    version: str
    token: str
    heartbeat: dt.datetime
    """When the holder last showed it was alive (the lock file's modification time)."""

    released: bool = False
    """True when the holder let go but could not delete the file (sticky folders)."""

    @property
    def on_this_host(self) -> bool:
        """Whether the holder runs on this machine (so its process can be checked)."""
        return self.host == socket.gethostname()

    def describe(self) -> str:
        """One line for the app: who, where, since when, last seen when."""
        return t(
            "reliability.lock_holder",
            user=self.user,
            host=self.host,
            pid=self.pid,
            since=_local(self.started),
            active=_local(self.heartbeat),
        )


def new_lock_info() -> LockInfo:
    """This session as a lock's holder: user, host, process, now, and a fresh token."""
    now = dt.datetime.now(dt.UTC).replace(microsecond=0)
    return LockInfo(
        user=_user(),
        host=socket.gethostname(),
        pid=os.getpid(),
        started=now,
        version=__version__,
        token=secrets.token_hex(8),
        heartbeat=now,
    )


def lock_file_content(info: LockInfo, *, released: bool = False) -> bytes:
    """The lock file's bytes for ``info``: a comment saying what the file is, then TOML
    (``released = true`` once the holder let go of a file it could not delete)."""
    data: dict[str, object] = {
        "user": info.user,
        "host": info.host,
        "pid": info.pid,
        "started": info.started,
        "version": info.version,
        "token": info.token,
    }
    if released:
        data["released"] = True
    comment = "".join(f"# {line}\n" for line in t("reliability.lock_file_comment").split("\n"))
    return (comment + tomli_w.dumps(data)).encode("utf-8")


def read_lock_file(path: Path) -> tuple[LockInfo | None, float]:
    """The holder recorded in a lock file (``None`` if unreadable) and its mtime."""
    try:
        with open(path, "rb") as handle:
            mtime = os.fstat(handle.fileno()).st_mtime
            data = tomllib.loads(handle.read(_MAX_LOCK_BYTES).decode("utf-8"))
        started = data["started"]
        if not isinstance(started, dt.datetime) or started.tzinfo is None:
            return None, 0.0
        info = LockInfo(
            user=str(data["user"]),
            host=str(data["host"]),
            pid=int(data["pid"]),
            started=started,
            version=str(data.get("version", "")),
            token=str(data["token"]),
            heartbeat=dt.datetime.fromtimestamp(mtime, dt.UTC),
            released=data.get("released") is True,
        )
        return info, mtime
    except (OSError, ValueError, KeyError, TypeError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return None, 0.0


def _user() -> str:
    try:
        return getpass.getuser()
    except Exception:
        return str(os.getuid())


def _local(moment: dt.datetime) -> str:
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")
