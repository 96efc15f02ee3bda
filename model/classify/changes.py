"""Baseline-to-target moves: "from 9% to 12%", "從 1.1% 提升到 1.6%", "from weekly to daily"."""

from __future__ import annotations

import re
from itertools import pairwise
from typing import NamedTuple

from model.classify.hanzi import both_scripts
from model.classify.quantities import Quantity


class Change(NamedTuple):
    """A move from a baseline to a target ("from 9% to 12%", "從每週一次到每天一次")."""

    start: int
    end: int
    before: Quantity | None
    """The baseline, when it is a number."""
    after: Quantity | None
    """The target, when it is a number."""


_CHANGE_GAP = re.compile(
    both_scripts(
        r"""\s*(?:[a-z][a-z-]*\s+)?(?:
    (?:to|→|->|=>|until)
  | (?:提升|提高|增加|增長|成長|降低|減少|縮短|下降|上升|拉高|壓低|增|減|降|升|改善|縮減|擴大)?
        \s*(?:到|至|為|成)
  | →|->
)\s*(?:(?:nt|us|hk)?\$|€|£|¥|(?:usd|twd|ntd|eur)\s?)?\s*$""",
    ),
    re.VERBOSE,
)
_FROM_BEFORE = re.compile(both_scripts(r"(?:(?<![a-z])from|從|由)\s*$"))
_WORD_CHANGE = re.compile(
    both_scripts(
        r"""
    (?<![a-z])from\s+(?:weekly|monthly|daily|quarterly|yearly|manual|never|once\ a\ \w+)\s+to\s+
        (?:weekly|monthly|daily|hourly|quarterly|automatic|always|continuous|on\ demand)(?![a-z])
  | 從\s*每[週周月天日季年][^,,。;]{0,8}?(?:提升|提高|增加|縮短|降低|加快)?\s*(?:到|至|為)
        \s*每[週周月天日季年小][^,,。;]{0,6}
""",
    ),
    re.VERBOSE,
)


def find_changes(text: str, quantities: list[Quantity]) -> list[Change]:
    """Baseline-to-target moves: a pair of numbers joined by "to"/"到" after "from"/"從"
    (or by an arrow), and the wordless "from weekly to daily" / "從每週一次到每天一次"."""
    changes: list[Change] = []
    for before, after in pairwise(quantities):
        gap_start = before.end
        if after.number_start - gap_start > 12:
            continue
        gap = _CHANGE_GAP.match(text, gap_start, after.number_start)
        if not gap:
            continue
        start = before.start
        opener = _FROM_BEFORE.search(text, max(0, start - 6), start)
        if opener:
            start = opener.start()
        elif not any(sign in gap[0] for sign in ("→", "->", "=>", "到", "至", "为", "為")):
            continue  # "2 to 3 weeks" is a range, not a change
        if not opener and before.comparator == "" and gap[0].strip() in ("到", "至", "to"):
            continue  # "3 到 5 款" is a range; a change needs "from/從" or a verb before "到"
        changes.append(Change(start, after.end, before, after))
    if not changes:
        word = _WORD_CHANGE.search(text)
        if word:
            changes.append(Change(word.start(), word.end(), None, None))
    return changes
