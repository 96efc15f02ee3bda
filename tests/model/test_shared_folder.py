"""Two users sharing one folder: locks, take-over and saves across accounts.

These tests switch users, so they need root (``os.fork`` then ``setuid`` in the child,
which keeps the already loaded interpreter: the other users need not be able to read
it). Users: Alice (uid 20001) and Bob (uid 20002), both in the group ``team`` (20000).
"""

from __future__ import annotations

import importlib.readers  # noqa: F401 - loaded here: the children cannot read the stdlib's files
import os
import pickle
import pwd  # noqa: F401 - idem
import select
import shutil
import stat
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from model.i18n import domain_table, message_domains
from model.lock import LockBusy, LockError, acquire, inspect_lock, lock_path_for
from model.plan import Plan
from model.store import PlanError, load_plan, save_plan

pytestmark = pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() != 0, reason="switching users needs root"
)

TEAM, ALICE, BOB = 20000, 20001, 20002

for _domain in message_domains():  # every message loaded before switching users
    domain_table(_domain)


def _read(fd: int, size: int, timeout: float = 20) -> bytes:
    """Read from a pipe, failing instead of hanging if the child died without writing."""
    ready, _, _ = select.select([fd], [], [], timeout)
    assert ready, "the child process did not answer"
    return os.read(fd, size)


def as_user(uid: int, action: Callable[[], object]) -> object:
    """Run ``action`` in a child process as ``uid`` (group ``team``); return or raise its result."""
    read_fd, write_fd = os.pipe()
    pid = os.fork()
    if pid == 0:
        try:
            os.close(read_fd)
            os.setgroups([TEAM])
            os.setgid(TEAM)
            os.setuid(uid)
            try:
                outcome = ("ok", action())
            except BaseException as error:
                outcome = ("error", error)
            os.write(write_fd, pickle.dumps(outcome))
        finally:
            os._exit(0)
    os.close(write_fd)
    chunks = []
    while chunk := _read(read_fd, 1 << 16):
        chunks.append(chunk)
    os.close(read_fd)
    os.waitpid(pid, 0)
    kind, value = pickle.loads(b"".join(chunks))
    if kind == "error":
        raise value
    return value


@pytest.fixture
def shared() -> Iterator[Path]:
    """A sticky, world-writable folder like /tmp or a typical shared project folder."""
    base = Path(tempfile.mkdtemp(prefix="okr-shared-"))
    os.chmod(base, 0o755)
    folder = base / "plans"
    folder.mkdir()
    os.chown(folder, 0, TEAM)
    os.chmod(folder, 0o1777)
    yield folder
    shutil.rmtree(base)


def _alices_plan(folder: Path, mode: int) -> Path:
    plan = folder / "plan.toml"
    as_user(ALICE, lambda: save_plan(Plan(title="Alice's"), plan))
    os.chmod(plan, mode)
    return plan


def _abandon_lock(plan: Path) -> None:
    """A session of Alice that took the lock and died without releasing it."""
    as_user(ALICE, lambda: acquire(plan).path)


def test_bob_takes_over_alices_stale_lock_in_a_sticky_folder(shared: Path):
    plan = _alices_plan(shared, 0o664)  # the team may write the plan
    _abandon_lock(plan)
    lock_file = lock_path_for(plan)
    assert lock_file.stat().st_uid == ALICE
    assert stat.S_IMODE(lock_file.stat().st_mode) == 0o664

    def bob_opens() -> tuple[str, str, bool]:
        lock = acquire(plan)
        held = lock.held()
        lock.release()  # cannot delete Alice's file here: marks it released instead
        return lock.replaced.user, lock.info.user, held

    replaced_user, bob_user, held = as_user(BOB, bob_opens)
    assert held and replaced_user != bob_user
    state = inspect_lock(plan)
    assert state is not None and state.stale, "released: free for the next session"
    assert as_user(ALICE, lambda: acquire(plan).held()) is True


def test_a_stale_lock_bob_may_not_touch_gives_a_clear_message(shared: Path):
    plan = _alices_plan(shared, 0o644)  # only Alice may write the plan, and so the lock
    _abandon_lock(plan)
    with pytest.raises(LockError) as caught:
        as_user(BOB, lambda: acquire(plan))
    assert not isinstance(caught.value, LockBusy)
    message = str(caught.value)
    assert "cannot take over" in message and str(lock_path_for(plan)) in message
    assert f"belongs to {ALICE}" in message, "no name for uid 20001 here: the number"


