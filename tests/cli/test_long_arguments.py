"""A very long argument (a page pasted by mistake) is echoed in an error cut to about 80
characters with "…", so the error stays one short line; short values and real paths are
echoed whole."""

from __future__ import annotations

from pathlib import Path

import pytest

from model.safetext import SHOWN_CHARS, SHOWN_PATH_CHARS, shown, shown_path
from tests.conftest import run_okr

LONG = "x" * 50_000
CUT = "x" * (SHOWN_CHARS - 1) + "…"
"""How ``LONG`` is echoed."""

CHECKIN_ARGUMENTS = {
    "--kpi": ["--kpi", LONG, "--value", "5"],
    "--date": ["--kpi", "cac", "--value", "5", "--date", LONG],
    "--confidence": ["--kpi", "cac", "--value", "5", "--confidence", LONG],
    "--input NAME=": ["--kpi", "trial_activation", "--input", f"{LONG}=5"],
    "--input without =": ["--kpi", "trial_activation", "--input", LONG],
    "--value": ["--kpi", "cac", "--value", LONG],
}


@pytest.mark.parametrize("arguments", CHECKIN_ARGUMENTS.values(), ids=CHECKIN_ARGUMENTS)
def test_checkin_echoes_a_long_argument_cut(example_copy, arguments):
    plan = example_copy()
    before = plan.read_bytes()
    result = run_okr("checkin", str(plan), *arguments)
    assert result.returncode == 2, result.stderr
    assert result.stderr.count("\n") == 1 and len(result.stderr) < 400, result.stderr[:400]
    assert CUT in result.stderr and "x" * SHOWN_CHARS not in result.stderr
    assert plan.read_bytes() == before


@pytest.mark.parametrize("command", ["status", "check", "export"])
def test_a_long_date_is_echoed_cut(example_copy, command):
    result = run_okr(command, str(example_copy()), "--date", LONG)
    assert result.returncode == 2, result.stderr
    assert result.stderr == (
        f"okr: '{CUT}' is not a date; write it as YYYY-MM-DD, e.g. 2026-02-01\n"
    )


def test_next_period_echoes_a_long_start_cut(example_copy, tmp_path: Path):
    result = run_okr("next-period", str(example_copy()), "-o", str(tmp_path / "new.toml"),
                     "--start", LONG)  # fmt: skip
    assert result.returncode == 2 and CUT in result.stderr and len(result.stderr) < 200


@pytest.mark.parametrize(
    "arguments",
    [
        ["export", "PLAN", "--format", LONG],
        ["export", "PLAN", "--table", LONG],
        ["export", "PLAN", "--force=" + LONG],
        ["export", "PLAN", LONG],
        ["status", "PLAN", "--lang", LONG],
    ],
    ids=["invalid choice", "invalid table", "ignored explicit", "unrecognized", "--lang"],
)
def test_argparse_errors_echo_a_long_argument_cut(example_copy, arguments):
    plan = str(example_copy())
    result = run_okr(*[plan if part == "PLAN" else part for part in arguments])
    assert result.returncode == 2
    last = result.stderr.splitlines()[-1]
    assert CUT in last and len(last) < 250, last[:300]


def test_argparse_invalid_choice_keeps_a_short_value_and_the_choices(example_copy):
    result = run_okr("export", str(example_copy()), "--format", "pdf")
    assert result.stderr.splitlines()[-1] == (
        "okr export: error: argument --format: invalid choice: 'pdf' "
        "(choose from 'md', 'csv', 'json', 'html')"
    )
    chinese = run_okr("--lang", "zh-TW", "export", str(example_copy()), "--format", LONG)
    assert f"無效的選項:'{CUT}'" in chinese.stderr.splitlines()[-1]


def test_a_long_plan_name_is_echoed_cut_keeping_its_ends():
    name = "plan-" + LONG + ".toml"
    result = run_okr(name)
    assert result.returncode == 2
    assert result.stderr == f"okr: {shown_path(name)}: cannot access: File name too long\n"
    assert result.stderr.startswith("okr: plan-xxx") and ".toml: cannot access" in result.stderr
    assert len(result.stderr) < SHOWN_PATH_CHARS + 100


def test_a_real_path_is_echoed_whole(tmp_path: Path):
    deep = tmp_path.joinpath(*["folder"] * 30)  # over 200 characters, still a real path
    result = run_okr("status", str(deep / "plan.toml"))
    assert result.stderr == f"okr: {deep / 'plan.toml'}: no such file\n"


def test_catalog_uses_the_shared_cut():
    result = run_okr("catalog", LONG)
    assert result.stderr == f"okr: no KPI in the catalog matches '{CUT}'\n"


def test_serve_echoes_a_long_host_or_port_cut_in_one_line(example_copy):
    plan = str(example_copy())
    port = run_okr("serve", plan, "--port", LONG)
    assert port.returncode == 2 and CUT in port.stderr.splitlines()[-1]
    host = run_okr("serve", plan, "--host", LONG)
    assert host.returncode == 2 and "Traceback" not in host.stderr, host.stderr[-500:]
    assert CUT in host.stderr.splitlines()[-1] and len(host.stderr) < 600


def test_shown_cuts_values_and_only_absurd_paths():
    assert shown("short") == "short"
    assert shown("y" * 200) == "y" * 79 + "…"
    path = "/home/me/" + "d/" * 100 + "plan.toml"
    assert shown_path(path) == path
    cut = shown_path("/" + "z" * 10_000 + "/plan.toml")
    assert len(cut) == SHOWN_PATH_CHARS and cut.startswith("/zz") and cut.endswith("/plan.toml")
