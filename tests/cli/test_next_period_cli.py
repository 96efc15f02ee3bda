"""``okr next-period``: writes the next period's plan, never over an existing file by accident."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from model.lock import acquire
from model.store import dumps_plan, load_plan
from tests.cli.locks import crashed_session_lock
from tests.conftest import PLANS, run_okr


def test_the_next_quarter_with_baselines_from_the_last_actuals(tmp_path: Path):
    new = tmp_path / "q2.toml"
    result = run_okr("next-period", str(PLANS / "saas-growth.toml"), "-o", str(new))
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout.splitlines() == [
        f"Wrote {new} for 2026-04-01 to 2026-06-30.",
        "  trial_activation: baseline 36% -> 41% (check-in of 2026-02-09)",
        "  week1_retention: baseline 28% -> 30% (check-in of 2026-02-09)",
        "  trial_to_paid: baseline 9% -> 10% (check-in of 2026-01-31)",
        "  cac: baseline $780 -> $740 (check-in of 2026-01-31)",
        "  ltv_to_cac: baseline 2.5x -> 2.7x (check-in of 2026-01-31)",
        "Targets, texts and dates in the objective and key results were copied as they were:"
        " revise them for the new period.",
    ]
    plan = load_plan(new)
    assert (plan.objective.start, plan.objective.end) == (dt.date(2026, 4, 1), dt.date(2026, 6, 30))
    assert plan.checkins == []
    assert [k.baseline for k in plan.kpis] == [0.41, 0.3, 0.1, 740, 2.7]
    assert new.read_text("utf-8") == dumps_plan(plan)


def test_given_dates_and_kept_baselines_in_chinese(tmp_path: Path):
    new = tmp_path / "下一期.toml"
    result = run_okr(
        "--lang", "zh-TW", "next-period", str(PLANS / "content-leads.zh-TW.toml"),
        "-o", str(new), "--start", "2026-07-06", "--end", "2026-09-27",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == f"已寫出 {new},期間 2026-07-06 至 2026-09-27。"
    assert "  mql_rate:沒有進度紀錄,保留基準值 22%" in lines
    plan = load_plan(new)
    assert plan.objective.start == dt.date(2026, 7, 6)
    assert plan.items == load_plan(PLANS / "content-leads.zh-TW.toml").items


def test_an_existing_file_needs_force_and_the_source_is_never_overwritten(
    tmp_path: Path, example_copy
):
    source = example_copy("saas-growth.toml")
    source_bytes = source.read_bytes()
    existing = tmp_path / "existing.toml"
    existing.write_text("# keep me\n", "utf-8")
    refused = run_okr("next-period", str(source), "-o", str(existing))
    assert refused.returncode == 2
    assert refused.stderr == (
        f"okr: {existing} already exists; choose another file or add --force to replace it\n"
    )
    assert existing.read_text("utf-8") == "# keep me\n"
    forced = run_okr("next-period", str(source), "-o", str(existing), "--force")
    assert forced.returncode == 0
    assert load_plan(existing).checkins == []
    same = run_okr("next-period", str(source), "-o", str(source), "--force")
    assert same.returncode == 2 and "cannot be written over the plan" in same.stderr
    assert source.read_bytes() == source_bytes


def test_bad_dates_and_missing_output(tmp_path: Path):
    source = str(PLANS / "saas-growth.toml")
    reversed_period = run_okr(
        "next-period", source, "-o", str(tmp_path / "n.toml"), "--end", "2026-03-01"
    )
    assert reversed_period.returncode == 2
    assert "would end (2026-03-01) before it starts (2026-04-01)" in reversed_period.stderr
    assert not (tmp_path / "n.toml").exists()
    no_output = run_okr("next-period", source)
    assert no_output.returncode == 2 and "-o" in no_output.stderr
    no_folder = run_okr("next-period", source, "-o", str(tmp_path / "missing" / "n.toml"))
    assert no_folder.returncode == 2 and "cannot save" in no_folder.stderr


def test_a_plan_open_in_the_planner_is_never_written_over(tmp_path: Path):
    """A new plan another session has open (not saved yet: no file, only its lock) is
    refused as surely as a saved one, --force or not; nothing is written."""
    source = str(PLANS / "saas-growth.toml")
    new_one = tmp_path / "q2.toml"
    saved = tmp_path / "saved.toml"
    saved.write_text("# keep me\n", "utf-8")
    with acquire(new_one), acquire(saved):
        for target, force in ((new_one, ()), (new_one, ("--force",)), (saved, ("--force",))):
            refused = run_okr("next-period", source, "-o", str(target), *force)
            assert refused.returncode == 2 and refused.stdout == ""
            assert refused.stderr.startswith(f"okr: {target}: open in the planner by ")
            assert f"(process {os.getpid()})" in refused.stderr
            assert len(refused.stderr.splitlines()) == 1
        assert not new_one.exists()
        assert saved.read_text("utf-8") == "# keep me\n"


def test_a_lock_left_by_a_crashed_session_does_not_block_the_next_period(tmp_path: Path):
    new_one = tmp_path / "q2.toml"
    crashed_session_lock(new_one)
    result = run_okr("next-period", str(PLANS / "saas-growth.toml"), "-o", str(new_one))
    assert (result.returncode, result.stderr) == (0, "")
    assert load_plan(new_one).checkins == []


def test_a_kpi_without_a_direction_keeps_it_unset(tmp_path: Path):
    """The new file says no more than the old one: a KPI that left its direction out is
    not given the default ``increase``."""
    old = tmp_path / "q1.toml"
    text = (PLANS / "saas-growth.toml").read_text("utf-8")
    old.write_text(text.replace('direction = "increase"\n', "", 1), "utf-8")
    new = tmp_path / "q2.toml"
    result = run_okr("next-period", str(old), "-o", str(new))
    assert (result.returncode, result.stderr) == (0, "")
    written = new.read_text("utf-8")
    first = written.split("[[kpis]]")[1]
    assert 'id = "trial_activation"' in first and "direction" not in first
    assert written.count('direction = "increase"') == text.count('direction = "increase"') - 1
    assert load_plan(new).kpis[0].direction == "increase"  # still read as the default


def test_a_folder_as_output_is_said_at_once_not_offered_force(tmp_path: Path):
    # It said "already exists; choose another file or add --force", and with --force
    # then "not a regular file".
    folder = tmp_path / "q2"
    folder.mkdir()
    for language, words in (("en", "not a regular file"), ("zh-TW", "不是一般檔案")):
        result = run_okr(
            "--lang", language, "next-period", str(PLANS / "saas-growth.toml"), "-o", str(folder)
        )
        assert (result.returncode, result.stdout) == (2, "")
        assert result.stderr == f"okr: {folder}: {words}\n"
    assert list(folder.iterdir()) == []


def test_a_kgi_deadline_left_from_the_old_period_is_a_warning(tmp_path: Path):
    # next-period copies the texts: the KGI still said "by 2026-03-31" in a plan for
    # April to June, and okr check passed it without a word (SMART even said time-bound).
    new = tmp_path / "q2.toml"
    assert run_okr("next-period", str(PLANS / "saas-growth.toml"), "-o", str(new)).returncode == 0
    lines = run_okr("check", str(new)).stdout.splitlines()
    assert (
        f"{new}: objective: warning: objective.kgi: the deadline 2026-03-31 comes before the"
        " plan's period starts, on 2026-04-01"
    ) in lines
    zh = run_okr("check", "--lang", "zh-TW", str(new)).stdout
    assert "objective.kgi: 期限 2026-03-31 早於計畫期間的開始日 2026-04-01" in zh


def test_the_plans_comments_come_along_beside_the_same_kpis_and_keys(tmp_path: Path):
    source = tmp_path / "q1.toml"
    text = (PLANS / "saas-growth.toml").read_text("utf-8")
    text = "# Growth plan, reviewed by finance\n" + text
    text = text.replace('id = "cac"', 'id = "cac"  # blended: paid and organic', 1)
    source.write_text(text, "utf-8")
    new = tmp_path / "q2.toml"
    result = run_okr("next-period", str(source), "-o", str(new))
    assert result.returncode == 0, result.stderr
    written = new.read_text("utf-8")
    assert written.startswith("# Growth plan, reviewed by finance\n")
    assert 'id = "cac"  # blended: paid and organic\n' in written
    assert source.read_text("utf-8") == text, "the old plan is not touched"
    assert load_plan(new).kpis[3].baseline == 740
