"""A file or folder the user may not write: each command says so in words that fit the
command line (nothing about "save under another name", the app's way out) and never
says a file that was not there is "unchanged"."""

from __future__ import annotations

from pathlib import Path

from tests.cli.test_unreachable_paths import _as_a_user
from tests.conftest import PLANS, run_okr

SAAS = str(PLANS / "saas-growth.toml")


def test_checkin_on_a_read_only_plan_says_nothing_was_written(example_copy):
    wrapper = _as_a_user()
    plan = example_copy()
    plan.chmod(0o444)
    before = plan.read_bytes()
    arguments = ("checkin", str(plan), "--kpi", "cac", "--value", "700")
    result = run_okr(*arguments, wrapper=wrapper)
    chinese = run_okr("--lang", "zh-TW", *arguments, wrapper=wrapper)
    assert result.returncode == 2
    assert result.stderr == f"okr: {plan}: the file is read-only for you; nothing was written\n"
    assert chinese.stderr == f"okr: {plan}: 你對這個檔案只有讀取權限;沒有寫入任何內容\n"
    assert plan.read_bytes() == before


def test_export_into_a_read_only_folder_says_nothing_was_written(tmp_path: Path):
    wrapper = _as_a_user()
    folder = tmp_path / "shared"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        output = folder / "q1.md"
        result = run_okr("export", SAAS, "-o", str(output), wrapper=wrapper)
        chinese = run_okr("--lang", "zh-TW", "export", SAAS, "-o", str(output), wrapper=wrapper)
    finally:
        folder.chmod(0o755)
    assert result.returncode == 2
    assert result.stderr == (
        f"okr: {output}: cannot save: the folder {folder} does not let you create files;"
        " nothing was written\n"
    )
    assert chinese.stderr == (
        f"okr: {output}: 無法儲存:資料夾 {folder} 不允許你建立檔案;沒有寫入任何檔案\n"
    )
    assert list(folder.iterdir()) == []
