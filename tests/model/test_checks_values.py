"""Values a KPI's unit rules out: negative counts, amounts and rates, percents typed as
whole numbers, fractional counts; and the KPIs for which such values are legitimate."""

from __future__ import annotations

import datetime as dt

import pytest

from model.checks import run_checks
from model.formula import can_be_fractional, can_be_negative, parse_formula
from model.i18n import set_language
from model.plan import CheckIn, Guardrail, Input, Kpi, Plan
from model.store import load_plan
from tests.conftest import PLANS

DAY = dt.date(2027, 1, 1)
"""After every example plan's period: no tracking findings."""

VALUE_CHECKS = ("kpi.negative_value", "kpi.percent_scale", "kpi.fractional_count")


def value_findings(plan: Plan) -> list[tuple[str, str, str]]:
    """``(check, path, message)`` of the value checks' findings."""
    return [
        (f.check, f.path, f.message)
        for f in run_checks(plan, DAY).findings
        if f.check in VALUE_CHECKS
    ]


def one_kpi(**fields: object) -> Plan:
    """A plan whose only KPI has ``fields`` (and the inputs its formula reads declared)."""
    kpi = Kpi(id="k", **fields)  # type: ignore[arg-type]
    plan = Plan(currency="USD", kpis=[kpi])
    from model.inputs import formula_inputs

    plan.inputs = {name: Input(source="x") for name in formula_inputs(kpi)}
    return plan


# --- the formula's part: can it come out negative, or a fraction? ------------------------


@pytest.mark.parametrize(
    ("text", "negative"),
    [
        ("paid_users / trial_users", False),
        ("a + b * c", False),
        ("abs(actual - estimate) / estimate", False),
        ("max(a - b, 0)", False),
        ("round(a / b, 2)", False),
        ("revenue - expenses", True),
        ("(sessions - last_month) / last_month", True),
        ("-a", True),
        ("min(a - b, 0)", True),
        ("max(a - b, c - d)", True),
        ("round(a - b)", True),
    ],
)
def test_a_formula_can_be_negative_only_when_it_subtracts(text: str, negative: bool):
    assert can_be_negative(parse_formula(text)) is negative


@pytest.mark.parametrize(
    ("text", "fractional"),
    [
        ("orders", False),
        ("a + b - c * 2", False),
        ("round(a / b)", False),
        ("round(a / b, 0)", False),
        ("interactions / posts", True),
        ("visitors * 0.3", True),
        ("visitors * 30%", True),
        ("round(a / b, 1)", True),
        ("max(a, b / c)", True),
    ],
)
def test_a_formula_can_be_fractional_when_it_divides_or_has_decimals(text, fractional):
    assert can_be_fractional(parse_formula(text)) is fractional


# --- the reproduced defects ---------------------------------------------------------------


def test_a_negative_percent_is_not_called_more_than_100_percent():
    plan = load_plan(PLANS / "saas-growth.toml")
    plan.kpi("trial_to_paid").target = -5
    assert value_findings(plan) == [
        (
            "kpi.negative_value",
            "kpis.trial_to_paid.target",
            "trial_to_paid: the target -500% is below zero, but a rate or a share is never"
            " negative (only a change, such as growth, can be), and its formula has no"
            " subtraction that could make it so",
        )
    ]


def test_a_negative_count_is_a_warning_in_both_languages():
    plan = load_plan(PLANS / "content-leads.zh-TW.toml")
    plan.kpi("organic_sessions").baseline = -40000
    report = run_checks(plan, DAY)
    (finding,) = [f for f in report.findings if f.check == "kpi.negative_value"]
    assert (finding.severity, finding.step, finding.path) == (
        "warning",
        "baselines",
        "kpis.organic_sessions.baseline",
    )
    assert finding.message == (
        "organic_sessions: the baseline -40,000 is below zero, but a count is never negative,"
        " and its formula has no subtraction that could make it so"
    )
    set_language("zh-TW")
    assert finding.message == (
        "organic_sessions:基準值 -40,000 低於零,但數量不會是負的,而且公式中沒有會讓它變成負數的減法"
    )
    assert finding.fix.startswith("以 KPI 的單位填入零或正數。")


