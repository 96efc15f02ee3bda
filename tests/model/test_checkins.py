"""Building check-ins from typed text, and appending them to a plan file safely."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from model.checkins import (
    CheckinError,
    add_checkin,
    append_checkin_text,
    build_checkin,
    checkin_table_text,
    checkin_warnings,
    checkins_appended_since,
    parse_confidence,
    parse_date,
    progress_with,
    record_checkin,
    split_input,
    value_warnings,
)
from model.fingerprint import fingerprint_of
from model.i18n import set_language
from model.plan import CheckIn, Plan
from model.progress_report import recorded_lines
from model.store import MAX_PLAN_BYTES, PlanError, dumps_plan, load_plan, parse_plan
from tests.conftest import PLANS

D = dt.date
FEB = D(2026, 2, 1)


@pytest.fixture
def saas() -> Plan:
    return load_plan(PLANS / "saas-growth.toml")


# --- typed text -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kpi", "typed", "value"),
    [
        ("trial_to_paid", "10.5%", 0.105),
        ("trial_to_paid", "10.5", 0.105),  # a percent field takes percentage points
        ("cac", "$1,200", 1200),
        ("cac", "690.50", 690.5),
        ("ltv_to_cac", "3.1x", 3.1),
    ],
)
def test_a_value_is_read_in_the_kpis_unit(saas, kpi, typed, value):
    checkin = build_checkin(saas, kpi, day=FEB, value=typed)
    assert checkin == CheckIn(kpi=kpi, date=FEB, value=value)


def test_inputs_are_read_in_their_own_units_and_the_value_computed(saas):
    checkin = build_checkin(
        saas,
        "cac",
        day=FEB,
        inputs={"new_customers": "70", "marketing_spend": "$51,800"},
        confidence=6,
        note="  two ad sets over budget ",
    )
    assert checkin.value == 740
    assert list(checkin.inputs.items()) == [("marketing_spend", 51800), ("new_customers", 70)]
    assert (checkin.confidence, checkin.note) == (6, "two ad sets over budget")


def test_a_nested_formula_is_computed_from_percent_and_currency_inputs(saas):
    typed = {
        "arpa": "$50",
        "gross_margin": "80%",
        "monthly_churn": "2%",
        "marketing_spend": "$40,000",
        "new_customers": "50",
    }
    checkin = build_checkin(saas, "ltv_to_cac", day=FEB, inputs=typed)
    assert checkin.value == pytest.approx((50 * 0.8 / 0.02) / (40000 / 50))


@pytest.mark.parametrize(
    ("kpi", "value", "inputs", "message"),
    [
        (
            "nope",
            "1",
            None,
            "there is no KPI 'nope'; this plan's KPIs are: trial_activation, week1_retention,"
            " trial_to_paid, cac, ltv_to_cac",
        ),
        ("cac", "12 apples", None, "the value for cac was not understood: "),
        ("cac", None, {"marketing_spend": "5"}, "the formula of cac also needs new_customers"),
        (
            "cac",
            None,
            {"marketing_spend": "5", "new_customers": "1", "spend": "2"},
            "the formula of cac (marketing_spend / new_customers) does not use 'spend';"
            " it uses marketing_spend and new_customers",
        ),
        (
            "cac",
            None,
            {"marketing_spend": "5", "new_customers": "0"},
            "the value of cac cannot be computed: cannot divide by zero",
        ),
        (
            "cac",
            None,
            {"marketing_spend": "lots", "new_customers": "3"},
            "the input 'marketing_spend' was not understood",
        ),
        (
            "cac",
            "2,000,000,000,000,000",
            None,
            "the value for cac was not understood: values can be at most 1,000,000,000,000,000",
        ),
        ("cac", "1", {"new_customers": "1"}, "give either the value or the formula's inputs"),
        ("cac", None, None, "give either the value or the formula's inputs"),
    ],
)
def test_what_cannot_be_a_checkin_is_one_clear_sentence(saas, kpi, value, inputs, message):
    with pytest.raises(CheckinError) as caught:
        build_checkin(saas, kpi, day=FEB, value=value, inputs=inputs)
    assert caught.value.message.startswith(message)
    assert "\n" not in caught.value.message


def test_inputs_for_a_kpi_without_a_usable_formula(saas):
    saas.kpis[0].formula = ""
    with pytest.raises(CheckinError, match="has no formula"):
        build_checkin(saas, "trial_activation", day=FEB, inputs={"x": "1"})
    saas.kpis[0].formula = "a / (b"
    with pytest.raises(CheckinError, match="the formula of trial_activation cannot be used"):
        build_checkin(saas, "trial_activation", day=FEB, inputs={"a": "1", "b": "2"})


def test_a_plan_without_kpis_says_so():
    with pytest.raises(CheckinError, match="this plan has no KPIs yet"):
        build_checkin(Plan(), "cac", day=FEB, value="1")


def test_errors_in_chinese(saas):
    set_language("zh-TW")
    with pytest.raises(CheckinError) as caught:
        build_checkin(saas, "nope", day=FEB, value="1")
    assert caught.value.message == (
        "找不到 KPI「nope」;這份計畫的 KPI 有:"
        "trial_activation、week1_retention、trial_to_paid、cac、ltv_to_cac"
    )


@pytest.mark.parametrize("text", ["2026-2-1", "20260201", "2026-02-30", "tomorrow", ""])
def test_dates_must_be_written_as_iso(text):
    with pytest.raises(CheckinError, match="YYYY-MM-DD"):
        parse_date(text)
    assert parse_date(" 2026-02-01 ") == FEB


@pytest.mark.parametrize("text", ["11", "-1", "7.5", "high", "٣"])
def test_confidence_is_a_whole_number_from_0_to_10(text):
    with pytest.raises(CheckinError, match="from 0 to 10"):
        parse_confidence(text)
    assert [parse_confidence(t) for t in ("0", "10", " 7 ")] == [0, 10, 7]


def test_input_pairs():
    assert split_input("marketing_spend = $1,200") == ("marketing_spend", " $1,200")
    assert split_input("a=b=c") == ("a", "b=c")
    for bad in ("orders", "=5"):
        with pytest.raises(CheckinError, match="NAME=VALUE"):
            split_input(bad)


def test_a_value_below_zero_is_warned_about_by_the_rule_of_the_method_check(saas):
    def warned(kpi: str, value: float, *, ahead: bool = False) -> list[str]:
        return value_warnings(saas, CheckIn(kpi=kpi, date=FEB, value=value), ahead=ahead)

    assert warned("week1_retention", -0.05) == [
        "week1_retention: -5% is below zero, but a rate or a share is never negative"
        " (only a change, such as growth, can be); recorded anyway"
    ]
    assert warned("cac", -5, ahead=True)[0].endswith("; it can still be recorded")
    assert warned("week1_retention", 0.05) == [] and warned("week1_retention", 0) == []
    saas.kpi("week1_retention").name = "Week-1 retention change"  # a change may be negative
    assert warned("week1_retention", -0.05) == []
    assert warned("no_such_kpi", -1) == []


def test_warnings_for_dates_outside_the_period_or_in_the_future(saas):
    inside = CheckIn(kpi="cac", date=FEB, value=1)
    after = CheckIn(kpi="cac", date=D(2026, 4, 2), value=1)
    assert checkin_warnings(saas.objective, inside, FEB) == []
    assert checkin_warnings(saas.objective, after, D(2026, 4, 5)) == [
        "2026-04-02 is outside the plan's period (2026-01-01 to 2026-03-31); recorded anyway"
    ]
    assert checkin_warnings(saas.objective, inside, D(2026, 1, 20)) == [
        "2026-02-01 is in the future; recorded anyway, it counts from that day on"
    ]


def test_add_checkin_appends_in_memory(saas):
    before = len(saas.checkins)
    add_checkin(saas, CheckIn(kpi="cac", date=FEB, value=700))
    assert len(saas.checkins) == before + 1 and saas.checkins[-1].value == 700


# --- appending text ---------------------------------------------------------------------

CHECKIN = CheckIn(kpi="cac", date=FEB, value=690.5, confidence=7, note='said "ok"')
TABLE = (
    "[[checkins]]\n"
    'kpi = "cac"\ndate = 2026-02-01\nvalue = 690.5\nconfidence = 7\nnote = "said \\"ok\\""\n'
)

HAND_WRITTEN = """\
# Our Q1 plan -- edited by hand, not in the canonical layout
title   =   'Hand written'   # a comment after a value
schema = 1

