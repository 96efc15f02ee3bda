"""The review document of a plan as plain blocks (headings, fields, tables, paragraphs),
shared by the Markdown and HTML exporters so both say exactly the same thing.

Every string in a block is plain text (the plan's own words or translated labels); each
renderer escapes it for its format, so no plan text can become markup.
"""

from __future__ import annotations

from model.checks import CheckReport
from model.export.blocks import Block, Fields, Heading, Paragraph, Table
from model.export.common import (
    ExportContext,
    cadence_words,
    direction_label,
    kind_label,
    kpi_type,
    unit_words,
)
from model.export.smart_table import smart_rows
from model.export.tracking import history_section, progress_section
from model.i18n import t
from model.plan import Kpi, Plan
from model.progress_report import (
    NO_VALUE,
    format_score,
)

SEVERITY_KEYS = {
    "error": "export.severity_error",
    "warning": "export.severity_warning",
    "hint": "export.severity_hint",
}
STEP_KEYS = {
    "objective": "export.step_objective",
    "north_star": "export.step_north_star",
    "kpis": "export.step_kpis",
    "formulas": "export.step_formulas",
    "baselines": "export.step_baselines",
    "review": "export.step_review",
}


def build_document(context: ExportContext) -> list[Block]:
    """Every section of the review document, in reading order."""
    return [
        Heading(1, context.title),
        Paragraph(_generated_line(context)),
        *_objective(context),
        *_north_star(context),
        *_kpis(context),
        *_items(context),
        *_smart(context),
        *_findings(context.report),
        *progress_section(context),
        *history_section(context),
    ]


def _generated_line(context: ExportContext) -> str:
    """When and from what the export was made (the as-of day is the tracking section's)."""
    exported = context.exported_on.isoformat()
    if context.source:
        return t("export.generated_from", source=context.source, date=exported)
    return t("export.generated", date=exported)


def _objective(context: ExportContext) -> list[Block]:
    objective = context.plan.objective
    start = objective.start.isoformat() if objective.start else NO_VALUE
    end = objective.end.isoformat() if objective.end else NO_VALUE
    return [
        Heading(2, t("export.section_objective")),
        Fields(
            (
                (t("export.label_objective"), objective.statement or NO_VALUE),
                (t("export.label_kgi"), objective.kgi or NO_VALUE),
                (t("export.label_period"), t("export.period", start=start, end=end)),
            )
        ),
    ]


def _north_star(context: ExportContext) -> list[Block]:
    north_star = context.plan.north_star
    from model.units import unit_label

    rows = [
        (t("export.label_north_star"), north_star.name or NO_VALUE),
        (t("export.label_definition"), north_star.definition or NO_VALUE),
    ]
    if north_star.unit:
        rows.append((t("export.label_unit"), unit_label(north_star.unit)))
    return [Heading(2, t("export.section_north_star")), Fields(tuple(rows))]


def _kpis(context: ExportContext) -> list[Block]:
    plan = context.plan
    blocks: list[Block] = [Heading(2, t("export.section_kpis", count=len(plan.kpis)))]
    if not plan.kpis:
        return [*blocks, Paragraph(t("export.no_kpis"))]
    blocks.append(
        Table(
            "kpis",
            (
                t("export.column_kpi"),
                t("export.column_type"),
                t("export.column_formula"),
                t("export.column_inputs"),
                t("export.column_baseline"),
                t("export.column_target"),
                t("export.column_guardrail"),
                t("export.column_cadence"),
                t("export.column_owner"),
                t("export.column_on_breach"),
            ),
            tuple(
                (
                    context.kpi_title(kpi),
                    kpi_type(kpi),
                    kpi.formula or NO_VALUE,
                    context.inputs(kpi),
                    context.value(kpi, kpi.baseline),
                    context.value(kpi, kpi.target),
                    context.guardrail(kpi),
                    cadence_words(kpi),
                    kpi.owner or NO_VALUE,
                    kpi.on_breach or NO_VALUE,
                )
                for kpi in plan.kpis
            ),
            numbers=frozenset({4, 5}),
        )
    )
    blocks.append(Heading(3, t("export.section_definitions")))
    blocks.append(
        Table(
            "definitions",
            (
                t("export.column_kpi"),
                t("export.column_definition"),
                t("export.column_unit"),
                t("export.column_direction"),
                t("export.column_data_source"),
            ),
            tuple(
                (
                    kpi.id,
                    kpi.definition or NO_VALUE,
                    unit_words(kpi),
                    direction_label(kpi),
                    _data_source(plan, kpi),
                )
                for kpi in plan.kpis
            ),
        )
    )
    if plan.inputs:
        from model.units import unit_label

        blocks.append(Heading(3, t("export.section_inputs")))
        blocks.append(
            Table(
                "inputs",
                (
                    t("export.column_input"),
                    t("export.column_description"),
                    t("export.column_source"),
                    t("export.column_unit"),
                ),
                tuple(
                    (
                        name,
                        declared.description or NO_VALUE,
                        declared.source or NO_VALUE,
                        unit_label(declared.unit) if declared.unit else NO_VALUE,
                    )
                    for name, declared in plan.inputs.items()
                ),
            )
        )
    blocks.extend(_funnel(context))
    return blocks


