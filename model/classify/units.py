"""The words and signs around numbers: number words, magnitudes, units, comparators.

Tables only (and the Chinese numeral reader); :mod:`model.classify.figures` uses them to
read a number where :mod:`model.classify.quantities` finds one.
"""

from __future__ import annotations

from typing import Literal

from model.classify.deadlines import CN_NUMERALS, EN_TIME_CUES
from model.hanzi import to_simplified

Unit = Literal["percent", "currency", "multiplier", "score", "ratio", "duration", "count"]
"""What a number measures; ``count`` is a plain number of things, ``ratio`` an N:M ratio
("4:1", its value N/M)."""

BOUND_COMPARATORS = frozenset({"<", "<=", ">", ">=", "±"})
"""Comparators that make a number a bound ("under $700", "at least 3", "±2%"): a limit to
keep, not a count of work."""

MEASURE_UNITS = frozenset({"percent", "currency", "multiplier", "score", "ratio"})
"""Units that make a number a measurable target by themselves."""

EN_NUMBER_WORDS: dict[str, float] = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "hundred": 100,
    "a hundred": 100,
    "a dozen": 12,
    "a thousand": 1000,
}
"""English number words and their values."""

AMOUNT_WORDS: dict[str, tuple[float, Unit]] = {
    "half": (50, "percent"),
    "in half": (50, "percent"),
    "a third": (33.3, "percent"),
    "a quarter of": (25, "percent"),
    "double": (2, "multiplier"),
    "doubles": (2, "multiplier"),
    "doubled": (2, "multiplier"),
    "triple": (3, "multiplier"),
    "triples": (3, "multiplier"),
    "tripled": (3, "multiplier"),
    "quadruple": (4, "multiplier"),
    "halve": (0.5, "multiplier"),
    "halves": (0.5, "multiplier"),
    "halved": (0.5, "multiplier"),
    "一半": (50, "percent"),
    "減半": (0.5, "multiplier"),
    "减半": (0.5, "multiplier"),
    "半數": (50, "percent"),
    "半数": (50, "percent"),
    "翻倍": (2, "multiplier"),
    "加倍": (2, "multiplier"),
    "倍增": (2, "multiplier"),
    "翻一番": (2, "multiplier"),
    "百分之百": (100, "percent"),
}
"""Words that are an amount by themselves: (value, unit)."""

EN_CUE_WORDS = frozenset([*EN_NUMBER_WORDS, *AMOUNT_WORDS, *EN_TIME_CUES]) - {
    w for w in AMOUNT_WORDS if not w.isascii()
}
"""Every English word that anchors a deadline or is a number (the lexicon scan finds them)."""

CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "兩": 2, "两": 2, "三": 3, "四": 4, "五": 5}
CN_DIGITS |= {"六": 6, "七": 7, "八": 8, "九": 9}
CN_UNITS = {"十": 10, "百": 100, "千": 1000}
MAGNITUDES = {
    "k": 1e3,
    "thousand": 1e3,
    "m": 1e6,
    "mn": 1e6,
    "million": 1e6,
    "b": 1e9,
    "bn": 1e9,
    "billion": 1e9,
    "千": 1e3,
    "萬": 1e4,
    "万": 1e4,
    "百萬": 1e6,
    "百万": 1e6,
    "千萬": 1e7,
    "千万": 1e7,
    "億": 1e8,
    "亿": 1e8,
}
"""Words that multiply the number before them ("1.2 million", "3k", "5 萬")."""
EN_MAGNITUDES = {w: v for w, v in MAGNITUDES.items() if w.isascii()}
EN_UNITS: dict[str, Unit] = {
    "%": "percent", "percent": "percent", "pct": "percent", "pp": "percent",
    "percentage points": "percent", "percentage point": "percent",
    "x": "multiplier", "×": "multiplier",
    "dollars": "currency", "dollar": "currency", "usd": "currency", "twd": "currency",
    "eur": "currency", "ntd": "currency",
    "stars": "score", "star": "score", "points": "score", "point": "score",
    "/5": "score", "/10": "score", "/100": "score", "/ 5": "score", "/ 10": "score",
    "/ 100": "score",
    "business days": "duration", "business day": "duration", "working days": "duration",
    "working day": "duration",
}  # fmt: skip
"""English unit words after a number, and the unit each means (durations are added below)."""
UNIT_OF_GROUP: dict[str | None, Unit] = {
    "percent": "percent",
    "tenths": "percent",
    "tenth": "percent",
    "multiplier": "multiplier",
    "money": "currency",
    "score": "score",
    "duration": "duration",
}
"""The unit of a number, by the name of the last group its pattern matched."""
AFTER_FIRST = frozenset("+oa以或起之內内")
"""Characters a comparator after a number can start with ("50+", "or more", "以上")."""
CURRENCY_SIGNS = ("nt$", "us$", "hk$", "s$", "a$", "c$", "$", "€", "£", "¥")
"""Signs that make the number after them money ("NT$600")."""
CURRENCY_CODES = ("usd", "twd", "ntd", "eur", "gbp", "jpy", "rmb", "cny")
"""Currency codes that make the number after them money ("USD 500")."""
COMPARATORS_BEFORE: dict[str, str] = {}
for _symbol, _words_before in (
    ("<=", "<=|=<|≤|at most|no more than|not more than|up to|at or below|不超過|最多|以內"),
    ("<=", "not to exceed|not exceed|does not exceed|never exceeds|no higher than|not above"),
    ("<=", "不高於|不多於|不大於|不超出|未超過"),
    (">=", ">=|=>|≥|at least|at or above|no less than|不低於|至少|不少於"),
    ("<", "<|under|below|less than|fewer than|within|低於|少於|小於|不到"),
    (">", ">|above|over|more than|greater than|exceed|exceeds|exceeding|beyond"),
    (">", "高於|超過|多於|大於|突破|逾|破"),
    ("=", "to|reach|reaches|reached|hit|hits|at|達|達到|到|至|為|維持在|保持在|壓在|控制在|目標"),
):
    for _word in _words_before.split("|"):
        COMPARATORS_BEFORE[_word] = _symbol
        COMPARATORS_BEFORE[to_simplified(_word)] = _symbol
"""Words and signs that may come right before a number, with the comparator each means
("under 2%" is ``<``, "達 35%" is ``=``)."""
DURATION_UNITS = frozenset(
    (
        *("h", "hr", "hrs", "hour", "hours", "min", "mins", "minute", "minutes", "ms"),
        *("millisecond", "milliseconds", "second", "seconds", "sec", "secs", "day", "days"),
        *("week", "weeks", "month", "months", "quarter", "quarters", "year", "years"),
        *("小時", "小时", "分鐘", "分钟", "毫秒", "秒", "天", "星期", "個月", "个月", "週", "周"),
        *("季", "年"),
    )
)
"""Units of time after a number ("48 hours", "60 天")."""
EN_UNITS.update({word: "duration" for word in DURATION_UNITS if word.isascii()})
NOT_ZERO = ("售", "件", "食", "錢", "钱", "星", "用", "組", "组", "工")
"""What 零 starts when it is a word, not zero: 零售 (retail), 零件 (parts)..."""
CN_NUMERAL_SET = frozenset(CN_NUMERALS + "两百千〇")
"""Every character a Chinese numeral is written with."""


def chinese_number(text: str) -> float:
    """The value of a Chinese numeral: 三十 is 30, 兩千五百 is 2500, 十二 is 12."""
    total = section = 0
    digit = None
    for char in text:
        if char in CN_DIGITS:
            digit = CN_DIGITS[char]
        elif char in CN_UNITS:
            section += (1 if digit is None else digit) * CN_UNITS[char]
            digit = None
    total += section + (digit or 0)
    return float(total)
