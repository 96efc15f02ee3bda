"""Unsaved edits go to a private recovery file and come back on the next open."""

from __future__ import annotations

import datetime as dt
import json
import os
import stat
import subprocess
from pathlib import Path

import pytest

from model.atomic import host_tag
from model.fingerprint import ABSENT
from model.i18n import set_language
from model.plan import Plan
from model.recovery import (
    HEADER,
    discard_recovery,
    emergency_save,
    find_recovery,
    recovery_dir,
    recovery_on_open,
    recovery_path,
    write_recovery,
)
from model.store import load_plan, load_plan_with_fingerprint, save_plan


@pytest.fixture
def edited(example_copy):
    """A plan loaded from disk and edited without saving."""
    path = example_copy()
    plan, fingerprint = load_plan_with_fingerprint(path)
    plan.title = "Edited, not saved"
    plan.kpis[0].target = 0.5
    return path, plan, fingerprint


def test_recovery_files_live_privately_in_the_users_state_folder(edited, tmp_path):
    path, plan, fingerprint = edited
    file = write_recovery(path, plan, fingerprint)
    state_home = Path(os.environ["XDG_STATE_HOME"])
    assert file.parent == state_home / "okr-planner" / "recovery" == recovery_dir()
    assert file == recovery_path(path)
    assert stat.S_IMODE(file.stat().st_mode) == 0o600
    assert stat.S_IMODE(file.parent.stat().st_mode) == 0o700
    assert not any(p.name.endswith(".tmp") for p in file.parent.iterdir())


def test_a_recovery_file_is_itself_a_plan_with_a_header(edited):
    path, plan, fingerprint = edited
    file = write_recovery(path, plan, fingerprint)
    text = file.read_text("utf-8")
    assert text.startswith(HEADER)
    assert str(path.resolve()) in text.splitlines()[0]
    assert load_plan(file) == plan, "open it with okr, or copy it over the plan"


def test_find_recovery_returns_the_edits_and_what_they_started_from(edited):
    path, plan, fingerprint = edited
    assert find_recovery(path) is None
    write_recovery(path, plan, fingerprint)
    found = find_recovery(path)
    assert found.plan == plan
    assert found.base == fingerprint
    assert found.plan_path == path.resolve()
    assert found.pid == os.getpid()
    assert not found.base_changed()
    assert found.summary() == [
        "Plan title: 'SaaS growth Q1 2026' → 'Edited, not saved'",
        f"Target of KPI {plan.kpis[0].id}: 0.45 → 0.5",
    ]


def test_the_summary_speaks_the_users_language(edited):
    path, plan, fingerprint = edited
    write_recovery(path, plan, fingerprint)
    set_language("zh-TW")
    assert (
        find_recovery(path).summary()[0] == "計畫名稱:'SaaS growth Q1 2026' → 'Edited, not saved'"
    )


def test_a_later_save_by_someone_else_is_noticed(edited):
    path, plan, fingerprint = edited
    write_recovery(path, plan, fingerprint)
    save_plan(Plan(title="someone else's save"), path)
    assert find_recovery(path).base_changed()


def test_the_same_plan_by_another_name_finds_the_same_recovery(edited, monkeypatch):
    path, plan, fingerprint = edited
    write_recovery(path, plan, fingerprint)
    monkeypatch.chdir(path.parent)
    assert find_recovery(Path(path.name)).plan == plan
    link = path.parent / "link.toml"
    link.symlink_to(path)
    assert find_recovery(link).plan == plan


def test_discard_removes_it_and_other_plans_are_unaffected(edited, example_copy):
    path, plan, fingerprint = edited
    other = example_copy("ecommerce-revenue.toml")
    write_recovery(path, plan, fingerprint)
    assert find_recovery(other) is None
    assert discard_recovery(path) is True
    assert find_recovery(path) is None
    assert discard_recovery(path) is False


def test_a_damaged_recovery_file_is_ignored_but_kept(edited):
    path, plan, fingerprint = edited
    file = write_recovery(path, plan, fingerprint)
    file.write_text(file.read_text("utf-8").replace("schema = 1", "schema = [", 1), "utf-8")
    assert find_recovery(path) is None
    assert file.exists(), "never delete what might be someone's work"