def _data_source(plan: Plan, kpi: Kpi) -> str:
    """The KPI's data source, else its inputs' sources when they all name one (which the
    method accepts: a reviewer must not read "—" as missing)."""
    from model.inputs import sources_of_inputs

    if kpi.data_source.strip():
        return kpi.data_source
    sources = sources_of_inputs(plan, kpi)
    if not sources:
        return NO_VALUE
    return t("export.sources_of_inputs", sources=t("export.sources_separator").join(sources))


def _funnel(context: ExportContext) -> list[Block]:
    from model.checks.funnel import FRAMEWORK_KEYS, STAGE_KEYS

    coverage = context.funnel
    if coverage.framework is None:
        return []
    return [
        Heading(3, t("export.section_funnel", framework=t(FRAMEWORK_KEYS[coverage.framework]))),
        Table(
            "funnel",
            (t("export.column_stage"), t("export.column_kpis")),
            tuple(
                (t(STAGE_KEYS[stage]), t("formula.name_separator").join(kpis) if kpis else NO_VALUE)
                for stage, kpis in coverage.stages
            ),
        ),
    ]


def _items(context: ExportContext) -> list[Block]:
    items = context.plan.items
    blocks: list[Block] = [Heading(2, t("export.section_items"))]
    if not items:
        return [*blocks, Paragraph(t("export.no_items"))]
    scores = {kr.index: kr for kr in context.progress.key_results}
    blocks.append(
        Table(
            "items",
            (
                t("export.column_number"),
                t("export.column_kind"),
                t("export.column_text"),
                t("export.column_kpi"),
                t("export.column_score"),
            ),
            tuple(
                (
                    str(index),
                    kind_label(item),
                    item.text or NO_VALUE,
                    item.kpi or NO_VALUE,
                    format_score(scores[index].score) if index in scores else NO_VALUE,
                )
                for index, item in enumerate(items)
            ),
        )
    )
    return blocks


def _smart(context: ExportContext) -> list[Block]:
    rows = smart_rows(context.plan)
    return [
        Heading(2, t("export.section_smart")),
        Paragraph(t("export.smart_legend")),
        Table(
            "smart",
            (
                "",
                t("export.column_objective"),
                t("export.column_key_results"),
                t("export.column_initiatives"),
            ),
            tuple(
                (row.label, str(row.objective), str(row.key_results), str(row.initiatives))
                for row in rows
            ),
        ),
    ]


def counts_sentence(report: CheckReport) -> str:
    """``1 error, 2 warnings, 0 hints`` (and how many were silenced) in words."""
    text = t(
        "export.counts",
        errors=report.count("error"),
        warnings=report.count("warning"),
        hints=report.count("hint"),
    )
    if report.silenced:
        text = t("export.counts_silenced", counts=text, silenced=len(report.silenced))
    return text


def _findings(report: CheckReport) -> list[Block]:
    blocks: list[Block] = [
        Heading(2, t("export.section_findings")),
        Paragraph(counts_sentence(report)),
    ]
    if report.findings:
        blocks.append(
            Table(
                "findings",
                (
                    t("export.column_severity"),
                    t("export.column_step"),
                    t("export.column_field"),
                    t("export.column_message"),
                    t("export.column_check"),
                ),
                tuple(
                    (
                        t(SEVERITY_KEYS[finding.severity]),
                        t(STEP_KEYS[finding.step]),
                        finding.path,
                        finding.message,
                        finding.check,
                    )
                    for finding in report.findings
                ),
                tuple(f"severity-{finding.severity}" for finding in report.findings),
            )
        )
    else:
        blocks.append(Paragraph(t("export.no_findings")))
    if report.silenced:
        blocks.append(Heading(3, t("export.section_silenced")))
        blocks.append(
            Table(
                "silenced",
                (
                    t("export.column_check"),
                    t("export.column_field"),
                    t("export.column_message"),
                    t("export.column_reason"),
                ),
                tuple(
                    (
                        entry.finding.check,
                        entry.finding.path,
                        entry.finding.message,
                        entry.ignore.reason,
                    )
                    for entry in report.silenced
                ),
            )
        )
    return blocks
