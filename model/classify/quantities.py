"""Numbers, changes and deadlines in a line, in English and Chinese.

:func:`scan` finds the deadlines ("by Q3", "within 60 days", "本季", "年底前") and every
number with its unit and comparator ("12%", "1.2 million", "NT$600", "三成", "兩倍",
"百分之三十", "< 48 hours", "NPS 50+", "4.5 stars"), skipping numbers inside deadlines;
:func:`find_changes` pairs numbers into baseline-to-target moves ("from 9% to 12%",
"從 1.1% 提升到 1.6%"). All functions take lower-case text (NFKC normalised, as
:func:`model.classify.evidence.normalize` makes it) and return spans into it.

It runs on every keystroke, so nothing slides a big pattern along the whole line: a
cheap scan finds *anchors* (digits, Chinese numerals and time words, and the English
cue words the lexicon scan already found: "by", "in", "q3", "three", "half"...), and
the full patterns are only tried, anchored, at those places. Every pattern is compiled
once, at import.
"""

from __future__ import annotations

import re
from itertools import pairwise
from typing import Literal, NamedTuple

from model.classify.hanzi import both_scripts, to_simplified

Unit = Literal["percent", "currency", "multiplier", "score", "duration", "count"]
"""What a number measures; ``count`` is a plain number of things."""

MEASURE_UNITS = frozenset({"percent", "currency", "multiplier", "score"})
"""Units that make a number a measurable target by themselves."""


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


class Change(NamedTuple):
    """A move from a baseline to a target ("from 9% to 12%", "從每週一次到每天一次")."""

    start: int
    end: int
    before: Quantity | None
    """The baseline, when it is a number."""
    after: Quantity | None
    """The target, when it is a number."""


class Deadline(NamedTuple):
    """A date or period the line must be done by."""

    start: int
    end: int


_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?(?![a-z])"
)


def _after(*words: str) -> str:
    """A lookbehind for any of ``words`` followed by a space (each may differ in length)."""
    escaped = [word.replace(" ", "\\ ") for word in words]  # patterns are VERBOSE
    return "(?:" + "|".join(f"(?<={word}\\ )" for word in escaped) + ")"


_PERIOD = (
    r"(?:week|month|quarter|half|year|fiscal\ year|financial\ year|sprint|season|summer"
    r"|spring|autumn|fall|winter|holiday\ season)"
)
_EN_DEADLINE = re.compile(
    rf"""
q[1-4]\s*(?:前|結束前|结束前|底)
|
(?:(?:by|before|until|till|no\ later\ than|in|during|within|over|at|for)\s+)?(?:the\s+)?
(?:end\s+of\s+(?:the\s+)?)?
(?:
    q[1-4](?:\s*(?:20\d\d|fy\s?\d\d))?
  | h[12](?:\s*20\d\d)?
  | fy\s?\d{{2,4}}
  | 20\d\d-\d\d(?:-\d\d)?
  | {_after("by", "in", "of", "before", "during", "until", "for")}20\d\d(?!-\d)
  | {_after("by", "of", "before", "until", "in", "the")}{_MONTH}
        (?:\s+\d{{1,2}}(?:st|nd|rd|th)?)?(?:,?\s+20\d\d)?
  | {_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+20\d\d)?(?![\d%])
  | (?:this|next)\s+{_PERIOD}
  | {_after("end of", "of the")}{_PERIOD}
  | (?:quarter|month|year|half)[-\s]end | eoy | eoq | eom
  | {_after("within", "in", "over", "next")}(?:the\s+next\s+)?
        (?:\d+|a|one|two|three|four|six|twelve)\s+(?:days?|weeks?|months?|quarters?|years?)
  | {_after("in")}the\ next\ (?:\d+\ )?(?:days?|weeks?|months?|quarters?|years?)
)
(?![a-z0-9%])
""",
    re.VERBOSE,
)
_CN_NUMERALS = "零〇一二兩三四五六七八九十"
_ZH_DEADLINE = re.compile(
    both_scripts(
        rf"""
q[1-4]\s*(?:前|結束前|底)
| 20\d\d-\d\d(?:-\d\d)?(?![\d%])
| (?:[在於于]\s*)?
(?:
    本(?:季度?|月|週|周|年度?|半年|財年|期)
  | 今年度? | 明年 | 年底 | 年末 | 年中 | 月底 | 季末 | 季底 | 上半年 | 下半年 | 全年
  | 第[一二三四1-4]季度?
  | (?:20\d\d|今|明)\s*年(?:\s*\d{{1,2}}\s*月(?:\s*\d{{1,2}}\s*[日號])?|\s*[上下]半年|度)?
  | \d{{1,2}}\s*月\s*\d{{1,2}}\s*[日號] | \d{{1,2}}\s*月(?:底|份)
  | (?:\d+|[{_CN_NUMERALS}]+)\s*(?:天|日|週|周|星期|個月|季|年)\s*(?:內|之內|以內)
)
(?:\s*結束)?(?:前|之前|以前|底前|底|內|為止)?
"""
    ),
    re.VERBOSE,
)

