"""The items editor: the key results and initiatives written under the objective.

A list (:class:`~tui.widgets.item_list.ItemList`) shows every item with its kind; under
it one editor edits the chosen item (text, kind, linked KPI). Only one set of fields
exists however many items there are, so a plan with thousands of items stays as quick
as one with five.

Live classification (``model.classify`` through :mod:`tui.readings`, cached per text):
:meth:`ItemsEditor.item_text_changed` runs after every keystroke stored an item's text;
it records the reading as the item's kind (unless the user chose one with ``k``) and
shows the reasons under the fields. Each row of the list shows its kind with the
reading's confidence; only the edited row is repainted on a keystroke.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Input, Select, Static

from model import edit
from model.i18n import t
from model.plan import Item, Plan
from model.steps import field_label
from model.vocab import choices
from tui import readings
from tui.keys import bind, localize_bindings
from tui.widgets.form import FieldRow, SteadyInput, choice, pasted_lines, update_steady
from tui.widgets.item_list import ItemList
from tui.widgets.row_list import RowList, one_line


class ItemTextInput(SteadyInput):
    """The item's text; Enter starts the next item, so lines can be typed one after another."""

    BINDINGS: ClassVar[list[BindingType]] = [
        bind("enter", "next_item", "item_text.next"),
    ]

    @dataclass
    class NextRequested(Message):
        """Enter was pressed in the item's text."""

    def __init__(self, **kwargs) -> None:
        super().__init__(compact=True, select_on_focus=False, **kwargs)
        localize_bindings(self)

    @dataclass
    class LinesPasted(Message):
        """Several lines were pasted: the first went into this item, these follow it."""

        lines: list[str]

    def action_next_item(self) -> None:
        self.post_message(self.NextRequested())

    def _on_paste(self, event: events.Paste) -> None:
        # Lines pasted here become items, one a line, as typing them with Enter between
        # does: a list of key results copied from a document arrives whole.
        event.stop()
        event.prevent_default()
        lines = pasted_lines(event.text)
        if not lines or self.refuse_paste(max(len(line) for line in lines[1:] or [""])):
            return  # a line too long for an item of its own: nothing is pasted
        if self.insert_pasted(lines[0]) and len(lines) > 1:
            self.post_message(self.LinesPasted(lines[1:]))


