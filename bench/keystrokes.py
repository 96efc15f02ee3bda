"""Keystroke to screen in the app with the large plan: p50 and p95 per scenario.

    python -m bench.keystrokes [--keys 60]

Runs the real app headless (Textual's Pilot, 100x30). For each key the clock starts
just before the key is sent and stops at the first frame the screen composes after it
(Textual's ``_display``, which in a terminal writes the frame; headless it composes the
frame and skips only the write). Scenarios: typing into an item half-way down the
3,000-item list (keys in a burst, then a third as many each after a pause in which the
checks start again), moving through the 300-KPI list, and typing into a KPI's name.
"""

from __future__ import annotations

import argparse
import asyncio
import shutil
import string
import tempfile
import time
from pathlib import Path

from bench.large_plan import write_large_plan
from bench.timing import Stats, machine


class FrameClock:
    """Records when the app first composes a frame after :meth:`start`."""

    def __init__(self, app) -> None:  # type: ignore[no-untyped-def]
        self.started = 0.0
        self.frame: float | None = None
        display = app._display

        def timed_display(screen, renderable) -> None:  # type: ignore[no-untyped-def]
            if renderable is not None and self.frame is None and self.started:
                self.frame = time.perf_counter()
            display(screen, renderable)

        app._display = timed_display

    async def key(self, pilot, key: str, due: float | None = None) -> float:  # type: ignore[no-untyped-def]
        """Seconds from sending ``key`` (or from ``due``, when it was meant to arrive:
        a busy app sends it late) to the next frame."""
        self.frame = None
        self.started = time.perf_counter() if due is None else due
        await pilot.press(key)
        for _ in range(200):
            if self.frame is not None:
                return self.frame - self.started
            await asyncio.sleep(0.001)
        raise TimeoutError(f"no frame after {key!r}")


async def _after_pauses(chars: str):  # type: ignore[no-untyped-def]
    """``chars`` one at a time, each after a pause just long enough for the checks to
    start again on the plan as typed so far (someone thinking between words), with the
    moment it is due: the app and the Pilot share one event loop, so an app busy at that
    moment sends the key late, and the wait counts, as it does for a key from a
    terminal that the app reads only when it is free."""
    from tui.guard import TYPING_PAUSE_SECONDS
    from tui.screens.wizard import CHECKS_DELAY

    pause = CHECKS_DELAY + 0.02
    assert pause < TYPING_PAUSE_SECONDS  # so the autosave, which waits longer, never writes
    for char in chars:
        due = time.perf_counter() + pause
        await asyncio.sleep(pause)
        yield char, due


async def scenarios(plan_path: Path, keys: int) -> dict[str, list[float]]:
    from model.store import load_plan
    from tui.app import make_app

    app = make_app(load_plan(plan_path), plan_path)
    samples: dict[str, list[float]] = {}
    text = (string.ascii_lowercase + " 計畫指標 ") * 4
    async with app.run_test(size=(100, 30)) as pilot:
        clock = FrameClock(app)
        await pilot.pause()
        items = app.query_one("#item-list")
        items.focus()
        items.move_cursor(1_500)  # type: ignore[attr-defined]
        await pilot.press("enter")
        await pilot.pause()
        samples["type into item 1,500 of 3,000"] = [
            await clock.key(pilot, char if char != " " else "space") for char in text[:keys]
        ]
        samples["... pausing before each key (checks run)"] = [
            await clock.key(pilot, char, due)
            async for char, due in _after_pauses(text.replace(" ", "")[: max(keys // 3, 5)])
        ]
        await app.wizard.go_to_step("kpis")
        await pilot.pause()
        kpis = app.query_one("#kpi-list-kpis")
        kpis.focus()
        await pilot.pause()
        samples["move down the 300-KPI list"] = [
            await clock.key(pilot, "down") for _ in range(keys)
        ]
        await pilot.press("enter")
        await pilot.pause()
        app.query_one("#kpi-name").focus()
        await pilot.press("end")
        samples["type into a KPI's name"] = [
            await clock.key(pilot, char) for char in string.ascii_lowercase * 3
        ][:keys]
        app.dirty = False
    return samples


def report(keys: int) -> str:
    folder = Path(tempfile.mkdtemp(prefix="okr-bench-"))
    try:
        plan = write_large_plan(folder / "large-plan.toml")
        samples = asyncio.run(scenarios(plan, keys))
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    lines = [
        f"keystroke to screen, large plan, {keys} keys per scenario (target p95 < 30 ms)",
        f"  {'':<42}{'p50 ms':>11}{'p95 ms':>11}{'max ms':>11}",
    ]
    for name, values in samples.items():
        stats = Stats.of(values)
        cells = (stats.median, stats.p95, stats.high)
        lines.append(f"  {name:<42}" + "".join(f"{v * 1000:>11.1f}" for v in cells))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keys", type=int, default=60)
    options = parser.parse_args(argv)
    print(machine())
    print(report(options.keys))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
