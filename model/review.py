"""What the review step does with the method checks' findings: their order on screen,
the field each one jumps to, and silencing one with a recorded reason.

Silencing is the in-app counterpart of writing an ``[[ignore]]`` entry by hand: the
entry names the finding's check and field path and says why, so the finding stops being
reported (``model.checks.run_checks`` drops it) and the plan file records the decision.
"""

from __future__ import annotations

from collections.abc import Iterable

from model.checks import SEVERITIES, Finding, can_be_ignored
from model.edit import EditError
from model.i18n import t
from model.inputs import formula_inputs
from model.limits import MAX_TEXT_CHARS
from model.plan import Ignore, Plan


def review_order(findings: Iterable[Finding]) -> list[Finding]:
    """Errors first, then warnings, then hints; within each, in step order (the order
    :func:`model.checks.run_checks` reports them in)."""
    return sorted(findings, key=lambda finding: SEVERITIES.index(finding.severity))


def can_silence(finding: Finding) -> bool:
    """Whether an ``[[ignore]]`` entry can silence ``finding`` (the rule is
    :func:`model.checks.can_be_ignored`)."""
    return can_be_ignored(finding.check)


def cannot_silence_reason(finding: Finding) -> str:
    """Why ``finding`` cannot be silenced, in the current language: a finding about an
    ``[[ignore]]`` entry goes away when the entry is corrected or removed; any other
    leaves the plan unusable until it is fixed."""
    if finding.check.startswith("ignore."):
        return t("review.cannot_silence")
    return t("review.cannot_accept")


def silence(plan: Plan, finding: Finding, reason: str) -> Ignore:
    """Add an ``[[ignore]]`` entry for ``finding`` (its check, at its field path) with
    ``reason``, and return it.

    Raises :class:`~model.edit.EditError` (one translated line) when the reason is
    blank or too long, or when the finding is one that cannot be silenced.
    """
    if not can_silence(finding):
        raise EditError(cannot_silence_reason(finding))
    reason = " ".join(reason.split())
    if not reason:
        raise EditError(t("review.reason_needed"))
    if len(reason) > MAX_TEXT_CHARS:
        raise EditError(t("review.reason_too_long", limit=MAX_TEXT_CHARS))
    entry = Ignore(check=finding.check, path=finding.path, reason=reason)
    plan.ignore = [*plan.ignore, entry]  # assignment re-validates the list
    return entry


def unsilence(plan: Plan, index: int) -> Ignore:
    """Remove the plan's ``[[ignore]]`` entry at ``index`` (the one that silenced a
    finding) and return it: what it silenced is reported again. An entry without a path
    silences its check everywhere, so all of that comes back."""
    entries = list(plan.ignore)
    removed = entries.pop(index)
    plan.ignore = entries
    return removed


def jump_path(plan: Plan, finding: Finding) -> str:
    """The field path to focus for ``finding``, for the plan as it is now.

    Built from ``finding.loc`` (list positions), so a KPI whose id is repeated is still
    the right one (``kpis[2].id``); otherwise the KPI's id is used, which survives a KPI
    being moved. An input's finding goes to that input's field under the first KPI
    reading it (``kpis.<id>.inputs.<name>.source``: the inputs are edited from a formula).
    """
    loc = finding.loc
    if len(loc) > 1 and loc[0] == "kpis" and isinstance(loc[1], int):
        return _kpi_path(plan, loc[1], [str(part) for part in loc[2:]]) or finding.path
    if len(loc) > 1 and loc[0] == "inputs":
        for index, kpi in enumerate(plan.kpis):
            if loc[1] in formula_inputs(kpi):
                fields = ["inputs", str(loc[1]), *(str(part) for part in loc[2:3])]
                return _kpi_path(plan, index, fields) or finding.path
    return finding.path


def _kpi_path(plan: Plan, index: int, fields: list[str]) -> str | None:
    if index >= len(plan.kpis):
        return None
    kpi_id = plan.kpis[index].id
    unique = sum(kpi.id == kpi_id for kpi in plan.kpis) == 1
    head = f"kpis.{kpi_id}" if unique else f"kpis[{index}]"
    return ".".join([head, *fields])