def test_bob_sees_alices_live_lock(shared: Path):
    plan = _alices_plan(shared, 0o664)
    report_read, report_write = os.pipe()
    pid = os.fork()
    if pid == 0:  # Alice's live session: holds the lock until killed
        try:
            os.setgroups([TEAM])
            os.setgid(TEAM)
            os.setuid(ALICE)
            acquire(plan)
            os.write(report_write, b"locked")
            select.select([], [], [], 60)
        finally:
            os._exit(0)
    os.close(report_write)
    try:
        assert _read(report_read, 6) == b"locked"
        with pytest.raises(LockBusy) as caught:
            as_user(BOB, lambda: acquire(plan))
        assert caught.value.holder.pid == pid
    finally:
        os.kill(pid, 9)
        os.waitpid(pid, 0)
        os.close(report_read)


def test_bob_may_not_save_over_a_plan_he_may_not_write(shared: Path):
    plan = _alices_plan(shared, 0o644)
    before = plan.read_bytes()
    with pytest.raises(PlanError) as caught:
        as_user(BOB, lambda: save_plan(Plan(title="Bob's"), plan))
    assert str(caught.value) == f"{plan}: the file is read-only for you; nothing was written"
    assert plan.read_bytes() == before


def test_a_team_plan_saved_by_bob_keeps_its_group_and_mode(shared: Path):
    plan = _alices_plan(shared, 0o664)
    os.chown(plan, ALICE, TEAM)
    as_user(BOB, lambda: save_plan(Plan(title="Bob's"), plan))
    info = plan.stat()
    assert load_plan(plan).title == "Bob's"
    assert stat.S_IMODE(info.st_mode) == 0o664
    assert info.st_gid == TEAM
    backup = plan.with_name("plan.toml.bak")
    assert load_plan(backup).title == "Alice's"


def test_a_folder_bob_may_not_write_refuses_saves_and_locks_clearly(shared: Path):
    plan = _alices_plan(shared, 0o666)
    os.chmod(shared, 0o755)  # only root (the folder's owner) may create files now
    with pytest.raises(PlanError) as caught:
        as_user(BOB, lambda: save_plan(Plan(title="Bob's"), plan))
    assert "does not let you create files" in str(caught.value)
    assert "the file on disk is unchanged" in str(caught.value)
    assert load_plan(plan).title == "Alice's"
    with pytest.raises(LockError, match="cannot lock the plan for editing"):
        as_user(BOB, lambda: acquire(plan))


def test_root_saving_keeps_the_owner(shared: Path):
    plan = _alices_plan(shared, 0o640)
    save_plan(Plan(title="root's"), plan)
    assert plan.stat().st_uid == ALICE


def test_alice_and_bob_take_turns_saving_a_team_plan_in_a_sticky_folder(shared: Path):
    plan = _alices_plan(shared, 0o664)
    backup = plan.with_name("plan.toml.bak")
    titles = ["Alice's"]
    for turn, user in enumerate([BOB, ALICE, BOB, BOB, ALICE], start=1):
        title = f"turn {turn}"
        result = as_user(user, lambda title=title: save_plan(Plan(title=title), plan))
        assert result.backup_problem is None
        assert load_plan(plan).title == title
        assert load_plan(backup).title == titles[-1], "the previous version is in .bak"
        titles.append(title)
        assert stat.S_IMODE(plan.stat().st_mode) == 0o664
        assert plan.stat().st_gid == TEAM
    assert sorted(p.name for p in shared.iterdir()) == ["plan.toml", "plan.toml.bak"]


def test_in_a_sticky_folder_no_backup_means_no_in_place_save(shared: Path):
    plan = _alices_plan(shared, 0o664)
    as_user(ALICE, lambda: save_plan(Plan(title="Alice's second"), plan))
    os.chmod(plan.with_name("plan.toml.bak"), 0o644)  # Bob may not rewrite Alice's .bak
    before = plan.read_bytes()
    with pytest.raises(PlanError) as caught:
        as_user(BOB, lambda: save_plan(Plan(title="Bob's"), plan))
    assert "only the file's owner may replace it" in str(caught.value)
    assert plan.read_bytes() == before
    assert sorted(p.name for p in shared.iterdir()) == ["plan.toml", "plan.toml.bak"]
