"""Where each KPI stands on a given day: progress, expected progress, status, guardrail,
the next check-in due, the key results' scores and the objective's status.

Everything is computed "as of" a day passed in (``today``), never from the clock, so a
status can be replayed for any date and tests do not depend on when they run. Check-ins
dated after ``today`` are left out. The rules, with the reasoning behind them, are in
``docs/tracking.md``; in short:

- **progress** = (value - baseline) / (target - baseline), the share of the way from the
  baseline to the target (the same formula serves both directions: for a ``decrease``
  KPI both differences are negative). ``raw_progress`` is that number uncapped (1.3 is
  130% of the way); ``progress`` is capped to 0..1 for bars and scores. When target and
  baseline are equal (a "hold the line" KPI), progress is 1 when the value is at or on
  the right side of the target for the KPI's direction, else 0.
- **expected** progress grows in a straight line over the objective's period, counting
  whole days with both ends included: 1/N at the end of the first of N days, 1 at the
  end of the last. A status compares the latest value with what was expected *on the
  day it was measured*, so a monthly KPI does not slide to "off track" between two
  check-ins; staleness is what "overdue" is for. Once the period has ended (its ``end``
  is all that takes, even without a ``start``) the whole way was expected (100%),
  whatever the latest check-in's date: the status is then the final grade, and always
  agrees with the score.
- **status**: ``behind = expected - raw_progress``; on track when ``behind`` is at most
  ``max(10 points, 30% of expected)``, at risk when at most ``max(25 points, 60% of
  expected)``, else off track. At the period's end (expected 100%) this is exactly the
  score grading: on track from 0.7, at risk from 0.4 (see :func:`score`).
- **score** (Google style) = capped progress rounded *down* to one decimal, so a score
  of 0.7 always means at least 70% of the way was covered.
- **objective**: the key results' mean capped progress against their mean expected
  progress, with the same rule; while any key result is off track the objective is at
  best at risk, so one failing key result cannot hide behind the others.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal, get_args

from model.plan import CheckIn, Direction, Item, Kpi, Objective, Plan
from model.schedule import days_overdue, next_due_date

Status = Literal[
    "on_track",
    "at_risk",
    "off_track",
    "no_data",
    "not_started",
    "no_target",
    "no_period",
    "no_start",
    "no_end",
]
"""``on_track``/``at_risk``/``off_track`` are judgements; the others say why there is none:
no check-in yet, the period has not begun, baseline or target missing, no period set,
only its end (before that end nothing can be expected without a start), or only its
start (nothing can be expected without an end)."""

STATUSES: tuple[Status, ...] = get_args(Status)
JUDGED_STATUSES: tuple[Status, ...] = ("on_track", "at_risk", "off_track")

GuardrailState = Literal["ok", "below_min", "above_max"]
"""The latest value against the guardrail: inside it, below its ``min``, above its ``max``."""

ON_TRACK_POINTS = 0.10
"""On track while no more than 10 points behind the expected progress..."""
ON_TRACK_SHARE = 0.30
"""...or no more than 30% of the expected progress behind, whichever allows more."""
AT_RISK_POINTS = 0.25
"""At risk while no more than 25 points behind..."""
AT_RISK_SHARE = 0.60
"""...or 60% of the expected progress behind, whichever allows more; else off track."""

RAW_PROGRESS_LIMIT = 1e6
"""Uncapped progress is kept within +-this, so a tiny target distance cannot overflow."""

_TOLERANCE = 1e-9  # float noise: 0.7 computed as 0.6999999999 still counts as 0.7


@dataclass(frozen=True, slots=True)
class KpiProgress:
    """One KPI as of a day: its history, latest value, progress, status and schedule."""

    kpi: Kpi
    """The KPI itself (name, unit, direction, guardrail, on_breach...)."""

    history: tuple[CheckIn, ...]
    """Its check-ins dated on or before the day, oldest first (same day: file order)."""

    progress: float | None
    """Share of the way from baseline to target, capped to 0..1; ``None`` without a
    check-in or without a baseline and target."""

    raw_progress: float | None
    """The same, uncapped (1.25 is 125% of the way; negative when moving away)."""

    expected: float | None
    """Expected progress on the latest check-in's date, or 1 once the period has ended
    (the status is then the final grade); ``None`` without a period or data."""

    expected_today: float | None
    """Expected progress on the day itself (for a marker on a progress bar)."""

    status: Status
    """The judgement (or why there is none), by the rule in the module docstring."""

    guardrail: GuardrailState | None
    """The latest value against the guardrail; ``None`` without a guardrail or a value."""

    next_due: dt.date | None
    """When the next check-in is due by the cadence; ``None`` when none is."""

    days_overdue: int
    """Days past ``next_due`` (0 when not overdue, and once the period has ended)."""

    closing_missing: bool = False
    """The period has ended without the KPI's closing value (a check-in on or after its
    last day, the value it is scored on): not *overdue* by its cadence any more, which
    would count up for ever, but waiting for that one final check-in."""

    ahead: CheckIn | None = None
    """The first of its check-ins dated after the day: kept, but counting only from its
    own date (:func:`counts_on`), so what is due as of the day is still due."""

    @property
    def latest(self) -> CheckIn | None:
        """The most recent check-in, or ``None``."""
        return self.history[-1] if self.history else None

    @property
    def value(self) -> float | None:
        """The most recent value, or ``None``."""
        return self.history[-1].value if self.history else None

    @property
    def values(self) -> list[float]:
        """Every value in date order (for a sparkline)."""
        return [checkin.value for checkin in self.history]

    @property
    def overdue(self) -> bool:
        """Whether the next check-in is past due."""
        return self.days_overdue > 0

    @property
    def guardrail_crossed(self) -> bool:
        """Whether the latest value is outside the guardrail (act on ``kpi.on_breach``)."""
        return self.guardrail in ("below_min", "above_max")

    @property
    def score(self) -> float | None:
        """The Google-style score 0.0-1.0 of the latest value (see :func:`score`)."""
        return None if self.progress is None else score(self.progress)


@dataclass(frozen=True, slots=True)
class KeyResultProgress:
    """A key result (an item of kind ``key_result``) and the KPI it moves."""

    index: int
    """The item's position in ``plan.items``."""

    item: Item
    """The key result as written."""

    kpi: KpiProgress | None
    """The progress of its linked KPI; ``None`` when it links none, or an unknown id."""

    @property
    def status(self) -> Status:
        """Its KPI's status (``no_target`` when it is linked to no KPI)."""
        return self.kpi.status if self.kpi else "no_target"

    @property
    def score(self) -> float | None:
        """Its KPI's score, or ``None`` when it cannot be scored."""
        return self.kpi.score if self.kpi else None


