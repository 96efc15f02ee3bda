"""Saving from the app: conflicts on disk, reload, save as (used by :class:`tui.guard.PlanGuard`).

Every save passes the fingerprint of what the plan started from, so a file someone
else saved meanwhile raises :class:`~model.errors.ConflictError` and a dialog offers
save as, reload (after a confirm) or overwrite; nothing is overwritten silently. A
read-only session never saves to its plan: ``ctrl+s`` asks for another file name, as it
does when the file or its folder does not let the user write.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import TYPE_CHECKING

from model.atomic import save_folder
from model.checkins import add_checkin, checkins_appended_since, checkins_fit
from model.errors import ConflictError, NotWritableError, PlanError
from model.fingerprint import ABSENT, Fingerprint
from model.i18n import t
from model.lock import Lock, LockBusy, LockError, acquire, open_elsewhere
from model.plan import CheckIn, Plan
from model.recovery import Recovery, discard_recovery
from model.saved import SavedPlan
from model.store import WriteResult, load_plan_with_fingerprint, save_plan
from tui.screens.choice import Choice, ChoiceDialog

if TYPE_CHECKING:
    from collections.abc import Callable

    from tui.app import OkrApp


class Saving:
    """Save, save as, reload and the conflict dialog; state lives in the guard."""

    app: OkrApp
    base: Fingerprint
    saved: SavedPlan | None
    lock: Lock | None
    read_only: bool
    _recovered_digest: bytes | None
    _discarded: bool
    _adopted: Recovery | None
    _appended: tuple[list[CheckIn], Fingerprint] | None
    """At a conflict, the check-ins appended to the file since it was loaded or saved,
    when they are all that changed (:func:`model.checkins.checkins_appended_since`)."""
    set_read_only: Callable[[bool], None]
    write_recovery: Callable[[], bool]

    @property
    def path(self) -> Path:
        return self.app.path

    async def replace_plan(self, plan: Plan, *, dirty: bool) -> None:
        """Put ``plan`` in the app and rebuild the step panes around it."""
        app = self.app
        app.plan = plan
        app.dirty = dirty  # before any await: an autosave tick must see the new state
        app.kpi_cursor = 0
        app.forget_checks()
        app.wizard.refresh_states()
        await app.wizard.rebuild_panes()
        app.dirty = dirty  # loading the panes' fields is no edit
        app.refresh_title()

    # --- saving --------------------------------------------------------------------------

    def save(self) -> None:
        """Save to the plan's file unless read-only; a file changed on disk asks first."""
        if self.read_only:
            self.save_as(t("safety.save_refused_read_only", path=str(self.path)))
            return
        try:
            result = save_plan(self.app.plan, self.path, expected=self.base)
        except ConflictError as conflict:
            self._appended = None
            if conflict.kind == "changed":
                appended = checkins_appended_since(self.path, self.base)
                if appended is not None and checkins_fit(self.app.plan, appended[0]):
                    self._appended = appended  # not for a KPI renamed or deleted here
            self.app.push_screen(self._conflict_dialog(conflict), self._conflict_answered)
            return
        except NotWritableError as error:  # the way out is another file: ask for its name
            self.save_as(t("safety.save_refused_not_writable", reason=error.message))
            return
        except PlanError as error:
            self.app.notify(str(error), title=t("tui.save_failed"), severity="error", markup=False)
            return
        self._saved(result)

    def _report_dropped_comments(self, result: WriteResult) -> None:
        """Say when ``#`` comments of the replaced file had nowhere to go in the new one
        (what they were on was deleted or reworded): the ``.bak`` holds them."""
        if result.comments_dropped:
            backup = result.backup.name if result.backup is not None else "-"
            message = t("tui.saved_without_comments", count=result.comments_dropped, backup=backup)
            self.app.notify(message, severity="warning", markup=False, timeout=15)

    def discard_kept_edits(self, *, own: bool) -> None:
        """The edits were saved or deliberately dropped: delete their recovery file (and
        the one they were recovered from, when it could not be moved into that one)."""
        discard_recovery(self.path, own=own)
        if self._adopted is not None:
            self._adopted.discard()
            self._adopted = None

    def _saved(self, result: WriteResult) -> None:
        self.base = result.fingerprint
        self.saved = SavedPlan(self.app.plan, result.fingerprint)
        self.discard_kept_edits(own=False)
        self._recovered_digest = None
        self._discarded = False
        self.app.is_new = False
        self.app.dirty = False
        self.app.refresh_title()
        self.app.report_saved()
        self._report_dropped_comments(result)
        if result.backup_problem:
            self._warn(t("safety.backup_problem", problem=result.backup_problem))

    def _conflict_dialog(self, conflict: ConflictError) -> ChoiceDialog:
        """What happened to the file and what each choice does (said once: the error's own
        one-line message, for the command line, says the same in short)."""
        kind = conflict.kind  # changed, deleted or created
        deleted = kind == "deleted"
        advice = t(f"safety.conflict_advice_{kind}")
        choices = []
        if self._appended is not None:  # only check-ins were added: nothing need be lost
            count = len(self._appended[0])
            key = "safety.conflict_advice_checkins" + ("_one" if count == 1 else "")
            advice = t(key, count=count)
            choices.append(Choice("keep-both", t("safety.keep_both"), "primary"))
        choices.append(Choice("save-as", t("safety.save_as"), "default" if choices else "primary"))
        if not deleted:  # nothing to reload
            choices.append(Choice("reload", t("safety.reload"), "warning"))
        choices += [
            Choice("overwrite", t("safety.save_again" if deleted else "safety.overwrite"), "error"),
            Choice("cancel", t("safety.cancel")),
        ]
        return ChoiceDialog(
            t(f"safety.conflict_title_{kind}"),
            [str(conflict.path), advice],
            choices,
            escape="cancel",
            dialog_id="conflict-dialog",
        )

    def _conflict_answered(self, answer: str | None) -> None:
        if answer == "keep-both" and self._appended is not None:
            added, now = self._appended
            for checkin in added:
                add_checkin(self.app.plan, checkin)
            self.base = now  # their file, which these edits now include
            self.app.forget_checks()
            self.app.wizard.refresh_states()
            self.save()  # a file changed yet again asks again
        elif answer == "overwrite":
            try:
                result = save_plan(self.app.plan, self.path, expected=None)
            except PlanError as error:
                self.app.notify(str(error), severity="error", markup=False)
                return
            self._saved(result)
        elif answer == "reload":
            self._confirm_reload()
        elif answer == "save-as":
            self.save_as()

    def _confirm_reload(self) -> None:
        from tui.screens.dialogs import ConfirmDialog

        async def answered(reload: bool | None) -> None:
            if reload:
                await self.reload()

        question = t("safety.confirm_reload", path=str(self.path))
        dialog = ConfirmDialog(question, yes=t("safety.reload_yes"), no=t("safety.keep_mine"))
        self.app.push_screen(dialog, answered)

    async def reload(self) -> bool:
        """Replace the plan in memory with the file on disk (unsaved edits are dropped)."""
        try:
            loaded = load_plan_with_fingerprint(self.path)
        except PlanError as error:
            self.app.notify(str(error), severity="error", markup=False)
            return False
        self.base = loaded.fingerprint
        self.saved = SavedPlan(loaded.plan, loaded.fingerprint)
        self.discard_kept_edits(own=self.read_only)
        self._recovered_digest = None
        await self.replace_plan(loaded.plan, dirty=False)
        self.app.notify(t("safety.reloaded", path=str(self.path)), markup=False)
        return True

    # --- save as -------------------------------------------------------------------------

    def save_as(self, title: str | None = None) -> None:
        """Ask for a file name, then save there and go on editing that file."""
        from tui.screens.dialogs import PromptDialog

        def answered(answer: str | None) -> None:
            if answer and answer.strip():
                target = Path(answer.strip()).expanduser()
                if not target.name.lower().endswith(".toml"):  # "q2" is saved as q2.toml
                    target = target.with_name(target.name + ".toml")
                self._save_as_to(target)

        dialog = PromptDialog(
            title or t("safety.save_as_title"), value=str(self.path), one_value=True
        )
        self.app.push_screen(dialog, answered)

    def _save_as_to(self, target: Path) -> None:
        if _same_file(target, self.path):
            if self.read_only:
                self._claim_and_save()
            else:
                self.save()
            return
        folder = save_folder(target)  # a symlink is saved through to its target's folder
        if not os.path.isdir(folder):
            if os.path.islink(target):
                message = t("safety.save_as_link_no_folder", path=str(target), folder=str(folder))
            else:
                message = t("safety.save_as_no_folder", folder=str(folder))
            self.app.notify(message, severity="error", markup=False)
            return
        if self._busy_elsewhere(target):
            return
        if not target.exists():
            self._write_as(target, expected=ABSENT)
            return
        from tui.screens.dialogs import ConfirmDialog

        def answered(replace: bool | None) -> None:
            if replace:
                self._write_as(target, expected=None)

        question = t("safety.save_as_exists", path=str(target))
        self.app.push_screen(
            ConfirmDialog(question, yes=t("safety.replace"), no=t("safety.cancel")), answered
        )

    def _claim_and_save(self) -> None:
        """A read-only session saving to its own plan, whose lock holder has gone: take the
        lock and save as the editing session would, so that a save made meanwhile is not
        replaced after a mere "the file exists" question but opens the conflict dialog."""
        try:
            lock: Lock | None = acquire(self.path)
        except LockBusy as busy:
            self._refuse_busy(
                self.path, busy.holder.describe() if busy.holder else str(busy.state.path)
            )
            return
        except LockError:
            lock = None  # no lock possible here (a read-only folder): edit without one
        self.lock = lock
        self.set_read_only(False)
        if self.write_recovery():  # the edits now live in the plan's recovery file
            discard_recovery(self.path, own=True)
        self.save()

    def _busy_elsewhere(self, target: Path) -> bool:
        """Whether another live session holds ``target``'s lock (then say so)."""
        state = open_elsewhere(target, own=self.lock)
        if state is None:
            return False
        self._refuse_busy(target, state.holder.describe() if state.holder else str(state.path))
        return True

    def _refuse_busy(self, target: Path, holder: str) -> None:
        message = t("safety.save_as_busy", path=str(target), holder=holder)
        self.app.notify(message, severity="error", markup=False)

    def _write_as(self, target: Path, *, expected: Fingerprint | None) -> None:
        try:
            new_lock: Lock | None = acquire(target)
        except LockBusy as busy:
            self._refuse_busy(
                target, busy.holder.describe() if busy.holder else str(busy.state.path)
            )
            return
        except LockError:
            new_lock = None
        try:
            result = save_plan(self.app.plan, target, expected=expected)
        except PlanError as error:
            if new_lock is not None:
                new_lock.release()
            self.app.notify(str(error), severity="error", markup=False)
            return
        self.discard_kept_edits(own=self.read_only)
        if self.lock is not None:
            self.lock.release()
        self.lock = new_lock
        self.app.path = target
        self.read_only = False
        self._saved(result)

    def _warn(self, message: str) -> None:
        self.app.notify(message, severity="warning", timeout=15, markup=False)


def text_digest(text: str) -> bytes:
    """A fixed-size stand-in for a plan's text, to tell whether it changed."""
    return hashlib.sha256(text.encode("utf-8")).digest()


def _same_file(one: Path, other: Path) -> bool:
    try:
        return os.path.realpath(one) == os.path.realpath(other)
    except OSError:
        return False
