"""The Footer every screen shows: Textual's, but only keys that fit, each one whole.

Textual's Footer lets the keys run on under the palette key at its right end, so at 60
columns a key was cut ("^o Expo", "f1 Hel"), and a cut Chinese label left half a
character. ``KeyFooter`` hides keys instead, the least needed first
(:data:`tui.keys.FOOTER_DROP_ORDER`), then the rightmost of the rest, and never F1 or
ctrl+q (:data:`tui.keys.FOOTER_KEPT`): the help lists every key. What a key does is
unchanged; only whether the Footer names it.
"""

from __future__ import annotations

from textual import events
from textual.geometry import Size
from textual.widget import Widget
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

from tui.keys import FOOTER_DROP_ORDER, FOOTER_KEPT


class KeyFooter(Footer):
    """A Footer showing whole keys only, dropping the least needed when narrow."""

    async def recompose(self) -> None:
        await super().recompose()
        self.fit_keys()

    def on_resize(self, event: events.Resize) -> None:
        self.fit_keys()

    def fit_keys(self) -> None:
        """Show as many keys as fit the Footer's width, hiding the least needed."""
        items = list(self.children)
        if not items or self.size.width == 0:
            return
        widths = {item: self._outer_width(item) for item in items}
        shown = set(items)
        for together in self._drop_order(items):
            if self._needed(items, shown, widths) <= self.size.width:
                break
            shown -= together
        for item in items:
            item.display = item in shown

    @staticmethod
    def _needed(items: list[Widget], shown: set[Widget], widths: dict[Widget, int]) -> int:
        """Columns the ``shown`` items take; the last key's right margin may fall off the
        end (docked keys, the palette's, sit apart at the right and keep theirs)."""
        flowing = [item for item in items if item in shown and not item.styles.is_docked]
        trailing = flowing[-1].styles.margin.right if flowing else 0
        return sum(widths[item] for item in shown) - trailing

    def _drop_order(self, items: list[Widget]) -> list[set[Widget]]:
        """The items that may be hidden, in the order they go, those of one set together:
        the listed bindings first, then the rest from the right; never the kept ones."""
        ids = {item: self._binding_id(item) for item in items}
        listed = [{item for item in items if ids[item] in stage} for stage in FOOTER_DROP_ORDER]
        dropped = set().union(*listed)
        rest = [
            {item}
            for item in reversed(items)
            if item not in dropped and ids[item] not in FOOTER_KEPT
        ]
        return listed + rest

    def _binding_id(self, item: Widget) -> str | None:
        if not isinstance(item, FooterKey):
            return None
        active = self.screen.active_bindings.get(item.key)
        return active.binding.id if active is not None else None

    def _outer_width(self, item: Widget) -> int:
        """Columns ``item`` takes in the Footer: its text, padding, border and margins."""
        content = item.get_content_width(Size(0, 1), Size(self.app.size.width, 1))
        return content + item.styles.gutter.width + item.styles.margin.width
