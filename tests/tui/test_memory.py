"""Once the editor is on screen its objects are set aside from the garbage collector (so
full collections stay short on a large plan), without keeping anything that should go."""

from __future__ import annotations

import gc
import weakref

from model.store import load_plan
from tests.tui.helpers import until
from tests.tui.test_language import switch_in_palette
from tui.app import make_app


async def test_the_editors_objects_are_frozen_and_given_back_when_the_app_ends(example_copy):
    gc.unfreeze()
    path = example_copy()
    app = make_app(load_plan(path), path)
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert gc.get_freeze_count() > 10_000, "the plan, the widgets, the modules"
    assert gc.get_freeze_count() == 0


async def test_panes_dropped_by_a_language_switch_are_freed_not_kept_frozen(example_copy):
    path = example_copy()
    app = make_app(load_plan(path), path)
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        old_pane = weakref.ref(app.wizard.pane("objective"))
        assert gc.get_freeze_count() > 0
        assert old_pane() is not None
        await switch_in_palette(pilot, "繁體")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.wizard.pane("objective") is not None
        await until(lambda: old_pane() is None, "the old objective pane to be freed")


async def test_threads_hand_the_ui_over_quickly_while_the_app_runs(example_copy):
    """A background thread (the checks) gives way to the UI thread after UI_TURN, not
    Python's default 5 ms, while the app runs; the interval is put back when it ends."""
    import sys

    from tui.turns import UI_TURN

    before = sys.getswitchinterval()
    assert before > UI_TURN
    path = example_copy()
    app = make_app(load_plan(path), path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert sys.getswitchinterval() == UI_TURN
    assert sys.getswitchinterval() == before


async def test_after_a_rebuild_the_collection_waits_for_a_pause_in_the_keys(
    example_copy, monkeypatch
):
    """The full collection after a rebuild (a tenth of a second on a large plan) runs
    only once no key came for SETTLE_DELAY, not in the middle of someone typing."""
    import tui.screens.wizard as wizard

    # longer than the app's second: on a loaded machine the keys below must start before
    # it has passed, or the collection would rightly run before them
    delay = 2.0
    monkeypatch.setattr(wizard, "SETTLE_DELAY", delay)
    events: list[str] = []
    release, settle = wizard.release_memory, wizard.settle_memory
    monkeypatch.setattr(wizard, "release_memory", lambda: (events.append("release"), release()))
    monkeypatch.setattr(
        wizard, "settle_memory", lambda **kw: (events.append("settle"), settle(**kw))
    )
    path = example_copy()
    app = make_app(load_plan(path), path)
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        events.clear()
        await switch_in_palette(pilot, "繁體")
        await until(lambda: "release" in events, "given back at the rebuild")
        for key in ["tab", "shift+tab"] * 6:  # 1.5 SETTLE_DELAY of keys, one every eighth
            await pilot.press(key)
            await pilot.pause(delay / 8)
            assert "settle" not in events, "no collection while keys come"
        await until(lambda: "settle" in events, "the collection once the keys pause")
        assert gc.get_freeze_count() > 0, "what is alive is frozen again"
