"""An option given to a command that does not take it (``okr q2 --date D``) is named with
the commands that do take it, and for a plan being opened a line that works is given."""

from __future__ import annotations

import shutil

import pytest

from tests.conftest import PLANS, run_okr


@pytest.mark.parametrize(
    "args",
    [
        ["q2", "--date", "2026-01-31"],
        ["--date", "2026-01-31", "q2"],
        ["open", "q2", "--date", "2026-01-31"],
        ["q2.toml", "--date=2026-01-31"],
    ],
)
def test_an_option_of_other_commands_given_to_a_plan_names_them_and_a_working_line(tmp_path, args):
    # It said "'q2' is not a command ...; run: okr 2026-01-31", taking the date for a plan.
    result = run_okr(*args, cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.startswith(
        "okr: --date is not an option for opening a plan; it is an option of okr check,"
        " okr checkin, okr export and okr status, e.g.: okr check q2.toml --date"
    )
    assert result.stderr.endswith("2026-01-31 (to open the plan: okr q2.toml)\n")
    assert result.stderr.count("\n") == 1 and list(tmp_path.iterdir()) == []


def test_in_chinese_too(tmp_path):
    result = run_okr("--lang", "zh-TW", "q2", "--date", "2026-01-31", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr == (
        "okr: --date 不是開啟計畫的選項,而是 okr check、okr checkin、okr export、okr status"
        " 的選項,例如:okr check q2.toml --date 2026-01-31(要開啟計畫:okr q2.toml)\n"
    )


def test_the_line_given_works(tmp_path):
    shutil.copyfile(PLANS / "saas-growth.toml", tmp_path / "q1.toml")
    result = run_okr("q1", "--kpi", "cac", "--value", "-5", "--note", "a b", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.endswith(
        "e.g.: okr checkin q1.toml --kpi cac --value=-5 --note 'a b'"
        " (to open the plan: okr q1.toml)\n"
    )
    before = (tmp_path / "q1.toml").read_text("utf-8")
    fixed = run_okr(
        "checkin", "q1.toml", "--kpi", "cac", "--value=-5", "--note", "a b", cwd=tmp_path
    )
    assert fixed.returncode == 0, fixed.stderr
    assert (tmp_path / "q1.toml").read_text("utf-8") != before


def test_a_command_that_takes_no_plan_is_not_offered_for_it(tmp_path):
    # `okr catalog q2.toml --json` would parse, as a search of the catalog for "q2.toml"
    result = run_okr("q2", "--json", cwd=tmp_path)
    assert result.returncode == 2
    assert "okr catalog, okr classify and okr status" in result.stderr
    assert "e.g.: okr status q2.toml --json (" in result.stderr


def test_no_line_is_offered_when_none_would_parse(tmp_path):
    result = run_okr("q2", "--kpi", "cac", cwd=tmp_path)  # checkin needs --value too
    assert result.returncode == 2
    assert result.stderr == (
        "okr: --kpi is not an option for opening a plan; it is an option of okr checkin"
        " (to open the plan: okr q2.toml)\n"
    )


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        (
            "en",
            "okr: --format is not an option of okr status ('okr status --help' lists its"
            " options); it is an option of okr check and okr export\n",
        ),
        (
            "zh-TW",
            "okr: --format 不是 okr status 的選項('okr status --help' 會列出它的選項);"
            "它是 okr check、okr export 的選項\n",
        ),
    ],
)
def test_an_option_of_another_command_names_the_commands_that_take_it(tmp_path, language, expected):
    # argparse said only "unrecognized arguments: --format json", under okr's own usage
    shutil.copyfile(PLANS / "saas-growth.toml", tmp_path / "q1.toml")
    result = run_okr("--lang", language, "status", "q1.toml", "--format", "json", cwd=tmp_path)
    assert (result.returncode, result.stderr, result.stdout) == (2, expected, "")
