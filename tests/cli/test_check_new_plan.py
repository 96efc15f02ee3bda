"""``okr check`` on a plan as a new user leaves it: an empty line added and left blank."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import run_okr


def test_an_empty_item_is_one_warning_and_is_no_key_result(tmp_path: Path):
    # An empty line (a kind is saved with it) also counted as the plan's key result and
    # was reported as a key result not linked to a KPI.
    plan = tmp_path / "plan.toml"
    plan.write_text('schema = 1\n\n[[items]]\nkind = "key_result"\n', "utf-8")
    result = run_okr("check", str(plan))
    assert result.returncode == 1
    item_lines = [line for line in result.stdout.splitlines() if ": items" in line]
    assert item_lines == [
        f"{plan}: objective: error: items: the objective has no key result",
        f"{plan}: objective: warning: items[0].text: an empty line under the objective",
    ]


def test_findings_about_items_quote_the_line_they_are_about(tmp_path: Path):
    # "items[1].kpi: a key result is not linked to a KPI" three times over did not say
    # which line; a reviewer had to count [[items]] tables from zero.
    plan = tmp_path / "plan.toml"
    plan.write_text(
        "schema = 1\n\n"
        '[[items]]\ntext = "Raise trial-to-paid conversion from 9% to 12% by June 30"\n'
        'kind = "key_result"\n\n'
        '[[items]]\ntext = "Cut CAC from $780 to $600 by June 30"\nkind = "key_result"\n'
        'kpi = "cac"\n\n'
        '[[items]]\ntext = "Cut CAC from $780 to $600 by June 30"\nkind = "key_result"\n\n'
        '[[items]]\ntext = "把 MQL 轉換率從 8% 提升到 12%,並且讓每一位業務都能在當週跟進"\n'
        'kind = "key_result"\n',
        "utf-8",
    )
    lines = run_okr("check", str(plan)).stdout.splitlines()
    assert (
        f"{plan}: objective: warning: items[0].kpi: 'Raise trial-to-paid conversion from "
        "9%…' is a key result not linked to a KPI, so it cannot be tracked or scored"
    ) in lines
    assert (
        f"{plan}: objective: error: items[1].kpi: 'Cut CAC from $780 to $600 by June "
        "30' is linked to 'cac', which is not a KPI of this plan"
    ) in lines
    assert (
        f"{plan}: objective: warning: items[2].text: 'Cut CAC from $780 to $600 by June "
        "30' is the same line as items[1]"
    ) in lines
    zh_lines = run_okr("check", "--lang", "zh-TW", str(plan)).stdout.splitlines()
    assert (
        f"{plan}: objective: warning: items[3].kpi: 關鍵結果「把 MQL 轉換率從 8% 提升到 "
        "12%,並且讓每…」沒有連結 KPI,因此無法追蹤或評分"
    ) in zh_lines
