"""The wizard's steps and how far a plan has got through each of them.

A step is *empty* when nothing of it is filled in, *done* when everything the method asks
of it is there, and *needs attention* in between. The same rules list what is still
missing (:func:`gaps`), each with the field path it is about, so the review step and the
command line can point at the field. The method checks (``model.checks``) feed in
through the ``findings`` argument: a step with an error finding needs attention even
when every field is filled in.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal, Protocol, get_args

from model.i18n import t
from model.plan import Cadence, Indicator, Kpi, Plan

Step = Literal["objective", "north_star", "kpis", "formulas", "baselines", "review"]
STEPS: tuple[Step, ...] = get_args(Step)

StepState = Literal["done", "attention", "empty"]

CORE_KPIS_MIN = 3
CORE_KPIS_MAX = 5
"""The method asks for 3 to 5 core KPIs: fewer is too thin, more loses focus."""

OBJECTIVE_FIELDS = ("statement", "kgi", "start", "end")
NORTH_STAR_FIELDS = ("name", "definition")
KPI_FIELDS_BY_STEP: dict[Step, tuple[str, ...]] = {
    "kpis": ("name", "unit", "indicator", "funnel_stage", "owner"),
    "formulas": ("definition", "formula", "data_source"),
    "baselines": ("baseline", "target", "guardrail", "cadence", "on_breach"),
}
"""The KPI fields each step asks for; a KPI is done with a step when all are set."""

_KPI_FIELD_STEP: dict[str, Step] = {
    "id": "kpis",
    "direction": "kpis",
    "role": "kpis",
    "level": "kpis",
    **{field: step for step, fields in KPI_FIELDS_BY_STEP.items() for field in fields},
}


FIELD_LABELS: dict[str, str] = {
    "title": "steps.field_title",
    "statement": "steps.field_statement",
    "kgi": "steps.field_kgi",
    "start": "steps.field_start",
    "end": "steps.field_end",
    "period": "steps.field_period",
    "north_star.name": "steps.field_north_star_name",
    "north_star.definition": "steps.field_north_star_definition",
    "north_star.unit": "steps.field_north_star_unit",
    "name": "steps.field_name",
    "id": "steps.field_id",
    "unit": "steps.field_unit",
    "direction": "steps.field_direction",
    "indicator": "steps.field_indicator",
    "role": "steps.field_role",
    "level": "steps.field_level",
    "funnel_stage": "steps.field_funnel_stage",
    "owner": "steps.field_owner",
    "definition": "steps.field_definition",
    "formula": "steps.field_formula",
    "data_source": "steps.field_data_source",
    "baseline": "steps.field_baseline",
    "target": "steps.field_target",
    "guardrail": "steps.field_guardrail",
    "guardrail.min": "steps.field_guardrail_min",
    "guardrail.max": "steps.field_guardrail_max",
    "cadence": "steps.field_cadence",
    "on_breach": "steps.field_on_breach",
    "currency": "steps.field_currency",
    "item.text": "steps.field_item_text",
    "item.kind": "steps.field_item_kind",
    "item.kpi": "steps.field_item_kpi",
}
"""The message key of each field's label (KPI fields by their own name)."""

STEP_NAMES: dict[Step, str] = {
    "objective": "steps.name_objective",
    "north_star": "steps.name_north_star",
    "kpis": "steps.name_kpis",
    "formulas": "steps.name_formulas",
    "baselines": "steps.name_baselines",
    "review": "steps.name_review",
}
STEP_GUIDES: dict[Step, str] = {
    "objective": "steps.guide_objective",
    "north_star": "steps.guide_north_star",
    "kpis": "steps.guide_kpis",
    "formulas": "steps.guide_formulas",
    "baselines": "steps.guide_baselines",
    "review": "steps.guide_review",
}
STATE_NAMES: dict[StepState, str] = {
    "done": "steps.state_done",
    "attention": "steps.state_attention",
    "empty": "steps.state_empty",
}


def field_label(field: str) -> str:
    """The translated label of a field (a key of :data:`FIELD_LABELS`)."""
    return t(FIELD_LABELS[field])


def step_name(step: Step) -> str:
    """The translated name of a step, as the step list shows it."""
    return t(STEP_NAMES[step])


class Finding(Protocol):
    """What a step needs to know of a method-check finding."""

    @property
    def step(self) -> str: ...

    @property
    def severity(self) -> str: ...


@dataclass(frozen=True)
class Gap:
    """Something a step still needs: which step, the field path, and a sentence."""

    step: Step
    path: str
    """The field path, as ``okr check`` prints it: ``objective.kgi``, ``kpis.cac.owner``."""
    message: str
    severity: str = "missing"


def _filled(value: object) -> bool:
    return value is not None and value != ""


def kpi_state(kpi: Kpi, step: Step) -> StepState:
    """How far one KPI has got with a KPI step (``kpis``, ``formulas``, ``baselines``)."""
    fields = KPI_FIELDS_BY_STEP[step]
    filled = sum(_filled(getattr(kpi, name)) for name in fields)
    if filled == len(fields):
        return "done"
    return "attention" if filled else "empty"


