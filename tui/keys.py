"""Every key binding's description, from the message table in the current language.

Bindings are declared with :func:`bind` (an ``id``, the description looked up from it);
each class calls :func:`localize_bindings` when it is built, so the Footer and the help
screen speak the language chosen at start-up (or switched to later) rather than the
language of whoever imported the module first.
"""

from __future__ import annotations

from dataclasses import replace
from enum import Enum
from typing import TYPE_CHECKING, Any

from model.i18n import t
from model.steps import STEPS, step_name

if TYPE_CHECKING:
    from textual.binding import Binding
    from textual.dom import DOMNode

BINDING_MESSAGES: dict[str, str] = {
    "okr.save": "tui.key_save",
    "okr.quit": "tui.key_quit",
    "okr.help": "tui.key_help",
    "okr.palette": "tui.key_palette",
    "okr.quit_hint": "tui.key_quit_hint",
    "okr.next_step": "tui.key_next_step",
    "okr.previous_step": "tui.key_previous_step",
    "okr.go_to_step": "tui.key_go_to_step",
    "okr.dashboard": "tracking_ui.key_dashboard",
    "okr.checkin": "tracking_ui.key_checkin",
    "tracking.back": "tracking_ui.key_back",
    "tracking.back_to_plan": "tracking_ui.key_back_to_plan",
    "tracking.check_in": "tracking_ui.key_checkin",
    "tracking.record": "tracking_ui.key_record",
    "tracking.to_result": "tracking_ui.key_to_result",
    "board.check_in": "tracking_ui.key_board_check_in",
    "board.left": "tracking_ui.key_board_left",
    "board.right": "tracking_ui.key_board_right",
    "rows.up": "tui.key_rows_up",
    "rows.down": "tui.key_rows_down",
    "rows.first": "tui.key_rows_first",
    "rows.last": "tui.key_rows_last",
    "rows.page_up": "tui.key_rows_page_up",
    "rows.page_down": "tui.key_rows_page_down",
    "rows.choose": "tui.key_rows_choose",
    "items.add": "tui.key_items_add",
    "items.delete": "tui.key_items_delete",
    "items.move_up": "tui.key_move_up",
    "items.move_down": "tui.key_move_down",
    "items.cycle_kind": "tui.key_items_cycle_kind",
    "items.edit": "tui.key_edit",
    "item_text.next": "tui.key_item_text_next",
    "field.next": "tui.key_field_next",
    "field.undo": "tui.key_field_undo",
    "field.redo": "tui.key_field_redo",
    "editor.back": "tui.key_back_to_list",
    "kpis.add": "tui.key_kpis_add",
    "kpis.delete": "tui.key_kpis_delete",
    "kpis.move_up": "tui.key_move_up",
    "kpis.move_down": "tui.key_move_down",
    "kpis.catalog": "tui.key_kpis_catalog",
    "kpis.edit": "tui.key_edit",
    "formulas.inputs": "assist.key_inputs",
    "dialog.yes": "tui.key_dialog_yes",
    "dialog.no": "tui.key_dialog_no",
    "dialog.save_and_quit": "tui.save_and_quit",
    "dialog.close": "tui.key_dialog_close",
    "dialog.switch": "tui.key_dialog_switch",
    "okr.export": "review.key_export",
    "findings.silence": "review.key_silence",
    "findings.unsilence": "review.key_unsilence",
}
"""The message key describing each binding, by binding id."""

BINDING_DETAILS: dict[str, str] = {
    "okr.next_step": "tui.key_next_step_detail",
    "okr.previous_step": "tui.key_previous_step_detail",
    "okr.palette": "tui.key_palette_detail",
    "okr.go_to_step": "tui.key_go_to_step_detail",
    "editor.back": "tui.key_back_to_list_detail",
    "items.add": "tui.key_items_add_detail",
    "item_text.next": "tui.key_item_text_next_detail",
    "field.undo": "tui.key_field_undo_detail",
    "field.redo": "tui.key_field_redo_detail",
    "kpis.add": "tui.key_kpis_add_detail",
    "items.delete": "tui.key_items_delete_detail",
    "kpis.delete": "tui.key_kpis_delete_detail",
    "items.cycle_kind": "tui.key_items_cycle_kind_detail",
    "rows.choose": "tui.key_rows_choose_detail",
    "okr.export": "review.key_export_detail",
    "findings.silence": "review.key_silence_detail",
    "findings.unsilence": "review.key_unsilence_detail",
    "okr.save": "tui.key_save_detail",
    "okr.quit": "tui.key_quit_detail",
    "okr.help": "tui.key_help_detail",
    "okr.dashboard": "tracking_ui.key_dashboard_detail",
    "okr.checkin": "tracking_ui.key_checkin_detail",
    "kpis.catalog": "tui.key_kpis_catalog_detail",
    "formulas.inputs": "assist.key_inputs_detail",
    "tracking.back": "tracking_ui.key_back_detail",
    "tracking.back_to_plan": "tracking_ui.key_back_to_plan_detail",
    "tracking.check_in": "tracking_ui.key_board_check_in_detail",
    "board.check_in": "tracking_ui.key_board_check_in_detail",
    "tracking.to_result": "tracking_ui.key_to_result_detail",
    "tracking.record": "tracking_ui.key_record_detail",
    "dialog.save_and_quit": "tui.key_save_and_quit_detail",
}
"""Longer descriptions for the help screen and the Footer's tooltips, where the short
Footer word ("Next") needs its context ("Next step")."""

