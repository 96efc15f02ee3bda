"""Paths that cannot even be looked up (a folder without permission on the way, a name
too long for the file system, a symlink loop) are one line naming the path, exit 2."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import PLANS, run_okr

SAAS = str(PLANS / "saas-growth.toml")
TOO_LONG = "a" * 300  # longer than any file system allows for one name (255 bytes)

NO_ROOT_POWERS = (
    "setpriv",
    "--inh-caps=-dac_override,-dac_read_search",
    "--bounding-set=-dac_override,-dac_read_search",
)
"""Runs a command as root without root's right to open any folder, so chmod 000 counts."""


def _as_a_user() -> tuple[str, ...]:
    """The wrapper that makes a folder's permissions apply to ``okr`` (none when not root)."""
    if os.geteuid() != 0:
        return ()
    if shutil.which("setpriv") is None:
        pytest.skip("root ignores permissions, and setpriv is not there to drop that power")
    try:
        subprocess.run([*NO_ROOT_POWERS, "true"], check=True, capture_output=True)
    except (OSError, subprocess.CalledProcessError):
        pytest.skip("root ignores permissions, and setpriv may not drop that power here")
    return NO_ROOT_POWERS


COMMANDS = {
    "open": lambda path: ["open", path],
    "plan only": lambda path: [path],
    "serve": lambda path: ["serve", path],
    "next-period output": lambda path: ["next-period", SAAS, "-o", path],
    "export output": lambda path: ["export", SAAS, "-o", path],
    "check": lambda path: ["check", path],
    "status": lambda path: ["status", path],
}


@pytest.mark.parametrize("command", COMMANDS)
def test_a_name_too_long_is_one_line_naming_it(tmp_path: Path, command):
    path = str(tmp_path / TOO_LONG / "plan.toml")
    result = run_okr(*COMMANDS[command](path))
    assert result.returncode == 2, result.stderr
    assert result.stderr.startswith(f"okr: {path}: ") and result.stderr.count("\n") == 1
    assert "File name too long" in result.stderr, result.stderr
    assert result.stdout == ""


@pytest.mark.parametrize("command", COMMANDS)
def test_a_folder_without_permission_is_one_line_naming_the_path(tmp_path: Path, command):
    wrapper = _as_a_user()
    closed = tmp_path / "closed"
    closed.mkdir()
    closed.chmod(0)
    try:
        path = str(closed / "plan.toml")
        result = run_okr(*COMMANDS[command](path), wrapper=wrapper)
        chinese = run_okr("--lang", "zh-TW", *COMMANDS[command](path), wrapper=wrapper)
    finally:
        closed.chmod(0o755)
    assert result.returncode == 2, result.stderr
    assert result.stderr.startswith(f"okr: {path}: ") and result.stderr.count("\n") == 1
    assert "ermission denied" in result.stderr, result.stderr
    assert chinese.returncode == 2 and chinese.stderr.startswith(f"okr: {path}: ")
    assert "Traceback" not in chinese.stderr and chinese.stderr.count("\n") == 1
    assert list(closed.iterdir()) == []


def test_a_symlink_loop_is_not_taken_for_a_new_plan(tmp_path: Path):
    loop = tmp_path / "loop.toml"
    loop.symlink_to(loop)
    for args in (["open", str(loop)], ["next-period", SAAS, "-o", str(loop)]):
        result = run_okr(*args)
        assert result.returncode == 2
        assert result.stderr == f"okr: {loop}: cannot access: Too many levels of symbolic links\n"
