"""Tracking against the plan: crossed guardrails, overdue check-ins, stray check-ins.

These are warnings, never errors: they say how the period is going, not whether the
plan is sound, so a plan with a crossed guardrail still passes ``okr check`` in CI.
Overdue check-ins are reported only while the period is open (today on or before its
end, and not before its start when it has one), or for the day given with ``okr check
--date``: a plan from a past quarter is not "overdue" forever.
"""

from __future__ import annotations

from collections.abc import Iterator

from model.checks.base import Described, Found, Quantity, check
from model.checks.context import Context


@check("tracking.guardrail_crossed", severity="warning", step="baselines", dated=True)
def guardrail_crossed(context: Context) -> Iterator[Found]:
    from model.progress_report import guardrail_text

    plan = context.plan
    for index, entry in enumerate(context.progress.kpis):
        if not entry.guardrail_crossed or entry.latest is None:
            continue
        field = "min" if entry.guardrail == "below_min" else "max"
        yield Found(
            ("kpis", index, "guardrail", field),
            "checks.guardrail_crossed",
            {
                "kpi": entry.kpi.id,
                "value": Quantity(entry.latest.value, entry.kpi.unit, plan.currency),
                "date": entry.latest.date.isoformat(),
                "state": Described(lambda entry=entry: guardrail_text(entry, plan)),
            },
            fix_key="checks.fix_guardrail_crossed_action" if entry.kpi.on_breach.strip() else None,
            fix_params={"action": entry.kpi.on_breach.strip()},
        )


@check("tracking.overdue", severity="warning", step="baselines", dated=True)
def checkin_overdue(context: Context) -> Iterator[Found]:
    if not (context.explicit_date or context.period_open):
        return
    for index, entry in enumerate(context.progress.kpis):
        if entry.closing_missing and entry.next_due is not None:
            yield Found(
                ("kpis", index, "cadence"),
                "checks.checkin_closing_missing",
                {"kpi": entry.kpi.id, "date": entry.next_due.isoformat()},
                fix_key="checks.fix_checkin_overdue_kpi",
                fix_params={"kpi": entry.kpi.id},
            )
        elif entry.overdue and entry.next_due is not None:
            one = entry.days_overdue == 1
            yield Found(
                ("kpis", index, "cadence"),
                "checks.checkin_overdue_one" if one else "checks.checkin_overdue",
                {
                    "kpi": entry.kpi.id,
                    "date": entry.next_due.isoformat(),
                    "days": entry.days_overdue,
                },
                fix_key="checks.fix_checkin_overdue_kpi",
                fix_params={"kpi": entry.kpi.id},
            )


@check("checkins.unknown_kpi", severity="warning", step="review")
def checkins_for_unknown_kpis(context: Context) -> Iterator[Found]:
    for index, checkin in enumerate(context.plan.checkins):
        if checkin.kpi not in context.kpi_ids:
            yield Found(
                ("checkins", index, "kpi"), "checks.checkin_unknown_kpi", {"kpi": checkin.kpi}
            )
