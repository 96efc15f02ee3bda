"""Edit operations: typed numbers and dates, KPI ids, lists kept valid and linked."""

from __future__ import annotations

import datetime as dt

import pytest

from model.edit import (
    EditError,
    add_item,
    add_kpi,
    apply_auto_kind,
    cycle_item_kind,
    format_date,
    format_number,
    kpi_id_for,
    link_item,
    move_item,
    move_kpi,
    parse_date,
    parse_number,
    remove_item,
    remove_kpi,
    rename_kpi,
    set_guardrail,
    set_item_kind,
    set_item_text,
    set_kpi_number,
    set_period,
)
from model.i18n import set_language
from model.plan import CheckIn, Item, Kpi, Objective, Plan
from model.store import dumps_plan, parse_plan


@pytest.mark.parametrize(
    ("text", "unit", "expected"),
    [
        ("", None, None),
        ("   ", "percent", None),
        ("1,200", None, 1200.0),
        ("1,200,000.5", "count", 1200000.5),
        ("1 200", None, 1200.0),
        ("1_200", None, 1200.0),
        ("12%", None, 0.12),
        ("12%", "percent", 0.12),
        ("12", "percent", 0.12),
        ("0.5%", "percent", 0.005),
        ("3.2x", "ratio", 3.2),
        ("$780", "currency", 780.0),
        ("NT$1,200", "currency", 1200.0),
        ("-5", None, -5.0),
        ("−5", None, -5.0),
        ("１２０", None, 120.0),
        ("1.5k", None, 1500.0),
        ("2M", None, 2_000_000.0),
        ("3萬", "count", 30000.0),
        (".5", None, 0.5),
        ("1e3", None, 1000.0),
    ],
)
def test_parse_number_reads_what_people_type(text, unit, expected):
    value = parse_number(text, unit)
    assert value == pytest.approx(expected) if expected is not None else value is None


@pytest.mark.parametrize("text", ["abc", "12 apples", "1,5", "1,2345", "%", "k", "nan", "inf"])
def test_parse_number_refuses_what_is_not_a_number(text):
    with pytest.raises(EditError) as caught:
        parse_number(text)
    assert text.strip() in str(caught.value)


def test_parse_number_refuses_numbers_too_big_for_a_plan():
    with pytest.raises(EditError, match="too large"):
        parse_number("1e20")


def test_parse_number_errors_are_translated():
    set_language("zh-TW")
    with pytest.raises(EditError, match="不是數字"):
        parse_number("abc")