class ItemsEditor(Vertical):
    """The list of items and the fields of the chosen one."""

    BINDINGS: ClassVar[list[BindingType]] = [
        bind("a,insert", "add", "items.add", key_display="a"),
        bind("d,delete", "delete", "items.delete", key_display="d"),
        bind("left_square_bracket", "move(-1)", "items.move_up", key_display="[", show=False),
        bind("right_square_bracket", "move(1)", "items.move_down", key_display="]", show=False),
        bind("k", "cycle_kind", "items.cycle_kind"),
        bind("escape", "back_to_list", "editor.back"),
    ]
    LIST_ACTIONS: ClassVar[set[str]] = {"add", "delete", "move", "cycle_kind"}

    @dataclass
    class Edited(Message):
        """An item was added, removed, moved or changed."""

    def __init__(self, plan: Plan, *, id: str | None = None) -> None:  # noqa: A002
        super().__init__(id=id)
        localize_bindings(self)
        self.plan = plan

    def compose(self) -> ComposeResult:
        yield ItemList(self.plan, id="item-list")
        with Vertical(id="item-fields"):
            yield FieldRow(
                field_label("item.text"),
                ItemTextInput(id="item-text", placeholder=t("tui.ph_item_text")),
                id="row-item-text",
            )
            yield FieldRow(
                field_label("item.kind"),
                choice(choices("kind"), id="item-kind", prompt=t("tui.prompt_choose")),
                id="row-item-kind",
            )
            yield Static("", id="item-reasons", markup=False)
            yield FieldRow(
                field_label("item.kpi"),
                choice(self._kpi_choices(), id="item-kpi", prompt=t("tui.no_kpi_link")),
                id="row-item-kpi",
            )

    def on_mount(self) -> None:
        self.query_one("#item-reasons").display = False
        self.load_item()
        self.call_after_refresh(self._load_classifier)

    def _load_classifier(self) -> None:
        """Load the classifier in a thread after the first paint, then show the
        confidences and the chosen item's reasons."""
        if readings.ready():
            self._classifier_ready()
            return

        def load() -> None:
            readings.warm_up()
            self.app.call_from_thread(self._classifier_ready)

        self.run_worker(load, thread=True, exclusive=True, group="classifier")

    @dataclass
    class ClassifierReady(Message):
        """The classifier is loaded: readings cost no import from now on."""

    def _classifier_ready(self) -> None:
        if self.is_attached:
            self.item_list.refresh()
            self._show_kind_source()
            self._show_item_reasons()
            self.post_message(self.ClassifierReady())

    def on_resize(self) -> None:
        self.fit_list()

    @on(ItemList.RowsChanged)
    def fit_list(self) -> None:
        """As tall as the items (at least 3 rows), keeping the fields right under it
        and on screen: a short list does not push them to the bottom of a tall terminal.

        Called after a refresh, it may come while the pane is being taken down (a
        recovery, a reload or a language switch rebuilds the panes), its rows already
        gone: then there is nothing to fit (``_pruning`` is Textual's own mark for it)."""
        if self._pruning or not self.is_attached:
            return
        fields = self.query_one("#item-fields")
        room = self.size.height - fields.outer_size.height - 1  # 1: the list's top margin
        rows = max(3, min(len(self.plan.items) + 1, room))
        if self.item_list.styles.height is None or self.item_list.styles.height.value != rows:
            self.item_list.styles.height = rows

    # --- state -------------------------------------------------------------------------

    @property
    def item_list(self) -> ItemList:
        return self.query_one("#item-list", ItemList)

    @property
    def index(self) -> int | None:
        """The index of the item being edited, ``None`` when there are none."""
        return self.item_list.cursor if self.plan.items else None

    @property
    def item(self) -> Item | None:
        index = self.index
        return None if index is None else self.plan.items[index]

    def _kpi_choices(self) -> list[tuple[str, str]]:
        return [(one_line(k.name or k.id), k.id) for k in self.plan.kpis]

    def reload(self) -> None:
        """Show the plan again after changes made elsewhere (KPIs renamed, removed...)."""
        kpi_select = self.query_one("#item-kpi", Select)
        with self.prevent(Select.Changed):
            kpi_select.set_options([(Text(label), key) for label, key in self._kpi_choices()])
        self.item_list.rows_changed()
        self.load_item()

    def load_item(self) -> None:
        """Fill the fields from the chosen item (or disable them when there is none)."""
        item = self.item
        fields = self.query_one("#item-fields")
        fields.disabled = item is None
        text = self.query_one("#item-text", ItemTextInput)
        kind = self.query_one("#item-kind", Select)
        kpi = self.query_one("#item-kpi", Select)
        with self.prevent(Input.Changed, Select.Changed):
            text.show(item.text if item else "")
            kind.value = item.kind if item else Select.NULL
            linked = item.kpi if item and self.plan.kpi(item.kpi or "") else None
            kpi.value = Select.NULL if linked is None else linked
        self._show_kind_source()
        self._show_item_reasons()
        self.call_after_refresh(self.fit_list)

    def _show_kind_source(self) -> None:
        item = self.item
        row = self.query_one("#row-item-kind", FieldRow)
        if item is None:
            row.set_note()
        else:
            row.set_note(t("tui.kind_by_user" if item.kind_set_by == "user" else "tui.kind_auto"))

    def _show_item_reasons(self) -> None:
        """The chosen item's reading and reasons (nothing until the classifier is loaded)."""
        item = self.item
        if item is None or not readings.ready():
            self.show_reasons([])
            return
        self.show_reasons(readings.reason_lines(item.text, item.kind, item.kind_set_by))

    # --- hooks ---------------------------------------------------------------------------

    def item_text_changed(self, index: int) -> None:
        """An item's text was just stored (called on every keystroke): classify it, record
        the kind unless the user chose it, show why, and repaint its row only."""
        item = self.plan.items[index]
        if item.text.strip():
            edit.apply_auto_kind(item, readings.reading(item.text).kind)
        self.refresh_item(index)

    def show_reasons(self, reasons: list[str]) -> None:
        """Show why the item has its kind, one reason a line (hidden when empty)."""
        area = self.query_one("#item-reasons", Static)
        update_steady(area, Text("\n".join(reasons)))
        if area.display != bool(reasons):
            area.display = bool(reasons)
            self.call_after_refresh(self.fit_list)

    def refresh_item(self, index: int) -> None:
        """Repaint the item's row, and its kind field if it is the one being edited."""
        self.item_list.refresh_row(index)
        item = self.item
        if index == self.index and item is not None:
            kind = self.query_one("#item-kind", Select)
            if kind.value != item.kind:
                with self.prevent(Select.Changed):
                    kind.value = item.kind
            self._show_kind_source()
            self._show_item_reasons()

    # --- edits ---------------------------------------------------------------------------

    def _edited(self, *, count_changed: bool = False) -> None:
        if count_changed:  # delete and move become (un)available: the Footer must know
            self.refresh_bindings()
        self.app.forget_checks()  # type: ignore[attr-defined]  # now, not when Edited lands
        self.post_message(self.Edited())

    @on(RowList.Highlighted, "#item-list")
    def _item_highlighted(self) -> None:
        self.load_item()

    @on(RowList.Chosen, "#item-list")
    def _item_chosen(self) -> None:
        self.query_one("#item-text").focus()

    @on(Input.Changed, "#item-text")
    def _text_typed(self, event: Input.Changed) -> None:
        index = self.index
        if index is not None and edit.set_item_text(self.plan, index, event.value):
            self.item_text_changed(index)
            self._edited()

    @on(Select.Changed, "#item-kind")
    def _kind_chosen(self, event: Select.Changed) -> None:
        index, item = self.index, self.item
        if item is None or event.value is Select.NULL or event.value == item.kind:
            return
        edit.set_item_kind(self.plan, index, event.value)
        self.refresh_item(index)
        self._edited()

    @on(Select.Changed, "#item-kpi")
    def _kpi_chosen(self, event: Select.Changed) -> None:
        index = self.index
        kpi_id = None if event.value is Select.NULL else str(event.value)
        if index is not None and edit.link_item(self.plan, index, kpi_id):
            self.item_list.rows_changed()
            self._edited()

    @on(ItemTextInput.NextRequested)
    def _next_requested(self) -> None:
        item = self.item
        if item is not None and item.text.strip():
            self.add_item()

    @on(ItemTextInput.LinesPasted)
    def _lines_pasted(self, event: ItemTextInput.LinesPasted) -> None:
        index = self.index
        if index is None:
            return
        for line in event.lines:
            index = edit.add_item(self.plan, line, at=index + 1)
            edit.apply_auto_kind(self.plan.items[index], readings.reading(line).kind)
        self.item_list.rows_changed()
        self.item_list.move_cursor(index)
        self.load_item()
        self._edited(count_changed=True)

    def add_item(self) -> None:
        """Add an empty item after the chosen one and put the cursor in its text."""
        at = 0 if self.index is None else self.index + 1
        index = edit.add_item(self.plan, at=at)
        self.item_list.rows_changed()
        self.item_list.move_cursor(index)
        self.load_item()
        self.query_one("#item-text").focus()
        self._edited(count_changed=True)

    def delete_item(self) -> None:
        """Delete the chosen item, asking first unless it is blank."""
        item, index = self.item, self.index
        if item is None or index is None:
            return
        if not item.text.strip():
            self._remove(index)
            return
        from tui.screens.dialogs import ConfirmDialog

        question = t("tui.confirm_delete_item", text=one_line(item.text))
        self.app.push_screen(
            ConfirmDialog(question, yes=t("tui.delete"), no=t("tui.keep")),
            lambda yes: self._remove(index) if yes else None,
        )

    def _remove(self, index: int) -> None:
        edit.remove_item(self.plan, index)
        self.item_list.rows_changed()
        self.load_item()
        self._edited(count_changed=True)

    def move_item(self, offset: int) -> None:
        index = self.index
        if index is None:
            return
        self.item_list.cursor = edit.move_item(self.plan, index, offset)
        self.item_list.rows_changed()
        self._edited()

    # --- keys ----------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in self.LIST_ACTIONS:
            if not self.item_list.has_focus:
                return False
            return action == "add" or bool(self.plan.items)
        if action == "back_to_list":
            return not self.item_list.has_focus
        return True

    def action_add(self) -> None:
        self.add_item()

    def action_delete(self) -> None:
        self.delete_item()

    def action_move(self, offset: int) -> None:
        self.move_item(offset)

    def action_cycle_kind(self) -> None:
        index = self.index
        if index is not None:
            edit.cycle_item_kind(self.plan, index)
            self.refresh_item(index)
            self._edited()

    def action_back_to_list(self) -> None:
        self.item_list.focus()

    def focus_item(self, index: int, field: str = "text") -> None:
        """Choose item ``index`` and focus its ``text``, ``kind`` or ``kpi`` field."""
        self.item_list.move_cursor(index)
        self.load_item()
        self.query_one(f"#item-{field}").focus()
