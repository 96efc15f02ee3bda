"""Step 5: values that cannot be what they say they are, given the KPI's unit.

A plan stores plain numbers, so a typo is not caught by loading: 12 for 12% (1200%), -5
for -5% (-500%), -40000 sessions, 1.5 customers. What a KPI's value can be follows from
its unit and from what it measures:

- a count, an amount of money, a rate or share, a ratio or a duration is never below
  zero, unless the KPI is a change or a net figure (traffic growth, net income, profit,
  an NRR delta). That shows in its formula, which then subtracts
  (``(sessions - last_month) / last_month``: :func:`model.formula.can_be_negative`),
  or in its words: its id, name, definition or the inputs it reads say net, profit,
  margin, growth, change, 淨, 利潤, 成長... (:data:`SIGNED_WORDS`). A score (NPS) may be
  negative; a KPI without a unit is not judged.
- a percent is stored as a fraction, so beyond 100% either way is probably a percentage
  typed as a whole number (a change cannot lose more than the whole).
- a count is whole, unless the KPI is an average: its formula divides
  (``interactions / posts``: :func:`model.formula.can_be_fractional`) or its words say
  average, per, mean, 平均 (:data:`AVERAGE_WORDS`). Only a hint: a count may be an
  estimate.

Whatever may be legitimate is left alone: a KPI is judged only when neither its formula
nor its words leave room for the value.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from model.checks.base import Found, Phrase, Quantity, check
from model.checks.context import Context
from model.formula import Formula, can_be_fractional, can_be_negative
from model.hanzi import in_both_scripts
from model.inputs import parsed_formula
from model.plan import Kpi, Unit

NEVER_NEGATIVE_UNITS: dict[Unit, str] = {
    "count": "checks.never_negative_count",
    "currency": "checks.never_negative_currency",
    "percent": "checks.never_negative_percent",
    "ratio": "checks.never_negative_ratio",
    "duration": "checks.never_negative_duration",
}
"""The units whose values are never negative unless the KPI is a change or a net figure,
with the phrase saying why."""


SIGNED_WORDS = in_both_scripts(
    {
        # net figures and results that can be losses
        "net",
        "profit",
        "profits",
        "margin",
        "margins",
        "income",
        "earnings",
        "ebit",
        "ebitda",
        "pnl",
        "gain",
        "gains",
        "loss",
        "losses",
        "surplus",
        "deficit",
        "balance",
        "cashflow",
        "roi",
        "roe",
        "investment",
        # changes
        "change",
        "changes",
        "growth",
        "delta",
        "difference",
        "diff",
        "variance",
        "gap",
        "spread",
        "lift",
        "uplift",
        "increase",
        "decrease",
        "yoy",
        "qoq",
        # Chinese (matched anywhere in the text: Chinese has no spaces between words)
        "淨",
        "净",
        "利潤",
        "利润",
        "獲利",
        "盈利",
        "盈餘",
        "損益",
        "损益",
        "盈虧",
        "盈亏",
        "毛利",
        "收益",
        "虧損",
        "報酬",
        "报酬",
        "現金流",
        "现金流",
        "餘額",
        "成長",
        "增長",
        "增长",
        "增減",
        "變化",
        "变化",
        "變動",
        "变动",
        "差額",
        "差额",
        "差異",
        "差异",
        "差距",
        "落差",
        "幅度",
        "增幅",
        "漲幅",
        "跌幅",
    }
)
"""Words saying a KPI is a change or a net figure, which may be negative. English words
are matched whole (``net`` in ``net_revenue``, not in ``internet``); Chinese ones
anywhere. Broad on purpose: a word too many only means a negative value goes unnoticed."""

AVERAGE_WORDS = in_both_scripts(
    {
        *("average", "averages", "avg", "mean", "median", "per"),
        *("平均", "人均"),
    }
)
"""Words saying a count KPI is an average, which may be fractional. Not 每 (each, per):
每月 is a count per month, whole, and 每位訪客 is each visitor."""

OVER_WHOLE_WORDS = in_both_scripts(
    {
        # retention of revenue, returns, attainment and coverage pass 100% when things go well
        *("nrr", "ndr", "grr", "retention", "roas", "return", "returns", "attainment"),
        *("quota", "achievement", "coverage", "utilization", "utilisation", "index"),
        *("markup", "multiple"),
        *("留存", "投報", "投资回报", "達成率", "达成率", "覆蓋", "覆盖", "稼動", "指數"),
    }
)
"""Words saying a percent KPI may well be over 100% (net revenue retention at 110%, a
ROAS of 400%, quota attainment at 120%), besides the changes and net figures of
:data:`SIGNED_WORDS` (growth of 150%)."""

OVER_WHOLE_LIMIT = 10
"""Above this (1,000%) even such a percent is asked about: 12 for 12% growth is 1,200%."""

_LATIN_WORD = re.compile(r"[a-z]+")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def _words(kpi: Kpi, formula: Formula | None) -> str:
    parts = [kpi.id, kpi.name, kpi.definition, *(formula.names if formula else ())]
    return " ".join(parts).lower()


def _says(text: str, vocabulary: frozenset[str]) -> bool:
    if not vocabulary.isdisjoint(_LATIN_WORD.findall(text)):
        return True
    return any(word in text for word in vocabulary if _NON_ASCII.match(word))


def may_be_negative(kpi: Kpi) -> bool:
    """Whether the KPI's value can be below zero: it has no unit, a unit that allows it
    (a score), a formula that subtracts, or words that say it is a change or a net figure.
    """
    if kpi.unit not in NEVER_NEGATIVE_UNITS:
        return True
    formula = parsed_formula(kpi)
    if formula is not None and can_be_negative(formula):
        return True
    return _says(_words(kpi, formula), SIGNED_WORDS)


def negative_value_reason(kpi: Kpi) -> str | None:
    """The message key saying why a value below zero is a mistake for ``kpi`` (``a rate
    or a share is never negative...``), or ``None`` when it may be negative. The one rule
    for :func:`negative_value` and for what a check-in warns about."""
    if may_be_negative(kpi):
        return None
    assert kpi.unit is not None
    return NEVER_NEGATIVE_UNITS[kpi.unit]


def may_exceed_whole(kpi: Kpi) -> bool:
    """Whether a percent KPI can be over 100% by its nature: a change (its formula
    subtracts, or its words say so), a net figure, a retention of revenue, a return, an
    attainment (see :data:`OVER_WHOLE_WORDS`). A percent of these stored as 1.05 is 105%
    as meant, not 1.05% typed as a whole number."""
    formula = parsed_formula(kpi)
    if formula is not None and can_be_negative(formula):
        return True
    words = _words(kpi, formula)
    return _says(words, SIGNED_WORDS) or _says(words, OVER_WHOLE_WORDS)


def may_be_fractional(kpi: Kpi) -> bool:
    """Whether a count KPI's value can be a fraction: its formula divides or has decimals,
    or its words say it is an average."""
    formula = parsed_formula(kpi)
    if formula is not None and can_be_fractional(formula):
        return True
    return _says(_words(kpi, formula), AVERAGE_WORDS)


_FIELDS: tuple[tuple[tuple[str, ...], str], ...] = (
    (("baseline",), "checks.value_baseline"),
    (("target",), "checks.value_target"),
    (("guardrail", "min"), "checks.value_floor"),
    (("guardrail", "max"), "checks.value_ceiling"),
)


def _value(kpi: Kpi, field: tuple[str, ...]) -> float | None:
    node: object = kpi
    for name in field:
        node = getattr(node, name, None)
        if node is None:
            return None
    return node  # type: ignore[return-value]


@check("kpi.percent_scale", severity="hint", step="baselines")
def percent_scale(context: Context) -> Iterator[Found]:
    """A percent stored as 12 instead of 0.12 reads as 1200%; -5 for -5% as -500%. A
    percent that may be over 100% by its nature (:func:`may_exceed_whole`: net revenue
    retention at 110%, growth of 150%) is asked about only over 1,000%.

    Below zero, only a percent that may be negative (a change) is asked about here: for
    a share, any negative value is :func:`negative_value`'s finding."""
    for ref in context.kpis:
        kpi = ref.kpi
        if kpi.unit != "percent":
            continue
        for field in ("baseline", "target"):
            value = getattr(kpi, field)
            if value is None:
                continue
            if value > (OVER_WHOLE_LIMIT if may_exceed_whole(kpi) else 1):
                key = "checks.percent_over_100"
            elif value < -1 and may_be_negative(kpi):
                key = "checks.percent_below_minus_100"
            else:
                continue
            yield Found(
                ref.loc(field),
                key,
                {"kpi": kpi.id, "value": Quantity(value, kpi.unit, context.plan.currency)},
            )


