"""A plan's formula inputs: declared, undeclared, unused, and the computed preview."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

from model.formula import DivisionByZeroError, Formula, MissingInputError, parse_formula
from model.formula_parser import names_mentioned
from model.i18n import set_language
from model.inputs import (
    compute_kpi,
    declare_inputs,
    formula_inputs,
    formula_problems,
    join_list,
    kpi_inputs,
    kpis_without_formula,
    preview,
    undefined_inputs,
    unused_inputs,
)
from model.plan import Input, Kpi, Plan
from model.store import dumps_plan, load_plan, parse_plan
from tests.conftest import EXAMPLE_PLANS, PLANS


def make_plan() -> Plan:
    return Plan(
        currency="USD",
        inputs={
            "orders": Input(description="paid orders", source="Shopify", unit="count"),
            "visitors": Input(unit="count"),
            "leftover": Input(),
        },
        kpis=[
            Kpi(id="conversion", formula="orders / visitors", unit="percent"),
            Kpi(id="aov", formula="revenue / orders", unit="currency"),
            Kpi(id="empty"),
            Kpi(id="broken", formula="orders / (visitors"),
            Kpi(id="twice", formula="refunds / refunds + revenue"),
        ],
    )


@pytest.mark.parametrize("path", EXAMPLE_PLANS, ids=lambda p: p.name)
def test_example_plans_formulas_parse_and_use_only_declared_inputs(path: Path):
    plan = load_plan(path)
    for kpi in plan.kpis:
        assert isinstance(parse_formula(kpi.formula), Formula), kpi.id
    assert undefined_inputs(plan) == []
    assert unused_inputs(plan) == []
    assert formula_problems(plan) == []


def test_formula_inputs_lists_names_in_order_and_nothing_for_empty_or_broken():
    plan = make_plan()
    assert formula_inputs(plan.kpi("conversion")) == ("orders", "visitors")
    assert formula_inputs(plan.kpi("twice")) == ("refunds", "revenue")
    assert formula_inputs(plan.kpi("empty")) == ()
    assert formula_inputs(plan.kpi("broken")) == ()


def test_kpi_inputs_pairs_names_with_their_declarations():
    plan = make_plan()
    assert kpi_inputs(plan, plan.kpi("aov")) == [
        ("revenue", None),
        ("orders", plan.inputs["orders"]),
    ]


def test_undefined_unused_and_empty():
    plan = make_plan()
    assert undefined_inputs(plan) == [
        ("aov", "revenue"),
        ("twice", "refunds"),
        ("twice", "revenue"),
    ]
    assert unused_inputs(plan) == ["leftover"]
    assert kpis_without_formula(plan) == ["empty"]


@pytest.mark.parametrize(
    "formula",
    [
        "activated_trials / (trial_signups",
        "activated_trials ** trial_signups",
        "activated_trials / trial_signups)",
    ],
)
def test_the_inputs_of_a_formula_that_does_not_parse_are_not_called_unused(formula: str):
    plan = Plan(
        inputs={"activated_trials": Input(), "trial_signups": Input(), "leftover": Input()},
        kpis=[Kpi(id="activation", formula=formula)],
    )
    assert unused_inputs(plan) == ["leftover"]


def test_names_mentioned_reads_on_past_what_the_tokenizer_refuses():
    assert names_mentioned("a / (b") == ("a", "b")
    assert names_mentioned("round(a, 2) ** b.c % 全部名單數 $d") == (
        "a",
        "b",
        "c",
        "全部名單數",
        "d",
    )
    assert names_mentioned("lambda: x if y else 1..2") == ("x", "y")
    assert names_mentioned("") == ()


def test_declare_inputs_adds_only_what_is_missing_and_keeps_the_users_text():
    plan = make_plan()
    added = declare_inputs(
        plan,
        ["revenue", "orders", "revenue", "refunds"],
        descriptions={"revenue": "net revenue", "orders": "would overwrite"},
        units={"revenue": "currency"},
    )
    assert added == ["revenue", "refunds"]
    assert plan.inputs["revenue"] == Input(description="net revenue", unit="currency")
    assert plan.inputs["refunds"] == Input()
    assert plan.inputs["orders"].description == "paid orders"
    assert undefined_inputs(plan) == []
    assert declare_inputs(plan, ["orders"]) == []
    assert parse_plan(dumps_plan(plan), "x.toml") == plan  # still a valid, saveable plan


def test_declare_inputs_refuses_names_that_are_not_identifiers():
    plan = make_plan()
    with pytest.raises(ValidationError):
        declare_inputs(plan, ["not a name"])
    assert "not a name" not in plan.inputs


def test_formula_problems_report_syntax_errors_and_undeclared_inputs():
    set_language("en")
    problems = formula_problems(make_plan())
    assert [(p.kpi_id, p.kind, p.path) for p in problems] == [
        ("aov", "undeclared_input", "kpis.aov.formula"),
        ("broken", "syntax", "kpis.broken.formula"),
        ("twice", "undeclared_input", "kpis.twice.formula"),
        ("twice", "undeclared_input", "kpis.twice.formula"),
    ]
    assert problems[0].message == "uses 'revenue', which is not declared in [inputs]"
    assert problems[0].position == 0
    assert problems[1].message == "this '(' is never closed (at character 10)"
    set_language("zh-TW")
    assert problems[0].message == "用到 'revenue',但它沒有在 [inputs] 中宣告"


def test_formula_problems_report_a_divisor_that_is_always_zero():
    plan = make_plan()
    plan.kpis[0].formula = "orders / (visitors - visitors) + orders / (1 - 1)"
    plan.kpis[1].formula = "revenue / 0"
    problems = formula_problems(plan)
    assert [(p.kpi_id, p.kind, p.position) for p in problems] == [
        ("conversion", "zero_divisor", 42),  # (visitors - visitors) would need algebra
        ("aov", "undeclared_input", 0),
        ("aov", "zero_divisor", 10),
        ("broken", "syntax", 9),
        ("twice", "undeclared_input", 0),
        ("twice", "undeclared_input", 20),
    ]
    assert problems[0].message == (
        "cannot divide by zero: (1 - 1) is always 0, so the formula can never be computed"
        " (at character 43)"
    )
    set_language("zh-TW")
    assert problems[2].message == "無法除以零:公式除以 0,不論輸入什麼數值都無法計算(第 11 個字元)"


def test_compute_kpi_and_its_errors():
    plan = make_plan()
    assert compute_kpi(plan.kpi("conversion"), {"orders": 150, "visitors": 10_000}) == 0.015
    with pytest.raises(DivisionByZeroError):
        compute_kpi(plan.kpi("conversion"), {"orders": 150, "visitors": 0})


def test_preview_shows_inputs_and_result_in_their_units():
    plan = load_plan(PLANS / "ecommerce-revenue.toml")
    kpi = plan.kpi("checkout_conversion")
    values = {"orders": 150, "effective_visitors": 10_000}
    assert preview(plan, kpi, values) == "with orders = 150 and effective_visitors = 10,000: 1.5%"
    aov = plan.kpi("aov")
    assert preview(plan, aov, {"order_value_total": 7275, "orders": 150}) == (
        "with order_value_total = $7,275 and orders = 150: $48.50"
    )


def test_preview_in_chinese_for_a_chinese_plan():
    set_language("zh-TW")
    plan = load_plan(PLANS / "content-leads.zh-TW.toml")
    values = {"內容與推廣費用": 480_000, "MQL數": 400}
    assert preview(plan, plan.kpi("cost_per_mql"), values) == (
        "當 內容與推廣費用 = 480,000 元、MQL數 = 400 時:1,200 元"
    )


def test_preview_of_a_constant_and_of_many_inputs():
    plan = Plan(
        kpis=[Kpi(id="k", formula="round(2.5)"), Kpi(id="m", formula="a + b + c", unit="count")]
    )
    assert preview(plan, plan.kpi("k"), {}) == "value: 3"
    assert (
        preview(plan, plan.kpi("m"), {"a": 1, "b": 2, "c": 3}) == "with a = 1, b = 2 and c = 3: 6"
    )


def test_preview_raises_a_formula_error_the_screen_can_show():
    plan = make_plan()
    with pytest.raises(MissingInputError) as caught:
        preview(plan, plan.kpi("conversion"), {"orders": 1})
    assert caught.value.message == "no value for visitors"


def test_join_list_in_both_languages():
    assert join_list([]) == ""
    assert join_list(["a"]) == "a"
    assert join_list(["a", "b"]) == "a and b"
    assert join_list(["a", "b", "c"]) == "a, b and c"
    set_language("zh-TW")
    assert join_list(["a", "b", "c"]) == "a、b、c"
