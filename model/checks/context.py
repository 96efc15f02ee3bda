"""What a check sees: the plan, the day checked, and field paths computed once per run."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass
from functools import cached_property

from model.checks.base import Loc
from model.plan import IDENTIFIER, Kpi, Plan
from model.progress import PlanProgress, plan_progress


@dataclass(frozen=True)
class KpiRef:
    """A KPI with its position in ``plan.kpis`` and the name its paths use."""

    index: int
    kpi: Kpi

    def loc(self, *fields: str) -> Loc:
        """The location of one of its fields: ``("kpis", 3, "target")``."""
        return ("kpis", self.index, *fields)


class Context:
    """One run of the checks over one plan, as of one day."""

    def __init__(self, plan: Plan, today: dt.date, *, explicit_date: bool = False) -> None:
        self.plan = plan
        self.today = today
        self.explicit_date = explicit_date
        """Whether the day was asked for (``okr check --date``) rather than taken from
        the clock: overdue check-ins are then reported even outside the period."""
        self.cache: dict[str, object] = {}
        """Results several checks share, computed once per run."""

    @cached_property
    def kpis(self) -> list[KpiRef]:
        """Every KPI with its position."""
        return [KpiRef(index, kpi) for index, kpi in enumerate(self.plan.kpis)]

    @cached_property
    def kpi_ids(self) -> set[str]:
        """The ids the plan's KPIs have."""
        return {kpi.id for kpi in self.plan.kpis}

    @cached_property
    def _id_counts(self) -> Counter[str]:
        return Counter(kpi.id for kpi in self.plan.kpis)

    @cached_property
    def progress(self) -> PlanProgress:
        """The plan's progress as of the day checked (for the tracking checks)."""
        return plan_progress(self.plan, self.today)

    @property
    def period_open(self) -> bool:
        """Whether the day checked lies within the objective's period (on or before its
        end, and not before its start when it has one)."""
        objective = self.plan.objective
        if objective.end is None or self.today > objective.end:
            return False
        return objective.start is None or objective.start <= self.today

    def path(self, loc: Loc) -> str:
        """The printed field path of ``loc`` (see :attr:`Finding.path`)."""
        parts: list[str] = []
        for position, part in enumerate(loc):
            if isinstance(part, int):
                kpi_id = self._unique_kpi_id(loc, position, part)
                if kpi_id is not None:
                    parts.append(kpi_id)
                elif parts:
                    parts[-1] += f"[{part}]"
                else:
                    parts.append(f"[{part}]")
            else:
                parts.append(part)
        return ".".join(parts)

    def _unique_kpi_id(self, loc: Loc, position: int, index: int) -> str | None:
        if position != 1 or loc[0] != "kpis" or index >= len(self.plan.kpis):
            return None
        kpi_id = self.plan.kpis[index].id
        if self._id_counts[kpi_id] == 1 and IDENTIFIER.fullmatch(kpi_id):
            return kpi_id
        return None
