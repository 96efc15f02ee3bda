"""Every performance benchmark in one go, in the order of docs/performance.md.

    python -m bench.run_all [--runs 7] [--keys 60]

Takes a few minutes; run it on a machine as quiet as you can get (the figures are
ratios against baselines measured in the same run, which absorbs some noise, not all).
"""

from __future__ import annotations

import argparse

from bench import classify_throughput, keystrokes, load_save, startup
from bench.timing import machine


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="runs per contender (default 7)")
    parser.add_argument("--keys", type=int, default=60, help="keys per scenario (default 60)")
    options = parser.parse_args(argv)
    print(machine(), flush=True)
    print(startup.report(options.runs), "\n", flush=True)
    print(load_save.report(options.runs), "\n", flush=True)
    print(keystrokes.report(options.keys), "\n", flush=True)
    lines = classify_throughput.corpus()
    print(classify_throughput.report("classifier, labelled lines", lines, options.runs))
    print(machine())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
