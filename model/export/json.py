"""The plan, its findings and its progress as one JSON document, for scripts.

Keys come in a fixed order (the plan's fields in file order, then the findings and the
progress), text is UTF-8 (``ensure_ascii=False``) and codes are fixed English words
(``error``, ``on_track``, ``above_max``); messages follow the export's language. Every
character a terminal could obey (controls, bidirectional overrides) is written as a
``\\uXXXX`` escape, so the output is safe to print and still the same data.
"""

from __future__ import annotations

import json

from model.export.common import GENERATOR, ExportContext
from model.i18n import get_language
from model.progress_report import progress_data

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


def json_text(data: object) -> str:
    """``data`` as readable JSON (UTF-8 text kept, two-space indent) that is safe to print:
    every character a terminal could obey is a ``\\uXXXX`` escape, still the same data."""
    text = json.dumps(data, ensure_ascii=False, indent=2)
    return "".join(_safe(char) for char in text)


def _safe(char: str) -> str:
    if char.isprintable() or char in "\n ":
        return char
    return json.dumps(char)[1:-1]  # \u202e, or a surrogate pair beyond the BMP
