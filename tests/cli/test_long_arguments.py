"""A very long argument (a page pasted by mistake) is echoed in an error cut to about 80
terminal cells with "…" (40 Chinese characters, which take two cells each), so the error
stays one short line; short values and real paths are echoed whole."""

from __future__ import annotations

from pathlib import Path

import pytest

from model.safetext import SHOWN_CHARS, SHOWN_PATH_CHARS, shown, shown_path
from model.textwidth import display_width
from tests.conftest import run_okr

LONG = "x" * 50_000
CUT = "x" * (SHOWN_CHARS - 1) + "…"
"""How ``LONG`` is echoed."""

LONG_CHINESE = "提升試用轉付費率" * 5_000
CUT_CHINESE = LONG_CHINESE[: (SHOWN_CHARS - 1) // 2] + "…"
"""How ``LONG_CHINESE`` is echoed: 39 characters (78 cells) and "…", as wide as ``CUT``."""

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


@pytest.mark.parametrize(
    "arguments",
    [
        ["catalog", LONG_CHINESE],
        ["checkin", "PLAN", "--kpi", LONG_CHINESE, "--value", "5"],
        ["status", "PLAN", "--date", LONG_CHINESE],
        ["export", "PLAN", "--format", LONG_CHINESE],
    ],
    ids=["catalog", "checkin --kpi", "status --date", "argparse choice"],
)
def test_a_long_chinese_argument_is_cut_to_the_same_width_on_screen(example_copy, arguments):
    plan = str(example_copy())
    result = run_okr(*[plan if part == "PLAN" else part for part in arguments])
    assert result.returncode in (1, 2)  # catalog: no match (1); the others: bad input (2)
    last = result.stderr.splitlines()[-1]
    assert CUT_CHINESE in last and LONG_CHINESE[: len(CUT_CHINESE)] not in last, last[:300]
    assert display_width(CUT_CHINESE) == SHOWN_CHARS - 1  # a wide character is not split


def test_shown_counts_terminal_cells_not_characters():
    assert shown("提" * 40) == "提" * 40, "40 wide characters fill the 80 cells exactly"
    assert shown("提" * 41) == "提" * 39 + "…"
    assert shown("x" + "提" * 40) == "x" + "提" * 39 + "…", "a wide character is not split"
    accented = "e\u0301" * 100  # é as a letter and a combining accent: one cell each
    assert shown(accented) == "e\u0301" * 79 + "…"
    assert shown("a" + "\u0301" * 10_000).endswith("…"), "a flood of marks is cut too"
    assert len(shown("a" + "\u0301" * 10_000)) < 4 * SHOWN_CHARS + 2
    # a control is echoed as its visible escape (\u202e: six cells), so it counts as one
    assert shown("\u202e" * 100) == "\u202e" * 13 + "…"
    for text in ("提升" * 100, "ab提" * 100, "é́x" * 100, "👨\u200d👩" * 50):
        cut = shown(text)
        assert display_width(cut) <= SHOWN_CHARS and text.startswith(cut[:-1])


def test_shown_path_cuts_a_long_chinese_path_by_cells_keeping_its_name():
    name = "/計畫/" + "資料夾" * 1_000 + "/成長計畫.toml"
    cut = shown_path(name)
    assert display_width(cut) <= SHOWN_PATH_CHARS and len(cut) < SHOWN_PATH_CHARS // 2 + 10
    assert cut.startswith("/計畫/資料夾") and cut.endswith("/成長計畫.toml") and "…" in cut
    assert shown_path("/計畫/" + "資料夾" * 80 + ".toml").count("…") == 0, "fits: whole"


def test_shown_path_never_starts_the_kept_end_with_a_lone_accent():
    # macOS writes names decomposed: é is "e" and a combining accent. The end kept after
    # "…" began with the accent of a letter left out, which then sat on the "…".
    import unicodedata

    for extra in range(4):
        path = "/x" * extra + "/" + "e\u0301" * 300 + "/name.toml"
        cut = shown_path(path, 50)
        kept_end = cut[cut.index("…") + 1 :]
        assert not unicodedata.combining(kept_end[0]), repr(cut)
        assert path.endswith(kept_end) and display_width(cut) <= 50