@dataclass(frozen=True, slots=True)
class ObjectiveProgress:
    """The objective as its key results stand."""

    status: Status
    """Judged from the key results (rule in the module docstring)."""

    progress: float | None
    """Mean capped progress of the judged key results."""

    expected: float | None
    """Mean expected progress of the same key results."""

    score: float | None
    """Mean score of the key results that have one, to two decimals."""

    judged: int
    """How many key results the status is based on."""

    total: int
    """How many key results the objective has."""


@dataclass(frozen=True, slots=True)
class PlanProgress:
    """The whole plan as of a day: what a dashboard, ``okr status`` and exports show."""

    today: dt.date
    """The day everything is computed for."""

    kpis: tuple[KpiProgress, ...]
    """One entry per KPI, in plan order."""

    key_results: tuple[KeyResultProgress, ...]
    """One entry per key result, in plan order."""

    objective: ObjectiveProgress
    """The objective's status and score."""

    expected_today: float | None
    """Expected progress on the day (the same for every KPI: they share the period)."""

    closed: bool
    """Whether the period has ended (scores are then final)."""

    def kpi(self, kpi_id: str) -> KpiProgress | None:
        """The progress of the KPI with this id, or ``None``."""
        return next((entry for entry in self.kpis if entry.kpi.id == kpi_id), None)

    @property
    def due(self) -> list[KpiProgress]:
        """KPIs with a check-in due today or overdue (what a check-in screen lists first)."""
        return [e for e in self.kpis if e.next_due is not None and e.next_due <= self.today]

    @property
    def overdue(self) -> list[KpiProgress]:
        """KPIs whose check-in is past due (during the period)."""
        return [entry for entry in self.kpis if entry.overdue]

    @property
    def closing_missing(self) -> list[KpiProgress]:
        """KPIs still without their closing value after the period has ended."""
        return [entry for entry in self.kpis if entry.closing_missing]

    @property
    def final(self) -> bool:
        """Whether the scores are final: the period has ended and no KPI still waits for
        its closing value (until then a late closing value can change them)."""
        return self.closed and not self.closing_missing

    @property
    def crossed(self) -> list[KpiProgress]:
        """KPIs whose latest value is outside their guardrail."""
        return [entry for entry in self.kpis if entry.guardrail_crossed]


# --- the rules ------------------------------------------------------------------------


