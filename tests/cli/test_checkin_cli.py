"""``okr checkin``: the real command appends one table and leaves the rest of the file alone."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from model.store import dumps_plan, load_plan
from tests.conftest import run_okr

HAND_WRITTEN = """\
# Q1 plan, kept by hand (comments, odd spacing, keys out of order)
title   = 'Hand written Q1'
currency = "USD"
schema = 1

[objective]
end = 2021-03-31   # the deadline
start = 2021-01-01

[inputs.marketing_spend]
unit = "currency"

[[kpis]]
id = "cac"
formula = "marketing_spend / new_customers"
unit = "currency"
direction = "decrease"
baseline = 780
target = 600
guardrail = { max = 700 }
cadence = "monthly"
on_breach = "Pause the two worst ad sets"

[[kpis]]
id = "conversion"
unit = "percent"
baseline = 0.011
target = 0.016

# the end of the file has no newline"""


def write(tmp_path: Path, text: str = HAND_WRITTEN) -> Path:
    path = tmp_path / "plan.toml"
    path.write_bytes(text.encode("utf-8"))
    return path


def test_a_checkin_is_appended_after_the_untouched_bytes(tmp_path: Path):
    path = write(tmp_path)
    before = path.read_bytes()
    result = run_okr(
        "checkin", str(path), "--kpi", "conversion", "--value", "1.3%",
        "--date", "2021-02-14", "--confidence", "7", "--note", "Checkout redesign live",
    )  # fmt: skip
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout == (
        "Recorded conversion = 1.3% on 2021-02-14: 40% of the way to the target"
        " (expected 50%), on track.\n"
    )
    after = path.read_bytes()
    assert after[: len(before)] == before
    assert after[len(before) :].decode("utf-8") == (
        "\n\n[[checkins]]\n"
        'kpi = "conversion"\ndate = 2021-02-14\nvalue = 0.013\nconfidence = 7\n'
        'note = "Checkout redesign live"\n'
    )


def test_inputs_compute_the_value_and_a_crossed_guardrail_shows_its_action(tmp_path: Path):
    path = write(tmp_path)
    result = run_okr(
        "checkin", str(path), "--kpi", "cac", "--input", "marketing_spend=$51,800",
        "--input", "new_customers=70", "--date", "2021-01-31",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "Recorded cac = $740 on 2021-01-31: 22% of the way to the target (expected 34%), at risk.",
        "cac: guardrail crossed, above the ceiling of $700. Action: Pause the two worst ad sets",
    ]
    checkin = load_plan(path).checkins[-1]
    assert (checkin.value, checkin.inputs) == (740, {"marketing_spend": 51800, "new_customers": 70})


def test_a_canonical_plan_stays_canonical(tmp_path: Path, example_copy):
    path = example_copy("saas-growth.toml")
    before = path.read_text("utf-8")
    result = run_okr(
        "checkin", str(path), "--kpi", "trial_to_paid", "--value", "11%", "--date", "2026-02-28"
    )
    assert result.returncode == 0, result.stderr
    after = path.read_text("utf-8")
    assert after.startswith(before)
    assert dumps_plan(load_plan(path)) == after


def test_errors_are_one_line_exit_2_and_the_file_is_untouched(tmp_path: Path):
    path = write(tmp_path)
    before = path.read_bytes()
    cases = [
        (
            ["--kpi", "cca", "--value", "700"],
            "there is no KPI 'cca'; this plan's KPIs are: cac, conversion",
        ),
        (["--kpi", "cac", "--value", "seven hundred"], "the value for cac was not understood"),
        (["--kpi", "cac", "--input", "marketing_spend=5"], "also needs new_customers"),
        (["--kpi", "cac", "--input", "spend"], "'spend' is not an input; write it as NAME=VALUE"),
        (
            ["--kpi", "cac", "--input", "new_customers=1", "--input", "new_customers=2"],
            "the input 'new_customers' is given twice",
        ),
        (["--kpi", "conversion", "--input", "x=1"], "conversion has no formula"),
        (["--kpi", "cac", "--value", "700", "--date", "31/01/2026"], "write it as YYYY-MM-DD"),
        (["--kpi", "cac", "--value", "700", "--confidence", "12"], "from 0 to 10"),
    ]
    for arguments, message in cases:
        result = run_okr("checkin", str(path), "--date", "2021-02-01", *arguments)
        assert result.returncode == 2, arguments
        assert result.stdout == ""
        assert result.stderr.startswith(f"okr: {path}: "), result.stderr
        assert message in result.stderr and result.stderr.count("\n") == 1, result.stderr
    assert path.read_bytes() == before


