"""Any valid plan survives save and load unchanged, and saving it is byte-stable."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings

from model.plan import Plan
from model.store import dumps_plan, load_plan, parse_plan, save_plan
from tests.strategies import plans

_SETTINGS = settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@_SETTINGS
@given(plan=plans)
def test_any_plan_survives_dumps_and_parse(plan: Plan):
    text = dumps_plan(plan)
    loaded = parse_plan(text, "plan.toml")
    assert loaded == plan
    assert dumps_plan(loaded) == text


@_SETTINGS
@given(plan=plans)
def test_any_plan_survives_save_and_load_through_a_file(plan: Plan, tmp_path: Path):
    path = tmp_path / "plan.toml"
    save_plan(plan, path)
    first = path.read_bytes()
    loaded = load_plan(path)
    assert loaded == plan
    save_plan(loaded, path)
    assert path.read_bytes() == first
