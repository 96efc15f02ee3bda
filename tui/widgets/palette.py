"""Textual's command palette, speaking the planner's language.

Textual writes "Search for commands…", "Search for themes…" and "No matches found" in
English. The placeholders are constructor arguments; "No matches found" is a literal
inside ``CommandPalette._start_no_matches_countdown``, so :class:`OkrCommandPalette`
overrides that method with the same steps and a translated line (the option keeps
Textual's id, so the rest of the palette treats it as before). The tests type a search
that matches nothing and read the line, so a Textual upgrade that renames the method
shows up as a failure, not as English text.
"""

from __future__ import annotations

from rich.align import Align
from rich.text import Text
from textual.command import CommandList, CommandPalette
from textual.widgets.option_list import Option

from model.i18n import t


class OkrCommandPalette(CommandPalette):
    """The command palette with its own words (placeholder, "no matches") translated."""

    def __init__(self, *args, placeholder: str | None = None, **kwargs) -> None:
        super().__init__(*args, placeholder=placeholder or t("lang.search_commands"), **kwargs)

    def _start_no_matches_countdown(self, search_value: str) -> None:
        """After a short pause with no hits, say so (in the current language)."""
        self._stop_no_matches_countdown()

        def show_no_matches() -> None:
            if not search_value:  # browsing, not searching: nothing to report
                self._list_visible = False
                return
            line = Align.center(Text(t("lang.no_matches"), style="not bold"))
            self.query_one(CommandList).add_option(Option(line, disabled=True, id=self._NO_MATCHES))
            self._list_visible = True

        self._no_matches_timer = self.set_timer(self._NO_MATCHES_COUNTDOWN, show_no_matches)