def test_value_and_inputs_together_are_a_usage_error(tmp_path: Path):
    path = write(tmp_path)
    result = run_okr("checkin", str(path), "--kpi", "cac", "--value", "1", "--input", "a=1")
    assert result.returncode == 2 and "not allowed with argument" in result.stderr


def test_a_date_outside_the_period_is_recorded_with_a_warning(tmp_path: Path):
    path = write(tmp_path)
    result = run_okr("checkin", str(path), "--kpi", "cac", "--value", "650", "--date", "2021-04-02")
    assert result.returncode == 0
    assert result.stderr == (
        "okr: warning: 2021-04-02 is outside the plan's period (2021-01-01 to 2021-03-31);"
        " recorded anyway\n"
    )
    assert load_plan(path).checkins[-1].date.isoformat() == "2021-04-02"


def test_a_negative_cost_is_recorded_with_a_warning(tmp_path: Path):
    path = write(tmp_path)
    result = run_okr("checkin", str(path), "--kpi", "cac", "--value=-5", "--date", "2021-03-01")
    assert result.returncode == 0, result.stderr
    assert result.stderr.startswith("okr: warning: cac: -$5 is below zero, but ")
    assert result.stderr.endswith("; recorded anyway\n")
    assert load_plan(path).checkins[-1].value == -5


