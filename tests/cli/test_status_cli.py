"""``okr status``: the model's tracking rules, end to end from the command line."""

from __future__ import annotations

import json

from tests.conftest import PLANS, run_okr

SAAS = str(PLANS / "saas-growth.toml")


def test_the_status_table_as_of_a_day():
    result = run_okr("status", SAAS, "--date", "2026-02-16")
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout.splitlines() == [
        "SaaS growth Q1 2026: as of 2026-02-16, 52% of the period has passed",
        "",
        "KPI               latest  progress  expected  status    guardrail  next due",
        "trial_activation  41%     56%       44%       on track  ok         2026-02-16",
        "week1_retention   30%     29%       44%       at risk   ok         2026-02-16",
        "trial_to_paid     10%     33%       34%       on track  ok         2026-02-28",
        "cac               $740    22%       34%       at risk   CROSSED    2026-02-28",
        "ltv_to_cac        2.7x    29%       34%       on track  ok         2026-02-28",
        "",
        "cac: guardrail crossed, above the ceiling of $700."
        " Action: Pause the two worst ad sets by CAC and move their budget to high-intent content",
        "",
        "Objective: on track (4 of 4 key results judged; progress 35%, expected 39%; score 0.3)",
        "Key results (score, status):",
        "  0.3  on track  Raise trial-to-paid conversion from 9% to 12% by March 31",
        "  0.5  on track  Lift trial activation from 36% to 45% within 60 days",
        "  0.2  at risk   Reduce CAC from $780 to $600 this quarter",
        "  0.2  at risk   First-week retention reaches 35% for new sign-ups by the end of Q1",
    ]


def test_after_the_close_missing_closing_values_and_final_scores():
    result = run_okr("status", SAAS, "--date", "2026-11-22")
    lines = result.stdout.splitlines()
    assert lines[0] == (
        "SaaS growth Q1 2026: the period ended on 2026-03-31;"
        " scores are final once the closing values are in (5 missing)"
    )
    ended = "the period ended on 2026-03-31 without its closing value"
    assert f"trial_activation: {ended}" in lines
    assert f"trial_to_paid: {ended}" in lines
    assert not [line for line in lines if "overdue" in line], "not overdue for months"
    data = json.loads(run_okr("status", SAAS, "--date", "2026-11-22", "--json").stdout)
    cac = next(entry for entry in data["kpis"] if entry["id"] == "cac")
    assert cac["closing_missing"] and cac["days_overdue"] == 0 and not cac["overdue"]
    assert data["closed"] and not data["final"]


def test_scores_are_final_once_every_closing_value_is_in(tmp_path):
    plan = tmp_path / "q1.toml"
    values = {"trial_activation": 0.44, "week1_retention": 0.33, "trial_to_paid": 0.115}
    values |= {"cac": 650, "ltv_to_cac": 3.1}
    closing = "".join(
        f'\n[[checkins]]\nkpi = "{kpi}"\ndate = 2026-03-31\nvalue = {value}\n'
        for kpi, value in values.items()
    )
    plan.write_text((PLANS / "saas-growth.toml").read_text("utf-8") + closing, "utf-8")
    lines = run_okr("status", str(plan), "--date", "2026-04-10").stdout.splitlines()
    assert lines[0] == "SaaS growth Q1 2026: the period ended on 2026-03-31; scores are final"
    assert not [line for line in lines if "without its closing value" in line]
    data = json.loads(run_okr("status", str(plan), "--date", "2026-04-10", "--json").stdout)
    assert data["closed"] and data["final"]


def test_json_for_scripts():
    result = run_okr("status", SAAS, "--date", "2026-02-16", "--json", "--lang", "zh-TW")
    data = json.loads(result.stdout)
    cac = next(kpi for kpi in data["kpis"] if kpi["id"] == "cac")
    assert cac["status"] == "at_risk"  # codes stay English whatever the language
    assert cac["guardrail"] == "above_max"
    assert cac["on_breach"].startswith("Pause the two worst ad sets")
    assert cac["latest"]["inputs"] == {"marketing_spend": 51800.0, "new_customers": 70.0}
    assert cac["next_due"] == "2026-02-28" and cac["overdue"] is False
    activation = next(kpi for kpi in data["kpis"] if kpi["id"] == "trial_activation")
    assert [entry["value"] for entry in activation["history"]] == [0.37, 0.39, 0.41]
    assert data["objective"]["status"] == "on_track"
    assert [kr["score"] for kr in data["key_results"]] == [0.3, 0.5, 0.2, 0.2]


def test_chinese_plan_in_chinese_before_its_period():
    result = run_okr(
        "--lang", "zh-TW", "status", str(PLANS / "content-leads.zh-TW.toml"), "--date", "2026-03-01"
    )
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    assert lines[0] == "內容行銷名單成長 2026 Q2:截至 2026-03-01,期間已過 0%"
    mql_rate = next(line for line in lines if line.startswith("mql_rate"))
    assert mql_rate.split() == ["mql_rate", "—", "—", "—", "尚未開始", "—", "2026-05-01"]
    assert "目標:尚未開始" in lines