[[kpis]]
cadence = "monthly"   # keys out of order
id = "cac"
target = 600
baseline = 780

[[checkins]]
value = 700
kpi = "cac"
date = 2026-01-15

# trailing comment, and no newline at the end"""


def test_the_table_is_what_the_canonical_writer_emits():
    assert checkin_table_text(CHECKIN) == TABLE
    assert dumps_plan(Plan(checkins=[CHECKIN])).endswith("\n" + TABLE)


@pytest.mark.parametrize(
    ("text", "joined"),
    [
        ('title = "x"\n', 'title = "x"\n\n' + TABLE),
        ('title = "x"', 'title = "x"\n\n' + TABLE),  # no newline at the end
        ('title = "x"\n\n', 'title = "x"\n\n' + TABLE),  # already ends with a blank line
        ("", TABLE),
        ('title = "x"\r\n', 'title = "x"\r\n\r\n' + TABLE.replace("\n", "\r\n")),
    ],
)
def test_append_separates_the_table_with_one_blank_line(text, joined):
    assert append_checkin_text(text, CHECKIN) == joined
    assert parse_plan(joined, "p.toml").checkins == [CHECKIN]


def test_appending_to_a_hand_written_file_keeps_every_byte_of_it():
    appended = append_checkin_text(HAND_WRITTEN, CHECKIN)
    assert appended.startswith(HAND_WRITTEN)
    plan = parse_plan(appended, "p.toml")
    assert [c.value for c in plan.checkins] == [700, 690.5]
    assert plan.title == "Hand written"


