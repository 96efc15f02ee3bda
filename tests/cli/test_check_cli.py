"""``okr check``: one line per problem, exit status 0, 1 or 2."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import EXAMPLE_PLANS, run_okr

PLAN_WITH_PROBLEMS = """\
schema = 1

[inputs.orders]
unit = "count"

[inputs."MQL數"]

[[kpis]]
id = "conversion"
formula = "orders / visitors"

[[kpis]]
id = "mql_rate"
formula = "MQL數 / 全部名單數"

[[kpis]]
id = "broken"
formula = "orders / (visitors"

[[kpis]]
id = "empty"
"""


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, "utf-8")
    return path


def test_example_plans_pass_silently():
    result = run_okr("check", *map(str, EXAMPLE_PLANS))
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")


def test_each_undeclared_input_and_syntax_error_is_one_line(tmp_path: Path):
    plan = write(tmp_path, "plan.toml", PLAN_WITH_PROBLEMS)
    result = run_okr("check", str(plan))
    assert result.returncode == 1
    assert result.stderr == ""
    assert result.stdout.splitlines() == [
        f"{plan}: formulas: error: kpis.conversion.formula:"
        " uses 'visitors', which is not declared in [inputs]",
        f"{plan}: formulas: error: kpis.mql_rate.formula:"
        " uses '全部名單數', which is not declared in [inputs]",
        f"{plan}: formulas: error: kpis.broken.formula: this '(' is never closed (at character 10)",
    ]


def test_messages_follow_the_language_but_step_and_severity_do_not(tmp_path: Path):
    plan = write(tmp_path, "plan.toml", PLAN_WITH_PROBLEMS)
    result = run_okr("check", str(plan), env={"OKR_LANG": "zh-TW"})
    assert result.returncode == 1
    assert result.stdout.splitlines()[1] == (
        f"{plan}: formulas: error: kpis.mql_rate.formula:"
        " 用到 '全部名單數',但它沒有在 [inputs] 中宣告"
    )


def test_an_unreadable_plan_is_exit_2_and_the_others_are_still_checked(tmp_path: Path):
    plan = write(tmp_path, "plan.toml", PLAN_WITH_PROBLEMS)
    broken = write(tmp_path, "broken.toml", 'title = "unterminated\n')
    missing = tmp_path / "missing.toml"
    result = run_okr("check", str(missing), str(broken), str(plan))
    assert result.returncode == 2
    assert len(result.stdout.splitlines()) == 3
    errors = result.stderr.splitlines()
    assert errors[0] == f"okr: {missing}: no such file"
    assert errors[1].startswith(f"okr: {broken}:1:")
    assert "Traceback" not in result.stderr


def test_a_plan_that_is_invalid_is_exit_2_with_the_field(tmp_path: Path):
    plan = write(tmp_path, "plan.toml", '[[kpis]]\nid = "a"\nunit = "bananas"\n')
    result = run_okr("check", str(plan))
    assert result.returncode == 2
    assert result.stderr.startswith(f"okr: {plan}:3: kpis.a.unit: 'bananas' is not allowed here")


def test_control_characters_in_a_formula_cannot_reach_the_terminal(tmp_path: Path):
    plan = write(tmp_path, "plan.toml", '[[kpis]]\nid = "a"\nformula = "x\\u001b[31m"\n')
    result = run_okr("check", str(plan))
    assert result.returncode == 1
    assert "\x1b" not in result.stdout
    assert "U+001B" in result.stdout


def test_check_needs_a_plan():
    result = run_okr("check")
    assert result.returncode == 2
