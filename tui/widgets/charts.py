"""Text charts for the tracking screens: a sparkline of check-ins and a progress bar.

They are plain strings, so a list of hundreds of KPIs draws only the lines on screen
(no widget per chart) and they survive SSH, tmux and copy-paste. The Linux console's
font (``TERM=linux``) has no eighth blocks (``▁▂▃``), so there the charts use the
shades and blocks of the old PC character set (``░▒▓█``), which every console font has.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from tui.console_glyphs import is_linux_console


@dataclass(frozen=True, slots=True)
class Glyphs:
    """The characters the charts are drawn with."""

    levels: str
    """Sparkline characters from the lowest value to the highest."""

    full: str
    """A filled cell of a progress bar."""

    half: str
    """A half-filled cell (the bar's last cell when it ends mid-cell)."""

    empty: str
    """An unfilled cell."""


UNICODE_GLYPHS = Glyphs(levels="▁▂▃▄▅▆▇█", full="█", half="▌", empty="░")
CONSOLE_GLYPHS = Glyphs(levels="░▒▓█", full="█", half="▌", empty="░")


def glyphs_for(environ: Mapping[str, str] | None = None) -> Glyphs:
    """The glyphs the terminal can show: the console set under ``TERM=linux``."""
    return CONSOLE_GLYPHS if is_linux_console(environ) else UNICODE_GLYPHS


def sparkline(values: Sequence[float], width: int, glyphs: Glyphs = UNICODE_GLYPHS) -> str:
    """The last ``width`` values, one character each, scaled between their min and max.

    Equal values (or a single one) sit in the middle, so a flat line reads as flat
    rather than as "at the floor".
    """
    shown = list(values)[-width:] if width > 0 else []
    if not shown:
        return ""
    low, high = min(shown), max(shown)
    top = len(glyphs.levels) - 1
    if high == low:
        return glyphs.levels[top // 2] * len(shown)
    return "".join(glyphs.levels[round((value - low) / (high - low) * top)] for value in shown)


def progress_bar(share: float | None, width: int, glyphs: Glyphs = UNICODE_GLYPHS) -> str:
    """A bar ``width`` cells wide filled to ``share`` (0..1, capped); empty for ``None``."""
    if width <= 0:
        return ""
    if share is None:
        return glyphs.empty * width
    halves = round(min(1.0, max(0.0, share)) * width * 2)
    full, half = divmod(halves, 2)
    return glyphs.full * full + glyphs.half * half + glyphs.empty * (width - full - half)