def step_state(plan: Plan, step: Step, findings: Iterable[Finding] = ()) -> StepState:
    """The state of one step of ``plan``; the review step sums up the others."""
    if step == "review":
        return step_states(plan, findings)["review"]
    state = _own_state(plan, step)
    if state == "done" and any(f.step == step and f.severity == "error" for f in findings):
        return "attention"
    return state


def step_states(plan: Plan, findings: Iterable[Finding] = ()) -> dict[Step, StepState]:
    """The state of every step, in order."""
    findings = list(findings)
    states: dict[Step, StepState] = {s: step_state(plan, s, findings) for s in STEPS[:-1]}
    values = set(states.values())
    if values == {"empty"}:
        states["review"] = "empty"
    else:
        states["review"] = "done" if values == {"done"} else "attention"
    return states


def _own_state(plan: Plan, step: Step) -> StepState:
    if step == "objective":
        objective = plan.objective
        filled = [_filled(getattr(objective, name)) for name in OBJECTIVE_FIELDS]
        has_key_result = any(item.kind == "key_result" for item in plan.items)
        if not any(filled) and not plan.items:
            return "empty"
        return "done" if all(filled) and has_key_result else "attention"
    if step == "north_star":
        filled = [_filled(getattr(plan.north_star, name)) for name in NORTH_STAR_FIELDS]
        if not any(filled):
            return "empty"
        return "done" if all(filled) else "attention"
    if not plan.kpis:
        return "empty"
    states = {kpi_state(kpi, step) for kpi in plan.kpis}
    if step == "kpis":
        in_range = CORE_KPIS_MIN <= len(plan.kpis) <= CORE_KPIS_MAX
        return "done" if states == {"done"} and in_range else "attention"
    if states == {"empty"}:
        return "empty"
    return "done" if states == {"done"} else "attention"


def gaps(plan: Plan, step: Step | None = None) -> list[Gap]:
    """What is still missing, for one step or (``None``) for all, in step order."""
    wanted = [s for s in STEPS if s != "review"] if step in (None, "review") else [step]
    found: list[Gap] = []
    for current in wanted:
        found.extend(_step_gaps(plan, current))
    return found


def _step_gaps(plan: Plan, step: Step) -> list[Gap]:
    found: list[Gap] = []
    if step == "objective":
        for name in OBJECTIVE_FIELDS:
            if not _filled(getattr(plan.objective, name)):
                found.append(_missing(step, f"objective.{name}", field_label(name)))
        if not any(item.kind == "key_result" for item in plan.items):
            found.append(Gap(step, "items", t("steps.gap_no_key_result")))
        return found
    if step == "north_star":
        for name in NORTH_STAR_FIELDS:
            if not _filled(getattr(plan.north_star, name)):
                path = f"north_star.{name}"
                found.append(_missing(step, path, field_label(path)))
        return found
    if step == "kpis":
        count = len(plan.kpis)
        if count < CORE_KPIS_MIN:
            found.append(Gap(step, "kpis", t("steps.gap_too_few_kpis", count=count)))
        elif count > CORE_KPIS_MAX:
            found.append(Gap(step, "kpis", t("steps.gap_too_many_kpis", count=count)))
    for kpi in plan.kpis:
        for name in KPI_FIELDS_BY_STEP[step]:
            if not _filled(getattr(kpi, name)):
                message = t("steps.gap_kpi_field", kpi=kpi.name or kpi.id, field=field_label(name))
                found.append(Gap(step, f"kpis.{kpi.id}.{name}", message))
    return found


def _missing(step: Step, path: str, label: str) -> Gap:
    return Gap(step, path, t("steps.gap_field", field=label))


def step_of_path(path: str) -> Step:
    """The step where the field at ``path`` is edited (``kpis.cac.target`` -> baselines).

    Paths are those of ``okr check`` and :class:`Gap`: ``objective.kgi``,
    ``north_star.name``, ``kpis.<id>.<field>[.min|.max]``, ``items[3].text``, ``items``,
    ``kpis``. Anything else belongs to the review step.
    """
    head, _, rest = path.partition(".")
    if head in ("objective", "title") or head.startswith("items"):
        return "objective"
    if head == "north_star":
        return "north_star"
    if head == "currency":
        return "baselines"
    if head == "kpis":
        parts = rest.split(".")
        field = parts[1] if len(parts) > 1 else ""
        return _KPI_FIELD_STEP.get(field, "kpis")
    return "review"


_SUGGESTED_CADENCE: dict[Indicator, Cadence] = {"leading": "weekly", "lagging": "monthly"}


def suggested_cadence(indicator: Indicator | None) -> Cadence | None:
    """The method's usual review cadence: leading indicators weekly, lagging monthly."""
    return _SUGGESTED_CADENCE.get(indicator) if indicator else None
