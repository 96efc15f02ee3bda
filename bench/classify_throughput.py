"""Classifier throughput in lines per second, against a trivial baseline in the same run.

    python -m bench.classify_throughput [--runs 9]

Workloads:
- ``lines``: the 1,585 labelled lines of tests/data (English, Chinese in both scripts,
  mixed; key results, initiatives, objectives; 6 to 90 characters), each read afresh
  (``model.classify.rules.read``: the classifier without its memory of recent lines);
- ``typing``: every third prefix of those lines, as an editor classifying on each
  keystroke would send them, each read afresh too;
- ``redraw``: the same lines asked again through ``classify``, as an editor does
  when it redraws a list or switches language: answered from its memory of recent lines.

The baseline is one precompiled regular-expression search per line, the cheapest thing
a "classifier" could do; the ratio says how many baseline searches one classification
costs. Runs of the classifier and the baseline alternate so both see the same machine
load. Reported: median, min and max over the runs, from wall-clock time (what a user
waits for) and from CPU time (this process only, steadier on a shared machine).
"""

from __future__ import annotations

import argparse
import platform
import re
import statistics
import time
from collections.abc import Callable

from bench.classify_report import SETS, load

_BASELINE = re.compile(r"\d+(?:\.\d+)?%?")


def corpus() -> list[str]:
    """Every labelled line, once."""
    return [row.text for name in SETS for row in load(name)]


def keystrokes(lines: list[str]) -> list[str]:
    """Every third prefix of every line (and the whole line), as typed."""
    return [line[:end] for line in lines for end in (*range(3, len(line), 3), len(line))]


def _pass(function: Callable[[str], object], lines: list[str]) -> tuple[float, float]:
    """(wall seconds, CPU seconds) to call ``function`` on every line once."""
    wall, cpu = time.perf_counter(), time.process_time()
    for line in lines:
        function(line)
    return time.perf_counter() - wall, time.process_time() - cpu


def measure(
    lines: list[str], runs: int, *, remembered: bool = False
) -> dict[str, dict[str, list[float]]]:
    """Lines per second of the classifier and the baseline, per run, wall and CPU: every
    line read afresh, or (``remembered``) asked again of ``classify``, which remembers."""
    from model.classify import classify
    from model.classify.rules import read

    contenders = {"classifier": classify if remembered else read, "baseline": _BASELINE.search}
    for function in contenders.values():  # warm up lazy loads (and, remembered, the memory)
        _pass(function, lines if remembered else lines[:200])
    rates: dict[str, dict[str, list[float]]] = {
        name: {"wall": [], "cpu": []} for name in contenders
    }
    for _ in range(runs):
        for name, function in contenders.items():
            wall, cpu = _pass(function, lines)
            rates[name]["wall"].append(len(lines) / wall)
            rates[name]["cpu"].append(len(lines) / cpu if cpu > 0 else float("inf"))
    return rates


def _row(label: str, values: list[float]) -> str:
    median = statistics.median(values)
    return f"  {label:<22}{median:>12,.0f}{min(values):>12,.0f}{max(values):>12,.0f}"


def report(name: str, lines: list[str], runs: int, *, remembered: bool = False) -> str:
    """One workload's figures as text."""
    rates = measure(lines, runs, remembered=remembered)
    out = [
        f"{name}: {len(lines):,} lines, {runs} runs, lines per second",
        f"  {'':<22}{'median':>12}{'min':>12}{'max':>12}",
    ]
    for clock in ("wall", "cpu"):
        for contender in ("classifier", "baseline"):
            out.append(_row(f"{contender} ({clock})", rates[contender][clock]))
        ratio = statistics.median(rates["baseline"][clock]) / statistics.median(
            rates["classifier"][clock]
        )
        out.append(f"  baseline / classifier ({clock}): {ratio:,.{0 if ratio >= 10 else 2}f}x")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9, help="passes per contender (default 9)")
    options = parser.parse_args(argv)
    lines = corpus()
    print(f"python {platform.python_version()} on {platform.machine()}, {platform.system()}")
    print(report("lines", lines, options.runs))
    print(report("typing", keystrokes(lines), options.runs))
    print(report("redraw", lines, options.runs, remembered=True))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
