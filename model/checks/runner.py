"""Running every check over a plan, dropping the findings the plan silences, and the
report the command line, the exports and the app read.

A finding is silenced by an ``[[ignore]]`` entry naming its check id and a path that is
the finding's path or a prefix of it at a field boundary (``kpis.cac`` silences the
check on every field of the ``cac`` KPI; an empty path silences it everywhere). The
reason is required by the file format. An entry that silences nothing is reported as a
hint (``ignore.unused``, or ``ignore.unknown_check`` for a misspelt id), so stale
silences are noticed; those two hints cannot themselves be silenced. Entries silencing
a tracking check are never called stale: whether they match changes with every check-in.

Some checks cannot be accepted at all (``Check.ignorable`` is ``False``, see
:func:`~model.checks.base.can_be_ignored`): their findings leave the plan unusable as
written (a formula that can never be computed, a KPI id used twice, a key result linked
to a missing KPI). They are reported whatever ``[[ignore]]`` says, and an entry naming
one is itself reported (``ignore.not_allowed``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from model.checks.base import (
    CHECKS,
    SEVERITIES,
    STEPS,
    Finding,
    Found,
    Loc,
    Severity,
    Step,
    can_be_ignored,
    check,
)
from model.checks.context import Context
from model.plan import Ignore, Plan

IGNORE_UNUSED = "ignore.unused"
IGNORE_UNKNOWN_CHECK = "ignore.unknown_check"
IGNORE_NOT_ALLOWED = "ignore.not_allowed"


@check(IGNORE_UNKNOWN_CHECK, severity="hint", step="review", ignorable=False)
def _ignore_unknown_check(context: Context) -> Iterator[Found]:
    """Reported by :func:`run_checks` itself, after silencing."""
    return iter(())


@check(IGNORE_UNUSED, severity="hint", step="review", ignorable=False)
def _ignore_unused(context: Context) -> Iterator[Found]:
    """Reported by :func:`run_checks` itself, after silencing."""
    return iter(())


@check(IGNORE_NOT_ALLOWED, severity="warning", step="review", ignorable=False)
def _ignore_not_allowed(context: Context) -> Iterator[Found]:
    """Reported by :func:`run_checks` itself: an entry naming a check that cannot be
    accepted, whose findings are reported anyway."""
    return iter(())


_SECTIONS = ("title", "objective", "items", "north_star", "kpis", "inputs", "checkins", "ignore")


@dataclass(frozen=True)
class Silenced:
    """A finding dropped because of an ``[[ignore]]`` entry."""

    finding: Finding
    """What would have been reported."""

    ignore: Ignore
    """The entry that silenced it (with its reason)."""

    index: int
    """The entry's position in the plan's ``[[ignore]]`` list, from 0."""


@dataclass(frozen=True)
class CheckReport:
    """The outcome of checking one plan: what is reported and what was silenced."""

    findings: tuple[Finding, ...]
    """Reported findings, in step order (objective first), then by KPI or item."""

    silenced: tuple[Silenced, ...]
    """Findings the plan's ``[[ignore]]`` entries silenced."""

    today: dt.date
    """The day the plan was checked as of."""

    def count(self, severity: Severity) -> int:
        """How many reported findings have ``severity``."""
        return sum(finding.severity == severity for finding in self.findings)

    @property
    def has_errors(self) -> bool:
        """Whether any reported finding is an error (``okr check`` exits 1)."""
        return any(finding.severity == "error" for finding in self.findings)

    @property
    def steps_with_errors(self) -> frozenset[Step]:
        """The steps with at least one error: what the wizard's step list marks."""
        return frozenset(f.step for f in self.findings if f.severity == "error")

    def worst_by_step(self) -> dict[Step, Severity]:
        """The most serious severity reported in each step that has findings."""
        worst: dict[Step, Severity] = {}
        for finding in self.findings:
            current = worst.get(finding.step)
            if current is None or SEVERITIES.index(finding.severity) < SEVERITIES.index(current):
                worst[finding.step] = finding.severity
        return worst

    def for_step(self, step: Step) -> list[Finding]:
        """The findings of one step (what a step shows next to its fields)."""
        return [finding for finding in self.findings if finding.step == step]

    def at(self, path: str) -> list[Finding]:
        """The findings about the field ``path`` or anything inside it (``kpis.cac``)."""
        return [finding for finding in self.findings if path_covers(path, finding.path)]

    def to_dict(self) -> dict[str, object]:
        """JSON-ready: counts, findings and silenced findings (with their reasons)."""
        return {
            "date": self.today.isoformat(),
            "errors": self.count("error"),
            "warnings": self.count("warning"),
            "hints": self.count("hint"),
            "findings": [finding.to_dict() for finding in self.findings],
            "silenced": [
                {**entry.finding.to_dict(), "reason": entry.ignore.reason}
                for entry in self.silenced
            ],
        }


