"""Keys in a burst: held, then replayed one at a time, each where the ones before left the focus.

Keys that arrive together (a slow SSH link, tmux, a fast typist) would land in the wrong
place: Textual hands a key to the focused widget at once, but a binding that moves on
(Tab, Enter at the end of a field, ``a`` on a list) runs only when the key comes back up
to the app, after the rest of the burst has gone to the old field. So the app holds the
keys behind such a key until it is back in the app's queue, then replays them in order;
while the opening pane shows (``okr PLAN``, the editor not there yet) every key and paste
is held (the characters among them shown at once, see ``tui.takeover``), and the mouse is
ignored. Save, quit and export first :meth:`~KeyBursts.settle`:
wait for the keys typed into the focused field to reach the plan.
"""

from __future__ import annotations

import asyncio
import contextlib
import unicodedata
from typing import TYPE_CHECKING

from textual import events

if TYPE_CHECKING:
    from model.plan_source import PlanSource

SETTLE_TIMEOUT = 0.5
"""Seconds a widget may take to pass on what was typed before a save (see
:meth:`KeyBursts.settle`); past that the save goes ahead rather than hang."""


def _as_typed(event: events.Event) -> events.Event:
    """A key typing a space other than U+0020, such as the full-width space U+3000 that
    Chinese input methods type, as the text it types: Textual's fields take a key's
    character only when ``str.isprintable()`` allows it, which no other space does, so
    it vanished. A paste of it lands where the key would have."""
    if (
        isinstance(event, events.Key)
        and not event.is_forwarded
        and event.character not in (None, " ")
        and unicodedata.category(event.character) == "Zs"
    ):
        return events.Paste(event.character)
    return event


class KeyBursts:
    """Holding and replaying keys, mixed into :class:`~tui.app.OkrApp` ahead of Textual's
    ``App``, whose ``on_event`` it wraps; the app sets the state up as it starts."""

    source: PlanSource | None
    keys_seen: int
    """How many keys and pastes have come in from the terminal: work done in the background
    (the checks) gives way when this changes, so the key has the interpreter to itself."""
    _holding: bool
    _held: list[events.Key | events.Paste]
    _replaying: events.Key | events.Paste | None

    def _echo(self, event: events.Key | events.Paste) -> None:
        """Show a key held while the opening pane shows (the app knows that pane)."""

    def _echo_replayed(self) -> None:
        """Told before each held key is replayed, and once none is left."""

    async def on_event(self, event: events.Event) -> None:
        """Hold keys and pastes while the opening pane shows, and behind a key that moves
        on (see :meth:`_moves_on`) until what it does is in place; replay them in order
        (see :meth:`_replay_next`). Ignore the mouse until the editor is there (there is
        nothing to click yet)."""
        event = _as_typed(event)
        if isinstance(event, events.Key | events.Paste):
            if not event.is_forwarded:
                self.keys_seen += 1
            if self._holding and event is not self._replaying and not event.is_forwarded:
                self._held.append(event)
                if self.source is not None:
                    self._echo(event)
                return
        elif self.source is not None and isinstance(event, events.MouseEvent):
            return
        # (asked before handing it on: Textual marks the event itself as forwarded, and the
        # same event comes back up to the app when no widget on the way takes it)
        replayed = event is self._replaying and not event.is_forwarded
        fresh = isinstance(event, events.Key) and not event.is_forwarded
        moves_on = fresh and self._moves_on(event)  # type: ignore[arg-type]
        await super().on_event(event)
        if replayed or (moves_on and self.source is None):
            # The keys behind one that moves on wait for it: Textual has handed it to the
            # focused widget, and its binding (Tab, Enter to the next field, a on a list)
            # runs once it comes back up to the app, after the keys of the same burst (over
            # SSH, typed fast) would have gone to the old field. Once it is back in the
            # app's queue (settle), the next one goes after it and after a repaint.
            self._holding = True
            if moves_on:
                await self.settle()
            self.call_later(self._replay_after, moves_on)

    async def _replay_after(self, moved_on: bool) -> None:
        """Replay the next held key once the key before it has done what it does. Run from
        the app's queue, after that key came back up and its binding ran; a binding may
        have sent a message on its way up (Enter in an item's text asks the items editor
        for the next item), so the next key waits for that too, or it would go into the
        field the message is about to clear."""
        if moved_on:
            await self.settle()
        self.call_after_refresh(self._replay_next)

    def _moves_on(self, event: events.Key) -> bool:
        """Whether a key may move the focus or open something, so the keys after it must
        wait for it: anything but a character typed into a text field."""
        from textual.widgets import Input  # loaded with the editor: not on the way to paint

        return not (event.is_printable and isinstance(self.focused, Input))

    def _replay_next(self) -> None:
        """Hand the next held key to the editor; :meth:`on_event` asks for the one after
        once this one has done what it does. One at a time, as they were typed, not as one
        burst, so each lands where the keys before it left the focus."""
        self._echo_replayed()
        if not self._held:
            self._holding = False
            self._replaying = None
            return
        held = self._held.pop(0)
        if isinstance(held, events.Key):
            self._replaying = events.Key(held.key, held.character)
        else:
            self._replaying = events.Paste(held.text)
        self.post_message(self._replaying)

    async def settle(self) -> None:
        """Let what was typed into the focused field just before this key reach the plan.

        Keys that come in one burst with ctrl+s (over SSH, a paste, a fast typist) are
        queued in the field when the app runs the save, and the field's Changed message
        still has to travel up to the step that stores it. Every widget reads its
        messages in order, so a callback sent through the field twice (its keys, then
        the messages they made) and then through each widget above it (the message on
        its way up) runs after all of that.
        """
        focused = self.focused
        if focused is None:
            return
        for node in (focused, *focused.ancestors_with_self):
            if node is self:
                break  # the app is running this very action: its queue waits for it
            done = asyncio.Event()
            if node.call_later(done.set):
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(done.wait(), SETTLE_TIMEOUT)
