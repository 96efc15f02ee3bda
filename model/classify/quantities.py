"""Numbers and deadlines in a line, in English and Chinese.

:func:`scan` finds the deadlines ("by Q3", "within 60 days", "本季", "年底前") and every
number with its unit and comparator ("12%", "1.2 million", "NT$600", "三成", "兩倍",
"百分之三十", "< 48 hours", "NPS 50+", "4.5 stars"), skipping numbers inside deadlines.
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
from typing import NamedTuple

from model.classify.deadlines import (
    EN_DEADLINE,
    ZH_DEADLINE,
    Deadline,
)
from model.classify.hanzi import both_scripts
from model.classify.units import (
    AFTER_FIRST,
    AMOUNT_WORDS,
    BEFORE_LENGTHS,
    CN_NUMERAL_SET,
    COMPARATORS_BEFORE,
    CURRENCY_CODES,
    CURRENCY_SIGNS,
    EN_CUE_WORDS,
    EN_MAGNITUDES,
    EN_NUMBER_WORDS,
    EN_UNITS,
    MAGNITUDES,
    NOT_ZERO,
    UNIT_OF_GROUP,
    Unit,
    chinese_number,
)


class Quantity(NamedTuple):
    """One number found in a line."""

    start: int
    """Where the number's text starts, comparator included ("under 2%")."""
    end: int
    """Where the number's text ends, unit and trailing comparator included ("50+")."""
    value: float
    """The number itself: 12 for "12%", 1200000 for "1.2 million", 30 for "三成"."""
    unit: Unit
    """What it measures."""
    comparator: str
    """``<``, ``<=``, ``>``, ``>=``, ``=`` ("to 12%", "達 35%"), ``±`` or empty."""
    classifier: str
    """The Chinese measure word after the number ("場" in "2 場"), or empty."""
    number_start: int
    """Where the number itself starts (after any comparator or currency sign)."""
    spelled: bool = False
    """Written as an amount word ("double", "in half", "一半") rather than as a number."""


# Places a number, a Chinese amount or a Chinese deadline can start.
_ANCHOR = re.compile(
    both_scripts(r"[0-9零〇一二兩三四五六七八九十百半減翻加倍本今明年月季上下全第在於于]")
)
_TAIL_PATTERN = r"""
(?P<magnitude>\s?(?:k|mn|m|bn|b|million|billion|thousand)(?![a-z])|\s?(?:百萬|千萬|萬|億|千))?
(?:\s?(?:
    (?P<percent>%|percent(?:age\ points?)?(?![a-z])|pct(?![a-z])|pp(?![a-z])|個百分點|百分點)
  | (?P<multiplier>[x×](?![a-z])|倍)
  | (?P<tenths>成)(?P<tenth>[一二三四五六七八九])?
  | (?P<money>元|塊|美元|美金|歐元|日圓|日元|新台幣|台幣|人民幣|dollars?(?![a-z])|usd(?![a-z])
        |twd(?![a-z])|eur(?![a-z]))
  | (?P<score>stars?(?![a-z])|顆星|星|分(?![鐘之])|points?(?![a-z])|/\s?(?:5|10|100)(?![\d.]))
  | (?P<duration>(?:business\ |working\ )?(?:hours?|hrs?|h|minutes?|mins?|ms|milliseconds?
        |seconds?|secs?|days?|weeks?|months?|quarters?|years?)(?![a-z])
        |小時|分鐘|毫秒|秒|天|星期|個月|週|周|季|年)
  | (?P<times>times)(?![a-z])
  | (?P<classifier>[位名個篇封場支部集則條次款項家筆份人件張頁堂輪套本台間所座種組顆單])
))?
"""
_NUMBER = re.compile(
    both_scripts(
        r"""
(?:
    (?P<percent_of>百分之)(?P<percent_number>[零〇一二兩三四五六七八九十百]+|\d+(?:\.\d+)?)
  | (?P<arabic>(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|\.\d+)
  | (?P<amount_zh>一半|減半|半數|翻倍|加倍|倍增|翻一番)
  | (?P<chinese>[零〇一二兩三四五六七八九十百千]+)
)"""
        + _TAIL_PATTERN
    ),
    re.VERBOSE,
)
_TAIL = re.compile(both_scripts(_TAIL_PATTERN), re.VERBOSE)
_ASCII_NUMBER = re.compile(r"\d(?:[\d,]*\d)?(?:\.\d+)?")
"""A number in a line without Chinese; a digit-led pattern, so the engine skips to digits."""
_UNIT_WORD = re.compile(r" ?([a-z]+(?: (?:points?|days?))?|/ ?(?:5|10|100)(?![\d.])|[%×])")
_COMPARATOR_AFTER = re.compile(
    both_scripts(
        r"""
\s*(?:
    (?P<ge>\+|or\ (?:more|higher|better|above|greater)|and\ (?:above|up|over)|以上|或以上|或更高|起)
  | (?P<le>or\ (?:less|lower|below|fewer|under)|以下|以內|之內|內|或以下|或更低)
)
""",
    ),
    re.VERBOSE,
)
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