def test_every_negative_number_of_the_kpi_is_reported_at_its_field():
    plan = one_kpi(
        formula="marketing_spend / new_customers",
        unit="currency",
        baseline=-780,
        target=-600,
        guardrail=Guardrail(min=-900, max=-1),
    )
    assert [(check, path) for check, path, _ in value_findings(plan)] == [
        ("kpi.negative_value", "kpis.k.baseline"),
        ("kpi.negative_value", "kpis.k.target"),
        ("kpi.negative_value", "kpis.k.guardrail.min"),
        ("kpi.negative_value", "kpis.k.guardrail.max"),
    ]
    messages = [message for _, _, message in value_findings(plan)]
    assert messages[0].startswith("k: the baseline -$780 is below zero, but an amount such as")
    assert messages[2].startswith("k: the guardrail's floor -$900 is below zero")


@pytest.mark.parametrize(
    ("unit", "reason"),
    [
        ("count", "a count is never negative"),
        ("ratio", "a ratio of amounts or counts is never negative"),
        ("duration", "a length of time is never negative"),
    ],
)
def test_without_a_formula_the_unit_alone_says_why(unit: str, reason: str):
    plan = one_kpi(name="Open tickets", unit=unit, baseline=-3)
    ((_, _, message),) = value_findings(plan)
    assert message.startswith("k: the baseline -3")
    assert message.endswith(f" is below zero, but {reason}")


# --- what may be negative is left alone -----------------------------------------------------


@pytest.mark.parametrize(
    "fields",
    [
        # the formula subtracts: a net figure or a change
        {"formula": "revenue - expenses", "unit": "currency"},
        {"formula": "(sessions - sessions_last_month) / sessions_last_month", "unit": "percent"},
        {"formula": "new_customers - lost_customers", "unit": "count"},
        # its words say so, whatever the formula reads
        {"name": "Net income", "formula": "net_income", "unit": "currency"},
        {"name": "Gross margin", "formula": "gross_profit / revenue", "unit": "percent"},
        {"name": "Operating profit", "unit": "currency"},
        {"id": "nrr_delta", "name": "NRR change", "unit": "percent"},
        {"name": "Revenue growth", "formula": "revenue_growth", "unit": "percent"},
        {"name": "Marketing ROI", "unit": "ratio"},
        {"name": "營收成長率", "formula": "本月營收 / 上月營收", "unit": "percent"},
        {"name": "淨利", "formula": "淨利", "unit": "currency"},
        {"name": "Customers", "definition": "New customers minus churned, net", "unit": "count"},
        # units that may be negative, or none
        {"name": "NPS", "formula": "nps", "unit": "score"},
        {"name": "Anything", "formula": "x"},
    ],
)
def test_a_kpi_that_may_be_negative_gets_no_finding_for_a_negative_value(fields):
    fields = {"id": "k", **fields}
    plan = one_kpi(**{key: value for key, value in fields.items() if key != "id"})
    plan.kpis[0].id = fields["id"]
    scale = 100 if plan.kpis[0].unit == "count" else 0.01  # whole counts; percents in range
    plan.kpis[0].baseline, plan.kpis[0].target = -20 * scale, -10 * scale
    plan.kpis[0].guardrail = Guardrail(min=-50 * scale)
    plan.kpis = [*plan.kpis, Kpi(id="control", name="Open tickets", unit="count", baseline=-3)]
    assert [path for _, path, _ in value_findings(plan)] == ["kpis.control.baseline"]


def test_a_change_below_minus_100_percent_is_a_scale_hint_not_a_sign_warning():
    plan = one_kpi(
        name="Traffic growth", formula="(sessions - last_month) / last_month", unit="percent"
    )
    plan.kpis[0].baseline, plan.kpis[0].target = -5, 0.1
    assert value_findings(plan) == [
        (
            "kpi.percent_scale",
            "kpis.k.baseline",
            "k: -500% is below -100%, a fall of more than the whole;"
            " was a percentage entered as a whole number?",
        )
    ]
    plan.kpis[0].baseline = -0.05  # -5%: a fall, fine
    assert value_findings(plan) == []
    plan.kpis[0].baseline = -1  # -100%: all of it lost, possible
    assert value_findings(plan) == []
    set_language("zh-TW")
    plan.kpis[0].baseline = -5
    assert value_findings(plan)[0][2] == (
        "k:-500% 低於 -100%,等於減少超過全部;是否把百分比當成整數輸入了?"
    )


