"""How a whole date is written, in a field or inside a sentence: ``2026-03-31``,
``2026/3/31``, ``2026.3.31``, ``2026 年 3 月 31 日``. Light (no pydantic, no classifier),
so both the field parser (:func:`model.edit.parse_date`) and the classifier's deadlines
(:func:`model.classify.smart.deadline_dates`) read dates by the same rule."""

from __future__ import annotations

import datetime as dt
import re

DATE_PARTS = r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})"
"""A whole date: year, month and day, each a group."""


def date_of(match: re.Match[str]) -> dt.date | None:
    """The date a match of :data:`DATE_PARTS` names (``None`` for no such day)."""
    try:
        return dt.date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return None
