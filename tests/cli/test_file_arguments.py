"""A folder or an empty name where a file is expected: one line naming it, exit 2, nothing
written, never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import PLANS, run_okr

SAAS = str(PLANS / "saas-growth.toml")


@pytest.mark.parametrize("command", ["export", "next-period"])
@pytest.mark.parametrize("folder", [".", "/"])
def test_the_current_or_root_folder_as_output_is_one_line(tmp_path: Path, command, folder):
    # Asking whether another session had "." open raised "PosixPath('.') has an empty name".
    result = run_okr(command, SAAS, "-o", folder, "--force", cwd=tmp_path)
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == f"okr: {folder}: not a regular file\n"
    assert list(tmp_path.iterdir()) == []


COMMANDS = {
    "open": ([""], "PLAN"),
    "plan only": (["open", ""], "PLAN"),
    "check": (["check", SAAS, ""], "PLAN"),
    "status": (["status", ""], "PLAN"),
    "checkin": (["checkin", "", "--kpi", "cac", "--value", "5"], "PLAN"),
    "serve": (["serve", ""], "PLAN"),
    "export": (["export", ""], "PLAN"),
    "export output": (["export", SAAS, "-o", ""], "-o/--output"),
    "next-period": (["next-period", "", "-o", "q2.toml"], "PLAN"),
    "next-period output": (["next-period", SAAS, "-o", ""], "-o/--output"),
}


@pytest.mark.parametrize("command", COMMANDS)
def test_an_empty_file_name_is_a_usage_error_naming_the_argument(tmp_path: Path, command):
    # `okr ""` said ".: not a regular file", `okr check ""` ": no such file", and
    # `okr next-period PLAN -o ""` ended in a traceback.
    args, argument = COMMANDS[command]
    result = run_okr(*args, cwd=tmp_path)
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr.splitlines()[-1].endswith(
        f"error: argument {argument}: the file name is empty"
    ), result.stderr
    chinese = run_okr("--lang", "zh-TW", *args, cwd=tmp_path)
    assert chinese.returncode == 2
    assert chinese.stderr.splitlines()[-1].endswith("檔名是空的"), chinese.stderr
    assert list(tmp_path.iterdir()) == []
