"""Steps 2 and 3: one north star, 3 to 5 core KPIs, each named, owned and typed, with
leading and lagging indicators paired, and no id or name used twice."""

from __future__ import annotations

from collections.abc import Iterator

from model.checks.base import Found, Listing, check
from model.checks.context import Context
from model.checks.items import normalized

CORE_KPIS_MIN = 3
CORE_KPIS_MAX = 5
"""The method asks for 3 to 5 core KPIs: fewer is too thin, more loses focus."""


@check("north_star.name", severity="error", step="north_star")
def north_star_named(context: Context) -> Iterator[Found]:
    if not context.plan.north_star.name.strip():
        yield Found(("north_star", "name"), "checks.north_star_missing")


@check("north_star.definition", severity="warning", step="north_star")
def north_star_defined(context: Context) -> Iterator[Found]:
    north_star = context.plan.north_star
    if north_star.name.strip() and not north_star.definition.strip():
        yield Found(("north_star", "definition"), "checks.north_star_undefined")


@check("kpis.count", severity="error", step="kpis")
def core_kpi_count(context: Context) -> Iterator[Found]:
    count = len(context.plan.kpis)
    if count == 0:
        yield Found(("kpis",), "checks.kpis_none")
    elif count < CORE_KPIS_MIN:
        yield Found(("kpis",), "checks.kpis_too_few", {"count": count})
    elif count > CORE_KPIS_MAX:
        yield Found(("kpis",), "checks.kpis_too_many", {"count": count})


@check("kpis.duplicate_id", severity="error", step="kpis", ignorable=False)
def duplicate_ids(context: Context) -> Iterator[Found]:
    seen: set[str] = set()
    for ref in context.kpis:
        if ref.kpi.id in seen:
            yield Found(ref.loc("id"), "checks.kpi_duplicate_id", {"id": ref.kpi.id})
        seen.add(ref.kpi.id)


@check("kpis.duplicate_name", severity="warning", step="kpis")
def duplicate_names(context: Context) -> Iterator[Found]:
    first_seen: dict[str, str] = {}
    for ref in context.kpis:
        name = normalized(ref.kpi.name)
        if not name:
            continue
        if name in first_seen:
            yield Found(
                ref.loc("name"),
                "checks.kpi_duplicate_name",
                {"name": ref.kpi.name, "other": first_seen[name]},
            )
        else:
            first_seen[name] = ref.kpi.id


def kpis_missing(context: Context, field: str, key: str) -> Iterator[Found]:
    """A finding with the message ``key`` for each KPI whose ``field`` is empty."""
    for ref in context.kpis:
        value = getattr(ref.kpi, field)
        if value is None or (isinstance(value, str) and not value.strip()):
            yield Found(ref.loc(field), key, {"kpi": ref.kpi.id})


@check("kpi.name", severity="warning", step="kpis")
def kpi_named(context: Context) -> Iterator[Found]:
    yield from kpis_missing(context, "name", "checks.kpi_no_name")


@check("kpi.unit", severity="warning", step="kpis")
def kpi_unit(context: Context) -> Iterator[Found]:
    yield from kpis_missing(context, "unit", "checks.kpi_no_unit")


@check("kpi.indicator", severity="warning", step="kpis")
def kpi_indicator(context: Context) -> Iterator[Found]:
    yield from kpis_missing(context, "indicator", "checks.kpi_no_indicator")


@check("kpis.pairing", severity="error", step="kpis")
def leading_and_lagging_paired(context: Context) -> Iterator[Found]:
    """At least one leading and one lagging indicator among the core KPIs."""
    if not context.plan.kpis:
        return
    kinds = {kpi.indicator for kpi in context.plan.kpis}
    if "leading" not in kinds and "lagging" not in kinds:
        yield Found(("kpis",), "checks.kpis_no_indicators")
    elif "leading" not in kinds:
        lagging = tuple(kpi.id for kpi in context.plan.kpis if kpi.indicator == "lagging")
        yield Found(("kpis",), "checks.kpis_no_leading", {"kpis": Listing(lagging)})
    elif "lagging" not in kinds:
        leading = tuple(kpi.id for kpi in context.plan.kpis if kpi.indicator == "leading")
        yield Found(("kpis",), "checks.kpis_no_lagging", {"kpis": Listing(leading)})


@check("kpi.owner", severity="error", step="kpis")
def kpi_owner(context: Context) -> Iterator[Found]:
    yield from kpis_missing(context, "owner", "checks.kpi_no_owner")
