"""The always-visible list of the wizard's steps, each with its state."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual import events
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget

from model.i18n import t
from model.steps import STATE_NAMES, STEPS, Step, StepState, step_name

STATE_MARKS: dict[StepState, str] = {
    "done": "✓",
    "error": "✗",
    "warning": "!",
    "empty": "○",
    "unchecked": "·",
}
"""The mark shown before a step's name for each state (explained under the list; the
states come from the method checks' findings, see ``model.steps.step_states``)."""


class StepList(Widget):
    """Step names with their state marks, the current step highlighted, and an
    unsaved-changes marker underneath. Clicking a step goes there."""

    DEFAULT_CSS = """
    StepList {
        width: 25;
        height: 1fr;
        padding: 1 0;
        background: $panel;
    }
    """
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "step-list--current",
        "step-list--done",
        "step-list--error",
        "step-list--warning",
        "step-list--unchecked",
        "step-list--empty",
        "step-list--unsaved",
        "step-list--legend",
    }

    current: reactive[Step] = reactive("objective")
    states: reactive[dict[Step, StepState]] = reactive(dict, always_update=True)
    dirty: reactive[bool] = reactive(False)

    @dataclass
    class StepClicked(Message):
        """The user clicked the step ``step``."""

        step: Step

    def render(self) -> Text:
        width = max(self.size.width, 1)
        steps = Text()
        for number, step in enumerate(STEPS, start=1):
            state = self.states.get(step, "empty")
            line = Text(" ")
            line.append(STATE_MARKS[state], self.get_component_rich_style(f"step-list--{state}"))
            line.append(f" {number} {step_name(step)}")
            if step == self.current:
                line.stylize(self.get_component_rich_style("step-list--current"))
                line.pad_right(width - line.cell_len)
            steps.append_text(line)
            steps.append("\n")
        unsaved = Text()
        if self.dirty:
            unsaved.append(
                f" ● {t('tui.unsaved')}", self.get_component_rich_style("step-list--unsaved")
            )
        unsaved.append("\n")
        legend = self.get_component_rich_style("step-list--legend")
        marks = Text()
        for state, name in STATE_NAMES.items():
            marks.append(f" {STATE_MARKS[state]} {t(name)}\n", legend)
        hints = [
            Text("".join(f" {hint}\n" for hint in t(key).splitlines()), legend)
            for key in ("tui.steps_keys", "tui.steps_tracking_keys")  # the tracking screens'
        ]
        return self._spaced([steps, unsaved, marks, *hints])

    def _spaced(self, blocks: list[Text]) -> Text:
        """``blocks`` one under the other, a blank line between two while the list is
        tall enough, so that the last ones (the tracking keys) stay on a short screen."""
        lines = sum(block.plain.count("\n") for block in blocks)
        room = self.content_size.height or lines + len(blocks)
        gaps = max(0, min(len(blocks) - 1, room - lines))
        spaced = Text()
        for index, block in enumerate(blocks):
            if index and index <= gaps:
                spaced.append("\n")
            spaced.append_text(block)
        return spaced

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is not None and 0 <= offset.y < len(STEPS):
            self.post_message(self.StepClicked(STEPS[offset.y]))