def test_bad_date_and_unreadable_plan(tmp_path):
    result = run_okr("status", SAAS, "--date", "Feb 16")
    assert result.returncode == 2 and "write it as YYYY-MM-DD" in result.stderr
    result = run_okr("status", str(tmp_path / "missing.toml"))
    assert result.returncode == 2 and "no such file" in result.stderr


def end_only_plan(tmp_path, end: str = "2026-06-30"):
    """ecommerce-revenue.toml (Q2 2026) without its start date, ending on ``end``."""
    plan = tmp_path / "end-only.toml"
    text = (PLANS / "ecommerce-revenue.toml").read_text("utf-8")
    text = text.replace("start = 2026-04-01\n", "", 1).replace("end = 2026-06-30", f"end = {end}")
    plan.write_text(text, "utf-8")
    return plan


def test_a_period_with_only_an_end_says_no_start_date_until_that_end(tmp_path):
    plan = str(end_only_plan(tmp_path))
    lines = run_okr("status", plan, "--date", "2026-05-20").stdout.splitlines()
    assert lines[0] == (
        "Online store revenue, Q2 2026: as of 2026-05-20 (the period ending 2026-06-30"
        " has no start date, so no progress can be expected before it ends)"
    )
    assert "Objective: no start date" in lines
    assert not [line for line in lines if "no period set" in line or "final" in line]
    data = json.loads(run_okr("status", plan, "--date", "2026-05-20", "--json").stdout)
    assert data["objective"]["status"] == "no_start" and not data["closed"]
    assert {kpi["status"] for kpi in data["kpis"]} <= {"no_start", "no_data", "no_target"}


def test_a_period_with_only_a_start_says_no_end_date(tmp_path):
    """Status, its JSON and the Markdown export name the date that is missing."""
    plan = tmp_path / "start-only.toml"
    text = (PLANS / "ecommerce-revenue.toml").read_text("utf-8")
    plan.write_text(text.replace("end = 2026-06-30\n", "", 1), "utf-8")
    lines = run_okr("status", str(plan), "--date", "2026-05-20").stdout.splitlines()
    assert lines[0] == (
        "Online store revenue, Q2 2026: as of 2026-05-20 (the period starting 2026-04-01"
        " has no end date, so no progress can be expected)"
    )
    assert "Objective: no end date" in lines
    assert not [line for line in lines if "no period set" in line]
    data = json.loads(run_okr("status", str(plan), "--date", "2026-05-20", "--json").stdout)
    assert data["objective"]["status"] == "no_end"
    assert {kpi["status"] for kpi in data["kpis"]} <= {"no_end", "no_data", "no_target"}
    markdown = run_okr("export", str(plan)).stdout
    assert "(the period starting 2026-04-01 has no end date)." in markdown


def test_after_its_end_a_period_without_a_start_is_graded_like_any_other(tmp_path):
    """The end alone says the period is over: status and check agree that the closing
    values are owed, and nothing counts overdue days for months after the end."""
    plan = str(end_only_plan(tmp_path))
    whole = str(PLANS / "ecommerce-revenue.toml")
    lines = run_okr("status", plan, "--date", "2026-11-22").stdout.splitlines()
    assert lines[1:] == run_okr("status", whole, "--date", "2026-11-22").stdout.splitlines()[1:]
    assert lines[0].startswith("Online store revenue, Q2 2026: the period ended on 2026-06-30;")
    assert not [line for line in lines if "overdue" in line or "no start" in line]
    check = run_okr("check", plan, "--date", "2026-11-22").stdout
    assert "without its closing value" in check and "overdue" not in check
    data = json.loads(run_okr("status", plan, "--date", "2026-11-22", "--json").stdout)
    assert data["closed"] and [kpi for kpi in data["kpis"] if kpi["closing_missing"]]


def test_check_reports_overdue_check_ins_of_a_period_without_a_start_before_its_end(tmp_path):
    """okr check (no --date) reports overdue check-ins while the period is open; one
    given only its end is open until that end, as the dashboard and okr status say."""
    plan = tmp_path / "saas-end-only.toml"
    text = (PLANS / "saas-growth.toml").read_text("utf-8").replace("start = 2026-01-01\n", "")
    plan.write_text(text.replace("end = 2026-03-31", "end = 2099-12-31", 1), "utf-8")
    plan = str(plan)
    check = run_okr("check", plan).stdout
    assert "the plan's period has no start date" in check
    overdue = [line for line in check.splitlines() if "check-in overdue since" in line]
    status = [line for line in run_okr("status", plan).stdout.splitlines() if "overdue" in line]
    assert overdue and len(overdue) == len(status)
