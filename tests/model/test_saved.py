"""The plan as last saved (``model.saved``): whether the plan being edited differs from it."""

from __future__ import annotations

import pytest

from model.fingerprint import ABSENT
from model.plan import Input, Item, Kpi, Plan
from model.saved import SavedPlan, copy_plan, first_difference
from model.store import load_plan
from tests.conftest import PLANS


def _plan() -> Plan:
    return Plan(
        title="Q1",
        inputs={"orders": Input(source="shop"), "visitors": Input(source="web")},
        kpis=[Kpi(id="a", name="A"), Kpi(id="b", name="B")],
        items=[Item(text="first"), Item(text="second"), Item(text="third")],
    )


def test_an_edit_differs_until_it_is_taken_back():
    plan = _plan()
    saved = SavedPlan(plan, ABSENT)
    assert not saved.differs(plan)
    plan.items[1].text = "second!"
    assert saved.differs(plan) and saved.plan.items[1].text == "second", "a copy, kept"
    plan.items[1].text = "second"
    assert not saved.differs(plan)


def test_a_difference_elsewhere_is_found_when_the_last_one_is_taken_back():
    plan = _plan()
    saved = SavedPlan(plan, ABSENT)
    plan.kpis[1].name = "Bee"
    plan.items[2].text = "3rd"
    assert saved.differs(plan)
    plan.kpis[1].name = "B"  # the first difference taken back: the other one still counts
    assert saved.differs(plan)
    plan.items[2].text = "third"
    assert not saved.differs(plan)


def test_entries_added_removed_or_reordered_differ():
    plan = _plan()
    saved = SavedPlan(plan, ABSENT)
    plan.items.append(Item(text="fourth"))
    assert saved.differs(plan)
    plan.items.pop()
    assert not saved.differs(plan)
    plan.items.reverse()
    assert saved.differs(plan)
    plan.items.reverse()
    plan.inputs = {"visitors": plan.inputs["visitors"], "orders": plan.inputs["orders"]}
    assert saved.differs(plan), "the inputs are written in their order"


def test_first_difference_names_the_field_and_the_entry():
    plan, other = _plan(), _plan()
    assert first_difference(plan, other) is None
    other.items[2].kind = "initiative"
    assert first_difference(plan, other) == ("items", 2)
    other.title = "Q2"
    assert first_difference(plan, other) == ("title", None)
    plan.title, plan.kpis = "Q2", plan.kpis[:1]
    assert first_difference(plan, other) == ("kpis", None)


def test_the_place_that_last_differed_is_looked_at_first_after_a_return_to_saved():
    plan = _plan()
    saved = SavedPlan(plan, ABSENT)
    plan.items[2].text = "3rd"
    assert saved.differs(plan)
    plan.items[2].text = "third"
    assert not saved.differs(plan)
    plan.items[2].text = "3rd"
    plan.kpis[0].name = "Aye"  # differs before item 2 in the file: found first by a scan
    assert saved.differs(plan)
    plan.items[2].text = "third"  # still differs, at the KPI
    assert saved.differs(plan)
    plan.kpis[0].name = "A"
    assert not saved.differs(plan)
    plan.items.pop()  # the place kept is past the end now: the lengths tell
    assert saved.differs(plan)


@pytest.mark.parametrize("name", sorted(path.name for path in PLANS.glob("*.toml")))
def test_the_copy_of_an_example_plan_equals_it_and_shares_nothing_an_edit_changes(name):
    plan = load_plan(PLANS / name)
    copy = copy_plan(plan)
    assert copy == plan and first_difference(copy, plan) is None
    plan.items[0].text += "!"
    plan.kpis[0].guardrail.min = 1.0 if plan.kpis[0].guardrail.min != 1.0 else 2.0
    plan.objective.start = None
    plan.checkins.clear()
    plan.inputs.clear()
    assert first_difference(copy, load_plan(PLANS / name)) is None


def test_a_plan_whose_values_do_not_validate_is_deep_copied():
    plan = Plan(items=[Item(text="x")])
    plan.items[0].__dict__["kind"] = "not a kind"  # past the assignment's validation
    copy = copy_plan(plan)
    assert copy == plan and copy.items[0] is not plan.items[0]
