"""Numbers and deadlines in a line, in English and Chinese: where they are.

:func:`scan` finds the deadlines ("by Q3", "within 60 days", "本季", "年底前") and every
number with its unit and comparator ("12%", "1.2 million", "NT$600", "三成", "兩倍",
"百分之三十", "< 48 hours", "NPS 50+", "4.5 stars"), skipping numbers inside deadlines.
Each number is read where it starts by :mod:`model.classify.figures`;
:mod:`model.classify.changes` pairs numbers into baseline-to-target moves; the words
and signs around numbers (units, magnitudes, comparators) are in
:mod:`model.classify.units`. All functions take lower-case text (NFKC normalised, as
:func:`model.classify.evidence.normalize` makes it) and return spans into it.

It runs on every keystroke, so nothing slides a big pattern along the whole line: a
cheap scan finds *anchors* (digits, Chinese numerals and time words, and the English
cue words the lexicon scan already found: "by", "in", "q3", "three", "half"...), and
the full patterns are only tried, anchored, at those places. Every pattern is compiled
once, at import.
"""

from __future__ import annotations

import re

from model.classify.deadlines import (
    EN_DEADLINE,
    ZH_DEADLINE,
    Deadline,
    not_a_deadline,
    takes_so_long,
)
from model.classify.figures import (
    ASCII_NUMBER,
    COMPARATOR_BACKWARDS,
    Quantity,
    arabic_quantity,
    quantity_at,
    word_quantity,
)
from model.classify.units import AMOUNT_WORDS, EN_CUE_WORDS, EN_NUMBER_WORDS
from model.hanzi import both_scripts, in_both_scripts

# Places a number, a Chinese amount or a Chinese deadline can start (a run of digits is one
# place: only its first digit can start a number; 千, 萬, 億 only right after 破, "破千萬").
# One character class first, the conditions after it: the engine then skips to the next
# candidate character itself instead of trying every branch at every position.
_ANCHOR = re.compile(
    both_scripts(
        r"[0-9零〇一二兩三四五六七八九十百半減翻加倍本今明年月季上下全第在於于千萬億]"
        r"(?<![0-9][0-9])(?<![^破][千萬億])(?<!^[千萬億])(?<!打破[千萬億])"
    )
)
_ONLY_DEADLINE = frozenset("本今明年月季上下全第在於于")
"""Anchors that can start a deadline but not a number."""
_DEADLINE_NEXT = {
    "本": "季月週周年半財财期",
    "今": "年 ",
    "明": "年 ",
    "年": "底末中",
    "月": "底",
    "季": "末底",
    "上": "半",
    "下": "半",
    "全": "年",
    "第": "一二三四1234",
}
"""For a time word that may start a deadline, the characters that can follow it there
("本季", "年底", "第三季"): anywhere else ("本公司", "上線") it is not worth trying."""
_EN_CUE_PATTERN = re.compile(
    r"(?<![a-z0-9])(?:"
    + "|".join(re.escape(w) for w in sorted(EN_CUE_WORDS, key=len, reverse=True))
    + r")(?![a-z0-9])"
)

Cue = tuple[int, str]
"""An English cue word found in a line: (where it starts, the word)."""


def english_cues(text: str) -> list[Cue]:
    """The English cue words in ``text``; the classifier gets these from its lexicon scan."""
    return [(m.start(), m[0]) for m in _EN_CUE_PATTERN.finditer(text)]


_new_deadline = tuple.__new__


