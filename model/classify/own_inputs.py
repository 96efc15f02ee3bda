"""The team's own inputs among a line's numbers: money it spends or a budget it raises,
a headcount it grows. Setting an input is the team's decision, so such a number makes a
line an initiative, not a key result ("Spend $50k on LinkedIn ads", "Increase ad budget
to $80k", "Hire 2 engineers and get to 8 people"); cutting one is a saving, a result."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from model.classify import lexicon as lx
from model.classify.changes import Change
from model.classify.nouns import CLAUSE_BREAK, noun_after, noun_before
from model.classify.quantities import Quantity
from model.classify.units import BOUND_COMPARATORS
from model.hanzi import in_both_scripts

if TYPE_CHECKING:
    from model.classify.evidence import Evidence

_HIRING_WORDS = lx.word_list(
    "hire, recruit, staff, backfill, 招募, 招聘, 聘請, 聘用, 聘任, 徵才, 招"
)
HIRING_VERBS = in_both_scripts(_HIRING_WORDS)
"""Verbs that grow the team itself, as they open a line (English in its base form): a
head count they reach is an input, not a result."""
_PEOPLE_WORDS = frozenset(
    lx.word_list("""
people, persons, staff, employees, engineers, developers, designers, reps, heads, ftes,
team members, members, hires, headcount
""")
)
_PEOPLE_CLASSIFIERS = frozenset("人位名")
"""Chinese classifiers that count people (8 人, 3 位, 5 名)."""
_TEAM_AFTER = ("團隊", "团队", "編制", "编制", "人力", "的團隊", "的团队")
_WORD_AFTER = re.compile(r"\s*([a-z]+(?: members)?)")


def team_size(text: str, quantity: Quantity) -> int:
    """Where a head count reached after a hiring verb ends, or 0 when the number counts
    something else: people, staff, engineers ("get to 8 people"), or 人/位/名 ending the
    clause or before 團隊, 編制 ("並達到 8 人"; not "帶來 300 人報名")."""
    if quantity.classifier:
        if quantity.classifier not in _PEOPLE_CLASSIFIERS:
            return 0
        rest = text[quantity.end :].lstrip()
        if not rest or CLAUSE_BREAK.match(rest) or rest.startswith(_TEAM_AFTER):
            return quantity.end
        return 0
    word = _WORD_AFTER.match(text, quantity.end)
    if word is None or word[1] not in _PEOPLE_WORDS:
        return 0
    return word.end()


_LOWERING_WORDS = lx.word_list(
    "reduce, cut, lower, decrease, trim, shrink, 降低, 減少, 縮減, 削減, 壓低, 下降"
)
LOWERING = in_both_scripts(_LOWERING_WORDS)
"""Direction verbs that lower a measure, in both Chinese scripts as the lexicon has its
words: cutting a budget or a headcount is a saving, a result (only raising or setting an
input is the team's own decision)."""
_PER = ("per ", "每", "人均", "/")
_PEOPLE_OR_NONE = _PEOPLE_CLASSIFIERS | {""}
"""A count's classifier when it may be a headcount: one for people, or none at all."""


def sets_input(
    evidence: Evidence, start: int, sides: Sequence[Quantity], change: Change | None
) -> bool:
    """Whether numbers set one of the team's own inputs: an amount of money or a count,
    with no bound, raised ("from 120 to 150"), and the nearest noun before them (in the
    same clause) a budget or a headcount ("Increase ad budget to $80k/month", "客服人力從
    10 人增加到 15 人"), not something measured per head ("Revenue per headcount"). Asked
    only with a direction verb (raised, grown, 增加, 擴編) that does not lower."""
    for quantity in sides:
        if quantity.comparator in BOUND_COMPARATORS:
            return False  # "within budget", "headcount under 150": a limit kept, a result
        if quantity.unit == "count":
            if quantity.classifier not in _PEOPLE_OR_NONE or noun_after(evidence, quantity.end):
                return False  # "4 場", "4 new engineers": counts of something else
        elif quantity.unit != "currency":
            return False
    before, after = (change.before, change.after) if change is not None else (None, None)
    if before is not None and after is not None and after.value < before.value:
        return False  # "from $80k to $60k": a saving
    noun = noun_before(evidence, start)
    if noun is None or not noun.categories & lx.INPUT:
        return False
    return not any(word in evidence.text[max(0, noun.start - 5) : noun.start] for word in _PER)


def spent(evidence: Evidence, quantity: Quantity) -> bool:
    """Whether a number after a spending verb is the money spent: an amount of money, or
    a large bare count ("Spend 50k on ads", "花費 5 萬在廣告"), with no bound ("Spend
    under $40 per lead" keeps a cost down: a result)."""
    verb = evidence.verb
    if verb is None or quantity.start < verb.end or quantity.comparator in BOUND_COMPARATORS:
        return False
    if quantity.unit == "currency":
        return True
    return quantity.unit == "count" and not quantity.classifier and quantity.value >= 1000
