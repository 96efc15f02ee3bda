"""The editor taking over from the opening pane (``okr PLAN`` in a terminal).

The app paints the parsed file first (``tui.screens.opening``); right after that paint
:meth:`Takeover._validate_source` validates the file in a thread (pydantic's import with
it, about half a start-up), builds the real editor in one batch and hands it the keys
typed meanwhile (``tui.key_bursts`` holds and replays them). Characters typed before the
editor is there show at once in the opening pane's statement, where the editor will put
them (:meth:`Takeover._echo`), and the editor is first painted once they are in it, so a
typist sees every key as it is pressed and none of them vanishes for a frame.
"""

from __future__ import annotations

import asyncio
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import events

from model.errors import PlanError
from model.fingerprint import ABSENT

if TYPE_CHECKING:
    from model.plan import Plan
    from model.plan_source import PlanSource
    from model.saved import SavedPlan
    from model.store import LoadedPlan
    from tui.guard import PlanGuard
    from tui.screens.opening import OpeningBody
    from tui.screens.wizard import WizardScreen

ECHO_HOLD_LIMIT = 1.0
"""Seconds at most the editor's first paint waits for the keys the opening showed."""


class Takeover:
    """The opening's hand-over, mixed into :class:`~tui.app.OkrApp` ahead of
    :class:`~tui.key_bursts.KeyBursts`, whose hooks (:meth:`_echo`, :meth:`_echo_replayed`)
    it fills in; the app sets the state up as it starts."""

    CSS_PATH: ClassVar[list[str]]
    source: PlanSource | None
    path: Path
    is_new: bool
    plan: Plan
    wizard: WizardScreen
    guard: PlanGuard
    open_error: PlanError | None
    _signalled: bool
    _echoing: bool
    """Whether the keys held during the opening still show in it (see :meth:`_echo`)."""
    _echoed: int
    """How many of the held keys the opening showed."""
    _echo_hold: int | None
    """While the editor's first paint waits for the keys the opening showed: how many of
    them are still to be replayed (see :meth:`_paint_editor`)."""

    async def _validate_source(self) -> None:
        """After the first paint: validate the file, then let the real editor take over
        (or exit with the one-line error, nothing written). Validating (pydantic's import
        with it) runs in a thread, so the keys typed meanwhile show at once (:meth:`_echo`);
        this runs as a worker, so the app reads them meanwhile."""
        source = self.source
        assert source is not None
        try:
            plan, saved = await asyncio.to_thread(
                _validated_and_kept, source, self.path, self.is_new
            )
        except PlanError as error:
            self.open_error = error
            self.exit(return_code=2)
            return
        if self._signalled:
            return  # stopped while validating: nothing was edited, nothing to keep
        self.plan = plan
        self._guard_plan(saved.fingerprint, saved)
        self._begin_batch()  # the editor is painted once, whole, not as it is built
        try:
            self.stylesheet.read(Path(__file__).with_name(self.CSS_PATH[1]))
            self.refresh_css(animate=False)
            await self.wizard.open_plan(checks=False)
        except Exception:
            self._end_batch()
            if self._signalled:
                return  # the app is closing under the new step: let it
            raise
        self.source = None
        self.refresh_title()
        self.guard.start()
        if "#" in source.text:  # the first save finds the file's comments read already
            from model.comments import read_ahead

            reading = partial(read_ahead, source.text)
            self.run_worker(reading, thread=True, group="comments", exit_on_error=False)
        if getattr(self.screen, "HOLDS_APP_KEYS", False):
            # the lock or the recovery question: the keys were typed for the editor, and
            # replayed they would answer it (tab, enter: the recovered edits discarded)
            self._held.clear()
        self._paint_editor()
        self._replay_next()

    def _keep_opening_edits(self) -> None:
        """A signal before the editor took over, after keys were shown typed into the
        opening's statement: make those an unsaved edit of the plan (validated here, now)
        for the guard to keep, in this session's own recovery file (no lock was taken
        yet: the plan's shared one may be another session's). What is on the screen is
        what is kept, as once the editor is there."""
        if self.guard is not None or self.source is None or not self._echoed:
            return
        body = self._opening_body()
        typed = body.typed if body is not None else None
        if typed is None:
            return
        try:
            loaded = _validated(self.source, self.path)
        except PlanError:
            return  # the file does not validate: nothing was edited, nothing to keep
        loaded.plan.objective.statement = typed
        self.plan = loaded.plan
        self._guard_plan(ABSENT if self.is_new else loaded.fingerprint, None)
        self.guard.read_only = True  # its own recovery file, not the plan's shared one
        self.set_reactive(type(self).dirty, True)  # type: ignore[attr-defined]

    def _echo(self, event: events.Key | events.Paste) -> None:
        """Show a key held during the opening where the editor will put it: characters and
        backspace at the end of the statement, the editor's first field. The first key that
        is neither ends the echo (the keys after it are only held), as does a missing pane."""
        if not self._echoing:
            return
        body = self._opening_body()
        if body is None or not isinstance(event, events.Key):
            self._echoing = False
        elif event.key == "backspace":
            body.echo(None)
        elif event.is_printable and event.character:
            body.echo(event.character)
        else:
            self._echoing = False
        self._echoed += self._echoing

    def _opening_body(self) -> OpeningBody | None:
        """The opening pane's fields, while it shows."""
        from tui.screens.opening import OpeningBody

        bodies = self.wizard.query(OpeningBody)
        return bodies.first(OpeningBody) if bodies else None

    def _paint_editor(self) -> None:
        """Let the editor that took over be painted; if the opening showed keys typed
        during it, only once they are in it, so they never vanish for a frame. Not when a
        dialog came first (a busy lock, edits to recover): the keys go to it, as they
        would have."""
        self._echoing = False
        if not self._echoed or self.screen is not self.wizard:
            self._painted()
            return
        self._echo_hold = self._echoed
        self.set_timer(ECHO_HOLD_LIMIT, self._paint_after_echo)

    def _painted(self) -> None:
        """End the batch the editor was built in; once it is painted, load the checks
        (their import in a thread would slow the paint down)."""
        self._end_batch()
        self.wizard.call_after_refresh(self.wizard.load_checks)

    def _echo_replayed(self) -> None:
        """Called before each held key is replayed (and once they are all done): count the
        echoed ones down, then paint once the last of them is in the plan (what the
        editor first shows is what a signal arriving then would keep)."""
        if self._echo_hold is None:
            return
        if self._echo_hold:
            self._echo_hold -= 1
        else:
            self.call_later(self._settle_then_paint)

    async def _settle_then_paint(self) -> None:
        await self.settle()
        self._paint_after_echo()

    def _paint_after_echo(self) -> None:
        if self._echo_hold is not None:
            self._echo_hold = None
            self._painted()


def _validated(source: PlanSource, path: Path) -> LoadedPlan:
    """The plan in ``source``, validated (importing pydantic and the plan models)."""
    from model.store import plan_from_source

    return plan_from_source(source, path)


def _validated_and_kept(source: PlanSource, path: Path, is_new: bool) -> tuple[Plan, SavedPlan]:
    """The plan in ``source``, validated, and a copy of it as read (made here, in the
    validating thread, before anyone can edit it) to tell later whether it was edited."""
    from model.saved import SavedPlan

    loaded = _validated(source, path)
    return loaded.plan, SavedPlan(loaded.plan, ABSENT if is_new else loaded.fingerprint)
