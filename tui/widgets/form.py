"""Form building blocks: a labelled field on one line with an inline note under it.

The note carries validation messages ("'abc' is not a number") and hints ("1.33x the
baseline") right next to the field, so a mistake never needs a dialog.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, ClassVar

from rich.console import RenderableType
from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.css.query import NoMatches
from textual.geometry import Region, Size
from textual.reactive import Reactive
from textual.widget import Widget
from textual.widgets import Input, Label, Select, Static
from textual.widgets._select import NoSelection, SelectCurrent, SelectOverlay

from model.i18n import t
from model.limits import MAX_TEXT_CHARS
from tui.keys import bind, localize_bindings, localize_textual_bindings
from tui.widgets.text_history import TextHistory
from tui.widgets.wrapping import KeptValues

if TYPE_CHECKING:
    from textual.visual import VisualType

    from model.plan import Unit

NUMBER_PLACEHOLDERS: dict[Unit | None, str] = {
    "percent": "tui.ph_number_percent",
    "ratio": "tui.ph_number_ratio",
    "currency": "tui.ph_number_currency",
    "count": "tui.ph_number_count",
    "duration": "tui.ph_number_duration",
    "score": "tui.ph_number_score",
    None: "tui.ph_number",
}
"""How to type a number in each unit (the number fields' placeholders, by the unit)."""


class FieldRow(Vertical):
    """``label  [control]`` on one line, and a note line shown only when it has text."""

    def __init__(self, label: str, control: Widget, *, id: str | None = None) -> None:  # noqa: A002
        super().__init__(id=id, classes="field-row")
        self.label = label
        self.control = control
        self._note: tuple[str, bool, bool, frozenset[Widget]] = ("", False, False, frozenset())

    def compose(self) -> ComposeResult:
        with Horizontal(classes="field-line"):
            yield Label(self.label, classes="field-label")
            yield self.control
        yield Static("", classes="field-note", markup=False)

    def set_label(self, label: str) -> None:
        """Show ``label`` before the control (after a language switch)."""
        self.label = label
        self.query_one(".field-label", Label).update(label)

    def set_note(
        self,
        text: str = "",
        *,
        error: bool = False,
        warning: bool = False,
        invalid: Iterable[Widget] | None = None,
    ) -> None:
        """Show ``text`` under the field (an error in the error colour, a warning marked
        ``-warning``); empty hides it.

        An error marks the control (or the ``invalid`` widgets, for a row holding
        several inputs) as invalid; any other note clears the marks.
        """
        is_error = error and bool(text)
        is_warning = warning and bool(text) and not is_error
        marked = (
            frozenset(invalid if invalid is not None else [self.control])
            if is_error
            else frozenset()
        )
        if self._note == (text, is_error, is_warning, marked):
            return  # unchanged: skip the update, which would re-lay out the screen
        self._note = (text, is_error, is_warning, marked)
        note = self.query_one(".field-note", Static)
        note.update(KeptValues(text))
        note.display = bool(text)
        note.set_class(is_error, "-error")
        note.set_class(is_warning, "-warning")
        self.set_class(is_error, "-error")
        for widget in self._inputs():
            widget.set_class(widget in marked, "-invalid")

    def _inputs(self) -> list[Widget]:
        if isinstance(self.control, Input | Select):
            return [self.control]
        return list(self.control.query("Input, Select"))

    @property
    def has_error(self) -> bool:
        """Whether the field shows an error now."""
        return self.has_class("-error")


def pasted_lines(text: str) -> list[str]:
    """The lines of a pasted text: one line as it is (a full-width space typed by a
    Chinese input method arrives as a paste of itself), several with their outer spaces
    trimmed and blank ones left out."""
    lines = text.splitlines()
    if len(lines) <= 1:
        return lines
    return [line.strip() for line in lines if line.strip()]


class JoinedPasteInput(Input):
    """An ``Input`` that keeps every line of a pasted text, joined by spaces.

    Textual keeps a pasted text's first line only: the rest was lost without a word.
    A field of one value (``one_value=True``: a date, a file's path), where lines joined
    make no sense, refuses a paste of several lines and says so instead.
    """

    def __init__(self, *args: Any, one_value: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.one_value = one_value
        """Whether a paste of several lines is refused rather than joined."""

    def _on_paste(self, event: events.Paste) -> None:
        event.stop()
        event.prevent_default()  # Textual's own handler would paste the first line again
        lines = pasted_lines(event.text)
        if self.one_value and len(lines) > 1:
            self.app.bell()
            message = t("tui.paste_one_line", count=len(lines))
            self.app.notify(message, severity="warning", markup=False)
            return
        self.insert_pasted(" ".join(lines))

    def insert_pasted(self, text: str) -> bool:
        """Put ``text`` at the cursor, or over the selection; whether it was."""
        if not text:
            return False
        selection = self.selection
        start, end = sorted(selection)
        if self.refuse_paste(len(self.value) - (end - start) + len(text)):
            return False
        if selection.is_empty:
            self.insert_text_at_cursor(text)
        else:
            self.replace(text, *selection)
        return True

    def refuse_paste(self, size: int) -> bool:
        """Whether a paste leaving ``size`` characters in the field is too long for it:
        then it says so and nothing is pasted (Textual only rang the bell; a field of the
        plan had no limit, and a plan over it can be neither saved nor recovered). A field
        with a smaller limit of its own (the check-in date's) names that limit instead."""
        if not self.max_length or size <= self.max_length:
            return False
        self.app.bell()
        key = (
            "tui.paste_too_long"
            if self.max_length == MAX_TEXT_CHARS
            else "tui.paste_too_long_field"
        )
        message = t(key, size=f"{size:,}", limit=f"{self.max_length:,}")
        self.app.notify(message, severity="warning", markup=False)
        return True


class UndoableInput(JoinedPasteInput):
    """An ``Input`` with ``ctrl+z`` / ``ctrl+y``: undo and redo its text a word at a time
    (:class:`~tui.widgets.text_history.TextHistory`). Text put in from the plan or a
    draft goes through :meth:`load`, which starts the history afresh."""

    BINDINGS: ClassVar[list[BindingType]] = [
        bind("ctrl+z", "undo", "field.undo", show=False),
        bind("ctrl+y", "redo", "field.redo", show=False),
    ]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("max_length", MAX_TEXT_CHARS)  # what a plan can hold
        super().__init__(*args, **kwargs)
        localize_bindings(self)
        self._history = TextHistory(self.value)

    def watch_value(self, value: str) -> None:
        history = getattr(self, "_history", None)  # None while Input.__init__ sets it
        if history is not None:
            history.changed(value)

    def action_undo(self) -> None:
        """Put back the text as it was before the last change (a word typed, ctrl+u...)."""
        self._restore(self._history.undo(self.value))

    def action_redo(self) -> None:
        """Take again the change the last undo took back."""
        self._restore(self._history.redo(self.value))

    def _restore(self, value: str | None) -> None:
        if value is None:
            self.app.bell()
            return
        with self._history.restoring(value):
            self.value = value  # stored in the plan as typing it would be
        self.cursor_position = len(value)

    def load(self, value: str) -> None:
        """Put ``value`` in the field with nothing to undo: another KPI's, item's or
        input's text, or a kept draft."""
        self.value = value
        self._history.reset(value)


class SteadyInput(UndoableInput):
    """An ``Input`` whose growing text does not re-lay out the screen.

    Textual's ``Input`` sets its virtual width to its text's width on every key, and
    ``virtual_size`` is a layout reactive: each key typed re-laid out the whole screen
    (half the time of a keystroke on a large plan). A one-line field's size never
    depends on its text, so a repaint is enough; scrolling inside the field reads the
    virtual size directly and is unaffected.

    The field shows the start of its text when not focused and puts the cursor at the
    end when focused. Whether its text reads is the form's to say (:meth:`FieldRow.set_note`
    marks it ``-invalid``): Textual's own validation, which would mark every field without
    validators valid again when it loses the focus, is off.
    """

    virtual_size = Reactive(Size(0, 0), layout=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, validate_on=(), **kwargs)

    def show(self, value: str) -> None:
        """Put ``value`` in the field, from the plan: its start in view, or the cursor at
        its end when the field has the focus."""
        self.load(value)  # another KPI's or item's text: nothing to undo yet
        self.cursor_position = len(value) if self.has_focus else 0

    def _on_blur(self) -> None:
        self.cursor_position = 0

    def _on_focus(self) -> None:
        self.cursor_position = len(self.value)

    def _on_resize(self) -> None:
        # The field narrows when a scroll bar comes beside it after the cursor was put in
        # view: keep the cursor in view (Textual scrolls only when the cursor moves).
        if self.has_focus:
            cursor = Region(self._cursor_offset, 0, width=1, height=1)
            self.scroll_to_region(cursor, force=True, animate=False)


def update_steady(widget: Static, content: VisualType) -> None:
    """Show ``content`` in ``widget``, laying the screen out again only if its height changes.

    ``Static.update`` lays out the whole screen (every widget's place is worked out again:
    most of a keystroke's time on a large plan) in case the new text needs more or fewer
    lines. A text that fits the lines it has is only repainted.
    """
    width = widget.content_size.width
    before = widget.content_size.height
    widget.update(content, layout=False)
    if not width or widget.get_content_height(widget.size, widget.app.size, width) != before:
        widget.refresh(layout=True)


class FieldInput(SteadyInput):
    """A borderless one-line field; Enter moves on to the next field."""

    BINDINGS: ClassVar[list[BindingType]] = [
        bind("enter", "app.focus_next", "field.next", show=False),
    ]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        localize_bindings(self)


def text_input(
    value: str = "",
    *,
    id: str,  # noqa: A002
    placeholder: str = "",
    name: str | None = None,
    classes: str | None = None,
    one_value: bool = False,
) -> Input:
    """A one-line, borderless text field (``name`` says which model field it edits;
    ``one_value`` for a date, which refuses a paste of several lines)."""
    return FieldInput(
        value,
        id=id,
        name=name,
        classes=classes,
        placeholder=placeholder,
        compact=True,
        select_on_focus=False,
        one_value=one_value,
    )


class ChoiceMenu(SelectOverlay):
    """A drop-down's menu whose type-to-find never lands on the blank option.

    Textual searches every option's label, the blank one ("Choose…") included: "c" on
    Unit took the blank, emptying the field, where Currency and Count were meant.
    """

    def _find_search_match(self, query: str) -> int | None:
        first = 1 if self.parent is not None and self.parent._allow_blank else 0
        query = query.lower()
        best: tuple[int, int] | None = None  # (where the query starts, option index)
        for index, option in enumerate(self._options[first:], start=first):
            prompt = option.prompt
            label = prompt.plain if isinstance(prompt, Text) else str(prompt)
            found = label.lower().find(query)
            if found != -1 and (best is None or found < best[0]):
                best = (found, index)
        return None if best is None else best[1]


class ChoiceCurrent(SelectCurrent):
    """A drop-down's closed face, whose label is one line: showing another value only
    repaints it (Textual's lays out the whole screen, as for a label that could wrap)."""

    DEFAULT_CSS = """
    ChoiceCurrent Static#label {
        height: 1;
        text-wrap: nowrap;
        text-overflow: ellipsis;
    }
    """

    def update(self, label: RenderableType | NoSelection) -> None:
        self.label = label
        self.has_value = label is not Select.NULL
        shown = self.placeholder if isinstance(label, NoSelection) else label
        self.query_one("#label", Static).update(shown, layout=False)


class Choice(Select[str]):
    """A drop-down whose menu speaks the user's language in the Footer too."""

    def compose(self) -> ComposeResult:
        for widget in super().compose():
            if isinstance(widget, SelectCurrent):
                widget = ChoiceCurrent(widget.placeholder)
            elif isinstance(widget, SelectOverlay):
                widget = ChoiceMenu(type_to_search=self._type_to_search).data_bind(
                    compact=Select.compact
                )
                localize_textual_bindings(widget)
            yield widget

    async def _on_key(self, event: events.Key) -> None:
        # A character typed on the closed drop-down opens it and looks for an option, as
        # typing in the open menu does ("p" on Unit: Percent). Textual's closed Select let
        # the keys go nowhere, and a KPI just added puts the cursor on its Unit.
        if self.expanded or not event.is_printable or event.character == " ":
            return
        event.stop()
        event.prevent_default()
        self.action_show_overlay()
        self.query_one(SelectOverlay).post_message(events.Key(event.key, event.character))

    def check_consume_key(self, key: str, character: str | None = None) -> bool:
        return character is not None and character.isprintable() and character != " "

    def _watch_value(self, value: str | NoSelection) -> None:
        # Textual's Select looks its menu up when its value is set; set between its two
        # parts being mounted (the editor built while the plan opens), the menu is not
        # there yet and the lookup raised NoMatches. The value is kept (the first thing
        # the watcher does) and shown once both parts are there.
        try:
            super()._watch_value(value)
        except NoMatches:
            self.call_after_refresh(self._show_value)

    def _show_value(self) -> None:
        with contextlib.suppress(NoMatches):
            super()._watch_value(self.value)


def choice(
    options: Iterable[tuple[str, str]],
    *,
    id: str,  # noqa: A002
    prompt: str,
    value: str | None = None,
    name: str | None = None,
    classes: str | None = None,
    allow_blank: bool = True,
) -> Select[str]:
    """A borderless drop-down over ``(label, value)`` pairs; blank means "not set"
    (``allow_blank=False`` for a field that always has a value)."""
    return Choice(
        [(Text(label), key) for label, key in options],
        id=id,
        name=name,
        classes=classes,
        prompt=prompt,
        value=Select.NULL if value is None else value,
        compact=True,
        allow_blank=allow_blank,
    )


def select_value(select: Select[str]) -> str | None:
    """The chosen value, ``None`` for blank."""
    return select.selection
