"""Deadlines in a line: "by Q3", "by March 31", "within 60 days", "本季", "年底前", "60 天內".

The patterns are tried only at anchors (see :func:`model.classify.quantities.scan`): at
English cue words (:data:`EN_TIME_CUES`) for English, and at digits, Chinese numerals and
Chinese time characters for Chinese, so they never slide along a whole line.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from model.classify.words_en import (
    EN_ACTION,
    EN_ASPIRATION,
    EN_DIRECTION,
    EN_LAUNCH,
    EN_OUTCOME,
    word_list,
)
from model.hanzi import both_scripts

CN_NUMERALS = "零〇一二兩三四五六七八九十"


class Deadline(NamedTuple):
    """A date or period the line must be done by."""

    start: int
    end: int


EN_TIME_CUES = (
    *("by", "before", "until", "till", "no later than", "in", "during", "within", "over"),
    *("for", "end", "this", "next", "q1", "q2", "q3", "q4", "h1", "h2", "fy", "eoy", "eoq"),
    *("eom", "year-end", "year end", "quarter-end", "quarter end", "month-end", "month end"),
    *("jan", "january", "feb", "february", "mar", "march", "apr", "april", "may", "jun"),
    *("june", "jul", "july", "aug", "august", "sep", "sept", "september", "oct", "october"),
    *("nov", "november", "dec", "december"),
)
"""English words a deadline can start with: the places worth trying :data:`EN_DEADLINE`."""


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
EN_DEADLINE = re.compile(
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
  | {_after("within", "in", "over", "next")}(?:the\s+(?:next|first)\s+)?
        (?:\d+|a|one|two|three|four|six|twelve)\s+(?:days?|weeks?|months?|quarters?|years?)
  | {_after("by", "before", "until", "on")}day\ \d{{1,3}}(?![\d%])
  | {_after("in")}the\ next\ (?:\d+\ )?(?:days?|weeks?|months?|quarters?|years?)
)
(?![a-z0-9%])
""",
    re.VERBOSE,
)
ZH_DEADLINE = re.compile(
    both_scripts(
        rf"""
q[1-4]\s*(?:前|結束前|底)
| 20\d\d-\d\d(?:-\d\d)?(?![\d%])
| (?:[在於于]\s*)?
(?:
    本(?:季度?|月|週|周|年度?|半年|財年|期)
  | 今年度? | 明年 | 年底 | 年末 | 年中 | 月底 | 季末 | 季底 | 上半年 | 下半年 | 全年
  | 第[一二三四1-4]季度?
  | 第\s*(?:\d{{1,3}}|[{CN_NUMERALS}]+)\s*(?:天|週|周|個月)(?=前|內|之前|以前|起|為止)
  | (?:20\d\d|今|明)\s*年(?:\s*\d{{1,2}}\s*月(?:\s*\d{{1,2}}\s*[日號])?|\s*[上下]半年|度)?
  | \d{{1,2}}\s*月\s*\d{{1,2}}\s*[日號] | \d{{1,2}}\s*月(?:底|份)
  | (?:\d+|[{CN_NUMERALS}]+)\s*(?:天|日|週|周|星期|個月|季|年)\s*(?:內|之內|以內)
)
(?:\s*結束)?(?:前|之前|以前|底前|底|內|為止)?
"""
    ),
    re.VERBOSE,
)


_COMPARED = re.compile(
    r"(?:(?<![a-z])(?:vs\.?|versus|than|compared\ (?:to|with)|relative\ to)"
    r"|比|較|较|相[較较][於于]?)\s*$"
)
"""What makes the period after it the one compared with ("vs Q1", "than last year"), not a
deadline."""
_PERIOD_ENDS = ("quarter", "month", "year", "half", "eoy", "eoq", "eom")
_NOT_A_NAME = frozenset(
    (
        *("and", "or", "to", "with", "for", "in", "on", "at", "by", "of", "the", "a", "an"),
        *("as", "before", "after", "until", "when", "each", "every", "so", "then"),
    )
)
_NEXT_WORD = re.compile(r"\s+([a-z]+)(?![a-z0-9%])")


def not_a_deadline(match: re.Match[str]) -> bool:
    """Whether an English deadline ``match`` is something else: a period compared with
    ("Grow signups by 20% vs Q1": Q1 is the baseline), how long a process takes ("Month-end
    close in 5 days"), or a bare "month-end" naming what comes after it ("the month-end
    close", "year-end bonus"). Asked only of a match."""
    text, start = match.string, match.start()
    if start and _COMPARED.search(text, max(0, start - 16), start):
        return True
    if text.startswith("in ", start) and takes_so_long(text, start):
        return True
    if not text.startswith(_PERIOD_ENDS, start):
        return False  # "by month-end", "at year end": a deadline
    word = _NEXT_WORD.match(text, match.end())
    return word is not None and word[1] not in _NOT_A_NAME


_PROCESSES = frozenset(
    word_list("""
close, closing, turnaround, onboarding, payout, payouts, settlement, reconciliation,
resolution, approval, approvals, fulfilment, fulfillment, refund, refunds, repair, repairs,
handover, handoff, hand-off, hiring, sign-off, provisioning, intake, triage, underwriting
""")
)
"""Processes whose length is what a team measures: "in 5 days" after one says how long it
takes ("Month-end close in 5 days", "Refund turnaround in 3 days"), not when to finish."""
_ORDERS = frozenset(
    verb
    for verbs in (EN_ACTION, EN_DIRECTION, EN_ASPIRATION, EN_OUTCOME, EN_LAUNCH)
    for verb in (*verbs, "complete", "finish")
    if " " not in verb
)
"""English verbs that open an order ("Complete onboarding in 30 days": a deadline)."""
_WORDS_BEFORE = re.compile(r"[a-z][a-z-]*")
_PROCESS_UNITS = ("days", "day", "weeks", "week", "hours", "hour", "hrs", "h")


def takes_so_long(text: str, start: int) -> bool:
    """Whether "in N days" at ``start`` is how long the process named just before it takes:
    a line about the process, not an order ("Month-end close in 5 days", "Invoice approval
    in 2 days"; not "Launch the beta in 30 days", "Automate the close in 30 days", nor
    "Close in 5 days", an order with nothing else). The length must end the line.
    :mod:`model.classify.quantities` then reads "in 5 days" as a bound: at most 5 days."""
    number = text[start + 3 : start + 4]
    if not number.isdigit() or not text.isascii():
        return False
    if not text.rstrip().endswith(_PROCESS_UNITS) or text.find(" ", start + 3) < 0:
        return False
    words = _WORDS_BEFORE.findall(text, 0, start)
    if len(words) < 2 or words[-1] not in _PROCESSES:
        return False
    return words[0] not in _ORDERS