# --- numbers -------------------------------------------------------------------------

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
    "fifteen": 15,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
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

EN_TIME_CUES = (
    *("by", "before", "until", "till", "no later than", "in", "during", "within", "over"),
    *("for", "end", "this", "next", "q1", "q2", "q3", "q4", "h1", "h2", "fy", "eoy", "eoq"),
    *("eom", "year-end", "year end", "quarter-end", "quarter end", "month-end", "month end"),
    *("jan", "january", "feb", "february", "mar", "march", "apr", "april", "may", "jun"),
    *("june", "jul", "july", "aug", "august", "sep", "sept", "september", "oct", "october"),
    *("nov", "november", "dec", "december"),
)
"""English words a deadline can start with: the places worth trying the deadline pattern."""

EN_CUE_WORDS = frozenset([*EN_NUMBER_WORDS, *AMOUNT_WORDS, *EN_TIME_CUES]) - {
    w for w in AMOUNT_WORDS if not w.isascii()
}
"""Every English word that anchors a deadline or is a number (the lexicon scan finds them)."""

_CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "兩": 2, "两": 2, "三": 3, "四": 4, "五": 5}
_CN_DIGITS |= {"六": 6, "七": 7, "八": 8, "九": 9}
_CN_UNITS = {"十": 10, "百": 100, "千": 1000}
_MAGNITUDES = {
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
_EN_MAGNITUDES = {w: v for w, v in _MAGNITUDES.items() if w.isascii()}
_EN_UNITS: dict[str, Unit] = {
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
_UNITS: dict[str | None, Unit] = {
    "percent": "percent",
    "tenths": "percent",
    "tenth": "percent",
    "multiplier": "multiplier",
    "money": "currency",
    "score": "score",
    "duration": "duration",
}
"""The unit of a number, by the name of the last group its pattern matched."""
_AFTER_FIRST = frozenset("+oa以或起之內内")
"""Characters a comparator after a number can start with ("50+", "or more", "以上")."""
_CURRENCY_SIGNS = ("nt$", "us$", "hk$", "s$", "a$", "c$", "$", "€", "£", "¥")
_CURRENCY_CODES = ("usd", "twd", "ntd", "eur", "gbp", "jpy", "rmb", "cny")
_COMPARATORS_BEFORE: dict[str, str] = {}
for _symbol, _words_before in (
    ("<=", "<=|=<|≤|at most|no more than|not more than|up to|at or below|不超過|最多|以內"),
    (">=", ">=|=>|≥|at least|at or above|no less than|不低於|至少|不少於"),
    ("<", "<|under|below|less than|fewer than|within|低於|少於|小於|不到"),
    (">", ">|above|over|more than|greater than|exceed|exceeds|exceeding|beyond"),
    (">", "高於|超過|多於|大於|突破|逾"),
    ("=", "to|reach|reaches|reached|hit|hits|at|達|達到|到|至|為|維持在|保持在|壓在|控制在|目標"),
):
    for _word in _words_before.split("|"):
        _COMPARATORS_BEFORE[_word] = _symbol
        _COMPARATORS_BEFORE[to_simplified(_word)] = _symbol
"""Words and signs that may come right before a number, with the comparator each means
("under 2%" is ``<``, "達 35%" is ``=``)."""
_BEFORE_LENGTHS: dict[str, tuple[int, ...]] = {}
for _word in _COMPARATORS_BEFORE:
    _BEFORE_LENGTHS[_word[-1]] = (*_BEFORE_LENGTHS.get(_word[-1], ()), len(_word))
_BEFORE_LENGTHS = {last: tuple(sorted(set(n), reverse=True)) for last, n in _BEFORE_LENGTHS.items()}
"""For each last character, the lengths of the comparator words ending in it, longest first."""
_DURATION_UNITS = frozenset(
    (
        *("h", "hr", "hrs", "hour", "hours", "min", "mins", "minute", "minutes", "ms"),
        *("millisecond", "milliseconds", "second", "seconds", "sec", "secs", "day", "days"),
        *("week", "weeks", "month", "months", "quarter", "quarters", "year", "years"),
        *("小時", "小时", "分鐘", "分钟", "毫秒", "秒", "天", "星期", "個月", "个月", "週", "周"),
        *("季", "年"),
    )
)
_EN_UNITS.update({word: "duration" for word in _DURATION_UNITS if word.isascii()})
_SCORE_UNITS = ("star", "顆星", "颗星", "星", "分", "point", "/")
_NOT_ZERO = ("售", "件", "食", "錢", "钱", "星", "用", "組", "组", "工")
_CN_NUMERAL_SET = frozenset(_CN_NUMERALS + "两百千〇")

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
                match = _EN_DEADLINE.match(text, position)
                if match is not None and match.end() > position:
                    deadlines.append(_new_deadline(Deadline, (position, match.end())))
                    covered = match.end()
                continue
        else:
            if not ascii_only or text.startswith("-", position + 4):  # 本季, 2026-03-31
                match = _ZH_DEADLINE.match(text, position)
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
        match = _EN_DEADLINE.match(text, position)
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


def chinese_number(text: str) -> float:
    """The value of a Chinese numeral: 三十 is 30, 兩千五百 is 2500, 十二 is 12."""
    total = section = 0
    digit = None
    for char in text:
        if char in _CN_DIGITS:
            digit = _CN_DIGITS[char]
        elif char in _CN_UNITS:
            section += (1 if digit is None else digit) * _CN_UNITS[char]
            digit = None
    total += section + (digit or 0)
    return float(total)


def _quantity(text: str, position: int) -> Quantity | None:
    """The number starting at ``position`` (a digit or a Chinese numeral), if any."""
    previous = text[position - 1] if position else " "
    if previous in "#._第" or (previous.isascii() and previous.isalnum()):
        return None  # GA4, p95, #1, v2.0, 第一: names and ordinals, not amounts
    if previous in _CN_NUMERAL_SET:
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
            if text.startswith(_NOT_ZERO, match.end("chinese")):
                return None  # 零售 (retail), 零件 (parts): words, not zero
        elif match.end() == match.end("chinese"):
            return None  # 一起, 統一: a numeral needs a unit or measure word
        value = chinese_number(chinese)
    elif match["percent_of"]:
        raw = match["percent_number"]
        value = float(raw) if raw[0].isdigit() else chinese_number(raw)
    else:
        value = float(match["arabic"].replace(",", ""))
    unit = "percent" if match["percent_of"] else _UNITS.get(match.lastgroup, "count")
    magnitude = match["magnitude"]
    if magnitude:
        value *= _MAGNITUDES[magnitude.strip()]
    if match["tenths"]:
        value = value * 10 + (chinese_number(match["tenth"]) if match["tenth"] else 0)
    start, end = position, match.end()
    window = text[max(0, position - 5) : position]
    if window.endswith(_CURRENCY_SIGNS) or window.rstrip().endswith(_CURRENCY_CODES):
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
        magnitude = _EN_MAGNITUDES.get(word[1])
        if magnitude is not None and not text[word.end() : word.end() + 1].isalpha():
            value *= magnitude
            end = word.end()
            word = _UNIT_WORD.match(text, end)
    if word is not None:
        found = _EN_UNITS.get(word[1])
        if found is not None:
            unit, end = found, word.end()
        elif text.startswith("times", end + 1):
            end += 6
    start = position
    window = text[max(0, position - 5) : position]
    if window.endswith(_CURRENCY_SIGNS) or window.rstrip().endswith(_CURRENCY_CODES):
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
    for sign in (*_CURRENCY_SIGNS, *_CURRENCY_CODES):
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
    unit = _UNITS.get(tail.lastgroup, "count")
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
    lengths = _BEFORE_LENGTHS.get(before[-1:])
    if lengths is not None:
        for length in lengths:
            word = before[-length:]
            symbol = _COMPARATORS_BEFORE.get(word) if len(word) == length else None
            if symbol is None:
                continue
            cut = window_start + len(before) - length
            if word[0].isascii() and word[0].isalpha() and cut and text[cut - 1].isalpha():
                continue  # "into", "photo": part of a longer word
            comparator = comparator or symbol
            start = cut
            break
    following = text[end : end + 2].lstrip()[:1]
    if following in _AFTER_FIRST:
        after = _COMPARATOR_AFTER.match(text, end)
        if after is not None:
            comparator = "<=" if after["le"] else ">="
            end = after.end()
    return _new_quantity(
        Quantity, (start, end, value, unit, comparator, classifier, number_start, False)
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