def parses_of(file: Path, monkeypatch) -> list[Path]:
    """The parses of ``file`` model.recovery makes from now on (one entry per parse)."""
    import model.recovery

    seen: list[Path] = []
    parse = model.recovery.parse_plan

    def counting(text, source=None, *args, **kwargs):
        if source is not None and Path(source) == file:
            seen.append(Path(source))
        return parse(text, source, *args, **kwargs)

    monkeypatch.setattr(model.recovery, "parse_plan", counting)
    return seen


def test_on_open_a_readable_recovery_file_is_offered_after_one_parse(edited, monkeypatch):
    path, plan, fingerprint = edited
    file = write_recovery(path, plan, fingerprint)
    parses = parses_of(file, monkeypatch)
    on_open = recovery_on_open(path)
    assert on_open.set_aside is None and on_open.found.file == file
    assert on_open.found.plan == plan and on_open.found.base == fingerprint
    assert len(parses) == 1, "read once, both to offer it and to know it is readable"
    assert file.exists()


def test_on_open_an_unreadable_recovery_file_is_set_aside_after_one_parse(edited, monkeypatch):
    path, plan, fingerprint = edited
    file = write_recovery(path, plan, fingerprint)
    damaged = file.read_text("utf-8").replace("schema = 1", "schema = 1\nfrom_v9 = 1", 1)
    file.write_text(damaged, "utf-8")
    parses = parses_of(file, monkeypatch)
    on_open = recovery_on_open(path)
    assert on_open.found is None and len(parses) == 1
    aside, reason = on_open.set_aside
    assert not file.exists() and aside.read_text("utf-8") == damaged, "moved, not lost"
    assert aside.name.startswith(file.stem + ".unreadable-") and "from_v9" in reason
    assert recovery_on_open(path) == recovery_on_open(path, plan_file=False)


def test_on_open_a_read_only_session_leaves_the_plans_file_alone(edited):
    path, plan, fingerprint = edited
    file = write_recovery(path, plan, fingerprint)
    file.write_text("# okr-recovery: not json\n", "utf-8")
    assert recovery_on_open(path, plan_file=False).set_aside is None and file.exists()
    aside, reason = recovery_on_open(path).set_aside
    assert not file.exists() and aside.exists() and str(file) in reason
    assert recovery_on_open(path).set_aside is None, "nothing more to move"


@pytest.mark.parametrize("header", ["[]", "null", '"x"', "1"])
def test_a_recovery_header_that_is_not_a_table_is_unreadable_not_a_crash(edited, header):
    # json.loads gave a list (or None...) and header.get() raised AttributeError, which
    # no caller catches: the app failed to open the plan at all.
    path, plan, fingerprint = edited
    file = write_recovery(path, plan, fingerprint)
    body = file.read_text("utf-8").partition("\n")[2]
    file.write_text(f"{HEADER}{header}\n{body}", "utf-8")
    assert find_recovery(path) is None and file.exists()
    on_open = recovery_on_open(path)
    assert on_open.found is None and on_open.set_aside is not None and not file.exists()


def test_a_new_plan_never_saved_can_be_recovered(tmp_path: Path):
    path = tmp_path / "new.toml"
    write_recovery(path, Plan(title="draft"), ABSENT)
    found = find_recovery(path)
    assert found.plan.title == "draft" and found.base == ABSENT
    assert not found.base_changed()
    assert found.summary() == ["Plan title: set to 'draft'"]


def test_the_folder_is_made_private_again_if_loosened(edited):
    path, plan, fingerprint = edited
    folder = write_recovery(path, plan, fingerprint).parent
    os.chmod(folder, 0o755)
    write_recovery(path, plan, fingerprint)
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700


def test_emergency_save_writes_the_recovery_file(edited):
    path, plan, fingerprint = edited
    assert emergency_save(path, plan, fingerprint) == recovery_path(path)
    assert find_recovery(path).plan == plan


def test_emergency_save_falls_back_to_a_private_temp_file(edited, monkeypatch, tmp_path):
    path, plan, fingerprint = edited
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("x")
    monkeypatch.setenv("XDG_STATE_HOME", str(blocked))  # the state folder cannot be made
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", None)
    file = emergency_save(path, plan, fingerprint)
    assert file is not None and file.parent == tmp_path
    assert stat.S_IMODE(file.stat().st_mode) == 0o600
    assert load_plan(file) == plan


