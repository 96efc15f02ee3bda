"""What every benchmark shares: summary statistics, the machine line, and starting a
command in a detached tmux session to time its first paint and read its peak memory.

Every figure in bench/ is a ratio against a baseline measured in the same run, because
the machines these run on are shared and noisy; contenders alternate run by run so both
see the same load.
"""

from __future__ import annotations

import argparse
import atexit
import os
import platform
import re
import shlex
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
"""The repository root (commands run from here)."""


@dataclass(frozen=True)
class Stats:
    """Median, min, max and 95th percentile of a list of samples."""

    median: float
    low: float
    high: float
    p95: float
    count: int

    @classmethod
    def of(cls, samples: Sequence[float]) -> Stats:
        ordered = sorted(samples)
        p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
        return cls(statistics.median(ordered), ordered[0], ordered[-1], p95, len(ordered))

    def row(self, label: str, scale: float = 1.0, unit: str = "") -> str:
        """One aligned line: label, median, min, max (times ``scale``)."""
        cells = (self.median, self.low, self.high)
        values = "".join(f"{value * scale:>11.1f}{unit}" for value in cells)
        return f"  {label:<42}{values}"


def header(unit: str = "") -> str:
    """The column titles for :meth:`Stats.row`."""
    return f"  {'':<42}{'median' + unit:>11}{'min' + unit:>11}{'max' + unit:>11}"


def ratio_line(label: str, ours: Stats, baseline: Stats) -> str:
    """``ours / baseline`` on the medians, the one figure the targets are about."""
    return f"  {label:<42}{ours.median / baseline.median:>10.2f}x"


def run_report(report: Callable[[int], str], doc: str | None, argv: list[str] | None) -> int:
    """A benchmark's command line: ``--runs N``, then the machine line and ``report(N)``."""
    parser = argparse.ArgumentParser(description=(doc or "").splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    options = parser.parse_args(argv)
    print(machine())
    print(report(options.runs))
    return 0


def machine() -> str:
    """One line naming the machine and the load it was under."""
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    load = ", ".join(f"{value:.2f}" for value in os.getloadavg())
    return (
        f"{cpu}, {os.cpu_count()} CPUs, python {platform.python_version()}, "
        f"{platform.system()} {platform.release()}; load average {load}"
    )


def python() -> str:
    """The interpreter running the benchmark (the project's virtual environment)."""
    return sys.executable


@dataclass(frozen=True)
class Paint:
    """One start of a program in tmux: seconds until the text showed, peak RSS in KiB,
    and (when a key was typed at the first paint) seconds until the key showed and until
    the screen also showed the mark of the editor being there (see :func:`first_paint`)."""

    seconds: float
    peak_rss_kib: int
    typed_seconds: float | None = None
    editor_seconds: float | None = None


def first_paint(
    argv: Sequence[str],
    needle: str,
    *,
    size: tuple[int, int] = (100, 30),
    settle: float = 3.0,
    timeout: float = 20.0,
    poll: float = 0.005,
    type_then: tuple[str, str] | None = None,
    editor: re.Pattern[str] | None = None,
    environment: dict[str, str] | None = None,
) -> Paint:
    """Start ``argv`` in a detached tmux session and poll the pane until ``needle`` shows.

    The clock starts just before ``tmux new-session`` and stops at the first capture
    holding ``needle``. With ``type_then`` (keys, text), the keys are typed at once and
    the pane polled again until the text shows: how soon the app answers a key; with
    ``editor`` too, until the pane also shows that pattern (something only the program's
    real editor draws, where a first screen painted ahead of it shows the key already). The
    peak RSS (VmHWM) is read ``settle`` seconds after the first paint, so work deferred
    until after it is counted too. The session is then killed. ``environment`` adds
    variables to the program's environment.
    """
    session = f"okrbench-{time.monotonic_ns()}"
    command = " ".join(shlex.quote(part) for part in argv)
    width, height = size
    start = time.perf_counter()
    size_args = ("-x", str(width), "-y", str(height))
    env_args = [f"-e{name}={value}" for name, value in (environment or {}).items()]
    where = ("-c", str(ROOT))
    _tmux("new-session", "-d", "-s", session, *size_args, *env_args, *where, f"exec {command}")
    try:
        seconds = _poll(session, needle, start, timeout, poll)
        painted = time.perf_counter()
        typed = in_editor = None
        if type_then is not None:
            keys, answer = type_then
            _tmux("send-keys", "-t", session, "-l", keys)
            typed = _poll(session, answer, start, timeout, poll)
            if editor is not None:
                in_editor = _poll(session, answer, start, timeout, poll, also=editor)
        time.sleep(max(0.0, settle - (time.perf_counter() - painted)))
        pid = subprocess.run(
            [*TMUX, "display-message", "-p", "-t", session, "#{pane_pid}"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        return Paint(seconds, _peak_rss_kib(int(pid)), typed, in_editor)
    finally:
        subprocess.run([*TMUX, "kill-session", "-t", session], check=False)


def _poll(
    session: str,
    needle: str,
    start: float,
    timeout: float,
    poll: float,
    also: re.Pattern[str] | None = None,
) -> float:
    """Seconds from ``start`` until the pane of ``session`` shows ``needle`` (and, if
    given, a match of ``also``)."""
    while True:
        screen = subprocess.run(
            [*TMUX, "capture-pane", "-p", "-t", session],
            capture_output=True,
            text=True,
            check=False,
        ).stdout
        if needle in screen and (also is None or also.search(screen)):
            return time.perf_counter() - start
        if time.perf_counter() - start > timeout:
            raise TimeoutError(f"{needle!r} not on screen after {timeout}s:\n{screen}")
        time.sleep(poll)


_server_started = False
TMUX = ("tmux", "-L", f"okrbench-{os.getpid()}")
"""tmux on a socket of this run's own, so other people's sessions are never touched."""


def _tmux(*args: str) -> None:
    """Run a tmux command on the bench's server (started the first time, with an idle
    session keeping it up so its start is not timed; stopped when the bench exits)."""
    global _server_started
    if not _server_started:
        _server_started = True
        keeper = [*TMUX, "new-session", "-d", "-s", "keeper", "sleep 86400"]
        subprocess.run(keeper, check=True, env=_child_environment())
        atexit.register(subprocess.run, [*TMUX, "kill-server"], check=False)
    for attempt in range(20):
        done = subprocess.run(
            [*TMUX, *args], check=False, capture_output=True, env=_child_environment()
        )
        if done.returncode == 0:
            return
        time.sleep(0.02 * (attempt + 1))
    subprocess.run([*TMUX, *args], check=True, env=_child_environment())


def _peak_rss_kib(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return 0


def _child_environment() -> dict[str, str]:
    """The environment of the programs started: this one, but with bytecode caching on
    (an installed app has its .pyc files; without them every start recompiles)."""
    environment = dict(os.environ)
    environment.pop("PYTHONDONTWRITEBYTECODE", None)
    return environment
