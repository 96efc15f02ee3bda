"""The real ``okr`` command, run in a subprocess as a user or CI would."""

from __future__ import annotations

import pytest

from model import __version__
from tests.conftest import run_okr


def test_help_lists_the_usage_and_commands():
    result = run_okr("--help")
    assert result.returncode == 0
    assert "okr PLAN" in result.stdout and "open" in result.stdout


def test_help_in_chinese():
    result = run_okr("--lang", "zh-TW", "--help")
    assert result.returncode == 0
    assert "開啟計畫" in result.stdout


def test_version():
    result = run_okr("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"okr {__version__}"


def test_no_arguments_prints_usage_and_fails():
    result = run_okr()
    assert result.returncode == 2
    assert "okr PLAN" in result.stdout


@pytest.mark.parametrize(
    ("args", "heading"),
    [(["--lang", "zh-TW"], "用法:"), (["--lang=en"], "usage:"), (["--lang", "en"], "usage:")],
)
def test_only_the_language_option_prints_usage_like_no_arguments(args, heading):
    result = run_okr(*args)
    assert (result.returncode, result.stderr) == (2, "")
    assert result.stdout.startswith(heading) and "okr" in result.stdout


def test_a_broken_plan_is_one_line_and_no_traceback(tmp_path):
    plan = tmp_path / "broken.toml"
    plan.write_text('[[kpis]]\nid = "a"\ndirection = "sideways"\n', "utf-8")
    result = run_okr(str(plan))
    assert result.returncode == 2
    assert result.stderr == (
        f"okr: {plan}:3: kpis.a.direction: 'sideways' is not allowed here;"
        " use one of: increase, decrease\n"
    )
    assert "Traceback" not in result.stderr
    assert plan.read_text("utf-8") == '[[kpis]]\nid = "a"\ndirection = "sideways"\n'


def test_a_broken_plan_in_chinese_via_okr_lang(tmp_path):
    plan = tmp_path / "broken.toml"
    plan.write_text('title = "x\n', "utf-8")
    result = run_okr(str(plan), env={"OKR_LANG": "zh-TW"})
    assert result.returncode == 2
    assert result.stderr.startswith(f"okr: {plan}:1:11: TOML 語法錯誤")


def test_a_new_plan_in_a_missing_folder_is_refused(tmp_path):
    result = run_okr(str(tmp_path / "nope" / "plan.toml"))
    assert result.returncode == 2
    assert "does not exist" in result.stderr
    assert not (tmp_path / "nope").exists()


def test_a_symlink_into_a_missing_folder_is_refused_like_a_missing_folder(tmp_path):
    """Saving goes to the link's target, so its folder is the one that must exist: the
    plan is refused before opening instead of failing at the first save."""
    link = tmp_path / "plan.toml"
    link.symlink_to(tmp_path / "nope" / "real.toml")
    result = run_okr(str(link))
    assert result.returncode == 2
    assert result.stderr == f"okr: {link}: the folder {tmp_path / 'nope'} does not exist\n"
    assert link.is_symlink() and not (tmp_path / "nope").exists()


def test_python_dash_m_tui_works_too():
    import subprocess
    import sys

    result = subprocess.run(
        [sys.executable, "-m", "tui", "--version"], capture_output=True, text=True
    )
    assert result.returncode == 0 and result.stdout.strip() == f"okr {__version__}"


@pytest.mark.parametrize(
    ("line", "message", "chinese"),
    [
        ("confidence = 5.5", "expected a whole number, found 5.5", "這裡應該是整數,卻是 5.5"),
        ("confidence = 11", "11 is too large; at most 10 is allowed here", "11 太大;這裡最大為 10"),
        ("confidence = true", "expected a whole number, found true", "這裡應該是整數,卻是 true"),
        (
            "value = 1e400",
            "inf: the number is infinite or too large to read;"
            " numbers are at most 1,000,000,000,000,000",
            "inf:這個數字是無限大或大到無法讀取;數字最大為 1,000,000,000,000,000",
        ),
    ],
)
def test_a_wrong_number_says_what_the_field_takes(tmp_path, line, message, chinese):
    """A fraction where a whole number goes is not "expected a number"; a number out of
    range says the limit; 1e400 (read as infinity) says why it is shown as inf."""
    text = f'[[checkins]]\nkpi = "a"\ndate = 2026-01-02\nvalue = 1\n{line}\n'
    text = text.replace("value = 1\nvalue", "value")  # the value line replaces the default
    plan = tmp_path / "plan.toml"
    plan.write_text(text, "utf-8")
    line_number = text.splitlines().index(line) + 1
    field = line.split(" =")[0]
    for env, expected in (({}, message), ({"OKR_LANG": "zh-TW"}, chinese)):
        result = run_okr("check", str(plan), env=env)
        assert (result.returncode, result.stdout) == (2, "")
        assert result.stderr == f"okr: {plan}:{line_number}: checkins[0].{field}: {expected}\n"
    assert plan.read_text("utf-8") == text


def test_a_dotted_key_and_an_array_of_tables_are_reported_on_their_own_line(tmp_path):
    """``guardrail.mid = 2`` was reported on the line of ``[[kpis]]``; ``[[inputs.x]]``
    (a list where a table goes) on no line at all."""
    plan = tmp_path / "plan.toml"
    plan.write_text('[[kpis]]\nid = "a"\nguardrail.min = 1\nguardrail.mid = 2\n', "utf-8")
    result = run_okr("check", str(plan))
    assert (result.returncode, result.stderr) == (
        2,
        f"okr: {plan}:4: kpis.a.guardrail.mid: unknown key 'mid'; did you mean 'min'?\n",
    )
    plan.write_text('[inputs.a]\nunit = "count"\n\n[[inputs.b]]\nunit = "count"\n', "utf-8")
    result = run_okr("check", str(plan))
    assert (result.returncode, result.stderr) == (
        2,
        f"okr: {plan}:4: inputs.b: expected a table, found [...]\n",
    )


@pytest.mark.parametrize("option", ["--verison", "-v", "--Help"])
def test_an_unknown_option_with_no_command_is_a_usage_error(option):
    # Telling a misplaced option from an unknown one looked for the command it was given to.
    result = run_okr(option)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert result.stderr.endswith(f"okr: error: unrecognized arguments: {option}\n")