def path_covers(prefix: str, path: str) -> bool:
    """Whether ``prefix`` names ``path`` or a field containing it (empty: everything)."""
    prefix = prefix.strip()
    if not prefix or path == prefix:
        return True
    return path.startswith(prefix) and path[len(prefix)] in ".["


class ChecksStopped(Exception):
    """A run of the checks ended early because its ``stop`` said so."""


def run_checks(
    plan: Plan,
    today: dt.date,
    *,
    explicit_date: bool = False,
    stop: Callable[[], bool] | None = None,
) -> CheckReport:
    """Every check of the method over ``plan`` as of ``today``; never raises for a plan
    that loaded.

    ``explicit_date`` says the day was asked for (``okr check --date``) rather than
    taken from the clock: overdue check-ins are then reported even outside the period.
    ``stop`` is asked before each check; when it says so the run ends with
    :class:`ChecksStopped` (the app's run in the background, made stale by an edit).
    """
    context = Context(plan, today, explicit_date=explicit_date)
    found = sorted(_all_findings(context, stop), key=lambda pair: pair[0])
    findings = [finding for _, finding in found]
    reported: list[Finding] = []
    silenced: list[Silenced] = []
    used: set[int] = set()
    for finding in findings:
        match = _silencer(plan.ignore, finding)
        if match is None:
            reported.append(finding)
        else:
            used.add(match)
            silenced.append(Silenced(finding, plan.ignore[match], match))
    reported.extend(_stale_ignores(context, used))
    return CheckReport(tuple(reported), tuple(silenced), today)


def _all_findings(
    context: Context, stop: Callable[[], bool] | None = None
) -> Iterator[tuple[tuple, Finding]]:
    for order, registered in enumerate(CHECKS.values()):
        if stop is not None and stop():
            raise ChecksStopped
        for entry in registered.function(context):
            finding = _finding(context, registered.id, entry)
            yield (_sort_key(finding.step, entry.loc, order), finding)


def _finding(context: Context, check_id: str, entry: Found) -> Finding:
    check = CHECKS[check_id]
    return Finding(
        check=check.id,
        severity=check.severity,
        step=check.step,
        path=context.path(entry.loc),
        loc=entry.loc,
        key=entry.key,
        params=entry.params,
        fix_key=entry.fix_key or check.fix,
        fix_params=entry.fix_params,
    )


def _sort_key(step: Step, loc: Loc, order: int) -> tuple[int, int, int, int]:
    section = _SECTIONS.index(loc[0]) if loc and loc[0] in _SECTIONS else len(_SECTIONS)
    position = loc[1] if len(loc) > 1 and isinstance(loc[1], int) else -1
    return (STEPS.index(step), section, position, order)


def _silencer(ignores: Iterable[Ignore], finding: Finding) -> int | None:
    if not can_be_ignored(finding.check):
        return None
    for index, ignore in enumerate(ignores):
        if ignore.check.strip() == finding.check and path_covers(ignore.path, finding.path):
            return index
    return None


def _stale_ignores(context: Context, used: set[int]) -> Iterator[Finding]:
    from difflib import get_close_matches

    for index, ignore in enumerate(context.plan.ignore):
        check_id = ignore.check.strip()
        loc: Loc = ("ignore", index, "check")
        if check_id not in CHECKS:
            close = get_close_matches(check_id, list(CHECKS), n=1)
            yield _finding(
                context,
                IGNORE_UNKNOWN_CHECK,
                Found(
                    loc,
                    "checks.ignore_unknown_check_suggest"
                    if close
                    else "checks.ignore_unknown_check",
                    {"check": check_id, "suggestion": close[0] if close else ""},
                ),
            )
        elif not can_be_ignored(check_id):
            yield _finding(
                context,
                IGNORE_NOT_ALLOWED,
                Found(loc, "checks.ignore_not_allowed", {"check": check_id}),
            )
        elif index not in used and not CHECKS[check_id].dated:
            yield _finding(
                context,
                IGNORE_UNUSED,
                Found(
                    ("ignore", index),
                    "checks.ignore_unused_everywhere"
                    if not ignore.path.strip()
                    else "checks.ignore_unused",
                    {"check": check_id, "path": ignore.path.strip()},
                ),
            )
