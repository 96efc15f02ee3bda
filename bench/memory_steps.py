"""Where ``okr PLAN``'s memory goes: RSS after each step of its start, in a real terminal.

    python -m bench.memory_steps PLAN [--out FILE] [--tracemalloc]

Runs in tmux (a real terminal, like ``bench.startup``): imports what ``okr PLAN``
imports in steps (Textual, pydantic, the plan models, the store, the app), loads the
plan, builds the app and runs it; after the first paint it samples VmRSS and VmHWM
every 50 ms for ``--settle`` seconds, noting the modules imported in between (the
background warm-ups), then exits and writes the table to ``--out`` (default: stdout
once the app has left the screen). ``--tracemalloc`` adds the live Python allocations
by file at the end (slow; the RSS figures then include tracemalloc's own cost).
"""

from __future__ import annotations

import argparse
import gc
import inspect
import sys
import time
from pathlib import Path

ROWS: list[tuple[str, int, int]] = []


def _status() -> tuple[int, int]:
    """(VmRSS, VmHWM) in KiB."""
    values = {}
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(("VmRSS:", "VmHWM:")):
            key, value = line.split(":", 1)
            values[key] = int(value.split()[0])
    return values["VmRSS"], values["VmHWM"]


def step(label: str) -> None:
    rss, hwm = _status()
    import tracemalloc

    if tracemalloc.is_tracing():
        current, peak = tracemalloc.get_traced_memory()
        label = f"{label[:36]:<36} py {current / 2**20:5.1f}/{peak / 2**20:5.1f}"
    ROWS.append((label, rss, hwm))


def table() -> str:
    lines = [f"{'step':<58}{'RSS MB':>9}{'+MB':>7}{'HWM MB':>9}"]
    previous = 0
    for label, rss, hwm in ROWS:
        lines.append(
            f"{label:<58}{rss / 1024:>9.1f}{(rss - previous) / 1024:>+7.1f}{hwm / 1024:>9.1f}"
        )
        previous = rss
    return "\n".join(lines)


def mappings(limit: int = 25) -> str:
    """Resident memory by mapping (shared libraries by file, the heap, anonymous memory)."""
    sizes: dict[str, int] = {}
    name = ""
    for line in Path("/proc/self/smaps").read_text().splitlines():
        first = line.split(maxsplit=1)[0]
        if not first.endswith(":"):  # a mapping's header line: address range ... [path]
            parts = line.split(maxsplit=5)
            name = parts[5].strip() if len(parts) > 5 else "[anonymous]"
        elif first == "Rss:":
            sizes[name] = sizes.get(name, 0) + int(line.split()[1])
    ordered = sorted(sizes.items(), key=lambda pair: -pair[1])
    lines = [f"{kib / 1024:>7.1f} MB  {path}" for path, kib in ordered[:limit]]
    rest = sum(kib for _, kib in ordered[limit:])
    lines.append(f"{rest / 1024:>7.1f} MB  ({len(ordered) - limit} other mappings)")
    return "\n".join(lines)


def _top_modules() -> set[str]:
    return {name for name in sys.modules if name.count(".") <= 1}


def _trace_frames(count: int = 6) -> None:
    """A row for each of the first ``count`` frames the app writes (the first paints)."""
    import textual.app

    original = textual.app.App._display
    frames = 0

    def display(self, screen, renderable):  # type: ignore[no-untyped-def]
        nonlocal frames
        original(self, screen, renderable)
        if frames < count:
            frames += 1
            step(f"frame {frames} written ({type(screen).__name__})")

    textual.app.App._display = display  # type: ignore[method-assign]


def _by_planner_line(snapshot, before) -> str:  # type: ignore[no-untyped-def]
    """Live allocations made during the run, charged to the innermost frame in the
    planner's own code (``model/``, ``tui/``), else to the innermost frame's file."""
    root = str(Path(__file__).resolve().parent.parent)
    old = {stat.traceback: stat.size for stat in before.statistics("traceback")}
    sizes: dict[str, int] = {}
    for stat in snapshot.statistics("traceback"):
        grown = stat.size - old.get(stat.traceback, 0)
        if grown <= 0:
            continue
        where = None
        for frame in reversed(stat.traceback):  # innermost first
            name = frame.filename
            if name.startswith(root) and "/.venv/" not in name and "/bench/" not in name:
                where = f"{frame.filename[len(root) + 1 :]}:{frame.lineno}"
                break
        if where is None:
            where = "(no planner frame) " + stat.traceback[-1].filename.rsplit("/", 2)[-1]
        sizes[where] = sizes.get(where, 0) + grown
    ordered = sorted(sizes.items(), key=lambda pair: -pair[1])[:40]
    return "\n".join(f"{size / 1024:>+9.0f} KiB  {where}" for where, size in ordered)


