"""Progress, expected progress, status, guardrails, scores and the objective's status."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from model.i18n import LANGUAGES, set_language
from model.plan import CheckIn, Guardrail, Item, Kpi, Objective, Plan
from model.progress import (
    STATUSES,
    expected_progress,
    guardrail_state,
    judge,
    kpi_progress,
    period_ended,
    plan_progress,
    progress_toward,
    score,
)
from model.progress_report import (
    cadence_label,
    due_text,
    format_score,
    format_share,
    guardrail_text,
    latest_value_text,
    status_label,
)
from model.store import load_plan
from tests.conftest import PLANS

D = dt.date
Q1 = Objective(start=D(2026, 1, 1), end=D(2026, 3, 31))  # 90 days


def kpi(**fields) -> Kpi:
    defaults = {"id": "k", "baseline": 100.0, "target": 200.0, "cadence": "weekly"}
    return Kpi(**{**defaults, **fields})


def plan_with(kpis: list[Kpi], checkins: list[CheckIn], objective: Objective = Q1, items=()):
    return Plan(objective=objective, kpis=kpis, checkins=checkins, items=list(items))


def checkin(value: float, day: dt.date, kpi_id: str = "k") -> CheckIn:
    return CheckIn(kpi=kpi_id, date=day, value=value)


# --- progress ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("baseline", "target", "value", "direction", "expected"),
    [
        (100, 200, 150, "increase", 0.5),
        (100, 200, 250, "increase", 1.5),
        (100, 200, 80, "increase", -0.2),
        (780, 600, 690, "decrease", 0.5),  # CAC from 780 down to 600
        (780, 600, 550, "decrease", 230 / 180),
        (780, 600, 800, "decrease", -20 / 180),
        (0.09, 0.12, 0.105, "increase", 0.5),
        (5, 5, 5, "increase", 1.0),  # hold the line: at the target
        (5, 5, 6, "increase", 1.0),
        (5, 5, 4, "increase", 0.0),
        (5, 5, 4, "decrease", 1.0),
        (5, 5, 6, "decrease", 0.0),
    ],
)
def test_progress_from_baseline_to_target(baseline, target, value, direction, expected):
    assert progress_toward(baseline, target, value, direction) == pytest.approx(expected)


def test_progress_needs_a_baseline_and_a_target():
    assert progress_toward(None, 10, 5, "increase") is None
    assert progress_toward(10, None, 5, "increase") is None


def test_progress_is_capped_and_the_raw_value_kept():
    plan = plan_with([kpi()], [checkin(260, D(2026, 2, 1))])
    entry = plan_progress(plan, D(2026, 2, 1)).kpis[0]
    assert entry.progress == 1.0
    assert entry.raw_progress == pytest.approx(1.6)
    plan = plan_with([kpi()], [checkin(50, D(2026, 2, 1))])
    entry = plan_progress(plan, D(2026, 2, 1)).kpis[0]
    assert (entry.progress, entry.raw_progress) == (0.0, pytest.approx(-0.5))


finite = st.floats(min_value=-1e15, max_value=1e15, allow_nan=False)


@given(finite, finite, finite, st.sampled_from(["increase", "decrease"]))
def test_capped_progress_is_always_between_0_and_1(baseline, target, value, direction):
    entry = kpi_progress(
        plan_with([kpi(baseline=baseline, target=target, direction=direction)], []),
        kpi(baseline=baseline, target=target, direction=direction),
        D(2026, 2, 1),
        [checkin(value, D(2026, 2, 1))],
    )
    assert 0.0 <= entry.progress <= 1.0
    assert 0.0 <= entry.score <= 1.0
    assert entry.status in ("on_track", "at_risk", "off_track")


@given(finite, finite, finite)
def test_a_decreasing_kpi_mirrors_an_increasing_one(baseline, target, value):
    up = progress_toward(baseline, target, value, "increase")
    down = progress_toward(-baseline, -target, -value, "decrease")
    assert up == pytest.approx(down)


# --- expected progress and status -------------------------------------------------------


def test_expected_progress_is_linear_over_the_period_both_ends_included():
    assert expected_progress(Q1, D(2025, 12, 31)) == 0.0
    assert expected_progress(Q1, D(2026, 1, 1)) == pytest.approx(1 / 90)
    assert expected_progress(Q1, D(2026, 2, 14)) == pytest.approx(45 / 90)
    assert expected_progress(Q1, D(2026, 3, 31)) == 1.0
    assert expected_progress(Q1, D(2026, 5, 1)) == 1.0
    assert expected_progress(Objective(start=D(2026, 1, 1)), D(2026, 2, 1)) is None


@pytest.mark.parametrize(
    ("progress", "expected", "status"),
    [
        # early in the period: a 10 / 25 point allowance
        (0.0, 0.1, "on_track"),
        (-0.05, 0.1, "at_risk"),
        (-0.15, 0.1, "at_risk"),
        (-0.16, 0.1, "off_track"),
        # half-way: 30% / 60% of the expected progress
        (0.35, 0.5, "on_track"),
        (0.34, 0.5, "at_risk"),
        (0.2, 0.5, "at_risk"),
        (0.19, 0.5, "off_track"),
        # at the close the rule is the score grading: green from 0.7, yellow from 0.4
        (0.7, 1.0, "on_track"),
        (0.69, 1.0, "at_risk"),
        (0.4, 1.0, "at_risk"),
        (0.39, 1.0, "off_track"),
        (1.4, 1.0, "on_track"),
    ],
)
def test_the_status_rule(progress, expected, status):
    assert judge(progress, expected) == status


def test_float_noise_does_not_flip_a_status_or_a_score():
    noisy = progress_toward(0.36, 0.45, 0.423, "increase")  # 70% of the way, in floats
    assert noisy < 0.7
    assert judge(noisy, 1.0) == "on_track"
    assert score(noisy) == 0.7


@pytest.mark.parametrize(
    ("progress", "expected_score"),
    [
        (0.0, 0.0),
        (0.69, 0.6),
        (0.7, 0.7),
        (0.75, 0.7),
        (0.99, 0.9),
        (1.0, 1.0),
        (1.7, 1.0),
        (-0.3, 0.0),
    ],
)
def test_scores_round_down_to_one_decimal(progress, expected_score):
    assert score(progress) == expected_score


@pytest.mark.parametrize("direction", ["increase", "decrease"])
def test_status_of_increasing_and_decreasing_kpis_on_the_same_path(direction):
    sign = 1 if direction == "increase" else -1
    metric = kpi(baseline=sign * 100, target=sign * 200, direction=direction)
    day = D(2026, 2, 14)  # half-way: expected 50%
    statuses = []
    for value in (160, 130, 100):
        plan = plan_with([metric], [checkin(sign * value, day)])
        statuses.append(plan_progress(plan, day).kpis[0].status)
    assert statuses == ["on_track", "at_risk", "off_track"]


def test_a_status_compares_with_what_was_expected_when_the_value_was_measured():
    plan = plan_with([kpi(cadence="monthly")], [checkin(130, D(2026, 1, 31))])  # 30% vs 34%
    later = plan_progress(plan, D(2026, 2, 25)).kpis[0]
    assert later.expected == pytest.approx(31 / 90)
    assert later.expected_today == pytest.approx(56 / 90)
    assert later.status == "on_track"


@pytest.mark.parametrize(
    ("metric", "checkins", "objective", "today", "status"),
    [
        (kpi(), [checkin(150, D(2026, 2, 1))], Q1, D(2025, 12, 1), "not_started"),
        (kpi(baseline=None), [checkin(150, D(2026, 2, 1))], Q1, D(2026, 2, 1), "no_target"),
        (kpi(target=None), [], Q1, D(2026, 2, 1), "no_target"),
        (kpi(), [], Q1, D(2026, 2, 1), "no_data"),
        (kpi(), [checkin(150, D(2026, 3, 1))], Q1, D(2026, 2, 1), "no_data"),  # future entry
        (kpi(), [checkin(150, D(2026, 2, 1))], Objective(), D(2026, 2, 1), "no_period"),
    ],
)
def test_why_a_status_cannot_be_judged(metric, checkins, objective, today, status):
    assert plan_progress(plan_with([metric], checkins, objective), today).kpis[0].status == status


def test_history_is_sorted_by_date_and_the_last_entry_of_a_day_wins():
    entries = [
        checkin(120, D(2026, 2, 8)),
        checkin(110, D(2026, 1, 8)),
        checkin(130, D(2026, 2, 8)),  # a correction recorded later the same day
        checkin(999, D(2026, 3, 8)),  # after "today": left out
        checkin(5, D(2026, 1, 9), kpi_id="other"),
    ]
    entry = plan_progress(plan_with([kpi()], entries), D(2026, 2, 10)).kpis[0]
    assert entry.values == [110, 120, 130]
    assert entry.latest == entries[2]
    assert entry.next_due == D(2026, 2, 15)


# --- guardrails and overdue -------------------------------------------------------------


@pytest.mark.parametrize(
    ("guardrail", "value", "state"),
    [
        (Guardrail(min=0.3), 0.29, "below_min"),
        (Guardrail(min=0.3), 0.3, "ok"),  # on the floor is still inside
        (Guardrail(max=700), 700.01, "above_max"),
        (Guardrail(max=700), 700, "ok"),
        (Guardrail(min=1, max=2), 0.5, "below_min"),
        (Guardrail(min=1, max=2), 2.5, "above_max"),
        (Guardrail(), 5, None),
        (None, 5, None),
        (Guardrail(min=1), None, None),
    ],
)
def test_guardrail_state(guardrail, value, state):
    assert guardrail_state(kpi(guardrail=guardrail), value) == state


def test_a_crossed_guardrail_carries_the_action():
    metric = kpi(guardrail=Guardrail(max=700), on_breach="Pause the worst ad sets")
    plan = plan_with([metric], [checkin(720, D(2026, 1, 31))])
    progress = plan_progress(plan, D(2026, 2, 1))
    assert [entry.kpi.on_breach for entry in progress.crossed] == ["Pause the worst ad sets"]
    assert progress.kpis[0].guardrail_crossed


def test_overdue_and_due_kpis():
    metrics = [kpi(id="a", cadence="weekly"), kpi(id="b", cadence="monthly"), kpi(id="c")]
    entries = [checkin(110, D(2026, 1, 20), "a"), checkin(110, D(2026, 1, 10), "b")]
    progress = plan_progress(plan_with(metrics, entries), D(2026, 1, 27))
    # c is weekly with no check-in: due a week after the start, so 19 days late
    assert [(e.kpi.id, e.days_overdue) for e in progress.overdue] == [("c", 19)]
    assert [e.kpi.id for e in progress.due] == ["a", "c"]  # a is due today, not yet overdue


def test_after_the_period_a_missing_check_in_is_the_closing_value_not_overdue():
    metrics = [kpi(id="a", cadence="weekly"), kpi(id="b", cadence="monthly"), kpi(id="c")]
    entries = [checkin(110, D(2026, 3, 10), "a"), checkin(120, D(2026, 3, 31), "b")]
    progress = plan_progress(plan_with(metrics, entries), D(2026, 11, 22))
    assert progress.overdue == [], "not overdue by hundreds of days"
    # a's weekly check-in fell due on Mar 17; c never had one: both lack the closing value
    missing = {e.kpi.id: e for e in progress.closing_missing}
    assert sorted(missing) == ["a", "c"]
    assert all(e.next_due == D(2026, 3, 31) and e.days_overdue == 0 for e in missing.values())
    assert [e.kpi.id for e in progress.due] == ["a", "c"]  # b's closing value is in
    during = plan_progress(plan_with(metrics, entries), D(2026, 3, 20))
    assert [e.kpi.id for e in during.overdue] == ["a", "b", "c"]  # b's is dated later
    assert during.closing_missing == []


# --- key results and the objective ------------------------------------------------------


def objective_plan(values: dict[str, float], day: dt.date) -> Plan:
    metrics = [kpi(id=name) for name in ("a", "b", "c")]
    items = [Item(text=f"KR {name}", kpi=name) for name in ("a", "b", "c")]
    items += [Item(text="An initiative", kind="initiative"), Item(text="Unlinked KR")]
    entries = [checkin(value, day, name) for name, value in values.items()]
    return plan_with(metrics, entries, items=items)


def test_the_objective_follows_the_mean_of_its_key_results():
    day = D(2026, 2, 14)  # expected 50%
    progress = plan_progress(objective_plan({"a": 160, "b": 150, "c": 125}, day), day)
    assert [kr.status for kr in progress.key_results] == [
        "on_track",
        "on_track",
        "at_risk",
        "no_target",  # a key result linked to no KPI
    ]
    assert progress.objective.status == "on_track"
    assert progress.objective.progress == pytest.approx(0.45)
    assert (progress.objective.judged, progress.objective.total) == (3, 4)


def test_one_off_track_key_result_keeps_the_objective_from_on_track():
    day = D(2026, 2, 14)
    progress = plan_progress(objective_plan({"a": 200, "b": 200, "c": 110}, day), day)
    assert [kr.status for kr in progress.key_results][:3] == ["on_track", "on_track", "off_track"]
    assert progress.objective.progress == pytest.approx(0.7)
    assert progress.objective.status == "at_risk"


def test_the_objective_is_never_worse_than_its_worst_key_result():
    metrics = [kpi(id="a"), kpi(id="b")]
    items = [Item(text="A", kpi="a"), Item(text="B", kpi="b")]
    entries = [checkin(100, D(2026, 1, 10), "a"), checkin(140, D(2026, 3, 31), "b")]
    progress = plan_progress(plan_with(metrics, entries, items=items), D(2026, 3, 31))
    assert [kr.status for kr in progress.key_results] == ["at_risk", "at_risk"]
    assert progress.objective.status == "at_risk"


def test_once_the_period_has_ended_the_status_is_the_final_grade():
    metrics = [kpi(id="a"), kpi(id="b"), kpi(id="c")]
    items = [Item(text=name.upper(), kpi=name) for name in ("a", "b", "c")]
    # a's last value came early, on track for its day (30% of the way, 10 days in)
    entries = [checkin(130, D(2026, 1, 10), "a"), checkin(150, D(2026, 3, 20), "b")]
    entries.append(checkin(180, D(2026, 4, 3), "c"))  # c's closing value, measured late
    plan = plan_with(metrics, entries, items=items)
    assert plan_progress(plan, D(2026, 3, 31)).kpis[0].status == "on_track"
    progress = plan_progress(plan, D(2026, 5, 1))
    assert progress.closed
    # graded against the whole way, as the scores are: 0.3 off track, 0.5 at risk, 0.8 on
    assert [(e.status, e.expected, e.score) for e in progress.kpis] == [
        ("off_track", 1.0, 0.3),
        ("at_risk", 1.0, 0.5),
        ("on_track", 1.0, 0.8),
    ]
    assert progress.objective.status == "at_risk"  # one off track, the mean 53% of 100%
    assert progress.objective.expected == 1.0


def test_objective_scores_at_the_close():
    day = D(2026, 3, 31)
    progress = plan_progress(objective_plan({"a": 175, "b": 200, "c": 130}, day), day)
    assert [kr.score for kr in progress.key_results] == [0.7, 1.0, 0.3, None]
    assert progress.objective.score == pytest.approx(0.67)
    assert not progress.closed
    assert plan_progress(objective_plan({}, day), D(2026, 4, 1)).closed


def test_an_objective_without_data_or_period_says_why():
    assert plan_progress(objective_plan({}, D(2026, 2, 1)), D(2026, 2, 1)).objective.status == (
        "no_data"
    )
    assert plan_progress(objective_plan({}, D(2026, 2, 1)), D(2025, 2, 1)).objective.status == (
        "not_started"
    )
    plan = objective_plan({"a": 150}, D(2026, 2, 1))
    plan.objective = Objective()
    assert plan_progress(plan, D(2026, 2, 1)).objective.status == "no_period"


def test_a_period_with_only_a_start_says_no_end_date_even_long_after():
    """Without an end nothing is expected and nothing ends: the same rule for the
    heading, the KPIs and the objective."""
    plan = objective_plan({"a": 150}, D(2026, 2, 1))
    plan.objective = Objective(start=Q1.start)
    later = D(2026, 11, 22)
    progress = plan_progress(plan, later)
    assert not period_ended(plan.objective, later)
    assert not progress.closed and not progress.final and not progress.closing_missing
    assert progress.expected_today is None
    assert progress.kpi("a").status == "no_end" and progress.kpi("a").expected is None
    assert progress.objective.status == "no_end"
    assert period_ended(Q1, later) and not period_ended(Q1, Q1.end)


END_ONLY = Objective(end=Q1.end)


def test_a_period_with_only_an_end_says_no_start_date_until_that_end():
    """Nothing can be expected without a start, and the status says which date is
    missing; the schedule still runs from the last check-in, as the cadence asks."""
    plan = objective_plan({"a": 150}, D(2026, 2, 1))
    plan.objective = END_ONLY
    progress = plan_progress(plan, D(2026, 2, 20))
    assert not progress.closed and progress.expected_today is None
    assert progress.kpi("a").status == "no_start" and progress.kpi("a").expected is None
    assert progress.objective.status == "no_start"
    a, b = progress.kpi("a"), progress.kpi("b")
    assert a.next_due == D(2026, 2, 8) and a.days_overdue == 12, "weekly from its check-in"
    assert b.next_due == Q1.end and not b.overdue, "never checked in: its closing value"
    assert progress.kpi("b").status == "no_data"


def test_after_its_end_a_period_without_a_start_is_graded_and_owes_closing_values():
    """The end alone says the period is over: the whole way was expected, the statuses
    are final grades, and a KPI last checked in before the end waits for its closing
    value instead of counting overdue days for ever."""
    plan = objective_plan({"a": 150, "b": 190}, D(2026, 2, 1))
    plan.objective = END_ONLY
    later = D(2026, 11, 22)
    progress = plan_progress(plan, later)
    assert period_ended(END_ONLY, later) and not period_ended(END_ONLY, Q1.end)
    assert progress.closed and not progress.final
    a = progress.kpi("a")
    assert a.status == "at_risk" and a.expected == 1.0 and a.score == 0.5
    assert a.closing_missing and a.next_due == Q1.end and a.days_overdue == 0
    assert progress.kpi("c").closing_missing, "never checked in: owes its closing value too"
    assert [entry.kpi.id for entry in progress.overdue] == []
    assert progress.objective.status == "on_track" and progress.objective.judged == 2
    plan.checkins += [checkin(v, Q1.end, name) for name, v in (("a", 160), ("b", 190), ("c", 1))]
    closed = plan_progress(plan, later)
    assert closed.final and closed.kpi("a").score == 0.6 and not closed.closing_missing


def test_without_any_check_in_the_objective_says_what_is_missing():
    plan = objective_plan({}, D(2026, 2, 1))
    plan.objective = END_ONLY
    assert plan_progress(plan, D(2026, 2, 1)).objective.status == "no_start"
    assert plan_progress(plan, D(2026, 4, 1)).objective.status == "no_data"


# --- the example plans and labels -------------------------------------------------------


def test_the_saas_example_has_realistic_check_ins():
    plan = load_plan(PLANS / "saas-growth.toml")
    progress = plan_progress(plan, D(2026, 2, 16))
    assert len(plan.checkins) >= 3
    assert all(plan.objective.start <= c.date <= plan.objective.end for c in plan.checkins)
    assert {e.kpi.id for e in progress.kpis if e.latest} >= {"trial_activation", "cac"}
    assert all(e.status in ("on_track", "at_risk", "off_track") for e in progress.kpis if e.latest)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_status_and_cadence_has_a_label(language):
    set_language(language)
    labels = [status_label(status) for status in STATUSES]
    assert len(set(labels)) == len(STATUSES)
    assert cadence_label("biweekly") and cadence_label(None) == "—"
    assert format_score(0.7) == "0.7" and format_score(0.65) == "0.65" and format_score(1) == "1.0"


def test_dashboard_texts_for_a_kpi():
    metric = kpi(id="cac", unit="currency", guardrail=Guardrail(max=700), cadence="monthly")
    plan = plan_with([metric], [checkin(740, D(2026, 1, 31), "cac")])
    plan.currency = "USD"
    on_time = plan_progress(plan, D(2026, 2, 10)).kpis[0]
    assert (latest_value_text(on_time, plan), guardrail_text(on_time, plan)) == (
        "$740",
        "above the ceiling of $700",
    )
    assert (due_text(on_time), format_share(on_time.raw_progress)) == ("2026-02-28", "640%")
    assert due_text(plan_progress(plan, D(2026, 3, 1)).kpis[0]) == (
        "overdue since 2026-02-28 (1 day)"
    )
    set_language("zh-TW")
    late = plan_progress(plan, D(2026, 3, 5)).kpis[0]
    assert due_text(late) == "2026-02-28 到期,已逾期 5 天"
    assert guardrail_text(late, plan) == "高於上限 $700"


def test_a_check_in_dated_later_is_kept_ahead_and_counts_from_its_day():
    early, later = checkin(150, D(2026, 2, 25)), checkin(170, D(2026, 3, 5))
    plan = plan_with([kpi()], [checkin(120, D(2026, 1, 20)), later, early])
    before = plan_progress(plan, D(2026, 2, 20)).kpis[0]
    assert before.value == 120 and before.ahead == early  # the first one dated later
    assert before.overdue  # what was due as of the day is still due
    assert kpi_progress(plan, plan.kpis[0], D(2026, 2, 20)).ahead == early
    after = plan_progress(plan, D(2026, 3, 1)).kpis[0]
    assert after.value == 150 and after.ahead == later
    assert plan_progress(plan, D(2026, 3, 5)).kpis[0].ahead is None