_new_quantity = _new_deadline = tuple.__new__


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
    for position, word in anchors:
        if position < covered:
            continue
        if word:
            if word in EN_NUMBER_WORDS or word in AMOUNT_WORDS:
                quantity = _word_quantity(text, position, word)
            else:
                match = EN_DEADLINE.match(text, position)
                if match is not None and match.end() > position:
                    deadlines.append(_new_deadline(Deadline, (position, match.end())))
                    covered = match.end()
                continue
        else:
            if not ascii_only or text.startswith("-", position + 4):  # 本季, 2026-03-31
                match = ZH_DEADLINE.match(text, position)
                if match is not None and match.end() > position:
                    deadlines.append(_new_deadline(Deadline, (position, match.end())))
                    covered = match.end()
                    continue
            quantity = _quantity(text, position)
        if quantity is not None:
            quantities.append(quantity)
            covered = quantity.end
    return deadlines, quantities


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
            quantity = _word_quantity(text, position, word)
            if quantity is not None:
                words.append(quantity)
            continue
        match = EN_DEADLINE.match(text, position)
        if match is not None and match.end() > position:
            deadlines.append(_new_deadline(Deadline, (position, match.end())))
            covered.append((position, match.end()))
    quantities: list[Quantity] = []
    for match in _ASCII_NUMBER.finditer(text):
        position = match.start()
        if covered and any(start <= position < end for start, end in covered):
            continue
        quantity = _arabic_quantity(text, match)
        if quantity is not None:
            quantities.append(quantity)
    if words:
        quantities = sorted(quantities + words)
    return deadlines, quantities


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


def _quantity(text: str, position: int) -> Quantity | None:
    """The number starting at ``position`` (a digit or a Chinese numeral), if any."""
    previous = text[position - 1] if position else " "
    if previous in "#._第" or (previous.isascii() and previous.isalnum()):
        return None  # GA4, p95, #1, v2.0, 第一: names and ordinals, not amounts
    if previous in CN_NUMERAL_SET:
        return None  # inside a Chinese numeral already passed over
    match = _NUMBER.match(text, position)
    if match is None:
        return None
    amount = match["amount_zh"]
    if amount:
        value, unit = AMOUNT_WORDS[amount]
        return Quantity(position, match.end(), value, unit, "=", "", position, True)
    chinese = match["chinese"]
    if chinese is not None:
        if chinese == "零":
            if text.startswith(NOT_ZERO, match.end("chinese")):
                return None  # 零售 (retail), 零件 (parts): words, not zero
        elif match.end() == match.end("chinese"):
            return None  # 一起, 統一: a numeral needs a unit or measure word
        value = chinese_number(chinese)
    elif match["percent_of"]:
        raw = match["percent_number"]
        value = float(raw) if raw[0].isdigit() else chinese_number(raw)
    else:
        value = float(match["arabic"].replace(",", ""))
    unit = "percent" if match["percent_of"] else UNIT_OF_GROUP.get(match.lastgroup, "count")
    magnitude = match["magnitude"]
    if magnitude:
        value *= MAGNITUDES[magnitude.strip()]
    if match["tenths"]:
        value = value * 10 + (chinese_number(match["tenth"]) if match["tenth"] else 0)
    start, end = position, match.end()
    window = text[max(0, position - 5) : position]
    if window.endswith(CURRENCY_SIGNS) or window.rstrip().endswith(CURRENCY_CODES):
        unit = "currency"
        start = position - len(window) + _currency_start(window)
    if start and text[start - 1] in "-+−±" and (start < 2 or not text[start - 2].isalnum()):
        start -= 1
        if text[start] in "-−":
            value = -value
    classifier = match["classifier"] or "" if match.lastgroup == "classifier" else ""
    if value == 1 and chinese and unit == "count" and not _COMPARATOR_AFTER.match(text, end):
        return None  # 一份, 一次: an article, not an amount
    return _with_comparators(text, start, end, value, unit, classifier, position)


