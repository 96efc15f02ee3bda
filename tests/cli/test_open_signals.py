"""The real ``okr`` in a terminal: SIGTERM/SIGHUP while editing keeps the edits and unlocks."""

from __future__ import annotations

import fcntl
import os
import pty
import signal
import struct
import subprocess
import termios
import threading
import time

import pytest

from model.lock import inspect_lock
from model.recovery import find_recovery
from tests.conftest import okr_command


class Terminal:
    """``okr`` running in a pseudo-terminal of 80x24, as a person's terminal would run it.

    A thread reads everything the app writes as it comes, like a terminal does: an
    unread pty fills up and blocks the app's writes, which would make a busy machine's
    run look like an app that never printed its last words.
    """

    def __init__(self, *args: str) -> None:
        master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
        env = {**os.environ, "TERM": "xterm-256color", "LANG": "C.UTF-8"}
        env.pop("NO_COLOR", None)
        self.process = subprocess.Popen(
            [*okr_command(), *args],
            stdin=slave,
            stdout=slave,
            stderr=slave,
            env=env,
            start_new_session=True,
        )
        os.close(slave)
        self.master = master
        self.output = b""
        self._arrived = threading.Condition()
        self._ended = False
        self._reader = threading.Thread(target=self._read_all, daemon=True)
        self._reader.start()

    def _read_all(self) -> None:
        while True:
            try:
                chunk = os.read(self.master, 65536)
            except OSError:  # the app ended and closed the terminal
                chunk = b""
            with self._arrived:
                if not chunk:
                    self._ended = True
                    self._arrived.notify_all()
                    return
                self.output += chunk
                self._arrived.notify_all()

    def read_until(self, text: str, timeout: float = 60) -> bool:
        """Wait until ``text`` has been drawn (or the app ends, or ``timeout`` passes)."""
        deadline = time.monotonic() + timeout
        with self._arrived:
            while text.encode() not in self.output and not self._ended:
                left = deadline - time.monotonic()
                if left <= 0:
                    break
                self._arrived.wait(min(left, 0.5))
            return text.encode() in self.output

    def type(self, text: str) -> None:
        os.write(self.master, text.encode())

    def close(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait(timeout=30)
        self._reader.join(timeout=10)
        os.close(self.master)


@pytest.fixture
def terminal():
    opened: list[Terminal] = []

    def open_terminal(*args: str) -> Terminal:
        opened.append(Terminal(*args))
        return opened[-1]

    yield open_terminal
    for term in opened:
        term.close()


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP])
def test_a_signal_while_editing_keeps_the_edits_and_releases_the_lock(tmp_path, terminal, signum):
    plan = tmp_path / "p.toml"
    term = terminal(str(plan))
    assert term.read_until("Step 1: Objective"), term.output[-2000:]
    assert inspect_lock(plan) is not None
    term.type("Grow")
    assert term.read_until("unsaved"), term.output[-2000:]
    term.process.send_signal(signum)
    assert term.process.wait(timeout=30) == 128 + signum
    if signum == signal.SIGTERM:  # after SIGHUP the terminal is gone: nothing to read
        assert term.read_until("your unsaved edits were kept in", timeout=10), term.output[-600:]
    found = find_recovery(plan)
    assert found is not None and found.plan.objective.statement == "Grow"
    assert inspect_lock(plan) is None
    assert not plan.exists(), "nothing was saved to the plan itself"


def test_the_next_open_offers_the_kept_edits(tmp_path, terminal):
    plan = tmp_path / "p.toml"
    first = terminal(str(plan))
    assert first.read_until("Step 1: Objective")
    first.type("Grow")
    assert first.read_until("unsaved")
    first.process.send_signal(signal.SIGTERM)
    first.process.wait(timeout=30)
    second = terminal(str(plan))
    assert second.read_until("Unsaved edits were found"), second.output[-2000:]
    second.type("\r")  # recover
    assert second.read_until("Recovered the unsaved edits")
    second.type("\x13")  # ctrl+s
    assert second.read_until("Saved")
    second.type("\x11")  # ctrl+q
    assert second.process.wait(timeout=30) == 0
    assert find_recovery(plan) is None
    assert "Grow" in plan.read_text("utf-8")
