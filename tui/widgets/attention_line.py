"""The dashboard's attention line: crossed guardrails, overdue check-ins, missing closing
values, each with the KPIs it is about, fitted to the line's width.

Each part names its KPIs in full, then counts the rest ("… and 2 more"); when the parts
do not fit in :data:`ATTENTION_LINES` lines, fewer names are shown (the later parts give
theirs up first, a crossed guardrail comes first and keeps its names longest), down to
the counts alone. A name is never cut in the middle.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from rich.text import Text
from textual import events
from textual.widgets import Static

from model.i18n import t
from model.inputs import join_list
from tui.widgets.wrapping import KeptValues, wrap_lines

NAMED_IN_SUMMARY = 3
"""Each part names at most this many KPIs, then counts the rest."""
ATTENTION_LINES = 2
"""The line wraps to at most this many lines."""


@dataclass(frozen=True, slots=True)
class AttentionPart:
    """One kind of attention: its message (``…_count`` is the same without names), the
    names of the KPIs it is about, and the message's other parameters."""

    key: str
    names: tuple[str, ...]
    params: dict[str, object] = field(default_factory=dict)

    def text(self, shown: int) -> str:
        """The part naming its first ``shown`` KPIs (none: the count alone)."""
        count = len(self.names)
        if shown <= 0:
            return t(f"{self.key}_count", count=count, **self.params)
        if shown >= count:
            names = join_list(list(self.names))
        else:
            head = t("formula.name_separator").join(self.names[:shown])
            names = t("tracking_ui.and_more", names=head, count=count - shown)
        return t(self.key, count=count, names=names, **self.params)


def fit_parts(parts: list[AttentionPart], fits: Callable[[str], bool]) -> str:
    """The parts joined with `` · ``, naming as many KPIs as ``fits`` (a test on the
    whole text) allows; the counts alone when nothing fits."""
    shown = [min(len(part.names), NAMED_IN_SUMMARY) for part in parts]

    def joined() -> str:
        return " · ".join(part.text(n) for part, n in zip(parts, shown, strict=True))

    text = joined()
    while not fits(text) and any(shown):
        # Take a name from the part naming the most (the later one on a tie).
        most = max(shown)
        index = max(i for i, n in enumerate(shown) if n == most)
        shown[index] -= 1
        text = joined()
    return text


class AttentionLine(Static):
    """What needs attention, in whole names within :data:`ATTENTION_LINES` lines."""

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002
        super().__init__("", id=id, markup=False)
        self.parts: list[AttentionPart] = []
        self.empty_text = ""
        self._fitted_width = -1

    def show(self, parts: list[AttentionPart], empty_text: str) -> None:
        """Show ``parts`` (``empty_text`` when there are none), fitted to the width."""
        self.parts = parts
        self.empty_text = empty_text
        self._fit()

    def on_resize(self, event: events.Resize) -> None:
        if event.size.width != self._fitted_width:  # its height follows from the text
            self._fit()

    def _width(self) -> int:
        width = self.content_size.width
        if width <= 0:  # not laid out yet: the screen's width less the padding
            width = self.app.size.width - 2
        return max(width, 1)

    def _fit(self) -> None:
        if not self.parts:
            self.update(Text(self.empty_text))
            return
        width = self._fitted_width = self._width()

        names = [name for part in self.parts for name in part.names]  # never cut inside

        def fits(text: str) -> bool:
            return len(wrap_lines(text, width, names)) <= ATTENTION_LINES

        self.update(KeptValues(fit_parts(self.parts, fits), names))
