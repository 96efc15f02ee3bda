"""The method as code: every check of the planner's 5-step method, run over a plan.

Each check has a stable id (``kpi.target_direction``), one severity (``error``: the plan
fails the method's checklist; ``warning``: a reviewer should look; ``hint``: a
suggestion) and the wizard step its field is edited in. Checks return data; the command
line, the exports and the app format it. ``docs/checks.md`` lists every check
(generated from :data:`CHECKS` by ``python -m model.checks.doc``).

Public API::

    report = run_checks(plan, today)          # CheckReport, never raises
    report.findings                           # tuple[Finding, ...] in step order
    report.silenced                           # tuple[Silenced, ...]: dropped by [[ignore]]
    report.has_errors, report.count("hint")
    report.steps_with_errors                  # frozenset of steps: the step list's marks
    report.worst_by_step()                    # {step: worst severity}
    report.for_step("baselines"), report.at("kpis.cac")
    finding.check, .severity, .step, .path, .loc, .message, .fix, .to_dict()
    can_be_ignored(finding.check)             # False: [[ignore]] cannot accept it

``finding.path`` is what ``okr check`` prints and ``[[ignore]]`` names
(``kpis.cac.target``, ``items[3].kind``); ``finding.loc`` is the same field with list
positions (``("kpis", 3, "target")``) for a screen to focus its widget.
"""

from __future__ import annotations

# The check modules register their checks on import, in the order they run (step by step).
# isort: off
import model.checks.objective
import model.checks.items
import model.checks.kpis
import model.checks.funnel
import model.checks.formulas
import model.checks.baselines
import model.checks.values
import model.checks.tracking  # noqa: F401 (imported to register its checks)

# isort: on
from model.checks.base import (
    CHECKS,
    SEVERITIES,
    STEPS,
    Check,
    Finding,
    Loc,
    Severity,
    Step,
    can_be_ignored,
)
from model.checks.funnel import FunnelCoverage, funnel_coverage
from model.checks.runner import CheckReport, Silenced, path_covers, run_checks

__all__ = [
    "CHECKS",
    "SEVERITIES",
    "STEPS",
    "Check",
    "CheckReport",
    "Finding",
    "FunnelCoverage",
    "Loc",
    "Severity",
    "Silenced",
    "Step",
    "can_be_ignored",
    "funnel_coverage",
    "path_covers",
    "run_checks",
]
