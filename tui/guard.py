"""Keeping the app's plan safe: the lock, read-only mode, recovery, conflicts and last words.

:class:`PlanGuard` is the app's one place for everything that protects work:

- **Lock** (``model.lock``): taken on start; when another session holds it, a dialog
  names the holder and offers read-only, take over or quit. Refreshed on every autosave
  tick; when someone takes it over, this session turns read-only and says so.
- **Read-only**: saving to the plan is refused and offers save-as instead.
- **Unsaved**: the plan is unsaved while it differs from what was last saved or loaded
  (``model.saved``), so an edit undone or typed back leaves nothing to save.
- **Recovery** (``model.recovery``): while the plan has unsaved edits they are written
  to the private recovery file every :data:`AUTOSAVE_SECONDS` (only when they changed
  since the last write, and in a pause in the typing: see :data:`TYPING_PAUSE_SECONDS`),
  on SIGHUP/SIGTERM, on a crash and on any exit that did not
  save or deliberately discard them. The next open offers to recover them. Edits undone
  back to the saved plan delete the file (it would offer them back). A read-only
  session writes a file of its own, never the lock holder's, and is offered the kept
  edits of read-only sessions that ended.
- **Conflicts** (:mod:`tui.saving`): saves pass the fingerprint of what was loaded;
  when the file changed on disk a dialog offers reload, overwrite or save-as. Nothing
  is overwritten silently.

Lines for after the app has left the screen (where the edits went after a crash or a
signal) collect in :attr:`PlanGuard.exit_notices`; ``okr open`` prints them.
"""

from __future__ import annotations

import contextlib
import sys
from pathlib import Path
from time import monotonic
from typing import TYPE_CHECKING

from model.errors import PlanError
from model.fingerprint import Fingerprint
from model.i18n import t
from model.lock import Lock, LockBusy, LockError, acquire, inspect_lock, take_over
from model.recovery import (
    Recovery,
    emergency_save,
    recovery_on_open,
    recovery_path,
    write_recovery,
)
from model.saved import SavedPlan
from model.store import dumps_plan
from tui.saving import Saving, text_digest
from tui.screens.choice import Choice, ChoiceDialog

if TYPE_CHECKING:
    from textual.timer import Timer

    from model.plan import Plan
    from tui.app import OkrApp

AUTOSAVE_SECONDS = 3.0
"""How often unsaved edits are written to the recovery file (and the lock refreshed)."""

TYPING_PAUSE_SECONDS = 1.0
"""The autosave waits for this long a pause after the last edit, so that writing out a
large plan (a tenth of a second or more for 3,000 items) does not hold up the keys of
someone typing; but it waits at most :data:`LONGEST_WAIT_SECONDS` after the first edit
not yet kept."""

LONGEST_WAIT_SECONDS = 15.0
"""How long after the first edit not yet kept the autosave writes, typing or not."""