def test_a_value_and_a_note_starting_with_a_dash_need_no_equals_sign(tmp_path: Path):
    """``--value -$5`` was read by argparse as an unknown option: "expected one argument"."""
    path = write(tmp_path)
    result = run_okr(
        "checkin", str(path), "--kpi", "cac", "--value", "-$5", "--note", "-10% after the outage",
        "--date", "2021-03-01",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Recorded cac = -$5 on 2021-03-01")
    checkin = load_plan(path).checkins[-1]
    assert (checkin.value, checkin.note) == (-5, "-10% after the outage")
    # a missing value is still a usage error, not a value "--date"
    missing = run_okr("checkin", str(path), "--kpi", "cac", "--value", "--date", "2021-03-02")
    assert missing.returncode == 2 and "--value" in missing.stderr
    assert len(load_plan(path).checkins) == 1


def test_a_note_over_the_text_limit_is_refused_as_a_note_not_as_a_file_problem(tmp_path):
    """It said the check-in "cannot be appended to this file" and to re-save the plan."""
    path = write(tmp_path)
    before = path.read_bytes()
    note = "y" * 10_001
    result = run_okr("checkin", str(path), "--kpi", "cac", "--value", "5", "--note", note)
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == (
        f"okr: {path}: the note is 10001 characters long; a plan's texts are limited to 10000\n"
    )
    assert path.read_bytes() == before
    result = run_okr("checkin", str(path), "--kpi", "cac", "--value", "5", "--note", note[1:])
    assert result.returncode == 0, result.stderr
    assert load_plan(path).checkins[-1].note == note[1:]


def test_a_kpi_id_used_twice_is_refused_not_recorded_for_both(tmp_path: Path):
    """The check-in went in, and okr status showed it under both KPIs."""
    path = write(tmp_path, HAND_WRITTEN.replace('id = "conversion"', 'id = "cac"'))
    before = path.read_bytes()
    for env, expected in (
        ({}, "2 KPIs have the id 'cac'; give each its own id before recording a value for it"),
        (
            {"OKR_LANG": "zh-TW"},
            "有 2 個 KPI 的 id 都是「cac」;請先給每個 KPI 不同的 id,再記錄數值",
        ),
    ):
        result = run_okr("checkin", str(path), "--kpi", "cac", "--value", "5", env=env)
        assert (result.returncode, result.stdout) == (2, "")
        assert result.stderr == f"okr: {path}: {expected}\n"
    assert path.read_bytes() == before


def test_without_a_date_after_the_period_the_value_closes_the_period(tmp_path: Path):
    """The hand-written plan's period ended in 2021: a value recorded now without --date
    is its closing value, dated on the period's last day, with nothing to warn about."""
    path = write(tmp_path)
    result = run_okr("checkin", str(path), "--kpi", "cac", "--value", "650")
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert load_plan(path).checkins[-1].date.isoformat() == "2021-03-31"


def test_a_broken_plan_is_not_touched(tmp_path: Path):
    path = write(tmp_path, 'title = "x\n')
    result = run_okr("checkin", str(path), "--kpi", "cac", "--value", "1")
    assert result.returncode == 2
    assert result.stderr.startswith(f"okr: {path}:1:11: TOML syntax error")
    assert path.read_text("utf-8") == 'title = "x\n'


def test_a_chinese_plan_with_chinese_inputs(tmp_path: Path, example_copy):
    path = example_copy("content-leads.zh-TW.toml")
    before = path.read_bytes()
    result = run_okr(
        "--lang", "zh-TW", "checkin", str(path), "--kpi", "mql_rate",
        "--input", "MQL數=90", "--input", "全部名單數=360", "--date", "2026-04-30",
        "--note", "評分規則調整後的第一個月",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stdout == (
        "已記錄 mql_rate = 25%(2026-04-30):目標進度 38%(預期 33%),進度正常。\n"
    )
    assert path.read_bytes().startswith(before)
    checkin = load_plan(path).checkins[-1]
    assert checkin.inputs == {"MQL數": 90, "全部名單數": 360}
    assert checkin.note == "評分規則調整後的第一個月"
    unknown = run_okr("--lang", "zh-TW", "checkin", str(path), "--kpi", "MQL率", "--value", "30%")
    assert unknown.returncode == 2
    assert "找不到 KPI「MQL率」" in unknown.stderr


def test_concurrent_checkins_on_one_plan_are_all_kept(example_copy):
    """Ten okr checkin at once: each waits for its turn, so all are recorded, and every
    one that says "Recorded" (exit 0) is in the file, once."""
    path = example_copy("saas-growth.toml")
    before = load_plan(path).checkins
    values = [601 + i for i in range(10)]

    def check_in(i: int):
        day = f"2026-02-{i + 2:02d}"
        value = str(values[i])
        return run_okr("checkin", str(path), "--kpi", "cac", "--value", value, "--date", day)

    with ThreadPoolExecutor(len(values)) as pool:
        results = list(pool.map(check_in, range(len(values))))
    recorded = [values[i] for i, result in enumerate(results) if result.returncode == 0]
    after = load_plan(path).checkins
    added = [checkin.value for checkin in after[len(before) :]]
    assert after[: len(before)] == before
    assert sorted(added) == sorted(recorded), "a check-in reported as recorded was lost"
    assert [(r.returncode, r.stderr) for r in results] == [(0, "")] * len(values)
    assert all(r.stdout.startswith("Recorded cac = $") for r in results)


def test_a_back_dated_checkin_is_confirmed_as_of_its_own_date(example_copy):
    """saas-growth.toml has cac = $740 on 2026-01-31 (22%, above the $700 ceiling).
    $650 on 2026-01-15 is 72% of the way from $780 to $600, with 17% of the period
    gone by then, and inside the guardrail: that is what the confirmation says."""
    path = example_copy("saas-growth.toml")
    result = run_okr("checkin", str(path), "--kpi", "cac", "--value", "650", "--date", "2026-01-15")
    assert result.returncode == 0, result.stderr
    assert result.stdout == (
        "Recorded cac = $650 on 2026-01-15: 72% of the way to the target"
        " (expected 17%), on track.\n"
    )
    # A value dated after the others is judged on its own day too.
    later = run_okr("checkin", str(path), "--kpi", "cac", "--value", "$760", "--date", "2026-02-25")
    assert later.returncode == 0, later.stderr
    assert later.stdout.splitlines() == [
        "Recorded cac = $760 on 2026-02-25: 11% of the way to the target (expected 62%),"
        " off track.",
        "cac: guardrail crossed, above the ceiling of $700. Action: Pause the two worst ad"
        " sets by CAC and move their budget to high-intent content",
    ]


def test_a_byte_order_mark_at_the_start_of_the_file_is_kept(tmp_path: Path):
    """Notepad starts UTF-8 files with a BOM; every byte but the new table is kept."""
    path = write(tmp_path, "\ufeff" + HAND_WRITTEN)
    before = path.read_bytes()
    assert before.startswith(b"\xef\xbb\xbf")
    result = run_okr("checkin", str(path), "--kpi", "cac", "--value", "650", "--date", "2021-02-14")
    assert result.returncode == 0, result.stderr
    after = path.read_bytes()
    assert after[: len(before)] == before
    assert after[len(before) :].decode("utf-8") == (
        '\n\n[[checkins]]\nkpi = "cac"\ndate = 2021-02-14\nvalue = 650\n'
    )
    assert load_plan(path).checkins[-1].value == 650
