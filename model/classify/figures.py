"""One number in a line, read where the scan found it: its value, unit and comparator.

:func:`quantity_at` reads a number written in digits or Chinese numerals ("12%", "1.2
million", "NT$600", "三成", "兩倍", "百分之三十", "< 48 hours", "NPS 50+", "4.5 stars"),
:func:`arabic_quantity` the same for a line without Chinese (faster), and
:func:`word_quantity` an English number word ("three", "double", "in half"), each with
what is written right before and after the number (currency, sign, comparator).
:func:`model.classify.quantities.scan` decides where to try them; the words and signs
around numbers are in :mod:`model.classify.units`. All functions take lower-case text
(NFKC normalised) and return spans into it. Every pattern is compiled once, at import.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from model.classify.lexicon import trie_pattern
from model.classify.units import (
    AFTER_FIRST,
    AMOUNT_WORDS,
    CN_NUMERAL_SET,
    COMPARATORS_BEFORE,
    CURRENCY_CODES,
    CURRENCY_SIGNS,
    EN_MAGNITUDES,
    EN_NUMBER_WORDS,
    EN_UNITS,
    MAGNITUDES,
    NOT_ZERO,
    UNIT_OF_GROUP,
    Unit,
    chinese_number,
)
from model.hanzi import both_scripts


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


_TAIL_PATTERN = r"""
(?P<magnitude>\s?(?:k|mn|m|bn|b|million|billion|thousand)(?![a-z])|\s?(?:百萬|千萬|萬|億|千))?
(?:\s?(?:
    (?P<percent>%|percent(?:age\ points?)?(?![a-z])|pct(?![a-z])|pp(?![a-z])|個百分點|百分點)
  | (?P<multiplier>[x×](?![a-z])|倍)
  | (?P<tenths>成)(?![長交本效果員為立功])(?P<tenth>[一二三四五六七八九])?
  | (?P<money>元|塊|美元|美金|歐元|日圓|日元|新台幣|台幣|人民幣|dollars?(?![a-z])|usd(?![a-z])
        |twd(?![a-z])|eur(?![a-z]))
  | (?P<score>stars?(?![a-z])|顆星|星|分(?![鐘之])|points?(?![a-z])|/\s?(?:5|10|100)(?![\d.]))
  | (?P<duration>(?:business\ |working\ )?(?:hours?|hrs?|h|minutes?|mins?|ms|milliseconds?
        |seconds?|secs?|days?|weeks?|months?|quarters?|years?)(?![a-z])
        |小時|分鐘|毫秒|秒|天|星期|個月|週|周|季|年)
  | (?P<times>times)(?![a-z])
  | (?P<classifier>[位名個篇封場支部集則條次款項家筆份人件張頁堂輪套本台間所座種組顆單]
        |步(?<=[0-9\s二兩三四五六七八九十]步)(?![驟驗]))
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
ASCII_NUMBER = re.compile(r"[0-9](?:[0-9,]*[0-9])?(?:\.[0-9]+)?")
"""A number in a line without Chinese; a digit-led pattern, so the engine skips to digits
(``[0-9]``, a bitmap test, rather than ``\\d``, a Unicode lookup: the line is ASCII)."""
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


def _reversed_words(words: list[str]) -> str:
    """A pattern matching any of ``words`` written backwards, longest first."""
    return trie_pattern([word[::-1] for word in words])


_ALPHA_COMPARATORS = [w for w in COMPARATORS_BEFORE if w[0].isascii() and w[0].isalpha()]
_OTHER_COMPARATORS = [w for w in COMPARATORS_BEFORE if w not in _ALPHA_COMPARATORS]
_REVERSED_COMPARATOR = (
    rf"\s*(?:(?P<word>{_reversed_words(_ALPHA_COMPARATORS)})(?![^\W\d_])"
    rf"|(?P<symbol>{_reversed_words(_OTHER_COMPARATORS)}))"
)
_BEFORE_NUMBER = re.compile(
    rf"(?P<currency>{_reversed_words(list(CURRENCY_SIGNS))}|\ {{0,2}}"
    rf"(?:{_reversed_words(list(CURRENCY_CODES))}))?"
    rf"(?P<sign>[-+−±](?![^\W_]))?"
    rf"(?:{_REVERSED_COMPARATOR})?"
)
"""What may be written right before a number, matched on the text before it read
backwards (so one anchored match finds it, however long the line): a currency sign or
code ("NT$", "USD "), a sign ("-", "±") and a comparator ("under", "at least", "達"), a
whole word, longest first. Reading backwards is what makes "longest first" and "a whole
word" one regular expression."""
COMPARATOR_BACKWARDS = re.compile(_REVERSED_COMPARATOR)
"""Just the comparator, matched the same way: for a number written as a word ("at least
three"), and for the scan's check of a bound before a period ("縮短到 2 天內")."""
_BEFORE_ENTRIES = (*COMPARATORS_BEFORE, *CURRENCY_SIGNS, *CURRENCY_CODES, "-", "+", "±", "−")
_BEFORE_LAST = frozenset([*(entry[-1] for entry in _BEFORE_ENTRIES), " "])
"""The last character of anything that can be written right before a number (or a
space, when there are several: then the full match decides)."""
_BEFORE_LAST_PAIRS = frozenset(entry[-2:] for entry in _BEFORE_ENTRIES if entry[-1].isalpha())
"""Their last two characters, for those ending in a letter (most English words do)."""
_NAME_CHARACTERS = frozenset("#._/abcdefghijklmnopqrstuvwxyz0123456789")
"""Characters that make the digits after them part of a name (GA4, p95, #1, v2.0) or of
the number before ("4.5/5", "24/7")."""
_ALWAYS_ON = ("/7", "x7", "×7", "*7", " x 7", "/ 7")
"""What follows the 24 of "24/7", "24x7": always, not an amount."""

_new_quantity = tuple.__new__


def _ratio_end(text: str, end: int) -> int:
    """Where an N:M ratio ends when ``end`` is right after its N ("4:1", "10:1"): a
    one-digit M, or a longer one that no clock or stopwatch time has ("20:80", "70:30",
    "1:100": a number past 59) or that the line calls a ratio ("ratio from 10:15 to
    10:12"); so a time ("9:30", "10:15 standup") is not a ratio, nor is a one-on-one
    ("1:1"). 0 when there is none."""
    if text[end : end + 1] != ":" or not "0" < text[end + 1 : end + 2] <= "9":
        return 0
    m_end = end + 2
    after = text[m_end : m_end + 1]
    if after.isdigit():
        m_end = _long_ratio_end(text, end)
        if not m_end:
            return 0
        after = text[m_end : m_end + 1]
    if after and (after.isalnum() or after in ":.,"):
        return 0  # "9:30", "1:1s"
    if (
        text[end + 1] == "1"
        and m_end == end + 2
        and text[end - 1 : end] == "1"
        and not text[end - 2 : end - 1].isdigit()
    ):
        return 0  # "weekly 1:1": a one-on-one meeting
    return m_end


_RATIO_NAMES = ("ratio", "比例", "比率", "比值")
_RATIO_REACH = 30


def _long_ratio_end(text: str, end: int) -> int:
    """Where an N:M ratio with an M of two or three digits ends, or 0 when it may be a
    time: past 59 on either side, no clock reads it ("20:80", "70:30"); otherwise only
    a ratio named in the words just before it ("ratio of 10:15") makes it one."""
    m_end = end + 2
    while m_end < end + 4 and text[m_end : m_end + 1].isdigit():
        m_end += 1
    if text[m_end : m_end + 1].isdigit():
        return 0
    first = _digits_start(text, end)
    if int(text[end + 1 : m_end]) > 59 or int(text[first:end] or "0") > 59:
        return m_end
    before = text[max(0, first - _RATIO_REACH) : first]
    return m_end if any(name in before for name in _RATIO_NAMES) else 0


def _ratio_second(text: str, position: int) -> bool:
    """Whether the digit at ``position`` is the M of an N:M ratio ("4:1"), read with N."""
    if position < 2 or not text[position - 2].isdigit() or not _ratio_end(text, position - 1):
        return False
    first = _digits_start(text, position - 1)
    return not first or text[first - 1] not in _NAME_CHARACTERS  # not "KR1:5 deals"


def _digits_start(text: str, end: int) -> int:
    """Where the run of digits that ends at ``end`` starts (``end`` itself if none does)."""
    while end and text[end - 1].isdigit():
        end -= 1
    return end


def _ratio(text: str, position: int, value: float, colon: int) -> Quantity:
    """The N:M ratio whose N (``value``) starts at ``position`` and whose colon is at
    ``colon`` ("MQL:SQL ratio of 3:1"): one quantity, its value N/M."""
    m_end = _ratio_end(text, colon)
    value /= int(text[colon + 1 : m_end])
    start, _, _, comparator = _before(text, position)
    end, comparator = _after(text, m_end, comparator)
    return _new_quantity(Quantity, (start, end, value, "ratio", comparator, "", position, False))


def quantity_at(text: str, position: int) -> Quantity | None:
    """The number starting at ``position`` (a digit or a Chinese numeral), if any."""
    previous = text[position - 1] if position else " "
    if previous in "#._/第" or (previous.isascii() and previous.isalnum()):
        return None  # GA4, p95, #1, v2.0, 第一: names and ordinals, not amounts
    if previous == ":" and _ratio_second(text, position):
        return None  # the 1 of "4:1", read with the 4
    if previous in CN_NUMERAL_SET:
        return None  # inside a Chinese numeral already passed over
    if (
        previous == "破"
        and text[position] in _LONE_AMOUNTS
        and text[position - 2 : position - 1] != "打"
    ):
        return _lone_amount(text, position)  # "破千萬", "破億": over ten million, a billion
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
        if match["arabic"] == "24" and text.startswith(_ALWAYS_ON, match.end("arabic")):
            return None  # "24/7" means always, not 24 of something
        value = float(match["arabic"].replace(",", ""))
        if match.end() == match.end("arabic") and _ratio_end(text, match.end()):
            return _ratio(text, position, value, match.end())  # "4:1"
    unit = "percent" if match["percent_of"] else UNIT_OF_GROUP.get(match.lastgroup, "count")
    magnitude = match["magnitude"]
    if magnitude:
        value *= MAGNITUDES[magnitude.strip()]
    if match["tenths"]:
        value = value * 10 + (chinese_number(match["tenth"]) if match["tenth"] else 0)
    end = match.end()
    start, money, negative, comparator = _before(text, position)
    if money:
        unit = money
    if negative:
        value = -value
    classifier = match["classifier"] or "" if match.lastgroup == "classifier" else ""
    if value == 1 and chinese and unit == "count" and not _COMPARATOR_AFTER.match(text, end):
        return None  # 一份, 一次: an article, not an amount
    end, comparator = _after(text, end, comparator)
    return _new_quantity(
        Quantity, (start, end, value, unit, comparator, classifier, position, False)
    )


_LONE_AMOUNTS = {"百": 1e2, "千": 1e3, "萬": 1e4, "万": 1e4, "億": 1e8, "亿": 1e8}
"""Magnitudes that are an amount by themselves after 破 ("破千萬", "破億", "破百萬")."""


def _lone_amount(text: str, position: int) -> Quantity:
    """The amount a magnitude alone gives after 破 ("銷售額破千萬": over 10,000,000)."""
    value = _LONE_AMOUNTS[text[position]]
    end = position + 1
    if value < 1e4 and text[end : end + 1] in _LONE_AMOUNTS:
        value *= _LONE_AMOUNTS[text[end]]  # 千萬, 百萬
        end += 1
    start, _, _, comparator = _before(text, position)
    end, comparator = _after(text, end, comparator)
    return _new_quantity(Quantity, (start, end, value, "count", comparator, "", position, False))


def arabic_quantity(text: str, match: re.Match[str]) -> Quantity | None:
    """The quantity for a digit-led ``match`` of :data:`ASCII_NUMBER` (``text`` is ASCII)."""
    position = match.start()
    if position and text[position - 1] in _NAME_CHARACTERS:
        return None  # GA4, p95, #1, v2.0: names, not amounts
    number = match[0]
    end = match.end()
    if number == "24" and text.startswith(_ALWAYS_ON, end):
        return None  # "24/7" means always, not 24 of something
    value = float(number.replace(",", "") if "," in number else number)
    if text.startswith(":", end) and _ratio_end(text, end):
        return _ratio(text, position, value, end)  # "4:1": one quantity
    if position and text[position - 1] == ":" and _ratio_second(text, position):
        return None  # the 1 of "4:1", read with the 4
    unit: Unit = "count"
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
    start, money, negative, comparator = _before(text, position)
    if money:
        unit = money
    if negative:
        value = -value
    end, comparator = _after(text, end, comparator)
    return _new_quantity(Quantity, (start, end, value, unit, comparator, "", position, False))


def _before(text: str, position: int) -> tuple[int, str, bool, str]:
    """What is written right before the number at ``position``: where the quantity's text
    starts, its unit if that is money (else ``""``), whether it is negative, and its
    comparator ("<" for "under 2%", "=" for "達 35%", "±" for "±5%")."""
    # Most numbers have none of these: the character before them (or the last two
    # letters of the word before) says so without the full match.
    last = position - 1
    if last < 0:
        return position, "", False, ""
    if text[last] == " " and last and text[last - 1] != " ":
        last -= 1
    char = text[last]
    if char not in _BEFORE_LAST or (
        "a" <= char <= "z" and text[last - 1 : last + 1] not in _BEFORE_LAST_PAIRS
    ):
        return position, "", False, ""
    match = _BEFORE_NUMBER.match(text[position - 1 :: -1])
    if not match.end():
        return position, "", False, ""
    sign = match["sign"]
    word = match["word"] or match["symbol"]
    comparator = "±" if sign == "±" else COMPARATORS_BEFORE[word[::-1]] if word else ""
    money = "currency" if match["currency"] is not None else ""
    start = position - match.end()
    if word == "破" and text[start - 1 : start] == "打":
        return position, money, False, ""  # "打破 3 項紀錄": records broken, not "over 3"
    return start, money, sign in ("-", "−"), comparator


def _after(text: str, end: int, comparator: str) -> tuple[int, str]:
    """Where the quantity ends and its comparator, with one written after the number
    ("50+", "or more", "以上", "以內") taking the place of one before it."""
    at = end + 1 if text.startswith(" ", end) else end
    if (
        at < len(text)
        and text[at] in AFTER_FIRST
        and (text[at] not in "oa" or text.startswith(("or", "an"), at))
    ):
        after = _COMPARATOR_AFTER.match(text, end)
        if after is not None:
            return after.end(), "<=" if after["le"] else ">="
    return end, comparator


def word_quantity(text: str, position: int, word: str) -> Quantity | None:
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
    start, comparator = position, ""
    if position:
        before = COMPARATOR_BACKWARDS.match(text[position - 1 :: -1])
        if before is not None:
            word = before["word"] or before["symbol"]
            comparator, start = COMPARATORS_BEFORE[word[::-1]], position - before.end()
    end, comparator = _after(text, end, comparator)
    return _new_quantity(Quantity, (start, end, value, unit, comparator, "", position, False))