def _arabic_quantity(text: str, match: re.Match[str]) -> Quantity | None:
    """The quantity for a digit-led ``match`` of :data:`_ASCII_NUMBER`."""
    position = match.start()
    previous = text[position - 1] if position else " "
    if previous in "#._" or previous.isalnum():
        return None  # GA4, p95, #1, v2.0: names, not amounts
    value = float(match[0].replace(",", ""))
    unit: Unit = "count"
    end = match.end()
    word = _UNIT_WORD.match(text, end)
    if word is not None:
        magnitude = EN_MAGNITUDES.get(word[1])
        if magnitude is not None and not text[word.end() : word.end() + 1].isalpha():
            value *= magnitude
            end = word.end()
            word = _UNIT_WORD.match(text, end)
    if word is not None:
        found = EN_UNITS.get(word[1])
        if found is not None:
            unit, end = found, word.end()
        elif text.startswith("times", end + 1):
            end += 6
    start = position
    window = text[max(0, position - 5) : position]
    if window.endswith(CURRENCY_SIGNS) or window.rstrip().endswith(CURRENCY_CODES):
        unit = "currency"
        start = position - len(window) + _currency_start(window)
    if start and text[start - 1] in "-+±" and (start < 2 or not text[start - 2].isalnum()):
        start -= 1
        if text[start] == "-":
            value = -value
    return _with_comparators(text, start, end, value, unit, "", position)


def _currency_start(window: str) -> int:
    """Where, in ``window``, the currency sign or code that ends it starts."""
    stripped = window.rstrip()
    for sign in (*CURRENCY_SIGNS, *CURRENCY_CODES):
        if stripped.endswith(sign):
            return len(stripped) - len(sign)
    return len(window)


def _word_quantity(text: str, position: int, word: str) -> Quantity | None:
    """A number written as an English word ("three", "zero", "half", "double")."""
    end = position + len(word)
    if word in AMOUNT_WORDS:
        if word == "double" and text.startswith(" down", end):
            return None  # "double down" is not doubling
        value, amount_unit = AMOUNT_WORDS[word]
        return Quantity(position, end, value, amount_unit, "=", "", position, True)
    value = EN_NUMBER_WORDS[word]
    tail = _TAIL.match(text, end)
    unit = UNIT_OF_GROUP.get(tail.lastgroup, "count")
    end = tail.end()
    if value == 1 and unit == "count" and not _COMPARATOR_AFTER.match(text, end):
        return None  # "one place": an article
    return _with_comparators(text, position, end, value, unit, "", position)


def _with_comparators(
    text: str, start: int, end: int, value: float, unit: Unit, classifier: str, number_start: int
) -> Quantity:
    comparator = "±" if text[start] == "±" else ""
    window_start = max(0, start - 16)
    before = text[window_start:start].rstrip()
    lengths = BEFORE_LENGTHS.get(before[-1:])
    if lengths is not None:
        for length in lengths:
            word = before[-length:]
            symbol = COMPARATORS_BEFORE.get(word) if len(word) == length else None
            if symbol is None:
                continue
            cut = window_start + len(before) - length
            if word[0].isascii() and word[0].isalpha() and cut and text[cut - 1].isalpha():
                continue  # "into", "photo": part of a longer word
            comparator = comparator or symbol
            start = cut
            break
    following = text[end : end + 2].lstrip()[:1]
    if following in AFTER_FIRST:
        after = _COMPARATOR_AFTER.match(text, end)
        if after is not None:
            comparator = "<=" if after["le"] else ">="
            end = after.end()
    return _new_quantity(
        Quantity, (start, end, value, unit, comparator, classifier, number_start, False)
    )
