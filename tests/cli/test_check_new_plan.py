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
