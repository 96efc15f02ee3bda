"""Step 1: the objective (one SMART goal with a KGI and a deadline) and its period."""

from __future__ import annotations

from collections.abc import Iterator

from model.checks.base import Found, check
from model.checks.context import Context


def _blank(text: str) -> bool:
    return not text.strip()


@check(
    "plan.title",
    severity="hint",
    step="objective",
    about="checks.about_plan_title",
    fix="checks.fix_plan_title",
)
def plan_title(context: Context) -> Iterator[Found]:
    if _blank(context.plan.title):
        yield Found(("title",), "checks.plan_title")


@check(
    "objective.statement",
    severity="error",
    step="objective",
    about="checks.about_objective_statement",
    fix="checks.fix_objective_statement",
)
def objective_statement(context: Context) -> Iterator[Found]:
    if _blank(context.plan.objective.statement):
        yield Found(("objective", "statement"), "checks.objective_statement")


@check(
    "objective.kgi",
    severity="error",
    step="objective",
    about="checks.about_objective_kgi",
    fix="checks.fix_objective_kgi",
)
def objective_kgi(context: Context) -> Iterator[Found]:
    if _blank(context.plan.objective.kgi):
        yield Found(("objective", "kgi"), "checks.objective_kgi")


@check(
    "objective.period",
    severity="warning",
    step="objective",
    about="checks.about_objective_period",
    fix="checks.fix_objective_period",
)
def objective_period(context: Context) -> Iterator[Found]:
    objective = context.plan.objective
    if objective.start is None:
        yield Found(("objective", "start"), "checks.objective_no_start")
    if objective.end is None:
        yield Found(("objective", "end"), "checks.objective_no_end")
