"""Record every reading the classifier gives on a fixed corpus; later, check none changed.

    python -m bench.classify_outputs save FILE     record the readings
    python -m bench.classify_outputs check FILE    compare with them (exit 1 on a change)

For work that must not change what the classifier says, such as making it faster or
moving code between modules: save before, check after. A reading is the kind, the
confidence and every reason with its words. The corpus is about 56,000 lines: every
labelled line in tests/data, every prefix of each (as typed), each in lower and upper
case, three word-order shuffles of each (a fixed seed) and the example plans' texts.
The file is a pickle of this machine's run; it belongs next to your work, not in git.
"""

from __future__ import annotations

import argparse
import pickle
import random
import re
import sys
from pathlib import Path

from bench.classify_throughput import corpus

ROOT = Path(__file__).resolve().parent.parent
SHOWN = 10
"""How many changed readings ``check`` prints."""

Reading = tuple[str, str, float, tuple[object, ...]]
"""A line, its kind, its confidence and its reasons."""


def lines() -> list[str]:
    """The corpus, the same lines in the same order on every run."""
    labelled = corpus()
    out = list(labelled)
    for line in labelled:
        out.extend(line[:end] for end in range(1, len(line)))
        out += [line.lower(), line.upper()]
    shuffler = random.Random(7)
    for line in labelled:
        words = line.split()
        for _ in range(3):
            shuffler.shuffle(words)
            out.append(" ".join(words))
    for plan in sorted((ROOT / "plans").glob("*.toml")):
        out += re.findall(r'= "([^"\n]{2,200})"', plan.read_text("utf-8"))
    return out


def readings() -> list[Reading]:
    """Every line of the corpus read afresh (``rules.read``: no memory of recent lines)."""
    from model.classify.rules import read

    result = []
    for line in lines():
        reading = read(line)
        result.append((line, reading.kind, reading.confidence, tuple(reading.reasons)))
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("action", choices=("save", "check"))
    parser.add_argument("file", type=Path)
    options = parser.parse_args(argv)
    now = readings()
    if options.action == "save":
        options.file.write_bytes(pickle.dumps(now))
        print(f"{len(now):,} readings saved to {options.file}")
        return 0
    before: list[Reading] = pickle.loads(options.file.read_bytes())
    if [line for line, *_ in before] != [line for line, *_ in now]:
        print("the corpus changed since the readings were saved: save them again first")
        return 2
    changed = [(old, new) for old, new in zip(before, now, strict=True) if old != new]
    print(f"{len(now):,} readings checked, {len(changed):,} changed")
    for old, new in changed[:SHOWN]:
        print(f"  {old[0]!r}\n    before: {old[1:]}\n    now:    {new[1:]}")
    return 1 if changed else 0


if __name__ == "__main__":
    sys.exit(main())
