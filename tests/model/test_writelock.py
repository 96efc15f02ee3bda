"""Writers of one plan take turns: an flock on the plan file itself, waited for."""

from __future__ import annotations

import datetime as dt
import fcntl
import os
import threading
import time
from pathlib import Path

import pytest

from model import store, writelock
from model.checkins import checkin_table_text, record_checkin
from model.plan import CheckIn
from model.store import (
    ConflictError,
    PlanError,
    load_plan,
    load_plan_with_fingerprint,
    save_plan,
)
from model.writelock import write_turn

PLAN = '[objective]\nstart = 2026-01-01\nend = 2026-03-31\n\n[[kpis]]\nid = "cac"\n'


def holding(path: Path) -> int:
    """Hold the write turn on ``path`` as another writer would (another open file)."""
    fd = os.open(path, os.O_RDONLY)
    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    return fd


def is_held(path: Path) -> bool:
    """Whether someone holds the write turn on the file now at ``path``."""
    fd = os.open(path, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return True
    finally:
        os.close(fd)
    return False


def test_a_writer_gives_up_after_waiting_with_one_line_and_runs_nothing(tmp_path: Path):
    path = tmp_path / "plan.toml"
    path.write_text(PLAN, "utf-8")
    fd = holding(path)
    ran = False
    try:
        started = time.monotonic()
        with pytest.raises(PlanError) as caught, write_turn(path, wait=0.3):
            ran = True
        assert time.monotonic() - started >= 0.3
    finally:
        os.close(fd)
    assert not ran
    assert str(caught.value) == (
        f"{path}: another okr command has been writing this file for 0 seconds;"
        " nothing was written, try again in a moment"
    )


def test_a_writer_waits_for_the_turn_and_then_has_it(tmp_path: Path):
    path = tmp_path / "plan.toml"
    path.write_text(PLAN, "utf-8")
    fd = holding(path)
    threading.Timer(0.3, os.close, [fd]).start()
    started = time.monotonic()
    with write_turn(path, wait=10):
        assert time.monotonic() - started >= 0.25
        assert is_held(path)
    assert not is_held(path)


def test_a_turn_is_reentrant_in_one_thread(tmp_path: Path):
    path = tmp_path / "plan.toml"
    path.write_text(PLAN, "utf-8")
    with write_turn(path, wait=0.2), write_turn(path, wait=0.2):
        assert is_held(path)
    assert not is_held(path)


def test_a_file_replaced_before_it_is_locked_is_locked_as_it_is_now(tmp_path, monkeypatch):
    """A save renames a new file over the plan: a writer that opened the old file just
    before must lock the new one, or two writers would each hold "the" plan."""
    path = tmp_path / "plan.toml"
    path.write_text(PLAN, "utf-8")
    real_try_lock = writelock._try_lock
    saves = []

    def a_save_lands_first(fd: int) -> bool:
        if not saves:
            replacement = tmp_path / "new.toml"
            replacement.write_text(PLAN + "# saved\n", "utf-8")
            os.replace(replacement, path)
            saves.append(replacement)
        return real_try_lock(fd)

    monkeypatch.setattr(writelock, "_try_lock", a_save_lands_first)
    with write_turn(path, wait=10):
        assert saves and path.read_text("utf-8").endswith("# saved\n")
        assert is_held(path), "the file now at the path is the one locked"


def test_no_file_no_turn_to_wait_for(tmp_path: Path):
    with write_turn(tmp_path / "missing.toml", wait=0):
        pass


def test_record_checkin_waits_for_a_writer_holding_the_turn(tmp_path: Path):
    path = tmp_path / "plan.toml"
    path.write_text(PLAN, "utf-8")
    fd = holding(path)
    first = CheckIn(kpi="cac", date=dt.date(2026, 1, 31), value=700)
    second = CheckIn(kpi="cac", date=dt.date(2026, 2, 28), value=650)

    def other_writer_appends_then_releases() -> None:
        path.write_text(path.read_text("utf-8") + "\n" + checkin_table_text(first), "utf-8")
        os.close(fd)

    threading.Timer(0.2, other_writer_appends_then_releases).start()
    record_checkin(path, second)
    assert load_plan(path).checkins == [first, second]


def test_a_save_waits_for_a_checkin_being_written_then_finds_the_plan_changed(tmp_path):
    """Without the turn, the app's save could check the file, then a check-in land, then
    the save's rename drop it. With it, the save waits and sees the check-in."""
    path = tmp_path / "plan.toml"
    path.write_text(PLAN, "utf-8")
    loaded = load_plan_with_fingerprint(path)
    checkin = CheckIn(kpi="cac", date=dt.date(2026, 1, 31), value=700)
    fd = holding(path)  # okr checkin has read the plan and is about to write it

    def checkin_writes_then_releases() -> None:
        path.write_text(PLAN + "\n" + checkin_table_text(checkin), "utf-8")
        os.close(fd)

    threading.Timer(0.3, checkin_writes_then_releases).start()
    loaded.plan.title = "Mine"
    with pytest.raises(ConflictError):
        save_plan(loaded.plan, path, expected=loaded.fingerprint)
    assert load_plan(path).checkins == [checkin]


def test_a_save_gives_up_when_the_turn_never_comes(tmp_path, monkeypatch):
    path = tmp_path / "plan.toml"
    path.write_text(PLAN, "utf-8")
    loaded = load_plan_with_fingerprint(path)
    monkeypatch.setattr(store, "SAVE_WAIT_SECONDS", 0.2)
    fd = holding(path)
    try:
        with pytest.raises(PlanError, match="another okr command has been writing"):
            save_plan(loaded.plan, path, expected=loaded.fingerprint)
    finally:
        os.close(fd)
    assert path.read_text("utf-8") == PLAN
