"""Saving never clobbers: backups, changed-on-disk conflicts, symlinks, temp cleanup."""

from __future__ import annotations

import errno
import os
import stat
import time
from pathlib import Path

import pytest

from model import atomic
from model.plan import Plan
from model.store import (
    ABSENT,
    ConflictError,
    PlanError,
    backup_path_for,
    changed_on_disk,
    dumps_plan,
    fingerprint_of,
    load_plan,
    load_plan_with_fingerprint,
    save_plan,
)


def _temps(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


# --- fingerprints and conflicts ---------------------------------------------------


def test_the_fingerprint_describes_the_bytes_loaded(example_copy):
    path = example_copy()
    plan, fingerprint = load_plan_with_fingerprint(path)
    assert plan == load_plan(path)
    assert fingerprint.size == len(path.read_bytes())
    assert fingerprint.exists
    assert fingerprint == fingerprint_of(path)
    assert not changed_on_disk(path, fingerprint)


def test_touching_is_not_a_change_but_any_edit_is(example_copy):
    path = example_copy()
    _, fingerprint = load_plan_with_fingerprint(path)
    os.utime(path, ns=(1, 1))
    assert not changed_on_disk(path, fingerprint), "same bytes, new mtime: no conflict"
    data = path.read_bytes()
    path.write_bytes(data.replace(b"SaaS", b"SaaT", 1))  # same size, same second
    assert changed_on_disk(path, fingerprint)
    path.unlink()
    assert changed_on_disk(path, fingerprint), "a deleted file changed"
    assert not changed_on_disk(path, ABSENT)
    path.write_bytes(data)
    assert changed_on_disk(path, ABSENT), "a file appearing where there was none changed"


def test_saving_over_someone_elses_save_is_refused_and_writes_nothing(example_copy):
    path = example_copy()
    plan, fingerprint = load_plan_with_fingerprint(path)
    theirs = plan.model_copy(update={"title": "Their edit"})
    save_plan(theirs, path)  # another session saved meanwhile
    on_disk = path.read_bytes()
    plan.title = "My edit"
    with pytest.raises(ConflictError) as caught:
        save_plan(plan, path, expected=fingerprint)
    assert path.read_bytes() == on_disk
    assert caught.value.expected == fingerprint
    assert caught.value.current == fingerprint_of(path)
    message = str(caught.value)
    assert message.startswith(f"{path}: the file changed on disk since it was loaded")
    assert "reload" in message and "overwrite" in message and "another name" in message
    assert _temps(path.parent) == []
    save_plan(plan, path, expected=None)  # the user chose "overwrite"
    assert load_plan(path).title == "My edit"


def test_each_save_returns_the_fingerprint_for_the_next_one(example_copy):
    path = example_copy()
    plan, fingerprint = load_plan_with_fingerprint(path)
    for title in ("one", "two", "three"):
        plan.title = title
        fingerprint = save_plan(plan, path, expected=fingerprint).fingerprint
        assert fingerprint == fingerprint_of(path)
    assert load_plan(path).title == "three"


def test_a_new_plan_does_not_overwrite_a_file_created_meanwhile(tmp_path: Path):
    path = tmp_path / "plan.toml"
    save_plan(Plan(title="created by someone else"), path)
    with pytest.raises(ConflictError, match="someone created this file"):
        save_plan(Plan(title="mine"), path, expected=ABSENT)
    assert load_plan(path).title == "created by someone else"


def test_a_deleted_file_is_a_conflict_too(example_copy):
    path = example_copy()
    plan, fingerprint = load_plan_with_fingerprint(path)
    path.unlink()
    with pytest.raises(ConflictError, match="deleted or moved"):
        save_plan(plan, path, expected=fingerprint)
    assert not path.exists()


def test_a_fifo_is_refused_without_hanging(tmp_path: Path):
    fifo = tmp_path / "plan.toml"
    os.mkfifo(fifo)
    with pytest.raises(PlanError, match="not a regular file"):
        load_plan(fifo)
    with pytest.raises(PlanError, match="not a regular file"):
        save_plan(Plan(), fifo)


# --- backups ----------------------------------------------------------------------


def test_the_previous_version_is_kept_as_bak(tmp_path: Path):
    path = tmp_path / "plan.toml"
    first = save_plan(Plan(title="first"), path)
    assert first.backup is None, "nothing to back up yet"
    assert not backup_path_for(path).exists()
    old_bytes = path.read_bytes()
    second = save_plan(Plan(title="second"), path)
    assert second.backup == tmp_path / "plan.toml.bak"
    assert second.backup.read_bytes() == old_bytes
    assert load_plan(path).title == "second"
    save_plan(Plan(title="third"), path)
    assert load_plan(second.backup).title == "second"


def test_saving_unchanged_content_keeps_the_older_backup(tmp_path: Path):
    path = tmp_path / "plan.toml"
    save_plan(Plan(title="first"), path)
    save_plan(Plan(title="second"), path)
    result = save_plan(Plan(title="second"), path)
    assert result.backup is None
    assert load_plan(backup_path_for(path)).title == "first"


def test_the_backup_keeps_the_old_files_permissions(tmp_path: Path):
    path = tmp_path / "plan.toml"
    save_plan(Plan(title="first"), path)
    os.chmod(path, 0o600)
    save_plan(Plan(title="second"), path)
    assert stat.S_IMODE(backup_path_for(path).stat().st_mode) == 0o600
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_without_hard_links_the_backup_is_a_copy(tmp_path: Path, monkeypatch):
    path = tmp_path / "plan.toml"
    save_plan(Plan(title="first"), path)
    os.chmod(path, 0o640)

    def no_links(*args, **kwargs):
        raise OSError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(os, "link", no_links)
    result = save_plan(Plan(title="second"), path)
    assert result.backup_problem is None
    assert load_plan(result.backup).title == "first"
    assert stat.S_IMODE(result.backup.stat().st_mode) == 0o640
    assert _temps(tmp_path) == []


def test_when_no_backup_can_be_kept_the_save_still_happens_and_says_so(tmp_path: Path, monkeypatch):
    path = tmp_path / "plan.toml"
    save_plan(Plan(title="first"), path)
    real_replace = os.replace

    def refuse_bak(source, target):
        if str(target).endswith(".bak"):
            raise OSError(errno.EPERM, "Operation not permitted")
        return real_replace(source, target)

    monkeypatch.setattr(os, "replace", refuse_bak)
    result = save_plan(Plan(title="second"), path)
    assert load_plan(path).title == "second"
    assert result.backup is None
    assert result.backup_problem == (
        f"saved, but the previous version could not be kept as {tmp_path / 'plan.toml.bak'}:"
        " Operation not permitted"
    )
    assert _temps(tmp_path) == []


def test_backup_false_keeps_no_backup(tmp_path: Path):
    path = tmp_path / "plan.toml"
    save_plan(Plan(title="first"), path)
    assert save_plan(Plan(title="second"), path, backup=False).backup is None
    assert not backup_path_for(path).exists()


# --- where the bytes go ------------------------------------------------------------


def test_saving_through_a_symlink_updates_the_target_and_keeps_the_link(tmp_path: Path):
    real = tmp_path / "shared" / "plan.toml"
    real.parent.mkdir()
    save_plan(Plan(title="first"), real)
    link = tmp_path / "my-plan.toml"
    link.symlink_to(real)
    result = save_plan(Plan(title="second"), link)
    assert link.is_symlink()
    assert load_plan(real).title == "second"
    assert result.backup == real.parent / "plan.toml.bak"
    assert backup_path_for(link) == result.backup


def test_a_path_that_cannot_be_looked_up_is_a_plan_error_not_an_os_error(tmp_path: Path):
    path = tmp_path / ("a" * 300) / "plan.toml"  # one name longer than file systems allow
    with pytest.raises(PlanError) as raised:
        save_plan(Plan(title="x"), path)
    assert raised.value.path == str(path)
    assert raised.value.message.startswith("cannot save: File name too long")


def test_the_plan_text_is_written_exactly(tmp_path: Path):
    path = tmp_path / "plan.toml"
    plan = Plan(title="標題 \u202e [bold]x[/bold]")
    save_plan(plan, path)
    assert path.read_text("utf-8") == dumps_plan(plan)


def test_a_save_over_the_limits_is_refused_before_writing(tmp_path: Path):
    path = tmp_path / "plan.toml"
    save_plan(Plan(title="ok"), path)
    before = path.read_bytes()
    with pytest.raises(PlanError) as caught:
        save_plan(Plan(title="x" * 10_001), path)
    assert str(caught.value) == (
        f"{path}: title: this text is 10001 characters long; a plan's texts are limited to 10000"
    )
    assert path.read_bytes() == before


# --- temporary files ----------------------------------------------------------------


def _dead_pid() -> int:
    pid = os.fork()
    if pid == 0:
        os._exit(0)
    os.waitpid(pid, 0)
    return pid


def test_a_save_removes_temporary_files_orphaned_by_dead_processes(tmp_path: Path):
    path = tmp_path / "plan.toml"
    tag = atomic.host_tag()
    orphan = tmp_path / f".plan.toml.{tag}-{_dead_pid()}.0a1b2c3d.tmp"
    live = tmp_path / f".plan.toml.{tag}-{os.getpid()}.0a1b2c3e.tmp"
    elsewhere = tmp_path / ".plan.toml.ffffffff-1.0a1b2c3f.tmp"
    old_style = tmp_path / ".plan.toml.k2j3h4g5.tmp"  # mkstemp-style, no pid
    other_plan = tmp_path / f".other.toml.{tag}-{_dead_pid()}.0a1b2c40.tmp"
    for file in (orphan, live, elsewhere, old_style, other_plan):
        file.write_text("half a plan")
    an_hour_ago = time.time() - 3600
    os.utime(old_style, (an_hour_ago, an_hour_ago))
    save_plan(Plan(title="x"), path)
    assert not orphan.exists(), "its process is gone"
    assert not old_style.exists(), "older than any save takes"
    assert live.exists(), "a live process may still be writing it"
    assert elsewhere.exists(), "made on another host, recently: may be in use"
    assert other_plan.exists(), "another plan's files are not ours to clean"