def progress_toward(
    baseline: float | None, target: float | None, value: float, direction: Direction
) -> float | None:
    """Uncapped share of the way from ``baseline`` to ``target`` that ``value`` covers."""
    if baseline is None or target is None:
        return None
    if target == baseline:
        met = value >= target if direction == "increase" else value <= target
        return 1.0 if met else 0.0
    share = (value - baseline) / (target - baseline)
    if not math.isfinite(share):
        share = math.copysign(RAW_PROGRESS_LIMIT, share)
    return max(-RAW_PROGRESS_LIMIT, min(RAW_PROGRESS_LIMIT, share)) + 0.0


def cap(progress: float) -> float:
    """``progress`` limited to 0..1."""
    return min(1.0, max(0.0, progress))


def period_ended(objective: Objective, day: dt.date) -> bool:
    """Whether the objective's period is over on ``day``: ``day`` is after its end.

    The end alone decides, start or no start: after it the whole way was expected, so
    the statuses are final grades and the closing values are owed (a period given only
    its end is otherwise unjudged, :func:`missing_dates_status`)."""
    return objective.end is not None and day > objective.end


def missing_dates_status(objective: Objective) -> Status:
    """Why nothing can be expected, for lack of dates, before the period has ended:
    ``no_start`` when only the start is missing, ``no_end`` when only the end is, else
    ``no_period``: the headings of ``okr status``, the dashboard and the export name
    the date this says is missing."""
    if objective.start is None:
        return "no_period" if objective.end is None else "no_start"
    return "no_end" if objective.end is None else "no_period"


def expected_progress(objective: Objective, day: dt.date) -> float | None:
    """Share of the period elapsed by the end of ``day`` (0..1); ``None`` without a period."""
    if objective.start is None or objective.end is None:
        return None
    total = (objective.end - objective.start).days + 1
    elapsed = (day - objective.start).days + 1
    return cap(elapsed / total)


def judge(progress: float, expected: float) -> Status:
    """On track, at risk or off track: ``progress`` against ``expected`` (module rule)."""
    behind = expected - progress
    if behind <= max(ON_TRACK_POINTS, ON_TRACK_SHARE * expected) + _TOLERANCE:
        return "on_track"
    if behind <= max(AT_RISK_POINTS, AT_RISK_SHARE * expected) + _TOLERANCE:
        return "at_risk"
    return "off_track"


def score(progress: float) -> float:
    """The score 0.0-1.0 of a progress: capped, rounded down to one decimal."""
    return math.floor(cap(progress) * 10 + _TOLERANCE * 10) / 10


def guardrail_state(kpi: Kpi, value: float | None) -> GuardrailState | None:
    """``value`` against the KPI's guardrail; a value equal to a bound is inside it."""
    if value is None or kpi.guardrail is None:
        return None
    if kpi.guardrail.min is not None and value < kpi.guardrail.min:
        return "below_min"
    if kpi.guardrail.max is not None and value > kpi.guardrail.max:
        return "above_max"
    if kpi.guardrail.min is None and kpi.guardrail.max is None:
        return None
    return "ok"


# --- putting it together --------------------------------------------------------------


def counts_on(checkin: CheckIn, day: dt.date) -> bool:
    """Whether ``checkin`` counts in where its KPI stands on ``day``: one dated later is
    kept in the plan but counts only from its own date on (until then the KPI shows its
    earlier value, and a check-in due is still due)."""
    return checkin.date <= day


def checkins_by_kpi(
    checkins: Iterable[CheckIn], until: dt.date | None = None
) -> dict[str, list[CheckIn]]:
    """Check-ins grouped by KPI id, each list oldest first (same day: given order).

    Only those that count on ``until`` (:func:`counts_on`) when it is given. One pass and
    one sort per KPI, so a plan with thousands of check-ins stays fast.
    """
    grouped: dict[str, list[CheckIn]] = {}
    for checkin in checkins:
        if until is None or counts_on(checkin, until):
            grouped.setdefault(checkin.kpi, []).append(checkin)
    for entries in grouped.values():
        entries.sort(key=lambda checkin: checkin.date)  # stable: ties keep file order
    return grouped


