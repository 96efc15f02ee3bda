"""What every exporter shares: the plan checked and tracked as of one day, in one language,
and the plan's values shown as words (units, directions, kinds, guardrails)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cached_property

from model.checks import CheckReport, FunnelCoverage, funnel_coverage, run_checks
from model.i18n import Language, get_language, set_language, t
from model.inputs import formula_inputs
from model.plan import Guardrail, Item, Kpi, Plan
from model.progress import PlanProgress, plan_progress
from model.progress_report import NO_VALUE, cadence_label
from model.units import format_value, unit_label
from model.vocab import kind_label as kind_name

GENERATOR = "okr-planner"
"""Written into every export (a comment, a meta tag, a JSON key) so the planner can tell
its own exports from files people wrote, and never overwrite the latter."""


_LINE_BREAKS = re.compile(r"\r\n|[\r\n\u2028\u2029\x0b\x0c\x1c\x1d\x1e\x85]")


def split_lines(text: str) -> list[str]:
    """``text`` split at every kind of line break (``\r\n``, ``\r``, ``\n``, U+2028...),
    as a person sees the lines."""
    return _LINE_BREAKS.split(text)


@contextmanager
def using_language(language: Language) -> Iterator[None]:
    """Run the block with :func:`t` answering in ``language``, then restore the previous one.

    Exports are rendered in one call on one thread; the app must not render other text
    while an export runs (it is fast: call it on the UI thread)."""
    previous = get_language()
    set_language(language)
    try:
        yield
    finally:
        set_language(previous)


def export_language(plan: Plan, explicit: Language | None = None) -> Language:
    """The language an export of ``plan`` is written in: ``explicit`` (``--lang``), else the
    plan's own ``language``, else the current language."""
    return explicit or plan.language or get_language()


@dataclass
class ExportContext:
    """One plan, as of one day: its findings and progress, computed once for all sections."""

    plan: Plan
    today: dt.date
    explicit_date: bool = False
    """Whether the day was asked for (``--date``): see :func:`model.checks.run_checks`."""
    source: str = ""
    """The plan's file name, shown in the export (``saas-growth.toml``); may be empty."""
    exported_on: dt.date = field(default_factory=dt.date.today)
    """The day the export is written: the real date, even when ``today`` is another day."""

    @cached_property
    def report(self) -> CheckReport:
        """The method checks' findings."""
        return run_checks(self.plan, self.today, explicit_date=self.explicit_date)

    @cached_property
    def progress(self) -> PlanProgress:
        """Latest values, statuses and scores."""
        return plan_progress(self.plan, self.today)

    @cached_property
    def funnel(self) -> FunnelCoverage:
        """The funnel framework and the stages the KPIs cover."""
        return funnel_coverage(self.plan)

    @property
    def title(self) -> str:
        """The plan's title, or the words for an untitled plan."""
        return self.plan.title.strip() or t("progress.untitled")

    def value(self, kpi: Kpi, number: float | None) -> str:
        """A number in the KPI's unit (``12%``, ``$780``), ``—`` for none."""
        if number is None:
            return NO_VALUE
        return format_value(number, kpi.unit, currency=self.plan.currency)

    def guardrail(self, kpi: Kpi) -> str:
        """The guardrail in words: ``at least 8%``, ``at most $700``, ``8% to 12%``."""
        return guardrail_words(kpi, kpi.guardrail, self.plan.currency)

    def inputs(self, kpi: Kpi) -> str:
        """The inputs the KPI's formula reads, comma separated."""
        return t("formula.name_separator").join(formula_inputs(kpi)) or NO_VALUE

    def kpi_title(self, kpi: Kpi) -> str:
        """``Name (id)``, or the id alone for a KPI without a name."""
        name = kpi.name.strip()
        return t("export.kpi_title", name=name, id=kpi.id) if name else kpi.id


def guardrail_words(kpi: Kpi, guardrail: Guardrail | None, currency: str) -> str:
    """A guardrail as words, in the KPI's unit."""
    if guardrail is None or (guardrail.min is None and guardrail.max is None):
        return NO_VALUE

    def shown(number: float) -> str:
        return format_value(number, kpi.unit, currency=currency)

    if guardrail.min is not None and guardrail.max is not None:
        return t("export.guardrail_between", low=shown(guardrail.min), high=shown(guardrail.max))
    if guardrail.min is not None:
        return t("export.guardrail_min", limit=shown(guardrail.min))
    assert guardrail.max is not None
    return t("export.guardrail_max", limit=shown(guardrail.max))


def direction_label(kpi: Kpi) -> str:
    """``higher is better`` / ``lower is better``."""
    key = (
        "export.direction_increase" if kpi.direction == "increase" else "export.direction_decrease"
    )
    return t(key)


INDICATOR_KEYS = {"leading": "export.indicator_leading", "lagging": "export.indicator_lagging"}


def indicator_label(kpi: Kpi) -> str:
    """``leading`` / ``lagging`` in words, ``—`` when unset."""
    return t(INDICATOR_KEYS[kpi.indicator]) if kpi.indicator else NO_VALUE


def kind_label(item: Item) -> str:
    """The item's kind in words, marked when the user chose it rather than the classifier."""
    label = kind_name(item.kind)
    return t("export.kind_by_user", kind=label) if item.kind_set_by == "user" else label


def kpi_type(kpi: Kpi) -> str:
    """Leading or lagging, and the funnel stage: ``leading · activation``."""
    from model.checks.funnel import STAGE_KEYS

    parts = [indicator_label(kpi)] if kpi.indicator else []
    if kpi.funnel_stage:
        parts.append(t(STAGE_KEYS[kpi.funnel_stage]))
    return " · ".join(parts) or NO_VALUE


def unit_words(kpi: Kpi) -> str:
    """The KPI's unit in words."""
    return unit_label(kpi.unit)


def cadence_words(kpi: Kpi) -> str:
    """The KPI's cadence in words."""
    return cadence_label(kpi.cadence)
