"""Which funnel stages the core KPIs cover, in the funnel framework the plan uses.

``funnel_stage`` takes words from three frameworks (``model.plan.FunnelStage``): the
customer journey of seed 000, AARRR and the content funnel of seed 004. A plan's
framework is the one most of its KPIs' stages belong to (``retention`` belongs to both
the journey and AARRR; a tie goes to the framework listed first below).

"Covered" means at least one core KPI measures the stage. Three to five KPIs cannot
and need not measure every stage, and a plan may rightly focus on the bottom of the
funnel; what the check reports is a **gap**: a stage between the first and the last
stage the KPIs measure that none of them does (the plan watches where people enter
and where they end up, but not where they are lost in between). Stages outside that
span are shown in exports, not reported.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

from model.checks.base import Found, Listing, Phrase, check
from model.checks.context import Context
from model.plan import FunnelStage, Plan

Framework = Literal["journey", "aarrr", "content"]

FRAMEWORKS: dict[Framework, tuple[FunnelStage, ...]] = {
    "journey": ("awareness", "consideration", "conversion", "retention", "expansion"),
    "aarrr": ("acquisition", "activation", "retention", "revenue", "referral"),
    "content": ("tofu", "mofu", "bofu", "advocacy"),
}
"""Each framework's stages, top of the funnel first."""


FRAMEWORK_KEYS: dict[Framework, str] = {
    "journey": "checks.framework_journey",
    "aarrr": "checks.framework_aarrr",
    "content": "checks.framework_content",
}
STAGE_KEYS: dict[FunnelStage, str] = {
    "awareness": "checks.stage_awareness",
    "consideration": "checks.stage_consideration",
    "conversion": "checks.stage_conversion",
    "retention": "checks.stage_retention",
    "expansion": "checks.stage_expansion",
    "acquisition": "checks.stage_acquisition",
    "activation": "checks.stage_activation",
    "revenue": "checks.stage_revenue",
    "referral": "checks.stage_referral",
    "tofu": "checks.stage_tofu",
    "mofu": "checks.stage_mofu",
    "bofu": "checks.stage_bofu",
    "advocacy": "checks.stage_advocacy",
}


def framework_name(framework: Framework) -> Phrase:
    """The framework's name, rendered in the current language."""
    return Phrase(FRAMEWORK_KEYS[framework])


def stage_name(stage: FunnelStage) -> Phrase:
    """The stage's name, rendered in the current language."""
    return Phrase(STAGE_KEYS[stage])


@dataclass(frozen=True)
class FunnelCoverage:
    """The plan's funnel framework and, for each of its stages, the KPIs measuring it."""

    framework: Framework | None
    """The framework most KPIs' stages belong to; ``None`` when no KPI has a stage."""

    stages: tuple[tuple[FunnelStage, tuple[str, ...]], ...]
    """Every stage of the framework, top first, with the ids of the KPIs measuring it."""

    @property
    def covered(self) -> list[FunnelStage]:
        """Stages at least one KPI measures."""
        return [stage for stage, kpis in self.stages if kpis]

    @property
    def gaps(self) -> list[FunnelStage]:
        """Uncovered stages between the first and the last covered one."""
        marks = [bool(kpis) for _, kpis in self.stages]
        if not any(marks):
            return []
        first = marks.index(True)
        last = len(marks) - 1 - marks[::-1].index(True)
        return [stage for stage, kpis in self.stages[first : last + 1] if not kpis]


def funnel_coverage(plan: Plan) -> FunnelCoverage:
    """The framework the plan's KPIs use and which of its stages they cover."""
    staged = [kpi for kpi in plan.kpis if kpi.funnel_stage]
    if not staged:
        return FunnelCoverage(None, ())
    counts = {
        name: sum(kpi.funnel_stage in stages for kpi in staged)
        for name, stages in FRAMEWORKS.items()
    }
    framework = max(counts, key=lambda name: counts[name])  # max keeps the first of a tie
    stages = tuple(
        (stage, tuple(kpi.id for kpi in staged if kpi.funnel_stage == stage))
        for stage in FRAMEWORKS[framework]
    )
    return FunnelCoverage(framework, stages)


@check("kpis.funnel", severity="hint", step="kpis")
def funnel_gaps(context: Context) -> Iterator[Found]:
    if not context.plan.kpis:
        return
    coverage = funnel_coverage(context.plan)
    if coverage.framework is None:
        yield Found(("kpis",), "checks.funnel_none")
        return
    gaps = coverage.gaps
    if gaps:
        yield Found(
            ("kpis",),
            "checks.funnel_gap",
            {
                "framework": framework_name(coverage.framework),
                "missing": Listing(tuple(stage_name(stage) for stage in gaps)),
            },
        )


@check("kpi.funnel_framework", severity="hint", step="kpis")
def mixed_frameworks(context: Context) -> Iterator[Found]:
    coverage = funnel_coverage(context.plan)
    if coverage.framework is None:
        return
    own = FRAMEWORKS[coverage.framework]
    for ref in context.kpis:
        stage = ref.kpi.funnel_stage
        if stage and stage not in own:
            other = next(name for name, stages in FRAMEWORKS.items() if stage in stages)
            yield Found(
                ref.loc("funnel_stage"),
                "checks.funnel_mixed",
                {
                    "stage": stage_name(stage),
                    "other": framework_name(other),
                    "framework": framework_name(coverage.framework),
                },
            )
