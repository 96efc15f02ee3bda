"""Standard output of the ``okr`` commands, whose failures end a command in one line.

Writing the output can fail: a full disk (``okr check ... > /dev/full``), an I/O error,
or a reader that left early (``okr catalog | head -1``: a broken pipe). Python shows a
traceback for those, from wherever the command happened to print. :func:`guard_stdout`
puts the same stream back as ``sys.stdout`` with one difference: a failed write raises
:class:`OutputError` (a broken pipe stays :class:`BrokenPipeError`), so
:func:`tui.cli.main` handles both once for every command, and tells them apart from
the commands' other errors (a plan file that cannot be read is reported by the command).
"""

from __future__ import annotations

import errno
import io
import os
import sys


class OutputError(Exception):
    """Standard output could not be written; :attr:`detail` says why (the system's words)."""

    def __init__(self, error: OSError) -> None:
        self.detail = error.strerror or str(error)
        super().__init__(self.detail)


class _GuardedOutput(io.FileIO):
    """The file descriptor of standard output, raising :class:`OutputError` on failure."""

    def write(self, data) -> int | None:  # type: ignore[override]
        try:
            return super().write(data)
        except BrokenPipeError:
            raise
        except OSError as error:
            raise OutputError(error) from None


class _ClosedOutput(io.RawIOBase):
    """Standard output when there is none (``okr ... >&-``): every write fails."""

    def writable(self) -> bool:
        return True

    def write(self, data) -> int:  # type: ignore[override]
        raise OutputError(OSError(errno.EBADF, os.strerror(errno.EBADF)))


def guard_stdout() -> None:
    """Make ``sys.stdout`` (and its ``buffer``) raise :class:`OutputError` when a write
    fails, keeping its encoding, error handler and buffering. With standard output
    closed (Python's ``sys.stdout`` is then ``None``) any write fails; a stream that
    is no file (replaced in-process) is left alone."""
    stream = sys.stdout
    if stream is None:
        sys.stdout = io.TextIOWrapper(io.BufferedWriter(_ClosedOutput()), encoding="utf-8")
        return
    try:
        fd = stream.fileno()
        stream.flush()
    except (AttributeError, OSError, ValueError):
        return
    sys.stdout = io.TextIOWrapper(
        io.BufferedWriter(_GuardedOutput(fd, "w", closefd=False)),
        encoding=stream.encoding,
        errors=stream.errors,
        line_buffering=stream.line_buffering,
        write_through=getattr(stream, "write_through", False),
    )


def discard_stdout() -> None:
    """Send standard output to the null device from now on, so the output still buffered
    cannot fail again when the interpreter flushes it on exit (the Python documentation's
    advice for a broken pipe)."""
    try:
        fd = sys.stdout.fileno()
    except (AttributeError, OSError, ValueError):  # no file: drop what it holds instead
        sys.stdout = None
        return
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, fd)
    os.close(devnull)