@check("kpi.negative_value", severity="warning", step="baselines")
def negative_value(context: Context) -> Iterator[Found]:
    """A count, an amount, a rate, a ratio or a duration below zero, on a KPI that is not
    a change or a net figure (see the module's documentation): its baseline, target or
    guardrail, or a value checked in (``okr checkin`` warns as it records one; carried
    into a next period it would become the baseline)."""
    yield from _negative_plan_values(context)
    yield from _negative_checkins(context)


def _negative_plan_values(context: Context) -> Iterator[Found]:
    for ref in context.kpis:
        kpi = ref.kpi
        values = [(field, key, _value(kpi, field)) for field, key in _FIELDS]
        if not any(value is not None and value < 0 for _, _, value in values):
            continue
        reason = negative_value_reason(kpi)
        if reason is None:
            continue
        has_formula = parsed_formula(kpi) is not None
        for field, key, value in values:
            if value is None or value >= 0:
                continue
            yield Found(
                ref.loc(*field),
                "checks.negative_value_formula" if has_formula else "checks.negative_value",
                {
                    "kpi": kpi.id,
                    "field": Phrase(key),
                    "value": Quantity(value, kpi.unit, context.plan.currency),
                    "reason": Phrase(reason),
                },
            )


def _negative_checkins(context: Context) -> Iterator[Found]:
    kpis = {ref.kpi.id: ref.kpi for ref in reversed(context.kpis)}  # the first of an id
    for index, checkin in enumerate(context.plan.checkins):
        kpi = kpis.get(checkin.kpi)
        if kpi is None or checkin.value >= 0:
            continue
        reason = negative_value_reason(kpi)
        if reason is None:
            continue
        yield Found(
            ("checkins", index, "value"),
            "checks.negative_value",
            {
                "kpi": kpi.id,
                "field": Phrase("checks.value_checkin", (("date", checkin.date.isoformat()),)),
                "value": Quantity(checkin.value, kpi.unit, context.plan.currency),
                "reason": Phrase(reason),
            },
        )


@check("kpi.fractional_count", severity="hint", step="baselines")
def fractional_count(context: Context) -> Iterator[Found]:
    """1.5 customers: a count's baseline or target with decimals, unless it is an average."""
    from model.units import format_number

    for ref in context.kpis:
        kpi = ref.kpi
        if kpi.unit != "count":
            continue
        fields = [
            (field, key, value)
            for (field,), key in _FIELDS[:2]
            if (value := getattr(kpi, field)) is not None and not float(value).is_integer()
        ]
        if not fields or may_be_fractional(kpi):
            continue
        for field, key, value in fields:
            yield Found(
                ref.loc(field),
                "checks.count_not_whole",
                {"kpi": kpi.id, "field": Phrase(key), "value": format_number(value, 6)},
            )