@pytest.mark.parametrize(
    ("value", "unit", "shown"),
    [
        (None, None, ""),
        (0.12, "percent", "12%"),
        (0.145, "percent", "14.5%"),
        (0.07, "percent", "7%"),
        (40000.0, "count", "40,000"),
        (780.0, "currency", "780"),
        (2.5, "ratio", "2.5"),
        (-0.0, None, "0"),
        (1234.5678, None, "1,234.5678"),
    ],
)
def test_format_number_shows_what_parse_number_reads_back(value, unit, shown):
    assert format_number(value, unit) == shown
    if value is not None:
        assert parse_number(shown, unit) == pytest.approx(value)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-03-31", dt.date(2026, 3, 31)),
        ("2026/3/1", dt.date(2026, 3, 1)),
        ("2026.03.01", dt.date(2026, 3, 1)),
        ("2026年3月31日", dt.date(2026, 3, 31)),
        ("２０２６－０３－３１", dt.date(2026, 3, 31)),
        ("", None),
    ],
)
def test_parse_date_accepts_common_spellings(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize("text", ["tomorrow", "2026-02-30", "31/03/2026", "2026-13-01"])
def test_parse_date_refuses_what_is_not_a_date(text):
    with pytest.raises(EditError, match="YYYY-MM-DD"):
        parse_date(text)


def test_format_date():
    assert format_date(dt.date(2026, 1, 2)) == "2026-01-02"
    assert format_date(None) == ""


def test_set_period_stores_both_dates_when_they_are_in_order():
    objective = Objective(start=dt.date(2026, 1, 1), end=dt.date(2026, 3, 31))
    # moving the start after the old end is fine when the new end follows it
    assert set_period(objective, "2026-05-01", "2026-06-30") == {}
    assert (objective.start, objective.end) == (dt.date(2026, 5, 1), dt.date(2026, 6, 30))


def test_set_period_refuses_a_reversed_period_and_keeps_the_old_one():
    objective = Objective(start=dt.date(2026, 1, 1), end=dt.date(2026, 3, 31))
    problems = set_period(objective, "2026-05-01", "2026-03-31")
    assert list(problems) == ["end"]
    assert "ends before it starts" in problems["end"]
    assert objective.start == dt.date(2026, 1, 1)


def test_set_period_reports_each_unreadable_date():
    objective = Objective()
    problems = set_period(objective, "soon", "later")
    assert set(problems) == {"start", "end"}
    assert objective.start is None


def test_set_period_clears_dates():
    objective = Objective(start=dt.date(2026, 1, 1))
    assert set_period(objective, "", "") == {}
    assert objective.start is None


@pytest.mark.parametrize(
    ("name", "taken", "expected"),
    [
        ("Trial to paid rate", set(), "trial_to_paid_rate"),
        ("CAC", {"cac"}, "cac_2"),
        ("CAC", {"cac", "cac_2"}, "cac_3"),
        ("Café visits", set(), "cafe_visits"),
        ("MQL 轉換率", set(), "mql"),
        ("自然搜尋流量", set(), "kpi_1"),
        ("訪客到訂閱率", {"kpi_1"}, "kpi_2"),
        ("", set(), "kpi_1"),
        ("7-day retention", set(), "kpi_7_day_retention"),
        ("a" * 50, set(), "a" * 32),
        (
            "Revenue per visitor from organic search and paid ads",
            set(),
            "revenue_per_visitor_from_organic",
        ),
    ],
)
def test_kpi_id_for_makes_readable_unique_ids(name, taken, expected):
    kpi_id = kpi_id_for(name, taken)
    assert kpi_id == expected
    Kpi(id=kpi_id)  # always a valid identifier


def _plan_with_kpis(*ids: str) -> Plan:
    return Plan(kpis=[Kpi(id=kpi_id, name=kpi_id.upper()) for kpi_id in ids])


def test_add_kpi_derives_the_id_and_inserts_where_asked():
    plan = _plan_with_kpis("a", "c")
    kpi = add_kpi(plan, "B rate", at=1, unit="percent")
    assert [k.id for k in plan.kpis] == ["a", "b_rate", "c"]
    assert kpi.unit == "percent"
    assert add_kpi(plan, "自然搜尋流量").id == "kpi_1"


def test_add_kpi_refuses_bad_fields_and_taken_ids():
    plan = _plan_with_kpis("a")
    with pytest.raises(EditError):
        add_kpi(plan, "x", unit="furlongs")
    with pytest.raises(EditError, match="'a'"):
        add_kpi(plan, "x", id="a")
    assert [k.id for k in plan.kpis] == ["a"]


def test_remove_kpi_unlinks_its_items():
    plan = _plan_with_kpis("a", "b")
    plan.items = [Item(text="x", kpi="a"), Item(text="y", kpi="b")]
    removed = remove_kpi(plan, 0)
    assert removed.id == "a"
    assert [k.id for k in plan.kpis] == ["b"]
    assert [item.kpi for item in plan.items] == [None, "b"]


def test_move_kpi_clamps_at_the_ends():
    plan = _plan_with_kpis("a", "b", "c")
    assert move_kpi(plan, 0, 1) == 1
    assert [k.id for k in plan.kpis] == ["b", "a", "c"]
    assert move_kpi(plan, 2, 1) == 2
    assert move_kpi(plan, 0, -1) == 0
    assert [k.id for k in plan.kpis] == ["b", "a", "c"]


def test_rename_kpi_relinks_items_and_checkins():
    plan = _plan_with_kpis("a", "b")
    plan.items = [Item(text="x", kpi="a")]
    plan.checkins = [CheckIn(kpi="a", date=dt.date(2026, 1, 5), value=1.0)]
    assert rename_kpi(plan, 0, "a") is False
    assert rename_kpi(plan, 0, " signups ") is True
    assert plan.kpis[0].id == "signups"
    assert plan.items[0].kpi == "signups"
    assert plan.checkins[0].kpi == "signups"


@pytest.mark.parametrize(
    ("new_id", "match"), [("b", "already"), ("2x", "letters"), ("", "letters")]
)
def test_rename_kpi_refuses_taken_and_malformed_ids(new_id, match):
    plan = _plan_with_kpis("a", "b")
    with pytest.raises(EditError, match=match):
        rename_kpi(plan, 0, new_id)
    assert plan.kpis[0].id == "a"


def test_rename_kpi_accepts_chinese_identifiers():
    plan = _plan_with_kpis("kpi_1")
    rename_kpi(plan, 0, "流量")
    assert plan.kpis[0].id == "流量"


def test_set_kpi_number_reads_in_the_kpis_unit_and_reports_change():
    kpi = Kpi(id="rate", unit="percent", baseline=0.09)
    assert set_kpi_number(kpi, "target", "12") is True
    assert kpi.target == pytest.approx(0.12)
    assert set_kpi_number(kpi, "baseline", "9%") is False
    assert set_kpi_number(kpi, "baseline", "") is True
    assert kpi.baseline is None
    with pytest.raises(EditError):
        set_kpi_number(kpi, "target", "twelve")
    assert kpi.target == pytest.approx(0.12)


def test_set_guardrail_stores_removes_and_refuses_reversed_bounds():
    kpi = Kpi(id="cac", unit="currency")
    assert set_guardrail(kpi, "", "700") == {}
    assert kpi.guardrail is not None and kpi.guardrail.max == 700
    assert set_guardrail(kpi, "800", "700") == {"max": "the guardrail's min is above its max"}
    assert kpi.guardrail.min is None
    assert set_guardrail(kpi, "x", "") == {"min": parse_error("x")}
    assert kpi.guardrail is None  # the ceiling was emptied; the floor had none to keep
    assert set_guardrail(kpi, "", "") == {}
    assert kpi.guardrail is None


def test_a_guardrail_bound_that_reads_is_stored_beside_one_that_does_not():
    kpi = Kpi(id="cac", unit="currency", guardrail={"min": 100, "max": 700})
    assert set_guardrail(kpi, "lots", "650") == {"min": parse_error("lots")}
    assert (kpi.guardrail.min, kpi.guardrail.max) == (100, 650)  # the floor kept
    assert set_guardrail(kpi, "200", "?") == {"max": parse_error("?")}
    assert (kpi.guardrail.min, kpi.guardrail.max) == (200, 650)  # the ceiling kept
    # a floor above the kept ceiling is refused, on the floor, the one that reads
    assert set_guardrail(kpi, "900", "?") == {
        "max": parse_error("?"),
        "min": "the guardrail's min is above its max",
    }
    assert (kpi.guardrail.min, kpi.guardrail.max) == (200, 650)


def parse_error(text: str) -> str:
    try:
        parse_number(text)
    except EditError as error:
        return str(error)
    raise AssertionError(text)


def test_items_add_move_remove_and_edit():
    plan = Plan()
    assert add_item(plan, "first") == 0
    assert add_item(plan, "third") == 1
    assert add_item(plan, "second", at=1) == 1
    assert [i.text for i in plan.items] == ["first", "second", "third"]
    assert move_item(plan, 2, -2) == 0
    assert [i.text for i in plan.items] == ["third", "first", "second"]
    assert set_item_text(plan, 0, "3rd") is True
    assert set_item_text(plan, 0, "3rd") is False
    assert remove_item(plan, 0).text == "3rd"
    assert [i.text for i in plan.items] == ["first", "second"]


def test_a_users_kind_is_never_replaced_by_the_classifier():
    plan = Plan(items=[Item(text="Write a blog post")])
    assert apply_auto_kind(plan.items[0], "initiative") is True
    assert plan.items[0].kind_set_by == "auto"
    set_item_kind(plan, 0, "key_result")
    assert (plan.items[0].kind, plan.items[0].kind_set_by) == ("key_result", "user")
    assert apply_auto_kind(plan.items[0], "initiative") is False
    assert plan.items[0].kind == "key_result"


def test_cycle_item_kind_goes_round_the_kinds_the_classifiers_one_automatic():
    plan = Plan(items=[Item(text="Publish 10 blog posts a month", kind="initiative")])
    assert [cycle_item_kind(plan, 0) for _ in range(3)] == ["objective", "key_result", "initiative"]
    assert plan.items[0].kind_set_by == "auto", "the third press: the classifier's again"
    assert cycle_item_kind(plan, 0) == "objective" and plan.items[0].kind_set_by == "user"


def test_cycle_item_kind_moves_a_chosen_kind_that_agrees_with_the_reading_on():
    # It turned automatic instead, the kind shown unchanged: the key seemed to do nothing.
    plan = Plan(items=[Item(text="Publish 10 blog posts a month", kind="initiative")])
    set_item_kind(plan, 0, "initiative")
    assert cycle_item_kind(plan, 0) == "objective"
    assert plan.items[0].kind_set_by == "user"


@pytest.mark.parametrize(
    "text", ["Publish 10 blog posts a month", "Raise NPS from 30 to 45 by June", "Become #1", ""]
)
@pytest.mark.parametrize("kind", ["key_result", "initiative", "objective"])
@pytest.mark.parametrize("set_by", ["auto", "user"])
def test_every_press_of_k_shows_another_kind(text, kind, set_by):
    from model.classify import classify

    plan = Plan(items=[Item(text=text, kind=kind, kind_set_by=set_by)])
    for _ in range(4):
        before = plan.items[0].kind
        after = cycle_item_kind(plan, 0)
        assert after != before and plan.items[0].kind == after
        automatic = after == classify(text).kind
        assert plan.items[0].kind_set_by == ("auto" if automatic else "user")


def test_link_item_to_existing_kpis_only():
    plan = _plan_with_kpis("a")
    plan.items = [Item(text="x")]
    assert link_item(plan, 0, "a") is True
    assert link_item(plan, 0, "a") is False
    with pytest.raises(EditError, match="'zz'"):
        link_item(plan, 0, "zz")
    assert link_item(plan, 0, None) is True
    assert plan.items[0].kpi is None


def test_an_edited_plan_still_saves_and_loads():
    plan = Plan()
    add_kpi(plan, "Conversion", unit="percent")
    set_kpi_number(plan.kpis[0], "baseline", "1.1%")
    set_guardrail(plan.kpis[0], "0.9%", "")
    add_item(plan, "Raise conversion to 1.6%")
    link_item(plan, 0, "conversion")
    set_period(plan.objective, "2026-01-01", "2026-03-31")
    assert parse_plan(dumps_plan(plan), "x.toml") == plan


def test_set_input_declares_an_input_then_edits_its_fields():
    from model.edit import EditError, set_input
    from model.plan import Input

    plan = Plan(inputs={"orders": Input(source="Shopify")})
    assert set_input(plan, "visitors", "source", "GA4")  # declared, then set
    assert plan.inputs["visitors"] == Input(source="GA4")
    assert set_input(plan, "visitors", "unit", "count")
    assert not set_input(plan, "visitors", "unit", "count")  # unchanged
    assert set_input(plan, "visitors", "unit", None)
    assert plan.inputs["orders"] == Input(source="Shopify")  # others untouched
    with pytest.raises(EditError):
        set_input(plan, "visitors", "unit", "apples")
    assert plan.inputs["visitors"].unit is None
    with pytest.raises(ValueError):
        set_input(plan, "visitors", "formula", "x")
    dumps_plan(plan)  # still a valid plan
