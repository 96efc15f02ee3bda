"""Time to first paint and peak memory of ``okr PLAN`` in a real terminal (tmux),
against a minimal Textual app (Header, Static, Footer) started the same way.

    python -m bench.startup [--runs 7]

Each run starts the program in a detached tmux session and polls the pane until the
plan's objective is on screen (the minimal app shows the same text). The planner paints
the file before it has validated it (``tui.screens.opening``), so for it a key is also
typed at that moment and two more times are reported: until the key shows in the
objective's field (the opening pane shows characters typed before the editor is there),
and until the real editor, holding the key, is on screen (its item list, with each
item's kind, is what the opening pane does not draw). Peak RSS is read three seconds
after the first paint, so work deferred until after it counts too.
Contenders alternate run by run, so all of them see the same machine load.
"""

from __future__ import annotations

import re
import shutil
import tempfile
from pathlib import Path

from bench.large_plan import OBJECTIVE, write_large_plan
from bench.timing import Paint, Stats, first_paint, header, python, ratio_line, run_report

EXAMPLE_PLAN = "plans/saas-growth.toml"
EXAMPLE_OBJECTIVE = "Make the free trial the fastest path"
LARGE_OBJECTIVE = OBJECTIVE[:30]
TYPED = "Z"
"""The key typed at the first paint; the objective's field then ends in it."""
EDITOR = re.compile(r"\b(?:KR|Init|Obj)\s+(?:\d+%\s+)?\S")
"""An item's kind in the item list: drawn by the real editor only, not the opening pane."""


def contenders(
    example: Path, large: Path
) -> dict[str, tuple[list[str], str, tuple[str, str] | None]]:
    """(command, text to wait for, (key to type, text it shows as) or None) by name."""
    okr = [python(), "-m", "tui"]
    minimal = [python(), "-m", "bench.minimal_app"]
    return {
        "minimal app": ([*minimal, EXAMPLE_OBJECTIVE], EXAMPLE_OBJECTIVE, None),
        "okr, example plan": (
            [*okr, str(example)],
            EXAMPLE_OBJECTIVE,
            (TYPED, "small teams" + TYPED),
        ),
        "okr, large plan": ([*okr, str(large)], LARGE_OBJECTIVE, (TYPED, OBJECTIVE[-4:] + TYPED)),
    }


def measure(runs: int) -> dict[str, list[Paint]]:
    """Every contender's paints, ``runs`` each, after one warm-up start each."""
    with tempfile.TemporaryDirectory(prefix="okr-bench-") as folder:
        example = Path(folder) / "example-plan.toml"
        shutil.copyfile(EXAMPLE_PLAN, example)
        started = contenders(example, write_large_plan(Path(folder) / "large-plan.toml"))
        paints: dict[str, list[Paint]] = {name: [] for name in started}
        for run, (argv, needle, typed) in enumerate(started.values()):
            state = _fresh_state(folder, f"warm-up-{run}")
            first_paint(argv, needle, settle=0, type_then=typed, editor=EDITOR, environment=state)
        for run in range(runs):
            for name, (argv, needle, typed) in started.items():
                state = _fresh_state(folder, f"{run}-{name}")
                paint = first_paint(argv, needle, type_then=typed, editor=EDITOR, environment=state)
                paints[name].append(paint)
    return paints


def _fresh_state(folder: str, name: str) -> dict[str, str]:
    """A state folder of this start's own: the key typed is never saved, so each start
    leaves its edits in a recovery file, which the next start would offer to recover
    (and the user's own recovery files are never touched)."""
    return {"XDG_STATE_HOME": str(Path(folder) / "state" / name)}


def report(runs: int) -> str:
    paints = measure(runs)
    times = {name: Stats.of([p.seconds for p in found]) for name, found in paints.items()}
    memory = {name: Stats.of([p.peak_rss_kib for p in found]) for name, found in paints.items()}
    base_time, base_memory = times["minimal app"], memory["minimal app"]
    lines = [f"time to first paint in tmux, {runs} runs", header(" ms")]
    lines += [stats.row(name, 1000) for name, stats in times.items()]
    lines.append(
        ratio_line("example plan / minimal (target 1.10x)", times["okr, example plan"], base_time)
    )
    lines.append(
        ratio_line("large plan / minimal (target 1.5x)", times["okr, large plan"], base_time)
    )
    for title, moment in (
        ("a key typed at the first paint shows in the field", "typed_seconds"),
        ("... and the editor holding it is on screen", "editor_seconds"),
    ):
        lines += ["", f"{title}, {runs} runs", header(" ms")]
        for name, found in paints.items():
            seconds = [getattr(p, moment) for p in found if getattr(p, moment) is not None]
            if seconds:
                lines.append(Stats.of(seconds).row(name, 1000))
                ratio = ratio_line(f"{name} / minimal's first paint", Stats.of(seconds), base_time)
                lines.append(ratio)
    lines += ["", f"peak RSS three seconds after first paint, {runs} runs", header(" MB")]
    lines += [stats.row(name, 1 / 1024) for name, stats in memory.items()]
    lines.append(
        ratio_line("example plan / minimal (target 1.3x)", memory["okr, example plan"], base_memory)
    )
    lines.append(ratio_line("large plan / minimal", memory["okr, large plan"], base_memory))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    return run_report(report, __doc__, argv)


if __name__ == "__main__":
    raise SystemExit(main())
