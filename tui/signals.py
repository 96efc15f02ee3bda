"""Last words on SIGHUP and SIGTERM: save what can be saved, then leave cleanly.

An SSH connection that drops sends the planner SIGHUP; a shutdown or ``kill`` sends
SIGTERM. :func:`install_exit_handlers` makes either one call the app's callback (which
writes unsaved edits to the recovery file and releases the lock), then exit with the
conventional status ``128 + signal number``: by asking the program to (an event loop
must not have ``SystemExit`` raised in the middle of whatever it was running), or else
by raising ``SystemExit``, so ``finally`` blocks and the terminal restore still run. If
that clean exit hangs (a terminal that is gone can block a write), a watchdog ends the
process after :data:`EXIT_GRACE_SECONDS`.

Process plumbing only: no textual import, so it is usable and testable anywhere.
"""

from __future__ import annotations

import contextlib
import os
import signal
import threading
from collections.abc import Callable, Iterable
from types import FrameType

EXIT_GRACE_SECONDS = 5.0
"""How long a clean exit may take after the callback before the process is ended."""

DEFAULT_SIGNALS: tuple[signal.Signals, ...] = tuple(
    getattr(signal, name) for name in ("SIGHUP", "SIGTERM") if hasattr(signal, name)
)


def install_exit_handlers(
    callback: Callable[[int], object],
    *,
    signals: Iterable[signal.Signals] = DEFAULT_SIGNALS,
    grace: float = EXIT_GRACE_SECONDS,
    last_words: Callable[[], object] | None = None,
    request_exit: Callable[[int], object] | None = None,
) -> Callable[[], None]:
    """On each of ``signals``: call ``callback(signum)``, then exit with ``128 + signum``:
    ``request_exit(status)`` when given (it must only schedule the exit, e.g. with an
    event loop's ``call_soon_threadsafe``), else by raising ``SystemExit``.

    When the clean exit outlasts ``grace``, ``last_words()`` (if given) runs just before
    the process is ended, so what the user must be told still gets out.

    The callback runs once, synchronously, in the main thread; whatever it raises is
    swallowed (the exit must happen regardless). Further signals during the exit are
    ignored. Must be called from the main thread. Returns a function that puts the
    previous handlers back.
    """
    chosen = tuple(signals)
    previous = {number: signal.getsignal(number) for number in chosen}
    exiting: list[int] = []

    def handle(signum: int, frame: FrameType | None) -> None:
        if exiting:
            return
        exiting.append(signum)
        for number in chosen:
            signal.signal(number, signal.SIG_IGN)
        with contextlib.suppress(BaseException):  # last words must never stop the exit
            callback(signum)
        status = 128 + signum

        def end_now() -> None:
            if last_words is not None:
                with contextlib.suppress(BaseException):
                    last_words()
            os._exit(status)

        watchdog = threading.Timer(grace, end_now)
        watchdog.daemon = True
        watchdog.start()
        if request_exit is None:
            raise SystemExit(status)
        try:
            request_exit(status)
        except BaseException:  # the exit must happen regardless
            raise SystemExit(status) from None

    for number in chosen:
        signal.signal(number, handle)

    def uninstall() -> None:
        for number, handler in previous.items():
            signal.signal(number, handler if handler is not None else signal.SIG_DFL)

    return uninstall
