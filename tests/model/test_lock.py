"""The edit lock: who holds a plan, stale locks recognised, take-over, release, heartbeat."""

from __future__ import annotations

import getpass
import os
import socket
import stat
import subprocess
import sys
import time
import tomllib
from pathlib import Path

import pytest

from model import __version__
from model.lock import (
    STALE_AFTER_SECONDS,
    UNREADABLE_GRACE_SECONDS,
    LockBusy,
    LockError,
    PlanOpenElsewhere,
    acquire,
    inspect_lock,
    lock_path_for,
    open_elsewhere,
    refuse_if_open_elsewhere,
    take_over,
)
from tests.conftest import ROOT

HOLDER = """
import sys, time
from model.lock import acquire
lock = acquire(sys.argv[1])
print("locked", flush=True)
time.sleep(120)
"""


@pytest.fixture
def holder():
    """Start processes that acquire a plan's lock and keep it; kill them afterwards."""
    started: list[subprocess.Popen] = []

    def start(plan: Path, **kwargs) -> subprocess.Popen:
        process = subprocess.Popen(
            [sys.executable, "-c", HOLDER, str(plan)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            cwd=ROOT,
            **kwargs,
        )
        started.append(process)
        line = process.stdout.readline()
        assert line == "locked\n", process.stderr.read()
        return process

    yield start
    for process in started:
        process.kill()
        process.wait()


def _age(path: Path, seconds: float) -> None:
    moment = time.time() - seconds
    os.utime(path, (moment, moment))


def test_the_lock_is_a_hidden_file_next_to_the_plan_with_who_holds_it(tmp_path: Path):
    plan = tmp_path / "plan.toml"
    with acquire(plan) as lock:
        assert lock.path == tmp_path / ".plan.toml.okr-lock"
        data = tomllib.loads(lock.path.read_text("utf-8"))
        assert data["user"] == getpass.getuser()
        assert data["host"] == socket.gethostname()
        assert data["pid"] == os.getpid()
        assert data["version"] == __version__
        assert data["started"].tzinfo is not None
        assert lock.path.read_text("utf-8").startswith("# OKR Planner: this plan is open")
        assert lock.held() and lock.refresh()
        assert lock.replaced is None
    assert not lock.path.exists(), "released on leaving the with block"


def test_a_second_session_is_told_who_edits_the_plan(tmp_path: Path, holder):
    plan = tmp_path / "plan.toml"
    process = holder(plan)
    with pytest.raises(LockBusy) as caught:
        acquire(plan)
    info = caught.value.holder
    assert info.pid == process.pid and info.on_this_host
    assert info.user == getpass.getuser()
    message = str(caught.value)
    assert message.startswith(f"{plan}: this plan is being edited by {info.user} on {info.host}")
    assert f"(process {process.pid})" in message
    assert "open it read-only, or take over" in message
    state = inspect_lock(plan)
    assert state is not None and not state.stale


def test_a_lock_left_by_a_killed_process_is_stale_and_replaced(tmp_path: Path, holder):
    plan = tmp_path / "plan.toml"
    process = holder(plan)
    process.kill()
    process.wait()
    assert inspect_lock(plan).stale
    lock = acquire(plan)
    assert lock.replaced is not None and lock.replaced.pid == process.pid
    assert lock.held()
    lock.release()


def _foreign_lock(plan: Path, *, host: str = "elsewhere.example", pid: int = 4242) -> Path:
    path = lock_path_for(plan)
    path.write_text(
        f'user = "bob"\nhost = "{host}"\npid = {pid}\n'
        'started = 2026-01-05T09:00:00Z\nversion = "0.1.0"\ntoken = "0123456789abcdef"\n',
        "utf-8",
    )
    return path


def test_a_lock_from_another_host_is_live_until_its_heartbeat_stops(tmp_path: Path):
    plan = tmp_path / "plan.toml"
    path = _foreign_lock(plan)
    with pytest.raises(LockBusy) as caught:
        acquire(plan)
    assert caught.value.holder.user == "bob"
    assert caught.value.holder.host == "elsewhere.example"
    _age(path, STALE_AFTER_SECONDS - 30)
    with pytest.raises(LockBusy):
        acquire(plan)
    _age(path, STALE_AFTER_SECONDS + 30)
    lock = acquire(plan)
    assert lock.replaced.user == "bob"
    lock.release()


def test_a_live_process_with_an_old_heartbeat_is_stale_too(tmp_path: Path, holder):
    """A session stopped with ctrl+z (or hung) for minutes no longer blocks others."""
    plan = tmp_path / "plan.toml"
    holder(plan)
    _age(lock_path_for(plan), STALE_AFTER_SECONDS + 1)
    assert inspect_lock(plan).stale


def test_refresh_is_the_heartbeat(tmp_path: Path):
    plan = tmp_path / "plan.toml"
    lock = acquire(plan)
    _age(lock.path, STALE_AFTER_SECONDS + 60)
    assert lock.refresh()
    assert time.time() - lock.path.stat().st_mtime < 60
    lock.release()


def test_take_over_moves_the_lock_and_the_old_holder_notices(tmp_path: Path):
    plan = tmp_path / "plan.toml"
    first = acquire(plan)
    path = _foreign_lock(plan)  # pretend another host holds it now
    assert not first.held()
    assert first.refresh() is False, "the app is told it lost the lock"
    first.release()
    assert path.exists(), "releasing a lost lock leaves the new holder's lock alone"
    with pytest.raises(LockBusy):
        acquire(plan)
    mine = take_over(plan)
    assert mine.replaced.user == "bob"
    assert mine.held()
    mine.release()
    assert inspect_lock(plan) is None


def test_take_over_from_a_live_process(tmp_path: Path, holder):
    plan = tmp_path / "plan.toml"
    process = holder(plan)
    lock = take_over(plan)
    assert lock.replaced.pid == process.pid
    assert lock.held()
    lock.release()


def test_an_unreadable_lock_is_busy_while_young_and_stale_when_old(tmp_path: Path):
    plan = tmp_path / "plan.toml"
    path = lock_path_for(plan)
    path.write_bytes(b"")  # a creator between O_EXCL and its write, or a damaged file
    with pytest.raises(LockBusy) as caught:
        acquire(plan)
    assert caught.value.holder is None
    assert "cannot be read yet" in str(caught.value)
    _age(path, UNREADABLE_GRACE_SECONDS + 1)
    lock = acquire(plan)
    assert lock.replaced is None and lock.held()
    lock.release()


def test_the_lock_shares_the_plans_read_and_write_permissions(tmp_path: Path):
    plan = tmp_path / "plan.toml"
    plan.write_text('title = "x"\n', "utf-8")
    for plan_mode, lock_mode in ((0o664, 0o664), (0o640, 0o640), (0o600, 0o600), (0o644, 0o644)):
        os.chmod(plan, plan_mode)
        with acquire(plan) as lock:
            assert stat.S_IMODE(lock.path.stat().st_mode) == lock_mode


def test_a_symlinked_plan_is_locked_beside_its_real_file(tmp_path: Path):
    real = tmp_path / "shared" / "plan.toml"
    real.parent.mkdir()
    link = tmp_path / "mine.toml"
    link.symlink_to(real)
    with acquire(link) as lock:
        assert lock.path == real.parent / ".plan.toml.okr-lock"
        assert lock_path_for(real) == lock.path, "whichever name opens it, one lock"


def test_the_same_process_gets_its_own_lock_back(tmp_path: Path):
    plan = tmp_path / "plan.toml"
    first = acquire(plan)
    second = acquire(plan)
    assert second.held() and not first.held()
    second.release()


def test_no_lock_in_a_folder_that_does_not_exist(tmp_path: Path):
    with pytest.raises(LockError) as caught:
        acquire(tmp_path / "missing" / "plan.toml")
    assert "cannot lock the plan for editing" in str(caught.value)
    assert not isinstance(caught.value, LockBusy)


def test_a_write_over_a_plan_is_refused_only_while_another_session_has_it_open(tmp_path: Path):
    """What ``okr export -o`` and ``okr next-period`` ask before replacing a file."""
    plan = tmp_path / "plan.toml"
    refuse_if_open_elsewhere(plan)  # nobody: fine
    path = _foreign_lock(plan)
    with pytest.raises(PlanOpenElsewhere) as caught:
        refuse_if_open_elsewhere(plan)
    assert str(caught.value).startswith(f"{plan}: open in the planner by bob on elsewhere")
    _age(path, STALE_AFTER_SECONDS + 30)
    refuse_if_open_elsewhere(plan)  # a session that is gone blocks nobody
    path.unlink()
    with acquire(plan) as mine:
        assert open_elsewhere(plan, own=mine) is None
        assert open_elsewhere(plan).holder.token == mine.info.token
    assert open_elsewhere(tmp_path / "no-folder" / "plan.toml") is None
