"""``okr PLAN`` with no terminal to run in (CI, a pipe, output to a file) refuses in one
line instead of starting the full-screen app, which would wait for keys forever."""

from __future__ import annotations

import os
import pty
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import PLANS, okr_command

NEEDS_TERMINAL = "the planner needs a terminal"


def _okr(*args: str, cwd: Path, **streams) -> subprocess.CompletedProcess:
    """``okr`` with the given streams; a hang (the app waiting for keys) fails the test
    in seconds rather than at the suite's timeout."""
    env = {**os.environ, "LANG": "C.UTF-8", "TERM": "xterm-256color"}
    env.pop("TEXTUAL_DRIVER", None)
    process = subprocess.Popen([*okr_command(), *args], cwd=cwd, env=env, **streams)
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
        pytest.fail(f"okr {' '.join(args)} started the app without a terminal")
    return process


@pytest.mark.parametrize(
    ("args", "named"),
    [
        (["plan.toml"], "plan.toml"),
        (["open", "plan.toml"], "plan.toml"),
        (["new.toml"], "new.toml"),
        (["chek"], "chek.toml"),  # the file a terminal would have started
    ],
    ids=["okr PLAN", "okr open PLAN", "a new plan", "a mistyped command"],
)
def test_without_a_terminal_it_says_so_in_one_line_and_writes_nothing(tmp_path: Path, args, named):
    shutil.copyfile(PLANS / "saas-growth.toml", tmp_path / "plan.toml")
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    out, err = tmp_path.parent / f"{tmp_path.name}.out", tmp_path.parent / f"{tmp_path.name}.err"
    with out.open("wb") as stdout, err.open("wb") as stderr:
        process = _okr(*args, cwd=tmp_path, stdin=subprocess.DEVNULL, stdout=stdout, stderr=stderr)
    assert process.returncode == 2
    assert out.read_bytes() == b""
    message = err.read_text("utf-8")
    assert message.startswith(f"okr: {named}: {NEEDS_TERMINAL}") and message.count("\n") == 1
    assert "'okr check'" in message and "'okr --help'" in message
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before  # no lock, no plan


def test_in_chinese_too(tmp_path: Path):
    shutil.copyfile(PLANS / "saas-growth.toml", tmp_path / "plan.toml")
    process = _okr(
        "--lang", "zh-TW", "plan.toml", cwd=tmp_path,
        stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )  # fmt: skip
    message = process.stderr.read().decode("utf-8")
    assert process.returncode == 2
    assert message.startswith("okr: plan.toml: 規劃工具需要在終端機中執行")


@pytest.mark.parametrize("language", ["en", "zh-TW"])
def test_a_name_without_toml_is_reported_as_the_toml_file_a_terminal_opens(
    tmp_path: Path, language
):
    # It named `q2`, the file that is not opened, and passed over a broken q2.toml.
    streams = {"stdin": subprocess.DEVNULL, "stdout": subprocess.PIPE, "stderr": subprocess.PIPE}
    new = _okr("--lang", language, "q2", cwd=tmp_path, **streams)
    assert new.returncode == 2
    assert new.stderr.read().decode("utf-8").startswith("okr: q2.toml: ")
    (tmp_path / "q2.toml").write_text('title = "unclosed\n', "utf-8")
    broken = _okr("--lang", language, "q2", cwd=tmp_path, **streams)
    message = broken.stderr.read().decode("utf-8")
    assert broken.returncode == 2 and message.count("\n") == 1
    assert message.startswith("okr: q2.toml:1:") and NEEDS_TERMINAL not in message, message
    assert sorted(p.name for p in tmp_path.iterdir()) == ["q2.toml"]
    assert (tmp_path / "q2.toml").read_text("utf-8") == 'title = "unclosed\n'


@pytest.mark.parametrize("redirected", ["stdin", "stdout", "stderr"])
def test_one_stream_away_from_the_terminal_is_enough_to_refuse(tmp_path: Path, redirected):
    """In a terminal, ``okr PLAN < file``, ``okr PLAN > file`` or ``okr PLAN 2> file``:
    the app could not read keys, or would draw its screen into the file."""
    shutil.copyfile(PLANS / "saas-growth.toml", tmp_path / "plan.toml")
    master, slave = pty.openpty()
    elsewhere = tmp_path.parent / f"{tmp_path.name}.{redirected}"
    elsewhere.write_bytes(b"")
    try:
        with elsewhere.open("r+b") as file:
            streams = {name: slave for name in ("stdin", "stdout", "stderr")}
            streams[redirected] = file
            process = _okr("plan.toml", cwd=tmp_path, **streams)
        os.close(slave)
        shown = _read_all(master)
    finally:
        os.close(master)
    assert process.returncode == 2
    message = (elsewhere.read_bytes() if redirected == "stderr" else shown).decode("utf-8")
    assert message.startswith(f"okr: plan.toml: {NEEDS_TERMINAL}"), message
    if redirected == "stdout":
        assert elsewhere.read_bytes() == b""
    assert "\x1b" not in message  # the app never started drawing
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.toml"]


def _read_all(master: int) -> bytes:
    """Everything written to the terminal so far (its writer has ended)."""
    data = b""
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:  # nothing left on a closed terminal
            return data
        if not chunk:
            return data
        data += chunk
