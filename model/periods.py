"""Closing a period and opening the next: the plan carried over with fresh baselines.

:func:`next_period` copies a plan into the following period. Each KPI's baseline
becomes its last actual (the value of its latest check-in; a KPI without check-ins
keeps its baseline); the check-ins stay behind in the old file; the objective, north
star, inputs, KPIs (targets included), items with their kinds and the user's overrides,
and accepted findings all carry over unchanged, for the team to revise.

The new period's dates are the ones given; a date not given is derived from the old
period: the start is the day after the old end, and the length is the old one's. A
period of whole calendar months (first of a month to the last day of a month: a
quarter, a month, a half-year) keeps its number of months, so Q1 (90 days) is followed
by Q2 (April 1 to June 30, 91 days); any other period keeps its number of days.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from model.i18n import t
from model.plan import CheckIn, Objective, Plan
from model.progress import checkins_by_kpi
from model.schedule import add_months

_DAY = dt.timedelta(days=1)


class PeriodError(ValueError):
    """The new period cannot be made; ``message`` says why, translated."""

    def __init__(self, key: str, **params: object) -> None:
        self.key = key
        self.params = params
        super().__init__(key)

    @property
    def message(self) -> str:
        """The reason, in the current language."""
        return t(self.key, **self.params)

    def __str__(self) -> str:
        return self.message


@dataclass(frozen=True, slots=True)
class CarriedBaseline:
    """A KPI whose baseline the next period takes from its last check-in."""

    kpi_id: str
    """The KPI."""

    old: float | None
    """Its baseline in the old period."""

    checkin: CheckIn
    """The check-in whose value becomes the new baseline."""


def whole_months(start: dt.date, end: dt.date) -> int | None:
    """How many calendar months ``start``..``end`` spans, if it spans whole months only."""
    if start.day != 1 or (end + _DAY).day != 1:
        return None
    return (end.year - start.year) * 12 + end.month - start.month + 1


def next_period_dates(
    objective: Objective, start: dt.date | None = None, end: dt.date | None = None
) -> tuple[dt.date | None, dt.date | None]:
    """The next period's ``(start, end)``: the given dates, the rest derived (module rules)."""
    old_start, old_end = objective.start, objective.end
    try:
        if start is None and old_end is not None:
            start = old_end + _DAY
        if end is None and start is not None and old_start is not None and old_end is not None:
            months = whole_months(old_start, old_end)
            if months is not None:
                end = add_months(start, months) - _DAY
            else:
                end = start + (old_end - old_start)
    except (OverflowError, ValueError):  # past year 9999
        raise PeriodError("period.out_of_range") from None
    if start is not None and end is not None and end < start:
        raise PeriodError("period.reversed", start=start, end=end)
    return start, end


def carried_baselines(plan: Plan) -> list[CarriedBaseline]:
    """The KPIs that have check-ins, each with the latest one (plan order)."""
    latest = {kpi_id: entries[-1] for kpi_id, entries in checkins_by_kpi(plan.checkins).items()}
    return [
        CarriedBaseline(kpi.id, kpi.baseline, latest[kpi.id])
        for kpi in plan.kpis
        if kpi.id in latest
    ]


def next_period(plan: Plan, start: dt.date | None = None, end: dt.date | None = None) -> Plan:
    """A copy of ``plan`` for the next period (see the module docstring for the rules)."""
    new_start, new_end = next_period_dates(plan.objective, start, end)
    baselines = {carried.kpi_id: carried.checkin.value for carried in carried_baselines(plan)}
    data = plan.model_dump(by_alias=True)
    data["checkins"] = []
    data["objective"]["start"] = new_start
    data["objective"]["end"] = new_end
    for kpi in data["kpis"]:
        if kpi["id"] in baselines:
            kpi["baseline"] = baselines[kpi["id"]]
    return Plan.model_validate(data)