def _skip(parts: list[str]) -> None:
    """Switch background warm-ups off, to see what each costs."""
    if "checks" in parts:
        from tui.screens.wizard import WizardScreen

        WizardScreen.load_checks = lambda self: None  # type: ignore[method-assign]
    if "classifier" in parts:
        from tui.widgets.items_editor import ItemsEditor

        ItemsEditor._load_classifier = lambda self: None  # type: ignore[method-assign]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("plan", nargs="?", help="the plan to open")
    parser.add_argument(
        "--minimal", action="store_true", help="the baseline instead: bench.minimal_app"
    )
    parser.add_argument("--out", help="write the report here (default: stdout, after exit)")
    parser.add_argument("--settle", type=float, default=1.0, help="seconds after first paint")
    parser.add_argument("--tracemalloc", action="store_true")
    parser.add_argument(
        "--skip",
        action="append",
        default=[],
        choices=["checks", "classifier"],
        help="diagnosis: leave this warm-up out (the step marks or confidences never come)",
    )
    options = parser.parse_args(argv)
    if options.tracemalloc:
        import tracemalloc

        tracemalloc.start(40)
    step("interpreter + argparse")
    import textual.app
    from textual.widgets import Footer, Header, Static  # noqa: F401

    step("textual.app, Header, Static, Footer")
    if options.minimal or options.plan is None:
        from bench.minimal_app import MinimalApp

        app: textual.app.App = MinimalApp("minimal")
        step("MinimalApp()")
        is_painted = lambda app: True  # noqa: E731
    else:
        app = _okr_app(options.plan, options.skip)
        is_painted = _objective_shown
    before_run = None
    if options.tracemalloc:
        import tracemalloc

        before_run = tracemalloc.take_snapshot()
    _trace_frames()
    _sample_after_paint(is_painted, options.settle)
    app.run()
    step("after exit")
    gc.collect()
    step("after exit + gc.collect()")
    text = table() + "\n\nresident memory by mapping at exit:\n" + mappings()
    if options.tracemalloc:
        text += _allocations(before_run)
    if options.out:
        Path(options.out).write_text(text + "\n", encoding="utf-8")
    else:
        print(text)
    return 0


def _okr_app(plan: str, skip: list[str]):  # type: ignore[no-untyped-def]
    """Import what ``okr PLAN`` imports, step by step, load the plan, build the app."""
    import pydantic  # noqa: F401

    step("pydantic")
    import model.plan

    step("model.plan (the plan models)")
    import model.store  # noqa: F401

    step("model.store")
    import tui.cli

    step("tui.cli (+ commands' modules)")
    from model.store import load_plan_with_fingerprint

    loaded = load_plan_with_fingerprint(plan)
    step("load_plan_with_fingerprint")
    import tui.app

    step("tui.app (+ screens, widgets)")
    _skip(skip)
    if "base" in inspect.signature(tui.app.make_app).parameters:
        app = tui.app.make_app(loaded.plan, plan, base=loaded.fingerprint)
    else:  # an older checkout, to compare with
        app = tui.app.make_app(loaded.plan, plan)
    step("make_app")
    return app


def _objective_shown(app) -> bool:  # type: ignore[no-untyped-def]
    wizard = getattr(app, "wizard", None)
    pane = None if wizard is None else wizard.panes.get("objective")
    return pane is not None and pane.is_mounted


def _sample_after_paint(is_painted, settle: float) -> None:  # type: ignore[no-untyped-def]
    """Once the app is ready and ``is_painted``, a row every 50 ms (with the modules
    imported since the last row) for ``settle`` seconds, then exit."""
    import textual.app

    original_ready = textual.app.App._ready
    seen = _top_modules()

    async def ready(self) -> None:  # type: ignore[no-untyped-def]
        await original_ready(self)
        started: float | None = None

        def sample() -> None:
            nonlocal seen, started
            if not is_painted(self):
                return
            if started is None:  # the first sample with the first step on screen
                started = time.monotonic()
            now = _top_modules()
            new = sorted(now - seen)
            seen = now
            elapsed = time.monotonic() - started
            step(f"t+{elapsed:.2f}s " + (" ".join(new)[:44] if new else ""))
            if elapsed > settle + 0.25:
                self.exit()

        self.set_interval(0.05, sample)

    textual.app.App._ready = ready  # type: ignore[method-assign]


def _allocations(before_run) -> str:  # type: ignore[no-untyped-def]
    import tracemalloc

    snapshot = tracemalloc.take_snapshot()
    text = "\n\nlive Python allocations by file (tracemalloc):\n"
    text += "\n".join(
        f"{stat.size / 1024:>9.0f} KiB  {stat.traceback[0].filename}"
        for stat in snapshot.statistics("filename")[:40]
    )
    text += "\n\nallocated while the app ran, still live at exit, by file:\n"
    text += "\n".join(
        f"{stat.size_diff / 1024:>+9.0f} KiB  {stat.traceback[0].filename}"
        for stat in snapshot.compare_to(before_run, "filename")[:40]
    )
    text += "\n\nallocated while the app ran, still live, by the innermost planner line:\n"
    return text + _by_planner_line(snapshot, before_run)


if __name__ == "__main__":
    raise SystemExit(main())