def scan(text: str, cues: list[Cue] | None = None) -> tuple[list[Deadline], list[Quantity]]:
    """The deadlines and the numbers (outside deadlines) in ``text``, left to right.

    ``cues`` are the English cue words with their positions; when not given they are
    found here (the classifier passes the ones its lexicon scan already found).
    """
    if cues is None:
        cues = english_cues(text)
    ascii_only = text.isascii()
    if ascii_only:
        return _scan_ascii(text, cues)
    anchors: list[tuple[int, str]] = [(m.start(), "") for m in _ANCHOR.finditer(text)]
    if cues:
        anchors = sorted(anchors + cues) if anchors else cues
    deadlines: list[Deadline] = []
    quantities: list[Quantity] = []
    covered = 0
    deadline_next = _DEADLINE_NEXT
    for position, word in anchors:
        if position < covered:
            continue
        if word:
            if word in EN_NUMBER_WORDS or word in AMOUNT_WORDS:
                quantity = word_quantity(text, position, word)
            else:
                match = EN_DEADLINE.match(text, position)
                if match is not None and match.end() > position and not not_a_deadline(match):
                    deadlines.append(_new_deadline(Deadline, (position, match.end())))
                    covered = match.end()
                continue
        else:
            char = text[position]
            following = deadline_next.get(char)
            if following is None or text[position + 1 : position + 2] in following:
                match = ZH_DEADLINE.match(text, position)
                if (
                    match is not None
                    and match.end() > position
                    and not _bound_before(text, position, char)
                ):
                    deadlines.append(_new_deadline(Deadline, (position, match.end())))
                    covered = match.end()
                    continue
            if char in _ONLY_DEADLINE:
                continue
            quantity = quantity_at(text, position)
        if quantity is not None:
            quantities.append(quantity)
            covered = quantity.end
    return deadlines, quantities


def _bound_before(text: str, position: int, char: str) -> bool:
    """Whether what reads as a period ("2 天內") is the value a comparator before it sets:
    "縮短到 2 天內", "控制在 3 天以內" measure a duration; "60 天內完成" is a deadline."""
    if char in "在於于":
        return text.endswith(_HOLDING_VERBS, 0, position)
    return bool(position) and COMPARATOR_BACKWARDS.match(text[position - 1 :: -1]) is not None


_HOLDING_VERBS = tuple(in_both_scripts(("控制", "維持", "保持", "壓")))
"""Verbs that make "在" after them part of a bound ("控制在 3 天內")."""


def _scan_ascii(text: str, cues: list[Cue]) -> tuple[list[Deadline], list[Quantity]]:
    """:func:`scan` for a line without Chinese: deadlines start at cue words, numbers at
    digits (found by one digit-led search) or number words."""
    deadlines: list[Deadline] = []
    covered: list[tuple[int, int]] = []
    words: list[Quantity] = []
    for position, word in cues:
        if covered and position < covered[-1][1]:
            continue
        if word in EN_NUMBER_WORDS or word in AMOUNT_WORDS:
            quantity = word_quantity(text, position, word)
            if quantity is not None:
                words.append(quantity)
            continue
        match = EN_DEADLINE.match(text, position)
        if match is not None and match.end() > position and not not_a_deadline(match):
            deadlines.append(_new_deadline(Deadline, (position, match.end())))
            covered.append((position, match.end()))
    quantities: list[Quantity] = []
    for match in ASCII_NUMBER.finditer(text):
        position = match.start()
        if covered and any(start <= position < end for start, end in covered):
            continue
        quantity = arabic_quantity(text, match)
        if quantity is not None:
            if quantity.unit == "duration" and not quantity.comparator:
                quantity = _process_length(text, quantity)
            quantities.append(quantity)
    if words:
        quantities = sorted(quantities + words)
    return deadlines, quantities


def _process_length(text: str, quantity: Quantity) -> Quantity:
    """A bare duration after "in" that says how long a process takes ("Month-end close in
    5 days": see :func:`~model.classify.deadlines.takes_so_long`) as a bound: at most that
    long. Any other duration as it is."""
    start = quantity.start - 3
    if start > 0 and text.startswith("in ", start) and takes_so_long(text, start):
        return quantity._replace(start=start, comparator="<=")
    return quantity


def find_deadlines(text: str) -> list[Deadline]:
    """Every deadline in ``text``: quarters, dates, years, "this quarter", "60 天內"..."""
    return scan(text)[0]


def find_quantities(text: str) -> list[Quantity]:
    """Every number in ``text`` outside its deadlines, with its unit and comparator.

    Chinese numerals count only with a unit or measure word ("三成", "兩倍", "5 場"),
    so words such as 一起 or 統一 are not numbers; a bare "one"/"一" before a measure
    word reads as an article ("寫一份手冊") and is skipped; 零 is zero.
    """
    return scan(text)[1]
