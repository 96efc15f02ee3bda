"""What differs between two plans, said in a few readable lines."""

from __future__ import annotations

import datetime as dt

from model.diff import describe_differences, diff_plans
from model.i18n import set_language
from model.plan import CheckIn, Guardrail, Input, Item, Kpi, Plan
from model.store import load_plan
from tests.conftest import PLANS


def _base() -> Plan:
    return Plan(
        title="Q1",
        inputs={"orders": Input(source="shop")},
        kpis=[
            Kpi(id="cr", target=0.02, guardrail=Guardrail(min=0.01)),
            Kpi(id="aov", target=1200),
        ],
        items=[Item(text="Raise conversion to 2%"), Item(text="Write 5 emails", kind="initiative")],
    )


def test_identical_plans_have_no_differences():
    plan = load_plan(PLANS / "saas-growth.toml")
    assert diff_plans(plan, plan.model_copy(deep=True)) == []
    assert describe_differences(plan, plan) == ["no differences"]


def test_fields_kpis_inputs_and_items_are_named():
    old, new = _base(), _base()
    new.title = "Q2"
    new.objective.statement = "Grow"
    new.kpis[0].guardrail = Guardrail(min=0.015)
    new.kpis[1].target = 1500
    new.kpis.append(Kpi(id="roas"))
    del new.inputs["orders"]
    new.inputs["visits"] = Input()
    new.items.insert(1, Item(text="Launch referrals"))
    new.items[2].kind = "key_result"
    assert describe_differences(old, new) == [
        "Plan title: 'Q1' → 'Q2'",
        "Statement of the objective: set to 'Grow'",
        "input visits added",
        "input orders removed",
        "Floor (min) of KPI cr: 0.01 → 0.015",
        "Target of KPI aov: 1200 → 1500",
        "KPI roas added",
        "item 2 'Launch referrals' added",
        "Kind of item 3 'Write 5 emails': Initiative → Key result",
    ]


def test_an_inserted_item_is_one_change_not_a_cascade():
    old = Plan(items=[Item(text=f"line {n}") for n in range(10)])
    new = old.model_copy(deep=True)
    new.items.insert(0, Item(text="new first line"))
    assert describe_differences(old, new) == ["item 1 'new first line' added"]


def test_removed_things_and_reordered_kpis():
    old, new = _base(), _base()
    new.kpis.reverse()
    new.items.pop()
    new.objective.kgi = ""
    old.objective.kgi = "300 users"
    assert describe_differences(old, new) == [
        "KGI of the objective: cleared (was '300 users')",
        "the order of the KPIs changed",
        "item 2 'Write 5 emails' removed",
    ]


def test_check_ins_and_a_limit_with_a_count():
    old = Plan()
    new = Plan(
        checkins=[
            CheckIn(kpi="cr", date=dt.date(2026, 1, day), value=0.01 * day) for day in range(1, 6)
        ]
    )
    lines = describe_differences(old, new, limit=2)
    assert lines == [
        "check-in 1 'cr 2026-01-01 0.01' added",
        "check-in 2 'cr 2026-01-02 0.02' added",
        "… and 3 more differences",
    ]


def test_user_text_in_descriptions_is_quoted_shortened_and_escaped():
    old = Plan()
    new = Plan(title="\x1b[2J" + "x" * 100)
    (line,) = describe_differences(old, new)
    assert line.isprintable() and "\\x1b[2J" in line and line.endswith("…")
    assert len(line) < 80


def test_differences_in_chinese():
    old, new = _base(), _base()
    new.kpis[1].target = 1500
    new.kpis.append(Kpi(id="roas"))
    new.items[1].kind = "key_result"
    set_language("zh-TW")
    assert describe_differences(old, new) == [  # the app's labels, not the file's keys
        "KPI aov 的目標值:1200 → 1500",
        "新增:KPI roas",
        "項目 2 'Write 5 emails' 的類型:行動方案 → 關鍵結果",
    ]


def test_the_north_stars_name_is_named_once():
    old, new = _base(), _base()
    new.north_star.name = "Weekly active teams"
    new.north_star.definition = "teams with 3 active members"
    assert describe_differences(old, new) == [
        "North star: set to 'Weekly active teams'",  # not "North star of the north star"
        "Definition of the north star: set to 'teams with 3 active members'",
    ]
    set_language("zh-TW")
    assert describe_differences(old, new)[0] == "北極星指標:設為 'Weekly active teams'"


def test_a_long_text_changed_near_its_end_is_shown_from_where_it_differs():
    old = load_plan(PLANS / "saas-growth.toml")
    new = old.model_copy(deep=True)
    statement = old.objective.statement
    assert len(statement) > 55
    new.objective.statement = statement + " and their managers"
    (line,) = describe_differences(old, new)
    assert line.endswith("→ …'for small teams and their managers'"), line
    assert "…'for small teams' →" in line
    new.objective.statement = "X" + statement[1:]  # a change at the start: shown as it was
    (line,) = describe_differences(old, new)
    assert "'Make the free trial" in line and "'Xake the free trial" in line