@pytest.mark.parametrize("path", sorted(PLANS.glob("*.toml")), ids=lambda p: p.name)
def test_appending_to_a_canonical_plan_stays_canonical(path: Path):
    text = path.read_text("utf-8")
    plan = load_plan(path)
    checkin = CheckIn(kpi=plan.kpis[0].id, date=FEB, value=0.25, inputs={"訂單": 3})
    appended = append_checkin_text(text, checkin)
    assert dumps_plan(parse_plan(appended, path)) == appended


@given(
    st.floats(min_value=-1e15, max_value=1e15, allow_nan=False),
    st.text(max_size=40),
    st.none() | st.integers(0, 10),
    st.dictionaries(st.text(min_size=1, max_size=8), st.floats(-1e6, 1e6), max_size=3),
)
def test_any_checkin_appends_and_reads_back_exactly(value, note, confidence, inputs):
    checkin = CheckIn(
        kpi="cac", date=FEB, value=value, note=note, confidence=confidence, inputs=inputs
    )
    text = append_checkin_text(HAND_WRITTEN, checkin)
    assert text.startswith(HAND_WRITTEN)
    assert parse_plan(text, "p.toml").checkins[-1] == checkin


# --- recording in a file ----------------------------------------------------------------


def test_record_appends_and_returns_the_updated_plan(tmp_path: Path):
    path = tmp_path / "plan.toml"
    path.write_bytes(HAND_WRITTEN.encode("utf-8"))
    os.chmod(path, 0o640)
    plan = record_checkin(path, CHECKIN, original=HAND_WRITTEN)
    data = path.read_bytes()
    assert data.startswith(HAND_WRITTEN.encode("utf-8"))
    assert data.endswith(TABLE.encode("utf-8"))
    assert plan.checkins[-1] == CHECKIN
    assert load_plan(path) == plan
    assert path.stat().st_mode & 0o777 == 0o640


def test_check_ins_appended_since_a_fingerprint_and_nothing_else(tmp_path: Path):
    path = tmp_path / "plan.toml"
    path.write_text(HAND_WRITTEN.rstrip("\n"), "utf-8")  # no final newline: one is supplied
    base = fingerprint_of(path)
    assert checkins_appended_since(path, base) is None  # nothing added yet
    later = CHECKIN.model_copy(update={"value": CHECKIN.value + 1})
    record_checkin(path, CHECKIN)
    record_checkin(path, later)
    added, now = checkins_appended_since(path, base)
    assert added == [CHECKIN, later] and now == fingerprint_of(path)
    # anything but check-ins appended, or the file rewritten: not a case for keeping both
    path.write_text(path.read_text("utf-8") + '\n[[items]]\ntext = "Hand-written"\n', "utf-8")
    assert checkins_appended_since(path, base) is None
    path.write_text("# rewritten\n" + HAND_WRITTEN + TABLE, "utf-8")
    assert checkins_appended_since(path, base) is None


