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
import re
from dataclasses import dataclass
from pathlib import Path

from model.errors import TranslatedError
from model.plan import CheckIn, Objective, Plan
from model.progress import checkins_by_kpi
from model.schedule import add_months

_DAY = dt.timedelta(days=1)
_QUARTER = re.compile(r"(?<![A-Za-z0-9])([qQ])([1-4])(?![0-9])")
_YEAR = re.compile(r"(?<![0-9])(\d{4})(?![0-9])")


class PeriodError(TranslatedError):
    """The new period cannot be made; ``message`` says why, translated."""


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
    # Only what the plan sets: a field it leaves out (a KPI's direction) stays out of the
    # new file too, rather than being written with its default.
    data = plan.model_dump(by_alias=True, exclude_unset=True)
    data["checkins"] = []
    data.setdefault("objective", {})
    data["objective"]["start"] = new_start
    data["objective"]["end"] = new_end
    for kpi in data.get("kpis", []):
        if kpi["id"] in baselines:
            kpi["baseline"] = baselines[kpi["id"]]
    return Plan.model_validate(data)


def next_period_path(
    path: Path, objective: Objective, start: dt.date | None, end: dt.date | None
) -> Path:
    """A name for the next period's plan, beside ``path``: the period in the name moved on
    (``2026-q1.toml`` -> ``2026-q2.toml``, ``q4-2026.toml`` -> ``q1-2027.toml``,
    ``plan-2026.toml`` -> ``plan-2027.toml`` for a year); a name that names no period
    gets the new one (``growth.toml`` -> ``growth-2026-q2.toml``, ``growth-2027.toml``),
    so the plan after that moves on again; else ``<name>-next.toml``.

    ``objective`` holds the old period, ``start`` and ``end`` the new one; a name is
    only moved on when the periods are whole quarters (or years) and the name says
    which one the old plan covers.
    """
    stem = path.stem
    old_start, old_end = objective.start, objective.end
    renamed = None
    if old_start and old_end and start and end:
        months = whole_months(old_start, old_end)
        new_months = whole_months(start, end)
        unnamed = not _QUARTER.search(stem) and not _YEAR.search(stem)
        if new_months == 3 and start.month % 3 == 1 and unnamed:
            renamed = f"{stem}-{start.year}-q{(start.month - 1) // 3 + 1}"
        elif new_months == 12 and start.month == 1 and unnamed:
            renamed = f"{stem}-{start.year}"
        elif months == new_months == 3 and old_start.month % 3 == 1 and start.month % 3 == 1:
            renamed = _moved_quarter(stem, old_start, start)
        elif months == new_months == 12 and old_start.month == start.month == 1:
            renamed = _moved_year(stem, old_start.year, start.year)
    if renamed is None or renamed == stem:
        renamed = f"{stem}-next"
    return path.with_name(renamed + path.suffix)


def _moved_quarter(stem: str, old: dt.date, new: dt.date) -> str | None:
    quarters = list(_QUARTER.finditer(stem))
    old_quarter = (old.month - 1) // 3 + 1
    if len(quarters) != 1 or int(quarters[0][2]) != old_quarter:
        return None
    match = quarters[0]
    new_quarter = (new.month - 1) // 3 + 1
    moved = f"{stem[: match.start()]}{match[1]}{new_quarter}{stem[match.end() :]}"
    if new.year == old.year:
        return moved
    return _moved_year(moved, old.year, new.year)


def _moved_year(stem: str, old: int, new: int) -> str | None:
    years = [match for match in _YEAR.finditer(stem) if int(match[1]) == old]
    if len(years) != 1:
        return None
    match = years[0]
    return f"{stem[: match.start()]}{new}{stem[match.end() :]}"
