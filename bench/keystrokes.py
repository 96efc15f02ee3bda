"""Keystroke to screen in the app with the large plan: p50 and p95 per scenario.

    python -m bench.keystrokes [--keys 60]

Runs the real app headless (Textual's Pilot, 100x30). For each key the clock starts
just before the key is sent and stops at the first frame the screen composes after it
(Textual's ``_display``, which in a terminal writes the frame; headless it composes the
frame and skips only the write). Scenarios: typing into an item half-way down the
3,000-item list, moving through the 300-KPI list, and typing into a KPI's name.
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

    async def key(self, pilot, key: str) -> float:  # type: ignore[no-untyped-def]
        """Seconds from sending ``key`` to the next frame."""
        self.frame = None
        self.started = time.perf_counter()
        await pilot.press(key)
        for _ in range(200):
            if self.frame is not None:
                return self.frame - self.started
            await asyncio.sleep(0.001)
        raise TimeoutError(f"no frame after {key!r}")


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
