"""The real ``okr`` in a pseudo-terminal, for tests that need a terminal to paint in."""

from __future__ import annotations

import fcntl
import os
import pty
import struct
import subprocess
import termios
import threading
import time

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
