"""Load + validate + save of the large plan, against plain ``tomllib.load`` +
``tomli_w.dumps`` of the same file (what any TOML tool would pay).

    python -m bench.load_save [--runs 7]

Ours is ``load_plan`` (read, size limits, full validation) + ``dumps_plan`` (the
canonical text); the full ``save_plan`` (limits check, atomic write with fsync and
a backup) is reported beside it, with a plain ``write_text`` added to the baseline.
Last, ``save_plan`` over a copy of the file with a ``#`` comment on every KPI and item
(each kept in place: :mod:`model.comments`), against the plain ``save_plan``: the first
save of a session (the file's comments read) and a save after a save (the comments the
last save placed are remembered, the file being the text it wrote).
"""

from __future__ import annotations

import tempfile
import time
import tomllib
from collections.abc import Callable
from pathlib import Path

import tomli_w

from bench.large_plan import write_large_plan
from bench.timing import Stats, header, ratio_line, run_report


def contenders(source: Path, scratch: Path) -> dict[str, Callable[[], object]]:
    """The timed operations, by name."""
    from model import comments
    from model.store import dumps_plan, load_plan, save_plan

    def baseline() -> object:
        with source.open("rb") as file:
            return tomli_w.dumps(tomllib.load(file))

    def baseline_write() -> None:
        (scratch / "plain.toml").write_text(baseline(), encoding="utf-8")

    commented = scratch / "commented.toml"
    lines = dumps_plan(load_plan(source)).split("\n")
    notes = ("[[kpis]]", "[[items]]")
    commented.write_text(
        "\n".join(f"# note {n}\n{line}" if line in notes else line for n, line in enumerate(lines)),
        encoding="utf-8",
    )

    def first_save() -> None:
        comments._last_carried = None  # as in a new session: nothing remembered
        save_plan(load_plan(commented), commented)

    return {
        "baseline: tomllib.load + tomli_w.dumps": baseline,
        "ours: load_plan + dumps_plan": lambda: dumps_plan(load_plan(source)),
        "baseline + write_text": baseline_write,
        "ours: load_plan + save_plan": lambda: save_plan(load_plan(source), scratch / "p.toml"),
        "ours: save_plan, 3,300 comments, first": first_save,
        "ours: save_plan, 3,300 comments, again": lambda: save_plan(
            load_plan(commented), commented
        ),
    }


def measure(runs: int) -> dict[str, Stats]:
    """Seconds per operation over ``runs`` alternating runs (after one warm-up each)."""
    samples: dict[str, list[float]] = {}
    with tempfile.TemporaryDirectory(prefix="okr-bench-") as folder:
        scratch = Path(folder)
        timed = contenders(write_large_plan(scratch / "large-plan.toml"), scratch)
        for name, function in timed.items():
            function()
            samples[name] = []
        for _ in range(runs):
            for name, function in timed.items():
                start = time.perf_counter()
                function()
                samples[name].append(time.perf_counter() - start)
    return {name: Stats.of(values) for name, values in samples.items()}


def report(runs: int) -> str:
    stats = measure(runs)
    names = list(stats)
    lines = [f"load + validate + save, large plan, {runs} runs", header(" ms")]
    lines += [stats[name].row(name, 1000, "") for name in names]
    lines.append(ratio_line("ratio load+dumps (target <= 1.5x)", stats[names[1]], stats[names[0]]))
    lines.append(ratio_line("ratio load+save_plan", stats[names[3]], stats[names[2]]))
    lines.append(
        ratio_line("ratio first save with comments / without", stats[names[4]], stats[names[3]])
    )
    lines.append(
        ratio_line("ratio next save with comments / without", stats[names[5]], stats[names[3]])
    )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    return run_report(report, __doc__, argv)


if __name__ == "__main__":
    raise SystemExit(main())
