"""Step 4: every KPI has a definition, a formula that parses over declared inputs (and
does not divide by zero whatever they are), and a data source, so every team computes
it the same way."""

from __future__ import annotations

from collections.abc import Iterator

from model.checks.base import Described, Found, check
from model.checks.context import Context
from model.inputs import formula_inputs, kpi_formula_problems, sources_of_inputs, unused_inputs


@check("kpi.definition", severity="warning", step="formulas")
def kpi_definition(context: Context) -> Iterator[Found]:
    for ref in context.kpis:
        if not ref.kpi.definition.strip():
            yield Found(ref.loc("definition"), "checks.kpi_no_definition", {"kpi": ref.kpi.id})


@check("kpi.formula", severity="error", step="formulas")
def kpi_formula(context: Context) -> Iterator[Found]:
    for ref in context.kpis:
        if not ref.kpi.formula.strip():
            yield Found(ref.loc("formula"), "checks.kpi_no_formula", {"kpi": ref.kpi.id})


def _problems(context: Context, kind: str) -> Iterator[Found]:
    for ref in context.kpis:
        for problem in kpi_formula_problems(context.plan, ref.kpi):
            if problem.kind == kind:
                yield Found(
                    ref.loc("formula"),
                    "checks.formula_problem",
                    {"problem": Described(lambda p=problem: p.message)},
                )


@check("kpi.formula_syntax", severity="error", step="formulas", ignorable=False)
def formula_syntax(context: Context) -> Iterator[Found]:
    yield from _problems(context, "syntax")


@check("kpi.formula_input", severity="error", step="formulas", ignorable=False)
def formula_inputs_declared(context: Context) -> Iterator[Found]:
    yield from _problems(context, "undeclared_input")


@check("kpi.formula_zero_divisor", severity="error", step="formulas", ignorable=False)
def formula_zero_divisor(context: Context) -> Iterator[Found]:
    """``x / 0`` or ``x / (2 - 2)``: every computation of the KPI fails, whatever the
    inputs are (``model.formula.zero_divisor``; the Formulas step shows the same)."""
    yield from _problems(context, "zero_divisor")


@check("kpi.data_source", severity="error", step="formulas")
def kpi_data_source(context: Context) -> Iterator[Found]:
    """A KPI names its data source, or every input its formula reads declares one."""
    for ref in context.kpis:
        if ref.kpi.data_source.strip() or sources_of_inputs(context.plan, ref.kpi):
            continue
        yield Found(ref.loc("data_source"), "checks.kpi_no_data_source", {"kpi": ref.kpi.id})


@check("input.source", severity="warning", step="formulas")
def input_source(context: Context) -> Iterator[Found]:
    used = {name for kpi in context.plan.kpis for name in formula_inputs(kpi)}
    for name, declared in context.plan.inputs.items():
        if name in used and not declared.source.strip():
            yield Found(("inputs", name, "source"), "checks.input_no_source", {"name": name})


@check("inputs.unused", severity="hint", step="formulas")
def inputs_unused(context: Context) -> Iterator[Found]:
    for name in unused_inputs(context.plan):
        yield Found(("inputs", name), "checks.input_unused", {"name": name})
