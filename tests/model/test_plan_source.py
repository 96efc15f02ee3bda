"""Reading a plan file without validating it: what the app paints before pydantic loads."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from model.errors import PlanError
from model.plan_source import HEAD_BYTES, read_plan_source
from tests.conftest import PLANS

ITEM = '[[items]]\ntext = "Ship the onboarding checklist number {n} with a long enough text"\n'


def big_plan(tmp_path: Path, tail: str = "") -> Path:
    """The example plan with enough items appended to pass :data:`HEAD_BYTES`."""
    text = (PLANS / "saas-growth.toml").read_text("utf-8")
    count = HEAD_BYTES // len(ITEM) + 10
    path = tmp_path / "big.toml"
    path.write_text(text + "\n" + "".join(ITEM.format(n=n) for n in range(count)) + tail)
    return path


def test_a_usual_plan_is_parsed_whole_for_the_first_look():
    source = read_plan_source(PLANS / "saas-growth.toml")
    assert source.head is source.data
    assert source.head["objective"]["statement"].startswith("Make the free trial")
    assert source.item_count() == 8


def test_a_big_plan_is_parsed_only_up_to_its_first_array_of_tables(tmp_path):
    source = read_plan_source(big_plan(tmp_path))
    head = source.head
    assert head["objective"]["statement"].startswith("Make the free trial")
    assert "items" not in head and "kpis" not in head
    assert "data" not in source.__dict__, "the whole file was not parsed for the head"
    assert source.item_count() == 8 + HEAD_BYTES // len(ITEM) + 10
    assert source.item_count() == len(source.data["items"])


def test_a_syntax_error_in_a_big_plans_tail_is_still_reported_with_its_line(tmp_path):
    path = big_plan(tmp_path, tail="[[items]]\ntext = 'unclosed\n")
    source = read_plan_source(path)
    assert source.head["title"]  # the first look works
    with pytest.raises(PlanError) as caught:
        _ = source.data
    line = path.read_text("utf-8").count("\n")
    assert f"{path}:{line}" in str(caught.value)


def test_a_syntax_error_in_a_usual_plan_is_reported_before_anything_is_shown(tmp_path):
    path = tmp_path / "bad.toml"
    path.write_text('title = "x"\n[objective\n', "utf-8")
    source = read_plan_source(path)
    with pytest.raises(PlanError) as caught:
        _ = source.head
    assert f"{path}:2" in str(caught.value)


def test_reading_a_plan_for_the_first_paint_does_not_load_pydantic():

    code = (
        "import sys\n"
        "from model.plan_source import read_plan_source\n"
        f"source = read_plan_source({str(PLANS / 'saas-growth.toml')!r})\n"
        "source.head; source.item_count()\n"
        "import tui.app, tui.screens.opening, tui.commands.open\n"
        "print('pydantic' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.stdout.strip() == "False", done.stderr
