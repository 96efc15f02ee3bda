"""A plan's formula inputs: which KPIs read which inputs, what is undeclared or unused,
declaring new ones, and computing a KPI's value from input values.

Inputs are declared once per plan (``[inputs.orders]`` with a description, source and
unit), so every team computes a KPI from the same numbers. The method checks (``okr
check``) and the app both read formulas through these functions; none of them raises
for a formula that does not parse: such a KPI simply reads no inputs, and
:func:`formula_problems` reports the syntax error instead.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache

from model.formula import Formula, FormulaSyntaxError, evaluate, parse_formula, zero_divisor
from model.formula_parser import names_mentioned
from model.i18n import t
from model.plan import Input, Kpi, Plan, Unit
from model.units import format_value


@dataclass(frozen=True)
class FormulaProblem:
    """Something wrong with a KPI's formula, as ``okr check`` and the checks report it."""

    kpi_id: str
    """The KPI whose formula it is."""

    kind: str
    """``syntax`` (the formula does not parse), ``undeclared_input``, or ``zero_divisor``
    (it divides by something that is always 0, so it can never be computed)."""

    key: str
    """The message key of the reason."""

    params: dict[str, object] = field(default_factory=dict)
    """The message's parameters."""

    position: int | None = None
    """0-based offset in the formula the problem points at."""

    @property
    def path(self) -> str:
        """The field the problem is about, e.g. ``kpis.cac.formula``."""
        return f"kpis.{self.kpi_id}.formula"

    @property
    def message(self) -> str:
        """The reason in the current language (with the character, for syntax errors
        and zero divisors)."""
        text = t(self.key, **self.params)
        if self.kind in ("syntax", "zero_divisor") and self.position is not None:
            return t("formula.at_character", message=text, column=self.position + 1)
        return text


@lru_cache(maxsize=4096)
def _parse(text: str) -> Formula | FormulaSyntaxError:
    """:func:`parse_formula`, remembered per text: the app re-runs the checks after edits,
    and each run reads every formula several times (a parse is pure; both results are
    immutable as used here)."""
    return parse_formula(text)


def parsed_formula(kpi: Kpi) -> Formula | None:
    """The KPI's formula parsed, or ``None`` when it is empty or does not parse."""
    if not kpi.formula.strip():
        return None
    parsed = _parse(kpi.formula)
    return None if isinstance(parsed, FormulaSyntaxError) else parsed


def formula_inputs(kpi: Kpi) -> tuple[str, ...]:
    """The input names the KPI's formula reads, in order of first use (``()`` if none)."""
    parsed = parsed_formula(kpi)
    return parsed.names if parsed else ()


def kpi_inputs(plan: Plan, kpi: Kpi) -> list[tuple[str, Input | None]]:
    """Each input the KPI's formula reads, with its declaration (``None`` if undeclared)."""
    return [(name, plan.inputs.get(name)) for name in formula_inputs(kpi)]


def sources_of_inputs(plan: Plan, kpi: Kpi) -> tuple[str, ...]:
    """The data sources of the inputs the KPI's formula reads, each once, when every one
    of them declares its source: then the KPI needs no ``data_source`` of its own (the
    ``kpi.data_source`` check). ``()`` when one has none, or the formula reads nothing."""
    sources: dict[str, None] = {}
    for _name, declared in kpi_inputs(plan, kpi):
        if declared is None or not declared.source.strip():
            return ()
        sources[declared.source.strip()] = None
    return tuple(sources)


def kpis_without_formula(plan: Plan) -> list[str]:
    """Ids of the KPIs whose formula is empty, in plan order."""
    return [kpi.id for kpi in plan.kpis if not kpi.formula.strip()]


def undefined_inputs(plan: Plan) -> list[tuple[str, str]]:
    """``(kpi_id, name)`` for every input a formula reads that ``[inputs]`` does not declare."""
    return [
        (kpi.id, name)
        for kpi in plan.kpis
        for name in formula_inputs(kpi)
        if name not in plan.inputs
    ]


def unused_inputs(plan: Plan) -> list[str]:
    """Declared inputs that no KPI formula reads, in declaration order. A name in a
    formula that does not parse counts as read: that formula's syntax error is the
    problem to report, not its inputs."""
    used = {name for kpi in plan.kpis for name in _mentioned_inputs(kpi)}
    return [name for name in plan.inputs if name not in used]