def test_a_percent_above_100_is_still_a_scale_hint():
    plan = load_plan(PLANS / "saas-growth.toml")
    plan.kpi("trial_to_paid").target = 12
    assert value_findings(plan) == [
        (
            "kpi.percent_scale",
            "kpis.trial_to_paid.target",
            "trial_to_paid: 1,200% is more than 100%; was a percentage entered as a whole number?",
        )
    ]


def test_a_percent_that_may_pass_100_is_asked_about_only_past_1000():
    plan = one_kpi(name="Net revenue retention", formula="", unit="percent")
    plan.kpis[0].baseline, plan.kpis[0].target = 1.02, 1.1  # 102% to 110%, as meant
    assert value_findings(plan) == []
    plan.kpis[0].target = 110  # 110 for 110%: 11,000%
    assert [(check, path) for check, path, _ in value_findings(plan)] == [
        ("kpi.percent_scale", "kpis.k.target")
    ]
    growth = one_kpi(name="Signups", formula="(signups - last_month) / last_month", unit="percent")
    growth.kpis[0].baseline, growth.kpis[0].target = 0.2, 1.5  # growing 150%
    assert value_findings(growth) == []
    zh = one_kpi(name="業績達成率", formula="", unit="percent", baseline=0.95, target=1.2)
    assert value_findings(zh) == []


# --- fractional counts ---------------------------------------------------------------------


def test_a_fractional_count_is_a_hint():
    plan = one_kpi(
        name="New customers",
        formula="new_customers",
        unit="count",
        baseline=1.5,
        target=3,
        guardrail=Guardrail(min=0.5),  # a bound between whole numbers is harmless
    )
    assert value_findings(plan) == [
        (
            "kpi.fractional_count",
            "kpis.k.baseline",
            "k: the baseline 1.5 is not a whole number, but it counts things",
        )
    ]
    plan.kpis[0].baseline, plan.kpis[0].target = 2, 40000.001
    assert value_findings(plan)[0][1:] == (
        "kpis.k.target",
        "k: the target 40,000.001 is not a whole number, but it counts things",
    )
    set_language("zh-TW")
    assert value_findings(plan)[0][2] == "k:目標值 40,000.001 不是整數,但它是計數"


@pytest.mark.parametrize(
    "fields",
    [
        {"name": "Interactions per post", "formula": "interactions / posts"},
        {"name": "Expected orders", "formula": "visitors * 0.3"},
        {"name": "Average orders per customer", "formula": "orders_per_customer"},
        {"name": "Sessions", "definition": "Mean daily sessions over the month"},
        {"name": "平均每日工作階段數"},
        {"name": "Customers", "unit": "score"},
    ],
)
def test_an_average_may_be_fractional(fields):
    plan = one_kpi(**{"unit": "count", **fields})
    plan.kpis[0].baseline, plan.kpis[0].target = 1.5, 2.25
    plan.kpis = [*plan.kpis, Kpi(id="control", name="Customers", unit="count", baseline=1.5)]
    assert [path for _, path, _ in value_findings(plan)] == ["kpis.control.baseline"]


def test_a_value_checked_in_below_zero_is_a_warning_for_a_kpi_that_cannot_be():
    """okr checkin warns as it records one; okr check said nothing of it until a next
    period carried it into the baseline."""
    plan = load_plan(PLANS / "saas-growth.toml")
    plan.checkins = [
        *plan.checkins,
        CheckIn(kpi="week1_retention", date=dt.date(2026, 3, 31), value=-0.05),
        CheckIn(kpi="unknown", date=dt.date(2026, 3, 31), value=-1),  # its own finding
    ]
    index = len(plan.checkins) - 2
    assert value_findings(plan) == [
        (
            "kpi.negative_value",
            f"checkins[{index}].value",
            "week1_retention: the value checked in on 2026-03-31, -5% is below zero,"
            " but a rate or a share is never negative (only a change, such as growth, can be)",
        )
    ]


def test_the_words_are_read_in_both_chinese_scripts():
    """A growth KPI named in Simplified Chinese may be negative as in Traditional; 成长 was
    missing from the hand-written list, so 营收成长率 got a false warning."""
    for name in ("營收成長率", "营收成长率"):
        plan = one_kpi(name=name, formula="", unit="percent", baseline=-0.05, target=0.1)
        assert value_findings(plan) == [], name
