"""A large plan for the benchmarks: 300 KPIs, 3,000 items and 3,000 check-ins, with
long texts in English and Traditional Chinese. Deterministic (a fixed seed), so every
run and every machine measures the same file.

    python -m bench.large_plan [PATH]      (default: a file in the system temp folder)
"""

from __future__ import annotations

import datetime as dt
import random
import sys
import tempfile
from pathlib import Path

KPIS = 300
ITEMS = 3_000
CHECKINS = 3_000
OBJECTIVE = "Grow the regional marketplace into every mid-sized city 讓每個中型城市都有我們的市集"
"""The objective statement: the text the start-up benchmark waits for on screen."""

_EN = (
    "Raise the weekly active seller rate across every regional marketplace and keep the "
    "refund rate under control while the sales team doubles its outreach"
)
_ZH = "提升各區域市集的每週活躍賣家比例，同時在業務團隊加倍拓展時控制退款率，並每月檢視進度"
_UNITS = ("percent", "ratio", "currency", "count", "duration", "score")
_CADENCES = ("daily", "weekly", "biweekly", "monthly", "quarterly")
_KINDS = ("key_result", "initiative", "objective")


def _text(rng: random.Random, number: int) -> str:
    """A long line mixing English and Chinese, distinct per ``number``."""
    words = _EN.split()
    rng.shuffle(words)
    return f"{number}: {' '.join(words[: rng.randint(8, len(words))])} {_ZH[: rng.randint(10, 40)]}"


def large_plan_text(seed: int = 8) -> str:
    """The TOML text of the large plan (built through the plan model, so it is valid)."""
    from model.plan import CheckIn, Item, Kpi, NorthStar, Objective, Plan
    from model.store import dumps_plan

    rng = random.Random(seed)
    start = dt.date(2026, 1, 1)
    kpis = [
        Kpi(
            id=f"kpi_{n}",
            name=f"指標 {n} {_EN[: rng.randint(20, 60)]}",
            definition=_text(rng, n) + " " + _text(rng, n + 1),
            unit=rng.choice(_UNITS),
            cadence=rng.choice(_CADENCES),
            data_source=_ZH[: rng.randint(5, 30)],
            owner=f"團隊 {n % 17}",
            baseline=float(rng.randint(1, 500)),
            target=float(rng.randint(501, 1_000)),
        )
        for n in range(1, KPIS + 1)
    ]
    items = [
        Item(
            text=_text(rng, n),
            kind=rng.choice(_KINDS),
            kpi=f"kpi_{rng.randint(1, KPIS)}" if n % 3 else None,
        )
        for n in range(1, ITEMS + 1)
    ]
    checkins = [
        CheckIn(
            kpi=f"kpi_{n % KPIS + 1}",
            date=start + dt.timedelta(days=n // KPIS * 7),
            value=float(rng.randint(1, 1_000)),
            confidence=rng.randint(0, 10),
            note=_ZH[: rng.randint(0, 40)],
        )
        for n in range(CHECKINS)
    ]
    plan = Plan(
        title="大型組織計畫 Large organisation plan",
        currency="TWD",
        objective=Objective(
            statement=OBJECTIVE,
            kgi="NT$120M gross merchandise value by 2026-12-31",
            start=start,
            end=dt.date(2026, 12, 31),
        ),
        north_star=NorthStar(name="Weekly active sellers", unit="count"),
        kpis=kpis,
        items=items,
        checkins=checkins,
    )
    return dumps_plan(plan)


def write_large_plan(path: Path | None = None) -> Path:
    """Write the large plan to ``path`` (default: a new temporary file) and return it."""
    if path is None:
        path = Path(tempfile.mkdtemp(prefix="okr-bench-")) / "large-plan.toml"
    path.write_text(large_plan_text(), encoding="utf-8")
    return path


if __name__ == "__main__":
    target = write_large_plan(Path(sys.argv[1]) if len(sys.argv) > 1 else None)
    print(f"{target} ({target.stat().st_size:,} bytes)")