BINDING_GROUPS: dict[str, str] = {
    "items.move_up": "tui.key_move",
    "items.move_down": "tui.key_move",
    "kpis.move_up": "tui.key_move",
    "kpis.move_down": "tui.key_move",
}
"""Bindings shown together in the Footer under one description ("[ ] Move")."""

FOOTER_DROP_ORDER: tuple[frozenset[str], ...] = (
    frozenset({"okr.next_step", "okr.previous_step"}),
    frozenset({"okr.export"}),
    frozenset({"okr.palette"}),
    frozenset({"okr.save"}),
)
"""Keys a narrow Footer hides first, in this order, the keys of one set together: the
step list offers alt+1…6 and ctrl+g for moving between steps, the palette offers export
and save (see ``tui.widgets.footer``). Past these, the rightmost of the others go."""

FOOTER_KEPT: frozenset[str] = frozenset({"okr.help", "okr.quit"})
"""Keys the Footer always shows: F1 lists every key, and ctrl+q gets out."""

STEP_BINDING_PREFIX = "okr.step_"
"""Ids of the jump-to-step bindings: ``okr.step_1`` ... ``okr.step_6``."""


def describe(binding_id: str | None) -> str | None:
    """The description of the binding ``binding_id``, or ``None`` if it is not ours."""
    if binding_id is None:
        return None
    if binding_id.startswith(STEP_BINDING_PREFIX):
        number = int(binding_id[len(STEP_BINDING_PREFIX) :])
        return t("tui.key_step", number=number, name=step_name(STEPS[number - 1]))
    key = BINDING_MESSAGES.get(binding_id)
    return t(key) if key else None


def detail(binding_id: str | None) -> str | None:
    """The long description of a binding (its short one when it has no other)."""
    key = BINDING_DETAILS.get(binding_id or "")
    return t(key) if key else describe(binding_id)


def bind(keys: str, action: str, binding_id: str, **options: Any) -> Binding:
    """A ``Binding`` with an id and its description from the message table.

    The description is filled in now (Textual hides bindings without one) and again
    per instance by :func:`localize_bindings`, in the language current at that time.
    """
    from textual.binding import Binding

    group = _group(binding_id)
    if group is not None:
        options["group"] = group
    return Binding(keys, action, describe(binding_id) or binding_id, id=binding_id, **options)


def _group(binding_id: str | None):
    from textual.binding import Binding

    key = BINDING_GROUPS.get(binding_id or "")
    return Binding.Group(t(key)) if key else None


TEXTUAL_BINDINGS: dict[str, str] = {
    "dismiss": "tui.key_dismiss_menu",
}
"""Descriptions for the keys Textual's own widgets show in the Footer, by action."""


def localize_textual_bindings(node: DOMNode) -> None:
    """Translate the Footer descriptions of a Textual widget's own bindings."""
    table = node._bindings.key_to_bindings
    for key, bindings in table.items():
        table[key] = [
            replace(binding, description=t(TEXTUAL_BINDINGS[binding.action]))
            if binding.show and binding.action in TEXTUAL_BINDINGS
            else binding
            for binding in bindings
        ]


ALT_DIGITS = Enum("AltDigit", {digit: f"alt+{digit}" for digit in "0123456789"})
"""The alt+digit keys, as Textual's sequence table holds keys (members with a ``value``)."""


def read_alt_digits_as_alt() -> None:
    """Make ESC+digit, which xterm, tmux and SSH send for alt+1 ... alt+9, read as alt+digit.

    Textual maps those sequences to the characters WezTerm on macOS types for
    option+digit (``¡ ™ £ ¢ ∞ §``...), so alt+3 would type "£" into a field instead of
    opening step 3. The sequences are mapped to the alt+digit keys themselves rather
    than dropped: a dropped one is an unknown sequence the parser holds open, and an
    ESC arriving right behind it (alt+3 then alt+4 or an arrow key, in one burst) made
    it type "^3" into the field. The characters themselves (typed directly, as UK
    keyboards type "£") are unaffected. Textual keeps the table in a private module,
    hence the check in the tests that the sequences do arrive as alt+digit.
    """
    from textual import _ansi_sequences

    for digit in "0123456789":
        _ansi_sequences.ANSI_SEQUENCES_KEYS[f"\x1b{digit}"] = (ALT_DIGITS[digit],)


def localize_bindings(node: DOMNode) -> None:
    """Give ``node``'s own bindings their descriptions in the current language.

    Textual keeps a node's bindings in ``node._bindings`` (copied from the class when the
    node is built); there is no public setter, so the descriptions are replaced there.
    """
    table = node._bindings.key_to_bindings
    for key, bindings in table.items():
        table[key] = [
            replace(
                binding,
                description=text,
                tooltip=detail(binding.id) or "",
                group=_group(binding.id) or binding.group,
            )
            if (text := describe(binding.id)) is not None
            else binding
            for binding in bindings
        ]


def relabel(node: DOMNode, binding_id: str, description: str) -> None:
    """Name what ``node``'s binding ``binding_id`` does there, in the Footer: a dialog
    whose generic key ("esc Close", "y Yes") has a meaning of its own ("Keep editing")."""
    table = node._bindings.key_to_bindings
    for key, bindings in table.items():
        table[key] = [
            replace(binding, description=description, tooltip=description)
            if binding.id == binding_id
            else binding
            for binding in bindings
        ]


def localize_tree(node: DOMNode) -> None:
    """:func:`localize_bindings` for ``node`` and every widget in it (a screen kept
    across a language switch: its lists and fields have keys in the Footer too)."""
    localize_bindings(node)
    for child in node.query("*"):
        localize_bindings(child)