def test_record_refuses_an_unknown_kpi_a_changed_file_and_a_broken_file(tmp_path: Path):
    path = tmp_path / "plan.toml"
    path.write_text(HAND_WRITTEN, "utf-8")
    with pytest.raises(CheckinError, match="there is no KPI 'other'"):
        record_checkin(path, CheckIn(kpi="other", date=FEB, value=1))
    with pytest.raises(PlanError, match="the file changed"):
        record_checkin(path, CHECKIN, original=HAND_WRITTEN + "\n")
    path.write_text('title = "x\n', "utf-8")
    with pytest.raises(PlanError, match="TOML syntax error"):
        record_checkin(path, CHECKIN)
    assert path.read_text("utf-8") == 'title = "x\n'


def test_an_inline_array_of_checkins_cannot_be_appended_to(tmp_path: Path):
    path = tmp_path / "plan.toml"
    text = 'checkins = [{ kpi = "cac", date = 2026-01-01, value = 1 }]\n\n[[kpis]]\nid = "cac"\n'
    path.write_text(text, "utf-8")
    with pytest.raises(PlanError) as caught:
        record_checkin(path, CHECKIN)
    assert "cannot be appended" in str(caught.value)
    assert path.read_text("utf-8") == text


def test_a_file_too_big_after_the_append_is_not_written(tmp_path: Path):
    path = tmp_path / "plan.toml"
    padding = "#" * (MAX_PLAN_BYTES - 60) + "\n"
    path.write_text(padding + '[[kpis]]\nid = "cac"\n', "utf-8")
    before = path.read_bytes()
    with pytest.raises(PlanError, match="larger than the 5 MB"):
        record_checkin(path, CHECKIN)
    assert path.read_bytes() == before


def test_a_crash_while_writing_leaves_the_file_as_it_was(tmp_path: Path, monkeypatch):
    path = tmp_path / "plan.toml"
    path.write_text(HAND_WRITTEN, "utf-8")

    def crash(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(PlanError, match="No space left"):
        record_checkin(path, CHECKIN)
    assert path.read_text("utf-8") == HAND_WRITTEN
    assert [p.name for p in tmp_path.iterdir()] == ["plan.toml"]


def test_progress_with_previews_a_checkin_without_recording_it(saas):
    before = list(saas.checkins)
    checkin = build_checkin(saas, "cac", day=dt.date(2026, 2, 20), value="$680")
    entry = progress_with(saas, checkin)
    assert entry.value == 680
    assert not entry.guardrail_crossed  # back under the $700 ceiling
    assert saas.checkins == before
    lines = recorded_lines(saas, checkin, entry)
    assert lines[0].startswith("Recorded cac = $680 on 2026-02-20")
    assert len(lines) == 1
    crossing = build_checkin(saas, "cac", day=dt.date(2026, 2, 20), value="$760")
    lines = recorded_lines(saas, crossing, progress_with(saas, crossing))
    assert "Action: Pause the two worst ad sets" in lines[1]


def test_warnings_about_a_checkin_not_recorded_yet_say_it_can_still_be(saas):
    late = CheckIn(kpi="cac", date=dt.date(2026, 4, 3), value=700)
    today = dt.date(2026, 4, 1)
    assert checkin_warnings(saas.objective, late, today, ahead=True) == [
        "2026-04-03 is in the future; it can still be recorded, and counts from that day on",
        "2026-04-03 is outside the plan's period (2026-01-01 to 2026-03-31);"
        " it can still be recorded",
    ]
    assert checkin_warnings(saas.objective, late, today)[0].endswith("counts from that day on")


def test_progress_with_a_back_dated_checkin_is_that_values_on_its_date(saas):
    """cac has $740 on 2026-01-31; $650 on 2026-01-15 is judged as the latest value of
    its own day, not replaced by the later one."""
    checkin = build_checkin(saas, "cac", day=dt.date(2026, 1, 15), value="$650")
    entry = progress_with(saas, checkin)
    assert entry.latest == checkin
    assert (round(entry.raw_progress, 3), round(entry.expected, 3)) == (0.722, 0.167)
    assert (entry.status, entry.guardrail) == ("on_track", "ok")
    same_day = build_checkin(saas, "cac", day=dt.date(2026, 1, 31), value="$650")
    assert progress_with(saas, same_day).latest == same_day  # after the $740 of that day
