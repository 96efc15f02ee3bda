"""The plan model: what a file may contain, and the message for each mistake."""

from __future__ import annotations

import datetime as dt

import pytest

from model.i18n import set_language
from model.plan import Kpi, Plan
from model.store import PlanError, parse_plan


def error_for(text: str) -> PlanError:
    with pytest.raises(PlanError) as caught:
        parse_plan(text, "plan.toml")
    return caught.value


def test_an_empty_file_is_an_empty_plan():
    plan = parse_plan("", "plan.toml")
    assert plan == Plan()
    assert plan.schema_version == 1
    assert plan.kpis == [] and plan.objective.statement == ""


def test_a_complete_kpi_loads_with_its_types():
    plan = parse_plan(
        """
[objective]
start = 2026-01-01
end = 2026-03-31

[[kpis]]
id = "cac"
unit = "currency"
direction = "decrease"
baseline = 780
target = 600
guardrail = { max = 700 }
cadence = "monthly"
""",
        "plan.toml",
    )
    kpi = plan.kpis[0]
    assert kpi.baseline == 780.0 and isinstance(kpi.baseline, float)
    assert kpi.guardrail is not None and kpi.guardrail.max == 700 and kpi.guardrail.min is None
    assert plan.objective.end == dt.date(2026, 3, 31)
    assert plan.kpi("cac") is kpi and plan.kpi("nope") is None


def test_chinese_ids_and_input_names_are_identifiers():
    text = '[inputs."訂單數"]\nsource = "Shopify"\n[[kpis]]\nid = "轉換率"\n'
    plan = parse_plan(text, "p.toml")
    assert "訂單數" in plan.inputs and plan.kpis[0].id == "轉換率"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            '[[kpis]]\nid = "a"\ndirection = "up"\n',
            "plan.toml:3: kpis.a.direction: 'up' is not allowed here;"
            " use one of: increase, decrease",
        ),
        (
            '[[kpis]]\nid = "a"\nownr = "x"\n',
            "plan.toml:3: kpis.a.ownr: unknown key 'ownr'; did you mean 'owner'?",
        ),
        ("zzz = 1\n", "plan.toml:1: zzz: unknown key 'zzz'"),
        ('[[kpis]]\nname = "no id"\n', "plan.toml:1: kpis[0].id: the required key 'id' is missing"),
        (
            '[[kpis]]\nid = "2fast"\n',
            "plan.toml:2: kpis[0].id: use letters, digits and _ only, not starting with a digit",
        ),
        (
            '[[kpis]]\nid = "a"\nbaseline = "ten"\n',
            "plan.toml:3: kpis.a.baseline: expected a number, found 'ten'",
        ),
        (
            '[[kpis]]\nid = "a"\nbaseline = true\n',
            "plan.toml:3: kpis.a.baseline: expected a number, found true",
        ),
        (
            '[[kpis]]\nid = "a"\ntarget = nan\n',
            "plan.toml:3: kpis.a.target: nan is not a finite number",
        ),
        (
            '[[kpis]]\nid = "a"\ntarget = inf\n',
            "plan.toml:3: kpis.a.target: inf: the number is infinite or too large to read;"
            " numbers are at most 1,000,000,000,000,000",
        ),
        (
            '[[kpis]]\nid = "a"\ntarget = 1e308\n',
            "plan.toml:3: kpis.a.target: 1e+308 is too large;"
            " at most 1,000,000,000,000,000 is allowed here",
        ),
        ("title = 5\n", "plan.toml:1: title: expected text in quotes, found 5"),
        (
            '[objective]\nstart = "2026-01-01"\n',
            "plan.toml:2: objective.start: expected a date such as 2026-03-31, found '2026-01-01'",
        ),
        (
            "[objective]\nstart = 2026-03-01\nend = 2026-01-01\n",
            "plan.toml:3: objective.end: the period ends before it starts",
        ),
        (
            '[[kpis]]\nid = "a"\nguardrail = { min = 5, max = 1 }\n',
            "plan.toml:3: kpis.a.guardrail: the guardrail's min is above its max",
        ),
        ('objective = "grow"\n', "plan.toml:1: objective: expected a table, found 'grow'"),
        ('kpis = "x"\n', "plan.toml:1: kpis: expected a list of tables, written [[kpis]]"),
        (
            '[[ignore]]\ncheck = "kpi.owner"\nreason = ""\n',
            "plan.toml:3: ignore[0].reason: this must not be empty",
        ),
        (
            '[[checkins]]\nkpi = "a"\ndate = 2026-01-02\nvalue = 1\nconfidence = 11\n',
            "plan.toml:5: checkins[0].confidence: 11 is too large; at most 10 is allowed here",
        ),
        (
            "schema = 2\n",
            "plan.toml:1: schema: this file uses plan schema 2, written by a newer okr-planner;"
            " upgrade to open it",
        ),
        (
            '[[kpis]]\nid = "a"\nguardrail.min = 1\nguardrail.mid = 2\n',
            "plan.toml:4: kpis.a.guardrail.mid: unknown key 'mid'; did you mean 'min'?",
        ),
        (
            '[[kpis]]\nid = "a"\n\n[inputs.orders]\nunit = "count"\nrange.max = 5\n',
            "plan.toml:6: inputs.orders.range: unknown key 'range'",
        ),
        (
            '[inputs.orders]\nunit = "count"\n\n[[inputs.visits]]\nunit = "count"\n',
            "plan.toml:4: inputs.visits: expected a table, found [...]",
        ),
        (
            '[inputs."1x"]\nsource = "x"\n',
            "plan.toml:1: inputs.1x: use letters, digits and _ only, not starting with a digit",
        ),
    ],
)
def test_each_mistake_has_a_message_naming_line_and_field(text, expected):
    assert str(error_for(text)) == expected


def test_several_problems_report_the_first_in_the_file_and_count_the_rest():
    error = error_for('[[kpis]]\nid = "a"\ncadence = "hourly"\n[objective]\nstatement = 3\n')
    assert str(error) == (
        "plan.toml:3: kpis.a.cadence: 'hourly' is not allowed here; use one of:"
        " daily, weekly, biweekly, monthly, quarterly (+1 more)"
    )
    assert error.line == 3 and error.field == "kpis.a.cadence"


def test_messages_follow_the_language():
    set_language("zh-TW")
    assert str(error_for('[[kpis]]\nid = "a"\ndirection = "up"\n')) == (
        "plan.toml:3: kpis.a.direction: 這裡不能填 'up';可用的值:increase, decrease"
    )


def test_control_characters_in_bad_values_are_shown_escaped():
    error = error_for('[[kpis]]\nid = "a"\nunit = "\\u001b[31mred"\n')
    assert "\x1b" not in str(error)
    assert "\\x1b[31mred" in str(error)


def test_assignment_is_validated_so_the_app_cannot_store_nonsense():
    kpi = Kpi(id="cac")
    with pytest.raises(ValueError):
        kpi.cadence = "hourly"  # type: ignore[assignment]
    with pytest.raises(ValueError):
        kpi.target = float("nan")