def test_edits_kept_in_the_temp_folder_are_offered_on_the_next_open(edited, monkeypatch, tmp_path):
    """``okr`` prints "open the plan again to recover them" for the fallback file too."""
    path, plan, fingerprint = edited
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("x")
    monkeypatch.setenv("XDG_STATE_HOME", str(blocked))
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", None)
    file = emergency_save(path, plan, fingerprint)
    assert file is not None and file.parent == tmp_path
    found = find_recovery(path)
    assert found is not None and found.file == file and found.plan == plan
    assert found.base == fingerprint
    other = tmp_path / "other.toml"
    other.write_text('title = "another plan"\n')
    assert find_recovery(other) is None, "a file of another plan is not offered"
    os.chmod(file, 0o644)
    assert find_recovery(path) is None, "only private files: nobody else could have read it"


def test_emergency_save_never_raises(edited, monkeypatch):
    path, plan, fingerprint = edited

    def broken(*args, **kwargs):
        raise RuntimeError("everything is on fire")

    monkeypatch.setattr("model.recovery.write_recovery", broken)
    monkeypatch.setattr("model.recovery._recovery_bytes", broken)
    assert emergency_save(path, plan, fingerprint) is None


def _ended_session_file(own_file: Path) -> Path:
    """Rename this process's own recovery file as if its session had ended."""
    dead = subprocess.Popen(["true"])
    dead.wait()
    host_and_pid = own_file.name.split(".")[1]
    renamed = own_file.with_name(own_file.name.replace(host_and_pid, f"{host_tag()}-{dead.pid}"))
    own_file.rename(renamed)
    return renamed


def test_a_read_only_sessions_file_is_its_own_and_offered_once_its_session_ended(edited):
    path, plan, fingerprint = edited
    holders = write_recovery(path, Plan(title="the lock holder's edits"), fingerprint)
    own = write_recovery(path, plan, fingerprint, own=True)
    assert own != holders and own.parent == holders.parent
    assert own == recovery_path(path, own=True)
    assert f"{host_tag()}-{os.getpid()}" in own.name
    assert load_plan(holders).title == "the lock holder's edits", "never overwritten"
    assert stat.S_IMODE(own.stat().st_mode) == 0o600

    # While this process lives its file is nobody else's to offer.
    assert find_recovery(path, plan_file=False) is None
    assert find_recovery(path).file == holders

    ended = _ended_session_file(own)
    found = find_recovery(path, plan_file=False)
    assert found is not None and found.file == ended and found.plan == plan
    assert found.base == fingerprint and found.summary()

    assert found.discard() and not ended.exists()
    assert holders.exists(), "discarding one set of kept edits leaves the others"
    assert find_recovery(path, plan_file=False) is None


def test_the_newest_kept_edits_are_offered_first(edited):
    path, plan, fingerprint = edited
    holders = write_recovery(path, Plan(title="older"), fingerprint)
    header, _, body = holders.read_text("utf-8").partition("\n")
    written = json.loads(header[len(HEADER) :])["written"]
    an_hour_ago = dt.datetime.fromisoformat(written) - dt.timedelta(hours=1)
    holders.write_text(header.replace(written, an_hour_ago.isoformat()) + "\n" + body, "utf-8")
    ended = _ended_session_file(write_recovery(path, plan, fingerprint, own=True))
    assert find_recovery(path).file == ended
    ended.unlink()
    assert find_recovery(path).plan.title == "older"


def test_a_session_file_from_another_machine_is_offered(edited):
    """Its process cannot be checked from here; a shared home's other host has ended it
    or is still editing, and the kept edits are worth more than the doubt."""
    path, plan, fingerprint = edited
    own = write_recovery(path, plan, fingerprint, own=True)
    other = own.with_name(
        own.name.replace(host_tag(), "0" * 8 if host_tag() != "0" * 8 else "1" * 8)
    )
    own.rename(other)
    assert find_recovery(path, plan_file=False).file == other


def test_discarding_a_read_only_sessions_file_leaves_the_plans(edited):
    path, plan, fingerprint = edited
    holders = write_recovery(path, plan, fingerprint)
    own = write_recovery(path, plan, fingerprint, own=True)
    assert discard_recovery(path, own=True)
    assert holders.exists() and not own.exists()
    assert emergency_save(path, plan, fingerprint, own=True) == own
