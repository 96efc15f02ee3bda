"""A process killed with SIGKILL in the middle of saves never leaves a broken plan.

A child process saves different complete plans in a loop; the test kills it (SIGKILL:
no cleanup, no ``finally``) at random moments and at chosen points inside a save
(while the temporary file is written, while the backup is linked, just before the
rename), many times. After every kill the plan and its ``.bak`` hold one of the
complete plans byte for byte, and the next save removes the orphaned temporary files.
"""

from __future__ import annotations

import os
import random
import signal
import stat
import time
from pathlib import Path

import pytest

from model.store import dumps_plan, load_plan, save_plan
from tests.conftest import EXAMPLE_PLANS

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork()")


def _plans():
    plans = [load_plan(path) for path in EXAMPLE_PLANS]
    big = plans[0].model_copy(deep=True)
    big.title = "Big plan, so that a save takes a while"
    big.items = [
        item.model_copy(update={"text": f"{item.text} #{n}"})
        for n in range(800)
        for item in plans[0].items[:1]
    ]
    return [*plans, big]


PLANS = _plans()
TEXTS = {dumps_plan(plan).encode("utf-8") for plan in PLANS}


PAUSE_POINTS = {
    # name: (os function, which calls of it are the moment to stop at)
    "written": ("fsync", lambda fd: stat.S_ISREG(os.fstat(fd).st_mode)),  # before fsync
    "linking": ("link", lambda source, target: True),  # before the backup link
    "backing-up": ("replace", lambda source, target: str(target).endswith(".bak")),
    "renaming": ("replace", lambda source, target: str(target).endswith("plan.toml")),
}


def _spawn_saver(path: Path, pause_at: str | None = None) -> tuple[int, int]:
    """Fork a child saving the plans in a loop; return its pid and a pipe it reports on.

    The child writes ``s`` when it starts. With ``pause_at`` (a key of
    :data:`PAUSE_POINTS`), it writes ``!`` and sleeps at that point of its second save,
    so the parent can kill it exactly there.
    """
    read_fd, write_fd = os.pipe()
    pid = os.fork()
    if pid:
        os.close(write_fd)
        return pid, read_fd
    try:  # the child: never returns into pytest
        os.close(read_fd)
        if pause_at:
            name, moment = PAUSE_POINTS[pause_at]
            original = getattr(os, name)
            seen = [0]

            def paused(*args, **kwargs):
                if moment(*args):
                    seen[0] += 1
                    if seen[0] == 2:
                        os.write(write_fd, b"!")
                        time.sleep(30)
                return original(*args, **kwargs)

            setattr(os, name, paused)
        os.write(write_fd, b"s")
        number = 1
        while True:
            save_plan(PLANS[number % len(PLANS)], path)
            number += 1
    finally:
        os._exit(0)


def _kill(pid: int) -> None:
    os.kill(pid, signal.SIGKILL)
    _, status = os.waitpid(pid, 0)
    assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL


def _assert_whole(path: Path) -> None:
    assert path.read_bytes() in TEXTS, "the plan is one complete version"
    backup = path.with_name(path.name + ".bak")
    if backup.exists():
        assert backup.read_bytes() in TEXTS, "the backup is one complete version"
    assert load_plan(path) in PLANS


def _temps(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_sigkill_at_random_moments_leaves_a_whole_plan(tmp_path: Path):
    path = tmp_path / "plan.toml"
    save_plan(PLANS[0], path)
    rng = random.Random(2026)
    for _ in range(40):
        pid, pipe = _spawn_saver(path)
        try:
            assert os.read(pipe, 1) == b"s"
            time.sleep(rng.uniform(0, 0.04))
        finally:
            _kill(pid)
            os.close(pipe)
        _assert_whole(path)
    save_plan(PLANS[1], path)
    assert _temps(tmp_path) == [], "the next save cleans what killed saves left"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.toml", "plan.toml.bak"]


@pytest.mark.parametrize("point", sorted(PAUSE_POINTS))
def test_sigkill_at_each_step_of_a_save_leaves_a_whole_plan(tmp_path: Path, point: str):
    path = tmp_path / "plan.toml"
    save_plan(PLANS[0], path)
    for _ in range(3):
        pid, pipe = _spawn_saver(path, pause_at=point)
        try:
            assert os.read(pipe, 1) == b"s"
            assert os.read(pipe, 1) == b"!", "the child reached the chosen step"
        finally:
            _kill(pid)
            os.close(pipe)
        _assert_whole(path)
        assert _temps(tmp_path), "killed mid-save: its temporary file is still there"
    save_plan(PLANS[2], path)
    assert _temps(tmp_path) == []
    assert path.read_bytes() == dumps_plan(PLANS[2]).encode("utf-8")
