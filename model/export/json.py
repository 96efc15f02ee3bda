"""The plan, its findings and its progress as one JSON document, for scripts.

Keys come in a fixed order (the plan's fields in file order, then the findings and the
progress), text is UTF-8 (``ensure_ascii=False``) and codes are fixed English words
(``error``, ``on_track``, ``above_max``); messages follow the export's language. Every
character a terminal could obey (controls, bidirectional overrides) is written as a
``\\uXXXX`` escape, so the output is safe to print and still the same data.
"""

from __future__ import annotations

from model.export.common import GENERATOR, ExportContext
from model.i18n import get_language
from model.progress_report import progress_data
from model.safetext import json_text

FORMAT_VERSION = 1
"""The layout of this JSON document; raised when a key changes meaning or disappears."""


def export_data(context: ExportContext) -> dict[str, object]:
    """Everything the JSON export holds, as data."""
    coverage = context.funnel
    return {
        "generator": GENERATOR,
        "format": FORMAT_VERSION,
        "language": get_language(),
        "date": context.today.isoformat(),
        "source": context.source,
        "plan": context.plan.model_dump(mode="json", by_alias=True),
        "checks": context.report.to_dict(),
        "progress": progress_data(context.progress),
        "funnel": {
            "framework": coverage.framework,
            "stages": {stage: list(kpis) for stage, kpis in coverage.stages},
        },
    }


def render_json(context: ExportContext) -> str:
    """The JSON document as text (two-space indent, ending with a newline)."""
    return json_text(export_data(context)) + "\n"