def kpi_progress(
    plan: Plan,
    kpi: Kpi,
    today: dt.date,
    history: Sequence[CheckIn] | None = None,
    ahead: CheckIn | None = None,
) -> KpiProgress:
    """Where ``kpi`` stands on ``today``; ``history`` is its sorted check-ins and
    ``ahead`` its first one dated later, if known."""
    if history is None:
        history = checkins_by_kpi(plan.checkins, today).get(kpi.id, [])
        ahead = checkins_ahead(plan.checkins, today).get(kpi.id)
    objective = plan.objective
    latest = history[-1] if history else None
    raw = None
    if latest is not None:
        raw = progress_toward(kpi.baseline, kpi.target, latest.value, kpi.direction)
    end = objective.end
    closed = period_ended(objective, today)
    expected = None
    if latest is not None:  # once the period is over, the whole way was expected
        expected = 1.0 if closed else expected_progress(objective, latest.date)
    next_due = next_due_date(
        kpi.cadence, latest.date if latest else None, objective.start, objective.end
    )
    # once the period is past, any check-in still due is the closing one
    closing_missing = next_due is not None and closed
    if closing_missing:
        next_due = end  # due on the period's last day
    return KpiProgress(
        kpi=kpi,
        history=tuple(history),
        progress=None if raw is None else cap(raw),
        raw_progress=raw,
        expected=expected,
        expected_today=expected_progress(objective, today),
        status=_kpi_status(objective, kpi, today, raw, expected, latest),
        guardrail=guardrail_state(kpi, latest.value if latest else None),
        next_due=next_due,
        days_overdue=0 if closing_missing else days_overdue(next_due, today),
        closing_missing=closing_missing,
        ahead=ahead,
    )


def _kpi_status(
    objective: Objective,
    kpi: Kpi,
    today: dt.date,
    raw: float | None,
    expected: float | None,
    latest: CheckIn | None,
) -> Status:
    if objective.start is not None and today < objective.start:
        return "not_started"
    if kpi.baseline is None or kpi.target is None:
        return "no_target"
    if latest is None or raw is None:
        return "no_data"
    if expected is None:
        return missing_dates_status(objective)
    return judge(raw, expected)


def waits_for_ahead(entry: KpiProgress, day: dt.date) -> bool:
    """Whether what is due as of ``day`` was checked in already, with a later date that
    does not count yet (``entry.ahead``)."""
    return entry.ahead is not None and entry.next_due is not None and entry.next_due <= day


def checkins_ahead(checkins: Iterable[CheckIn], day: dt.date) -> dict[str, CheckIn]:
    """Each KPI's first check-in dated after ``day`` (one that does not count yet)."""
    ahead: dict[str, CheckIn] = {}
    for checkin in checkins:
        if not counts_on(checkin, day):
            first = ahead.get(checkin.kpi)
            if first is None or checkin.date < first.date:
                ahead[checkin.kpi] = checkin
    return ahead


def plan_progress(plan: Plan, today: dt.date) -> PlanProgress:
    """Every KPI, key result and the objective as of ``today``."""
    grouped = checkins_by_kpi(plan.checkins, today)
    ahead = checkins_ahead(plan.checkins, today)
    kpis = tuple(
        kpi_progress(plan, kpi, today, grouped.get(kpi.id, []), ahead.get(kpi.id))
        for kpi in plan.kpis
    )
    by_id = {entry.kpi.id: entry for entry in reversed(kpis)}  # first KPI wins a duplicate id
    key_results = tuple(
        KeyResultProgress(index, item, by_id.get(item.kpi) if item.kpi else None)
        for index, item in enumerate(plan.items)
        if item.kind == "key_result"
    )
    return PlanProgress(
        today=today,
        kpis=kpis,
        key_results=key_results,
        objective=objective_progress(plan.objective, key_results, today),
        expected_today=expected_progress(plan.objective, today),
        closed=period_ended(plan.objective, today),
    )


def objective_progress(
    objective: Objective, key_results: Sequence[KeyResultProgress], today: dt.date
) -> ObjectiveProgress:
    """The objective's status and score from its key results (rule in the module docstring)."""
    judged = [kr.kpi for kr in key_results if kr.kpi and kr.kpi.status in JUDGED_STATUSES]
    scores = [kr.score for kr in key_results if kr.score is not None]
    mean_score = round(sum(scores) / len(scores), 2) if scores else None
    progress = expected = None
    if objective.start is not None and today < objective.start:
        status: Status = "not_started"
    elif not judged:
        dated = period_ended(objective, today) or None not in (objective.start, objective.end)
        status = "no_data" if dated else missing_dates_status(objective)
    else:
        progress = sum(cap(k.raw_progress or 0.0) for k in judged) / len(judged)
        expected = sum(k.expected or 0.0 for k in judged) / len(judged)
        status = judge(progress, expected)
        any_off_track = any(k.status == "off_track" for k in judged)
        if status == "on_track" and any_off_track:
            status = "at_risk"  # one failing key result cannot hide behind the others
        if status == "off_track" and not any_off_track:
            status = "at_risk"  # nor is the objective worse than its worst key result
    return ObjectiveProgress(status, progress, expected, mean_score, len(judged), len(key_results))