def _mentioned_inputs(kpi: Kpi) -> tuple[str, ...]:
    if not kpi.formula.strip():
        return ()
    parsed = _parse(kpi.formula)
    if isinstance(parsed, FormulaSyntaxError):
        return names_mentioned(kpi.formula)
    return parsed.names


def declare_inputs(
    plan: Plan,
    names: Iterable[str],
    descriptions: Mapping[str, str] | None = None,
    units: Mapping[str, Unit | None] | None = None,
) -> list[str]:
    """Declare each of ``names`` the plan does not declare yet; return the ones added.

    Existing declarations are never changed (their source and description are the
    user's). ``descriptions`` and ``units`` fill the new ones where given. The names are
    validated as identifiers (a ``ValueError`` from pydantic for one that is not).
    """
    descriptions = descriptions or {}
    units = units or {}
    added = {
        name: Input(description=descriptions.get(name, ""), unit=units.get(name))
        for name in dict.fromkeys(names)
        if name not in plan.inputs
    }
    if added:
        plan.inputs = {**plan.inputs, **added}  # assignment re-validates the names
    return list(added)


def formula_problems(plan: Plan) -> list[FormulaProblem]:
    """Formulas that do not parse, inputs formulas read without a declaration, and
    formulas that divide by zero whatever their inputs are.

    In plan order; an empty formula is not a problem here (the checks report it).
    """
    return [problem for kpi in plan.kpis for problem in kpi_formula_problems(plan, kpi)]


def kpi_formula_problems(plan: Plan, kpi: Kpi) -> list[FormulaProblem]:
    """What :func:`formula_problems` finds in one KPI's formula."""
    if not kpi.formula.strip():
        return []
    parsed = _parse(kpi.formula)
    if isinstance(parsed, FormulaSyntaxError):
        return [FormulaProblem(kpi.id, "syntax", parsed.key, parsed.params, parsed.position)]
    problems: list[FormulaProblem] = []
    for name in parsed.names:
        if name not in plan.inputs:
            start = (parsed.span_of(name) or (None, None))[0]
            problems.append(
                FormulaProblem(
                    kpi.id, "undeclared_input", "formula.undeclared_input", {"name": name}, start
                )
            )
    always = zero_divisor(parsed)
    if always is not None:
        problems.append(
            FormulaProblem(kpi.id, "zero_divisor", always.key, always.params, always.position)
        )
    return problems


def compute_kpi(kpi: Kpi, values: Mapping[str, float]) -> float:
    """The KPI's value from its inputs' values; raises a FormulaError subclass when it cannot."""
    return evaluate(kpi.formula, values)


def preview(plan: Plan, kpi: Kpi, values: Mapping[str, float]) -> str:
    """The Formulas step's preview: ``with orders = 150 and visitors = 10,000: 1.5%``.

    Each value is shown in its input's declared unit and the result in the KPI's unit,
    in the current language. Raises a FormulaError subclass (syntax, a missing value,
    division by zero...) whose ``message`` the screen can show instead.
    """
    result = compute_kpi(kpi, values)
    shown = format_value(result, kpi.unit, currency=plan.currency)
    names = formula_inputs(kpi)
    if not names:
        return t("formula.preview_no_inputs", result=shown)
    assignments = [
        t(
            "formula.assignment_shown",
            name=name,
            value=format_value(values[name], _unit_of(plan, name), currency=plan.currency),
        )
        for name in names
    ]
    return t("formula.preview", values=join_list(assignments), result=shown)


def _unit_of(plan: Plan, name: str) -> Unit | None:
    declared = plan.inputs.get(name)
    return declared.unit if declared else None


def join_list(items: list[str]) -> str:
    """``a``, ``a and b``, ``a, b and c`` (``a、b、c`` in Chinese)."""
    if len(items) <= 1:
        return "".join(items)
    if len(items) == 2:
        return t("formula.list_two", first=items[0], second=items[1])
    head = t("formula.name_separator").join(items[:-1])
    return t("formula.list_many", items=head, last=items[-1])