class PlanGuard(Saving):
    """The lock, the base fingerprint and the recovery file of the app's plan."""

    def __init__(self, app: OkrApp, base: Fingerprint, saved: SavedPlan | None) -> None:
        self.app = app
        self.base = base
        """The fingerprint of the file the plan in memory started from (for conflicts)."""
        self.saved = saved
        """The plan as last saved or loaded (``None``: not known, every edit is unsaved)."""
        self.lock: Lock | None = None
        """This session's lock on the plan (``None``: read-only, or no lock possible)."""
        self.read_only = False
        """Whether saving to the plan's file is refused (another session edits it)."""
        self.exit_notices: list[str] = []
        """Lines to print once the app has left the screen (where unsaved edits went)."""
        self._discarded = False
        self._kept_on_exit = False
        self._recovered_digest: bytes | None = None
        """The SHA-256 of the text last written to the recovery file (a digest, not the
        text: a large plan's text is megabytes, kept for as long as edits are unsaved)."""
        self._edits = 0
        """How many edits the plan has had: while it is the same, so is the plan's text."""
        self._compared: tuple[int, int, bytes | None] | None = None
        """(plan, edits, recovery digest) when the plan's text was last compared with the
        recovery file's: the same again means the same answer without writing it out."""
        self._last_edit = 0.0
        self._unkept_since: float | None = None
        """When the first edit not yet in the recovery file was made (monotonic)."""
        self._recovery_warned = False
        self._appended = None
        self._adopted: Recovery | None = None
        """Recovered edits whose file could not be moved into this session's (its state
        folder cannot be written): deleted once the edits are saved or dropped."""
        self._timer: Timer | None = None

    # --- start and stop ------------------------------------------------------------------

    def start(self) -> None:
        """Take the lock (asking when it is busy), offer recovery, start the autosave."""
        self._timer = self.app.set_interval(AUTOSAVE_SECONDS, self._autosave)
        try:
            self.lock = acquire(self.path)
        except LockBusy as busy:
            self.app.push_screen(self._lock_dialog(busy), self._lock_answered)
            return
        except LockError as error:
            self._warn(t("safety.lock_unavailable", error=str(error)))
        else:
            if self.lock.replaced is not None:
                holder = self.lock.replaced.describe()
                self.app.notify(t("safety.stale_lock_replaced", holder=holder), markup=False)
        self.offer_recovery()

    def finish(self) -> None:
        """On the way out: keep unsaved edits unless deliberately discarded; unlock."""
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        if not self._kept_on_exit:
            self._keep_edits("safety.exit_saved")
        if self.lock is not None:
            self.lock.release()
            self.lock = None

    def crashed(self) -> None:
        """The app hit an unexpected error: write the unsaved edits somewhere safe, now."""
        self._keep_edits("safety.crash_saved")

    def on_signal(self, signum: int) -> None:
        """SIGHUP or SIGTERM: keep the unsaved edits and let go of the lock."""
        self._keep_edits("safety.signal_saved")
        if self.lock is not None:
            self.lock.release()
            self.lock = None

    def print_exit_notices(self) -> None:
        """Tell the user, on the real standard error (the app may still be capturing
        ``sys.stderr`` when a hung exit ends), what they must know once the app has gone
        (where unsaved edits were kept); each notice is printed once."""
        from tui.commands._common import printable

        while self.exit_notices:
            notice = self.exit_notices.pop(0)
            with contextlib.suppress(OSError):  # a terminal that is gone (SIGHUP)
                print(printable(notice), file=sys.__stderr__, flush=True)

    def quit_discarding(self) -> None:
        """The user chose to quit without saving: their edits go, recovery file too."""
        self._discarded = True
        self.discard_kept_edits(own=self.read_only)

    def _keep_edits(self, notice: str) -> None:
        if self._kept_on_exit or self._discarded or not self.app.dirty:
            return
        self._kept_on_exit = True
        text = dumps_plan(self.app.plan)
        if text_digest(text) == self._recovered_digest:
            file: Path | None = recovery_path(self.path, own=self.read_only)
        else:
            plan = self.app.plan
            file = emergency_save(self.path, plan, self.base, own=self.read_only, text=text)
        if file is None:
            self.exit_notices.append(t("safety.edits_lost"))
        else:
            self.exit_notices.append(t(notice, file=str(file), path=str(self.path)))

    # --- edits ----------------------------------------------------------------------------

    def plan_edited(self) -> None:
        """The plan was just edited: it is unsaved unless the edit brought it back to what
        was last saved or loaded (an edit undone, or typed back). Then the edits kept for
        recovery are stale and go (the next open would offer them back), and the file the
        plan was read from is its base again (recovered edits typed back included)."""
        app = self.app
        self._edits += 1
        self._last_edit = monotonic()
        if self._unkept_since is None:
            self._unkept_since = self._last_edit
        unsaved = self.saved is None or self.saved.differs(app.plan)
        if app.dirty and not unsaved:
            self._back_to_saved()
        app.dirty = unsaved

    def _back_to_saved(self) -> None:
        assert self.saved is not None
        if self._recovered_digest is not None or self._adopted is not None:
            self.discard_kept_edits(own=self.read_only)  # the ones this session kept
        self._recovered_digest = None
        self.base = self.saved.fingerprint

    # --- the autosave tick ---------------------------------------------------------------

    def tick(self) -> None:
        """Refresh the lock (noticing a take-over) and write changed unsaved edits, unless
        someone is typing (see :data:`TYPING_PAUSE_SECONDS`)."""
        if self._tick_due():
            self.write_recovery()

    def _autosave(self) -> None:
        """The timer's :meth:`tick`, with the plan written out in a worker thread (a tenth
        of a second or more for a large plan, which a key typed then would wait for)."""
        if not self._tick_due() or not self._unkept():
            return
        app, plan, edition = self.app, self.app.plan, self.app.edition

        def write_out() -> None:
            text = dumps_plan(plan)
            if app.is_running:
                app.call_from_thread(self._written_out, plan, edition, text)

        app.run_worker(write_out, thread=True, group="autosave", exclusive=True)

    def _written_out(self, plan: Plan, edition: int, text: str) -> None:
        if plan is self.app.plan and edition == self.app.edition:
            self.write_recovery(text)
        # else an edit came meanwhile and may have changed the plan under the text: the
        # next tick writes it out again

    def _tick_due(self) -> bool:
        """Refresh the lock; whether the recovery file may be written now (not while
        someone is typing, unless their first edit not yet kept is old)."""
        if self.lock is not None and not self.lock.refresh():
            self._lock_lost()
        if not self._unkept():  # saved, undone or kept: the next edit starts the wait
            self._unkept_since = None
        now = monotonic()
        typing = now - self._last_edit < TYPING_PAUSE_SECONDS
        return not typing or now - (self._unkept_since or now) >= LONGEST_WAIT_SECONDS

    def _unkept(self) -> bool:
        """Whether there are unsaved edits the recovery file may not have."""
        if not self.app.dirty or self._discarded:
            return False
        return (id(self.app.plan), self._edits, self._recovered_digest) != self._compared

    def write_recovery(self, text: str | None = None) -> bool:
        """Write the unsaved plan to the recovery file if it changed since the last write
        (a read-only session's own file: the lock holder's is not this session's);
        ``text`` is the plan written out, when the caller has it."""
        if not self._unkept():
            return False
        plan = self.app.plan
        compared = (id(plan), self._edits, self._recovered_digest)
        if text is None:
            text = dumps_plan(plan)
        digest = text_digest(text)
        if digest == self._recovered_digest:
            self._compared = compared
            self._unkept_since = None
            return False
        try:
            write_recovery(self.path, plan, self.base, own=self.read_only, text=text)
        except PlanError as error:
            if not self._recovery_warned:
                self._recovery_warned = True
                self._warn(t("safety.recovery_write_failed", error=str(error)))
            return False
        self._recovered_digest = digest
        self._compared = (id(plan), self._edits, digest)
        self._unkept_since = None
        return True

    def _lock_lost(self) -> None:
        self.lock = None
        state = inspect_lock(self.path)
        if state is not None and state.holder is not None:
            message = t("safety.lock_lost", holder=state.holder.describe())
        else:
            message = t("safety.lock_lost_unknown")
        self.set_read_only(True)
        self.app.notify(message, severity="error", timeout=30, markup=False)

    # --- the lock ------------------------------------------------------------------------

    def set_read_only(self, read_only: bool) -> None:
        if read_only != self.read_only:
            self._recovered_digest = None  # another recovery file: the next tick writes it
        self.read_only = read_only
        self.app.refresh_title()

    def _lock_dialog(self, busy: LockBusy) -> ChoiceDialog:
        if busy.holder is not None:
            body = t("safety.lock_busy_body", path=str(self.path), holder=busy.holder.describe())
        else:
            body = t(
                "safety.lock_busy_unknown_body", path=str(self.path), lock=str(busy.state.path)
            )
        return ChoiceDialog(
            t("safety.lock_busy_title"),
            [body, t("safety.lock_busy_advice")],
            [
                Choice("read-only", t("safety.open_read_only"), "primary"),
                Choice("take-over", t("safety.take_over"), "warning"),
                Choice("quit", t("safety.quit")),
            ],
            escape="read-only",
            dialog_id="lock-dialog",
        )

    def _lock_answered(self, answer: str | None) -> None:
        if answer == "quit":
            self.app.exit(0)
            return
        if answer == "take-over":
            try:
                self.lock = take_over(self.path)
            except LockError as error:
                self.app.notify(str(error), severity="error", markup=False)
            else:
                self.app.notify(t("safety.took_over"), markup=False)
                self.offer_recovery()
                return
        self.set_read_only(True)
        self.app.notify(t("safety.read_only_opened", path=str(self.path)), markup=False)
        self.offer_recovery()

    # --- recovery on open ----------------------------------------------------------------

    def offer_recovery(self) -> None:
        """If unsaved edits of this plan were kept, show what they change and ask.

        A read-only session is offered only the edits of read-only sessions that ended:
        the plan's own recovery file is the lock holder's."""
        # the plan's own file (which this session's autosave writes) is read once: offered
        # when readable, moved aside when not; a read-only session leaves it alone
        on_open = recovery_on_open(self.path, plan_file=not self.read_only)
        if on_open.set_aside is not None:
            aside, reason = on_open.set_aside
            notice = t(
                "safety.recovery_set_aside", path=str(self.path), file=str(aside), reason=reason
            )
            self.app.notify(notice, markup=False, severity="warning", timeout=30)
        found = on_open.found
        if found is None:
            return
        written = found.written.astimezone().strftime("%Y-%m-%d %H:%M")
        body = [
            t("safety.recovery_body", path=str(self.path), written=written, file=str(found.file))
        ]
        body.extend(f"• {line}" for line in found.summary())
        if len(body) == 1:
            body.append(t("safety.recovery_no_difference"))
        if found.base_deleted():
            body.append(t("safety.recovery_base_deleted"))
        elif found.base_changed():
            body.append(t("safety.recovery_base_changed"))
        dialog = ChoiceDialog(
            t("safety.recovery_title"),
            body,
            [
                Choice("recover", t("safety.recover"), "primary"),
                Choice("discard", t("safety.discard"), "error"),
            ],
            escape="recover",
            dialog_id="recovery-dialog",
        )

        async def answered(answer: str | None) -> None:
            if answer == "discard":
                found.discard()
                self.app.notify(t("safety.recovery_discarded"), markup=False)
            else:
                await self._apply_recovery(found)

        self.app.push_screen(dialog, answered)

    async def _apply_recovery(self, found: Recovery) -> None:
        # The edits' own base: if the file was saved since, saving asks before overwriting.
        self.base = found.base
        mine = found.file == recovery_path(self.path, own=self.read_only)
        self._recovered_digest = text_digest(dumps_plan(found.plan)) if mine else None
        await self.replace_plan(found.plan, dirty=True)
        # Edits from another session's file now live in this session's: move them there
        # at once, so they are neither offered twice nor lost in between.
        if not mine:
            if self.write_recovery():
                found.discard()
            else:
                self._adopted = found
        self.app.notify(t("safety.recovered", path=str(self.path)), markup=False)
