"""Step 1: the objective (one SMART goal with a KGI and a deadline) and its period.

Whether the statement is specific, the KGI measurable and the whole time-bound is read
by the classifier's SMART hints (:func:`model.classify.smart_hints`), so the app's live
hints and ``okr check`` never disagree. Relevance cannot be judged from text and is
never reported.
"""

from __future__ import annotations

from collections.abc import Iterator

from model.checks.base import Described, Found, check
from model.checks.context import Context
from model.classify import SmartHint, smart_hints
from model.classify.smart import deadline_dates


def _blank(text: str) -> bool:
    return not text.strip()


@check("plan.title", severity="hint", step="objective")
def plan_title(context: Context) -> Iterator[Found]:
    if _blank(context.plan.title):
        yield Found(("title",), "checks.plan_title")


@check("objective.statement", severity="error", step="objective")
def objective_statement(context: Context) -> Iterator[Found]:
    if _blank(context.plan.objective.statement):
        yield Found(("objective", "statement"), "checks.objective_statement")


@check("objective.kgi", severity="error", step="objective")
def objective_kgi(context: Context) -> Iterator[Found]:
    if _blank(context.plan.objective.kgi):
        yield Found(("objective", "kgi"), "checks.objective_kgi")


@check("objective.period", severity="warning", step="objective")
def objective_period(context: Context) -> Iterator[Found]:
    objective = context.plan.objective
    if objective.start is None:
        yield Found(("objective", "start"), "checks.objective_no_start")
    if objective.end is None:
        yield Found(("objective", "end"), "checks.objective_no_end")


def smart_reading(context: Context) -> dict[str, SmartHint]:
    """The classifier's SMART hints for the objective, by criterion (computed once a run)."""
    cached = context.cache.get("smart")
    if cached is None:
        objective = context.plan.objective
        hints = smart_hints(objective.statement, objective.kgi, period_end=objective.end)
        cached = context.cache["smart"] = {hint.criterion: hint for hint in hints}
    return cached


def _reason(hint: SmartHint) -> Described:
    return Described(lambda: hint.reason.text)


@check("objective.deadline", severity="error", step="objective")
def objective_deadline(context: Context) -> Iterator[Found]:
    """Time-bound: a date in the KGI or the statement, or the period's end."""
    if _blank(context.plan.objective.statement) and _blank(context.plan.objective.kgi):
        return  # nothing written yet: objective.statement and objective.kgi say so
    if smart_reading(context)["time_bound"].status == "missing":
        yield Found(("objective", "kgi"), "checks.objective_no_deadline")


@check("objective.deadline_before_period", severity="warning", step="objective")
def objective_deadline_before_period(context: Context) -> Iterator[Found]:
    """A date the KGI (or the statement) must be met by that comes before the period
    starts: a deadline left from an earlier period, as okr next-period copies the texts.
    A later date is not flagged: a quarter's plan may serve a KGI for the year."""
    objective = context.plan.objective
    if objective.start is None:
        return
    for field, text in (("kgi", objective.kgi), ("statement", objective.statement)):
        day = next((d for d in deadline_dates(text) if d < objective.start), None)
        if day is not None:
            yield Found(
                ("objective", field),
                "checks.objective_deadline_before_period",
                {"date": day.isoformat(), "start": objective.start.isoformat()},
            )


@check("objective.specific", severity="warning", step="objective")
def objective_specific(context: Context) -> Iterator[Found]:
    if _blank(context.plan.objective.statement):
        return
    hint = smart_reading(context)["specific"]
    if hint.status == "missing":
        yield Found(
            ("objective", "statement"), "checks.objective_not_specific", {"reason": _reason(hint)}
        )


@check("objective.measurable", severity="warning", step="objective")
def objective_measurable(context: Context) -> Iterator[Found]:
    if _blank(context.plan.objective.kgi):
        return  # objective.kgi reports it
    hint = smart_reading(context)["measurable"]
    if hint.status == "missing":
        yield Found(("objective", "kgi"), "checks.smart_reason", {"reason": _reason(hint)})


@check("objective.ambition", severity="hint", step="objective")
def objective_ambition(context: Context) -> Iterator[Found]:
    """A KGI (or statement) moving a number by less than 1.2x or more than 1.5x."""
    hint = smart_reading(context)["achievable"]
    if hint.reason.key in ("classify.smart_too_timid", "classify.smart_stretch"):
        yield Found(("objective", "kgi"), "checks.smart_reason", {"reason": _reason(hint)})
