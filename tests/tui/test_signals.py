"""SIGHUP (an SSH drop) and SIGTERM: last words, then a clean exit, in real processes."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from model.lock import inspect_lock
from model.recovery import find_recovery
from tests.conftest import ROOT

PLAIN = """
import sys, time
from pathlib import Path
from tui.signals import install_exit_handlers
out = Path(sys.argv[1])
def last_words(signum):
    (out / "called").write_text(str(signum))
    if sys.argv[2] == "raise":
        raise RuntimeError("the callback failed")
install_exit_handlers(
    last_words, grace=float(sys.argv[3]), last_words=lambda: print("kept", file=sys.stderr)
)
try:
    (out / "ready").write_text("1")
    time.sleep(60)
finally:
    (out / "finally").write_text("1")
    if sys.argv[2] == "hang":
        time.sleep(60)
"""

TEXTUAL = """
import sys
from pathlib import Path
from textual.app import App
from tui.signals import install_exit_handlers
out = Path(sys.argv[1])
class Quiet(App):
    def on_mount(self):
        install_exit_handlers(lambda s: (out / "called").write_text(str(s)))
        (out / "ready").write_text("1")
try:
    Quiet().run(headless=True)
finally:
    (out / "finally").write_text("1")
"""

EDITOR = """
import sys
from pathlib import Path
from model.lock import acquire
from model.recovery import emergency_save
from model.store import load_plan_with_fingerprint
from tui.signals import install_exit_handlers
path = Path(sys.argv[1])
plan, base = load_plan_with_fingerprint(path)
lock = acquire(path)
plan.title = "typed but not saved"
def last_words(signum):
    emergency_save(path, plan, base)
    lock.release()
install_exit_handlers(last_words)
print("editing", flush=True)
sys.stdin.read()
"""


def _start(code: str, *args: str, **kwargs) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-c", code, *args], cwd=ROOT, stderr=subprocess.PIPE, **kwargs
    )


def _wait_for(path: Path, process: subprocess.Popen) -> None:
    deadline = time.monotonic() + 60
    while not path.exists():
        assert process.poll() is None, process.stderr.read()
        assert time.monotonic() < deadline, "the child never got ready"
        time.sleep(0.05)


@pytest.fixture
def processes():
    started: list[subprocess.Popen] = []
    yield started
    for process in started:
        if process.poll() is None:
            process.kill()
        process.wait()


@pytest.mark.parametrize("signum", [signal.SIGHUP, signal.SIGTERM])
def test_the_callback_runs_then_the_process_exits_cleanly(tmp_path, processes, signum):
    process = _start(PLAIN, str(tmp_path), "ok", "5")
    processes.append(process)
    _wait_for(tmp_path / "ready", process)
    process.send_signal(signum)
    assert process.wait(timeout=30) == 128 + signum
    assert (tmp_path / "called").read_text() == str(int(signum))
    assert (tmp_path / "finally").exists(), "finally blocks still run"


def test_a_failing_callback_does_not_stop_the_exit(tmp_path, processes):
    process = _start(PLAIN, str(tmp_path), "raise", "5")
    processes.append(process)
    _wait_for(tmp_path / "ready", process)
    process.send_signal(signal.SIGTERM)
    assert process.wait(timeout=30) == 128 + signal.SIGTERM
    assert (tmp_path / "called").exists() and (tmp_path / "finally").exists()


def test_a_hanging_exit_is_ended_by_the_watchdog(tmp_path, processes):
    process = _start(PLAIN, str(tmp_path), "hang", "0.5")
    processes.append(process)
    _wait_for(tmp_path / "ready", process)
    process.send_signal(signal.SIGHUP)
    assert process.wait(timeout=30) == 128 + signal.SIGHUP
    assert (tmp_path / "finally").exists(), "it was stuck in finally, then ended"
    assert process.stderr.read() == b"kept\n", "what the user must know still got out"


def test_it_works_inside_a_running_textual_app(tmp_path, processes):
    process = _start(TEXTUAL, str(tmp_path))
    processes.append(process)
    _wait_for(tmp_path / "ready", process)
    process.send_signal(signal.SIGHUP)
    assert process.wait(timeout=30) == 128 + signal.SIGHUP
    assert (tmp_path / "called").read_text() == str(int(signal.SIGHUP))
    assert (tmp_path / "finally").exists()


def test_an_ssh_drop_saves_the_edits_for_recovery_and_frees_the_plan(example_copy, processes):
    path = example_copy()
    process = _start(EDITOR, str(path), stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    processes.append(process)
    assert process.stdout.readline() == b"editing\n", process.stderr.read()
    assert inspect_lock(path) is not None
    process.send_signal(signal.SIGHUP)
    assert process.wait(timeout=30) == 128 + signal.SIGHUP
    recovered = find_recovery(path)
    assert recovered is not None and recovered.plan.title == "typed but not saved"
    assert not recovered.base_changed()
    assert inspect_lock(path) is None, "the lock was released"
