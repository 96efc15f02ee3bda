"""The wizard's steps, and how far a plan has got through each of them.

This is the one definition of the steps (their order, names and the fields each one
edits); ``model.checks`` files every finding under one of them. A step's state comes
from two things only: whether anything of it is filled in (*empty* otherwise), and the
method checks' findings about it (*error*, *warning*, else *done*). There is no second
list of rules here: what a plan needs is what ``model.checks`` says, so the step list,
the review step and ``okr check`` never disagree. Before the checks have run, a filled
step is *unchecked*.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Literal, Protocol, get_args

from model.i18n import t

if TYPE_CHECKING:  # the models are not needed to name the steps: the app's first paint
    from model.plan import Cadence, Indicator, Kpi, Plan  # comes before pydantic is loaded

Step = Literal["objective", "north_star", "kpis", "formulas", "baselines", "review"]
"""The wizard's six steps, in order; every finding belongs to the step where its field
is edited (the items under the objective belong to ``objective``)."""

STEPS: tuple[Step, ...] = get_args(Step)

StepState = Literal["done", "error", "warning", "empty", "unchecked"]
"""``empty``: nothing of the step is filled in; ``error`` / ``warning``: the worst
finding of the method checks about it; ``done``: filled in and no error or warning
(hints do not count); ``unchecked``: filled in, the checks have not run yet."""

STATES: tuple[StepState, ...] = get_args(StepState)

OBJECTIVE_FIELDS = ("statement", "kgi", "start", "end")
NORTH_STAR_FIELDS = ("name", "definition")
KPI_FIELDS_BY_STEP: dict[Step, tuple[str, ...]] = {
    "kpis": ("name", "unit", "indicator", "funnel_stage", "owner"),
    "formulas": ("definition", "formula", "data_source"),
    "baselines": ("baseline", "target", "guardrail", "cadence", "on_breach"),
}
"""The KPI fields each KPI step edits (which step a field path belongs to, and whether
a KPI has anything filled in for a step)."""

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
    "error": "steps.state_error",
    "warning": "steps.state_warning",
    "empty": "steps.state_empty",
}
"""The legend's words for the states (``unchecked`` lasts a moment and has none)."""


def field_label(field: str) -> str:
    """The translated label of a field (a key of :data:`FIELD_LABELS`)."""
    return t(FIELD_LABELS[field])


def step_name(step: Step) -> str:
    """The translated name of a step, as the step list shows it."""
    return t(STEP_NAMES[step])


class Finding(Protocol):
    """What the step states read of a method-check finding (``model.checks.Finding``)."""

    @property
    def step(self) -> str: ...

    @property
    def severity(self) -> str: ...

    @property
    def loc(self) -> tuple[str | int, ...]: ...


def _filled(value: object) -> bool:
    return value is not None and value != ""


def kpi_filled(kpi: Kpi, step: Step) -> bool:
    """Whether ``kpi`` has any of the fields of a KPI step (``kpis``, ``formulas``,
    ``baselines``) filled in."""
    return any(_filled(getattr(kpi, name)) for name in KPI_FIELDS_BY_STEP[step])


def step_filled(plan: Plan, step: Step) -> bool:
    """Whether anything of ``step`` is filled in (the review step: of any step)."""
    if step == "objective":
        objective = plan.objective
        return bool(plan.items) or any(_filled(getattr(objective, f)) for f in OBJECTIVE_FIELDS)
    if step == "north_star":
        return any(_filled(getattr(plan.north_star, name)) for name in NORTH_STAR_FIELDS)
    if step == "review":
        return any(step_filled(plan, other) for other in STEPS[:-1])
    if step == "kpis":
        return bool(plan.kpis)
    return any(kpi_filled(kpi, step) for kpi in plan.kpis)


def _state(filled: bool, severities: set[str] | None) -> StepState:
    if not filled:
        return "empty"
    if severities is None:
        return "unchecked"
    if "error" in severities:
        return "error"
    return "warning" if "warning" in severities else "done"


def step_states(plan: Plan, findings: Iterable[Finding] | None = None) -> dict[Step, StepState]:
    """The state of every step, in order, from ``findings`` (``None``: not checked yet).

    The review step sums up the plan: empty while every step is, else the worst
    finding anywhere (its own findings, about ``[[ignore]]`` entries and check-ins,
    included).
    """
    severities: dict[Step, set[str]] | None = None
    if findings is not None:
        severities = {step: set() for step in STEPS}
        for finding in findings:
            severities.get(finding.step, severities["review"]).add(finding.severity)  # type: ignore[call-overload]
        severities["review"] = set().union(*severities.values())
    return {
        step: _state(step_filled(plan, step), None if severities is None else severities[step])
        for step in STEPS
    }


def kpi_states(
    plan: Plan, step: Step, findings: Iterable[Finding] | None = None
) -> list[StepState]:
    """Each KPI's state for one KPI step, in plan order: as :func:`step_states`, from
    the findings of that step about that KPI (``loc`` starting ``("kpis", index)``) and
    about the inputs its formula reads (``("inputs", name)``), so a step marked ``!``
    for an input without a source has a KPI marked ``!`` too."""
    if findings is None:
        return [_state(kpi_filled(kpi, step), None) for kpi in plan.kpis]
    severities: list[set[str]] = [set() for _ in plan.kpis]
    by_input: dict[str, set[str]] = {}
    for finding in findings:
        loc = finding.loc
        if finding.step != step or len(loc) < 2:
            continue
        if loc[0] == "kpis":
            index = loc[1]
            if isinstance(index, int) and index < len(severities):
                severities[index].add(finding.severity)
        elif loc[0] == "inputs":
            by_input.setdefault(str(loc[1]), set()).add(finding.severity)
    if by_input:
        from model.inputs import formula_inputs

        for kpi, found in zip(plan.kpis, severities, strict=True):
            for name in formula_inputs(kpi):
                found |= by_input.get(name, set())
    return [
        _state(kpi_filled(kpi, step), found)
        for kpi, found in zip(plan.kpis, severities, strict=True)
    ]


def state_at(states: Sequence[StepState], index: int) -> StepState:
    """``states[index]``, or ``unchecked`` for a row added since they were computed."""
    return states[index] if 0 <= index < len(states) else "unchecked"


def step_of_path(path: str) -> Step:
    """The step where the field at ``path`` is edited (``kpis.cac.target`` -> baselines).

    Paths are those of ``okr check``: ``objective.kgi``, ``north_star.name``,
    ``kpis.<id>.<field>[.min|.max]`` (or ``kpis[2].<field>`` when ids repeat),
    ``items[3].text``, ``items``, ``kpis``; ``inputs.<name>`` belongs to the formulas.
    Anything else belongs to the review step.
    """
    head, _, rest = path.partition(".")
    if head in ("objective", "title") or head.startswith("items"):
        return "objective"
    if head == "north_star":
        return "north_star"
    if head == "currency":
        return "baselines"
    if head == "inputs":
        return "formulas"
    if head == "kpis" or head.startswith("kpis["):
        parts = rest.split(".")
        if head == "kpis":  # kpis.<id>.<field>; kpis[2].<field> has no id part
            parts = parts[1:]
        return _KPI_FIELD_STEP.get(parts[0] if parts else "", "kpis")
    return "review"


_SUGGESTED_CADENCE: dict[Indicator, Cadence] = {"leading": "weekly", "lagging": "monthly"}


def suggested_cadence(indicator: Indicator | None) -> Cadence | None:
    """The method's usual review cadence: leading indicators weekly, lagging monthly."""
    return _SUGGESTED_CADENCE.get(indicator) if indicator else None
