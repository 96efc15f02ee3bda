"""The undo steps of a text field (``tui.widgets.text_history``), typed one key at a time."""

from __future__ import annotations

from tui.widgets.text_history import TextHistory


def typed(history: TextHistory, text: str, start: str = "") -> str:
    value = start
    for character in text:
        value += character
        history.changed(value)
    return value


def test_chinese_typed_without_spaces_is_undone_a_phrase_at_a_time():
    # Chinese has no spaces between words: ctrl+z took back a whole sentence at once.
    history = TextHistory("")
    value = typed(history, "提升轉換率，增加營收。")
    value = history.undo(value)
    assert value == "提升轉換率，增加營收"
    assert history.undo(value) == "提升轉換率"


def test_english_is_undone_a_word_at_a_time():
    history = TextHistory("")
    value = typed(history, "Grow paid teams, fast")
    assert (value := history.undo(value)) == "Grow paid teams,"
    assert (value := history.undo(value)) == "Grow paid teams"
    assert (value := history.undo(value)) == "Grow paid"
