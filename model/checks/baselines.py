"""Step 5: baselines, targets, guardrails, cadence and the action on a breach.

The numbers must make sense together: the target moves from the baseline the way the
KPI's direction says is better, usually by 1.2 to 1.5 times (for a KPI where lower is
better, 780 -> 600 is a 1.3x improvement); the target lies inside the guardrail (or
reaching it would set off the breach action); and the baseline lies inside it too (or
the guardrail is crossed from the first day).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Literal

from model.checks.base import Found, Phrase, Quantity, check
from model.checks.context import Context, KpiRef
from model.checks.kpis import kpis_missing
from model.classify.smart import AMBITION_RANGE
from model.plan import Guardrail, Kpi
from model.progress_report import CADENCE_KEYS
from model.safetext import shown
from model.units import is_currency_code

SLOW_FOR_LEADING = ("monthly", "quarterly")
"""Cadences too slow for a leading indicator, which the method reviews weekly."""


def _quantity(context: Context, kpi: Kpi, value: float) -> Quantity:
    return Quantity(value, kpi.unit, context.plan.currency)


@check("plan.currency", severity="warning", step="baselines")
def plan_currency(context: Context) -> Iterator[Found]:
    """A typo (``w``, ``dollars``) was shown before every amount, in the app, the exports
    and ``okr check`` alike (``W 780``, ``DOLLARS 700``)."""
    if not is_currency_code(context.plan.currency):
        yield Found(
            ("currency",), "checks.currency_not_a_code", {"currency": shown(context.plan.currency)}
        )


@check("kpi.baseline", severity="error", step="baselines")
def kpi_baseline(context: Context) -> Iterator[Found]:
    yield from kpis_missing(context, "baseline", "checks.kpi_no_baseline")


@check("kpi.target", severity="error", step="baselines")
def kpi_target(context: Context) -> Iterator[Found]:
    yield from kpis_missing(context, "target", "checks.kpi_no_target")


def has_guardrail(kpi: Kpi) -> bool:
    """Whether the KPI has a floor or a ceiling."""
    guardrail = kpi.guardrail
    return guardrail is not None and (guardrail.min is not None or guardrail.max is not None)


@check("kpi.guardrail", severity="error", step="baselines")
def kpi_guardrail(context: Context) -> Iterator[Found]:
    for ref in context.kpis:
        if not has_guardrail(ref.kpi):
            yield Found(ref.loc("guardrail"), "checks.kpi_no_guardrail", {"kpi": ref.kpi.id})


@check("kpi.cadence", severity="error", step="baselines")
def kpi_cadence(context: Context) -> Iterator[Found]:
    yield from kpis_missing(context, "cadence", "checks.kpi_no_cadence")


@check("kpi.on_breach", severity="error", step="baselines")
def kpi_on_breach(context: Context) -> Iterator[Found]:
    yield from kpis_missing(context, "on_breach", "checks.kpi_no_on_breach")


def moves_right_way(kpi: Kpi) -> bool | None:
    """Whether the target is better than the baseline for the KPI's direction (``None``
    without both numbers; a target equal to the baseline is not a move either way)."""
    if kpi.baseline is None or kpi.target is None:
        return None
    if kpi.direction == "increase":
        return kpi.target >= kpi.baseline
    return kpi.target <= kpi.baseline


def improvement_ratio(kpi: Kpi) -> float | None:
    """How many times better the target is than the baseline, whichever way is better:
    ``target / baseline`` for an ``increase`` KPI, ``baseline / target`` for ``decrease``
    (CAC 780 -> 600 is 1.3). ``None`` unless both are positive numbers."""
    if kpi.baseline is None or kpi.target is None or kpi.baseline <= 0 or kpi.target <= 0:
        return None
    if kpi.direction == "increase":
        return kpi.target / kpi.baseline
    return kpi.baseline / kpi.target


def ambition(kpi: Kpi) -> tuple[Literal["flat", "low", "within", "high"], float] | None:
    """How the target's improvement over the baseline compares with the method's 1.2 to
    1.5 times: ``flat`` (no better), ``low``, ``within`` or ``high``, with the ratio.
    ``None`` without a ratio, or when the target moves the wrong way (its own finding)."""
    ratio = improvement_ratio(kpi)
    if ratio is None or moves_right_way(kpi) is False:
        return None
    low, high = AMBITION_RANGE
    if ratio < low - 1e-9:
        return ("flat" if ratio <= 1 + 1e-9 else "low"), ratio
    if ratio > high + 1e-9:
        return "high", ratio
    return "within", ratio


@check("kpi.target_direction", severity="error", step="baselines")
def target_direction(context: Context) -> Iterator[Found]:
    for ref in context.kpis:
        kpi = ref.kpi
        if moves_right_way(kpi) is False:
            assert kpi.baseline is not None and kpi.target is not None
            key = (
                "checks.target_below_baseline"
                if kpi.direction == "increase"
                else "checks.target_above_baseline"
            )
            yield Found(
                ref.loc("target"),
                key,
                {
                    "kpi": kpi.id,
                    "target": _quantity(context, kpi, kpi.target),
                    "baseline": _quantity(context, kpi, kpi.baseline),
                },
            )


@check("kpi.ambition", severity="hint", step="baselines")
def target_ambition(context: Context) -> Iterator[Found]:
    for ref in context.kpis:
        found = ambition(ref.kpi)
        if found is None or found[0] == "within":
            continue
        verdict, ratio = found
        yield Found(
            ref.loc("target"), f"checks.ambition_{verdict}", _ratio_params(context, ref.kpi, ratio)
        )


def _ratio_params(context: Context, kpi: Kpi, ratio: float) -> dict[str, object]:
    from model.units import format_number

    assert kpi.baseline is not None and kpi.target is not None
    return {
        "kpi": kpi.id,
        "ratio": format_number(ratio, 2),
        "baseline": _quantity(context, kpi, kpi.baseline),
        "target": _quantity(context, kpi, kpi.target),
    }


def outside(guardrail: Guardrail, value: float) -> str | None:
    """``"below_min"`` or ``"above_max"`` when ``value`` is outside ``guardrail``; a value
    equal to a bound is inside (the same rule as :func:`model.progress.guardrail_state`)."""
    if guardrail.min is not None and value < guardrail.min:
        return "below_min"
    if guardrail.max is not None and value > guardrail.max:
        return "above_max"
    return None


def _guardrail_findings(
    context: Context, ref: KpiRef, value: float, keys: dict[str, str]
) -> Iterator[Found]:
    kpi = ref.kpi
    guardrail = kpi.guardrail
    if guardrail is None:
        return
    side = outside(guardrail, value)
    if side is None:
        return
    bound = guardrail.min if side == "below_min" else guardrail.max
    assert bound is not None
    field = "min" if side == "below_min" else "max"
    yield Found(
        ref.loc("guardrail", field),
        keys[side],
        {
            "kpi": kpi.id,
            "value": _quantity(context, kpi, value),
            "bound": _quantity(context, kpi, bound),
        },
    )


@check("kpi.guardrail_target", severity="error", step="baselines")
def guardrail_around_target(context: Context) -> Iterator[Found]:
    keys = {"below_min": "checks.target_below_floor", "above_max": "checks.target_above_ceiling"}
    for ref in context.kpis:
        if ref.kpi.target is not None:
            yield from _guardrail_findings(context, ref, ref.kpi.target, keys)


@check("kpi.guardrail_side", severity="warning", step="baselines")
def guardrail_side_of_baseline(context: Context) -> Iterator[Found]:
    keys = {
        "below_min": "checks.baseline_below_floor",
        "above_max": "checks.baseline_above_ceiling",
    }
    for ref in context.kpis:
        if ref.kpi.baseline is not None:
            yield from _guardrail_findings(context, ref, ref.kpi.baseline, keys)


@check("kpi.cadence_fit", severity="hint", step="baselines")
def cadence_fits_indicator(context: Context) -> Iterator[Found]:
    for ref in context.kpis:
        kpi = ref.kpi
        if kpi.indicator == "leading" and kpi.cadence in SLOW_FOR_LEADING:
            yield Found(
                ref.loc("cadence"),
                "checks.cadence_slow",
                {"kpi": kpi.id, "cadence": Phrase(CADENCE_KEYS[kpi.cadence])},
            )
