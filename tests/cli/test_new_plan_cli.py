"""Starting a plan the way new users try it: ``okr new q2.toml``, ``okr q2``."""

from __future__ import annotations

import pytest

from model.store import load_plan
from tests.conftest import run_okr


def test_a_command_word_before_the_plan_is_named_and_the_right_line_given(tmp_path):
    # argparse said only "unrecognized arguments: q2.toml".
    result = run_okr("new", "q2.toml", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr == (
        "okr: 'new' is not a command ('okr --help' lists them); to open a plan, or start"
        " a new one, run: okr q2.toml\n"
    )
    assert list(tmp_path.iterdir()) == []
    chinese = run_okr("--lang", "zh-TW", "new", "q2.toml", cwd=tmp_path)
    assert chinese.returncode == 2 and "okr q2.toml" in chinese.stderr
    assert "不是指令" in chinese.stderr


def test_a_plan_followed_by_a_stray_word_is_still_a_usage_error(tmp_path):
    (tmp_path / "q1.toml").write_text("schema = 1\n", "utf-8")
    result = run_okr("q1.toml", "extra", cwd=tmp_path)
    assert result.returncode == 2
    assert "unrecognized arguments: extra" in result.stderr


def test_a_new_plan_named_without_toml_is_saved_as_toml(tmp_path, terminal):
    term = terminal(str(tmp_path / "q2"))
    assert term.read_until("Next"), term.output[-2000:]  # the editor is there
    term.type("Grow paid teams\x13")  # then ctrl+s
    assert term.read_until("Saved"), term.output[-2000:]
    term.type("\x11")  # ctrl+q
    assert term.process.wait(timeout=30) == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["q2.toml"]
    assert load_plan(tmp_path / "q2.toml").objective.statement == "Grow paid teams"


def test_the_usage_says_a_new_file_name_starts_a_new_plan():
    # It said "open PLAN in the planner": nothing told a new user how to start one.
    result = run_okr("--help")
    assert result.returncode == 0
    line = next(line for line in result.stdout.splitlines() if "PLAN " in line)
    assert line.endswith("open PLAN in the planner (a new one if none)") and len(line) <= 80


def test_a_word_too_long_for_a_file_name_before_the_plan_is_one_line_not_a_traceback(tmp_path):
    # asking the disk whether a 300-letter word was a file raised "File name too long"
    result = run_okr("a" * 300, "q2.toml", cwd=tmp_path)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr and len(result.stderr.splitlines()) == 1
    assert "is not a command" in result.stderr and "run: okr q2.toml" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_a_pasted_page_taken_for_a_command_is_echoed_cut(tmp_path):
    # the whole 50 KB word came back in the "is not a command" line
    from model.safetext import SHOWN_CHARS

    page = "x" * 50_000
    result = run_okr(page, "q2.toml", cwd=tmp_path)
    assert result.returncode == 2 and len(result.stderr.splitlines()) == 1
    assert "'" + "x" * (SHOWN_CHARS - 1) + "…' is not a command" in result.stderr
    assert len(result.stderr) < 300


@pytest.mark.parametrize(
    ("typed", "meant"),
    [("chek", "check"), ("Status", "status"), ("exprot", "export"), ("next", "next-period")],
)
def test_a_mistyped_command_before_the_plan_is_corrected_with_the_whole_line(
    tmp_path, typed, meant
):
    # It said "run: okr q1.toml", the planner, for what was meant as `okr check q1.toml`.
    result = run_okr(typed, "q1.toml", "--date", "2026-01-31", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr == (
        f"okr: '{typed}' is not a command; did you mean: okr {meant} q1.toml --date 2026-01-31"
        " ('okr --help' lists the commands)\n"
    )
    assert list(tmp_path.iterdir()) == []


def test_a_mistyped_command_in_chinese(tmp_path):
    result = run_okr("--lang", "zh-TW", "stauts", "計畫.toml", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr == (
        "okr: 「stauts」不是指令;您是不是要執行:okr status 計畫.toml('okr --help' 會列出所有指令)\n"
    )
